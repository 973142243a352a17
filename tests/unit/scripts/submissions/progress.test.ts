import { describe, expect, it } from "vitest";
import { createProgress } from "../../../../scripts/submissions/progress.ts";

function sink(isTTY: boolean) {
  let text = "";
  return { isTTY, columns: 200, write: (t: string) => (text += t), text: () => text };
}

describe("createProgress", () => {
  it("escapes what labels and notes quote, keeping only the bar's own carriage return and clear-line raw", () => {
    const tty = sink(true);
    const progress = createProgress(2, tty);
    progress.step("reading bundles/\u001b[2J\u202Eevil");
    progress.note("entry \u001b[31mred\r");
    progress.done();
    const raw = tty.text().replaceAll("\r", "").replaceAll("\u001b[K", "");
    expect(raw).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(raw).toContain("reading bundles/\\u001b[2J\\u202eevil · entry \\u001b[31mred");
  });

  it("writes plain lines off a terminal, each quoted value escaped and a multi-line note kept on its lines", () => {
    const plain = sink(false);
    const progress = createProgress(1, plain);
    progress.step("reading \u0007bell");
    progress.note("first \u001b[0m\nsecond");
    expect(plain.text()).toBe("[1/1] reading \\u0007bell\n      first \\u001b[0m\nsecond\n");
  });
});
