import { describe, expect, it } from "vitest";
import { escapeLines, escapeTerminal, escapingWriter } from "../../../../scripts/io/terminal-text.ts";

describe("escapeTerminal", () => {
  it("shows ANSI escapes, NUL, DEL, C1 controls and bidi controls as visible escapes", () => {
    expect(escapeTerminal("\u001b[2J\u001b[31mred\u0000x\u007f\u009b\u202Eevil\u2066")).toBe("\\u001b[2J\\u001b[31mred\\u0000x\\u007f\\u009b\\u202eevil\\u2066");
  });

  it("escapes line breaks, carriage returns, tabs and line separators inside one value", () => {
    expect(escapeTerminal("a\nb\rc\td\u2028e")).toBe("a\\u000ab\\u000dc\\u0009d\\u2028e");
  });

  it("escapes zero-width and soft-hyphen characters and astral format characters", () => {
    expect(escapeTerminal("CLIP\u200BScore\u00AD\u{E0041}")).toBe("CLIP\\u200bScore\\u00ad\\u{e0041}");
  });

  it("leaves printable text, accents and other scripts as they are, and is idempotent", () => {
    const text = "Café 可灵 Gen-2 <b>&amp; \\u001b";
    expect(escapeTerminal(text)).toBe(text);
    expect(escapeTerminal(escapeTerminal("\u001b[0m"))).toBe("\\u001b[0m");
  });
});

describe("escapeLines and escapingWriter", () => {
  it("keep the line breaks between lines and escape the rest", () => {
    expect(escapeLines("one \u001b[31m\ntwo\r")).toBe("one \\u001b[31m\ntwo\\u000d");
    const written: string[] = [];
    escapingWriter({ write: (t: string) => written.push(t) }).write("name \u202Eevil\n");
    expect(written).toEqual(["name \\u202eevil\n"]);
  });
});
