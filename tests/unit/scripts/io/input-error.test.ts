/** quoted(): untrusted text in a message can neither drive the terminal nor pass for other text. */
import { describe, expect, it } from "vitest";
import { quoted } from "../../../../scripts/io/input-error.ts";

describe("quoted", () => {
  it("escapes controls (NUL, ESC, BEL, DEL, C1), format and bidi characters, and lone surrogates", () => {
    expect(quoted("a\u0000b\u001b[2J\u0007\u007f\u009b")).toBe('"a\\u0000b\\u001b[2J\\u0007\\u007f\\u009b"');
    expect(quoted("CLIP\u200bScore \u202eerocs \u00ad \ud800")).toBe('"CLIP\\u200bScore \\u202eerocs \\u00ad \\ud800"');
  });

  it("escapes quotes and backslashes, keeps ordinary letters of any script, and cuts long text", () => {
    expect(quoted('say "hi" \\ Аllegro é')).toBe('"say \\"hi\\" \\\\ Аllegro é"');
    expect(quoted("x".repeat(10), 4)).toBe('"xxxx…"');
  });
});
