/**
 * Entry names: the hostile names of issue 16 and a corpus of our own. Expected look-alikes are by hand from
 * Unicode's confusables.txt (UTS #39): U+0421 CYRILLIC CAPITAL ES → C, U+0406 → l, U+0420 → P, U+03A1 GREEK RHO → P,
 * U+0030 DIGIT ZERO → O, capital I → l, m → rn.
 */
import { describe, expect, it } from "vitest";
import { EntryNameSchema, nameKeys, namesLookAlike, RESERVED_ENTRY_IDS } from "../../../src/schemas/entry-name.ts";

function refusal(name: string): string {
  const result = EntryNameSchema.safeParse(name);
  if (result.success) throw new Error(`accepted ${JSON.stringify(name)} as ${JSON.stringify(result.data)}`);
  return result.error.issues.map((i) => i.message).join("; ");
}

describe("EntryNameSchema", () => {
  const refused: [string, string, RegExp][] = [
    ["a zero-width space (CLIP\\u200BScore)", "CLIP\u200BScore", /invisible or control character U\+200B at position 5/],
    ["a soft hyphen (CLIP\\u00ADScore)", "CLIP\u00ADScore", /U\+00AD at position 5/],
    ["a Cyrillic С among Latin letters", "\u0421LIPScore", /mixes the scripts Cyrillic and Latin/],
    ["a right-to-left override (\\u202EerocSPILC)", "\u202EerocSPILC", /U\+202E at position 1/],
    ["ANSI escapes that clear the screen and paint it red", "\u001b[2J\u001b[31mRed Model", /U\+001B at position 1/],
    ["a NUL", "Model\u0000X", /U\+0000 at position 6/],
    ["a bidi isolate", "Model \u2066X\u2069", /U\+2066/],
    ["a left-to-right mark", "Model\u200E", /U\+200E/],
    ["a C1 control (CSI)", "Model\u009b2J", /U\+009B/],
    ["DEL", "Model\u007f", /U\+007F/],
    ["a line separator", "Model\u2028Injected", /U\+2028/],
    ["a newline", "Model\nStored. Entry accepted", /U\+000A/],
    ["a Hangul filler, which renders as nothing (NFKC makes U+3164 the filler U+1160)", "Model\u3164", /U\+1160/],
    ["a variation selector", "Model\uFE0F", /U\+FE0F/],
    ["a private-use character", "Model\uE000", /U\+E000/],
    ["a tag character", "Model\u{E0041}", /U\+E0041/],
    ["a zero-width joiner", "Mo\u200Ddel", /U\+200D/],
    ["a byte-order mark inside the name (at its ends it is trimmed as a space)", "Mo\uFEFFdel", /U\+FEFF/],
    ["stacked combining marks (Zalgo)", "Z\u0335\u0321\u0322algo", /stacks three or more combining marks/],
    ["two spaces in a row", "My  Model", /two or more spaces in a row/],
    ["only spaces", "   ", /must not be empty/],
    ["only ideographic spaces (NFKC makes them spaces)", "\u3000\u3000", /must not be empty/],
    ["only punctuation", "!!! ---", /at least one Latin letter or digit/],
    ["a 10 KB name", "x".repeat(10_240), /at most 100 characters/],
    ["a name that is a route segment: compare", "compare", /entry id "compare", which the site uses for its own pages/],
    ["a name that is a route segment: Dimensions", "Dimensions", /entry id "dimensions"/],
    ["a name whose id is a direction", "T2V", /entry id "t2v"/],
    ["Greek letters among Latin ones", "\u03bcP Video", /mixes the scripts Greek and Latin/],
  ];
  for (const [what, name, message] of refused) {
    it(`refuses ${what}`, () => {
      expect(refusal(name)).toMatch(message);
    });
  }

  it("normalises with NFKC before anything else: fullwidth letters and a no-break space become plain ones", () => {
    expect(EntryNameSchema.parse("\uFF23\uFF2C\uFF29\uFF30\u00A0Score")).toBe("CLIP Score");
    expect(EntryNameSchema.parse("  Model 2 ")).toBe("Model 2");
    // The ligature ﬁ is two letters once normalised; accents stay.
    expect(EntryNameSchema.parse("\uFB01ne Café")).toBe("fine Café");
  });

  it("accepts ordinary names, Latin mixed with Chinese, Japanese or Korean, and accents", () => {
    for (const name of ["InternVL2.5 (38B)", "Kling 可灵", "Hunyuan 混元 Video", "CogVideoX-5B", "Café Diffusion", "VideoCrafter 2"]) {
      expect(EntryNameSchema.safeParse(name).success, name).toBe(true);
    }
  });

  it("reserves every route segment the site uses beside entry pages", () => {
    for (const id of ["index", "compare", "dimensions", "charts", "downloads", "t2v", "v2t"]) expect(RESERVED_ENTRY_IDS.has(id), id).toBe(true);
  });
});

describe("namesLookAlike", () => {
  const alike: [string, string][] = [
    ["CLIPScore", "\u0421LIPScore"],
    ["CLIPScore", "CLlPScore"],
    ["CLIP Score", "clip score"],
    ["CLIP Score", "CLIPScore"],
    ["Gen-2", "Gen 2"],
    ["Gen-2", "GEN2"],
    ["ZeroScope", "Zer0Scope"],
    ["ModelScope", "ModeIScope"],
    ["ModelScope", "rnodelscope"],
    ["Pika", "\u0420\u0456\u043a\u0430"],
    ["Pika", "\u03a1\u0399\u039a\u0391"],
    ["Café", "Cafe"],
  ];
  for (const [a, b] of alike) {
    it(`finds ${JSON.stringify(a)} and ${JSON.stringify(b)} alike, either way round`, () => {
      expect(namesLookAlike(a, b)).toBe(true);
      expect(namesLookAlike(b, a)).toBe(true);
    });
  }

  it("tells apart names that differ in a letter or digit a reader sees", () => {
    for (const [a, b] of [["Gen-2", "Gen-3"], ["CLIP Score", "CLIP Score v2"], ["Pika", "Pika 1.0"], ["ModelScope", "ModelScape"], ["BLIP-BLEU", "BLIP-BLUE"]]) {
      expect(namesLookAlike(a as string, b as string), `${a} / ${b}`).toBe(false);
    }
  });

  it("gives keys of letters and digits only", () => {
    for (const key of nameKeys("InternVL2.5 (38B)")) expect(key).toMatch(/^[\p{L}\p{N}]+$/u);
  });
});
