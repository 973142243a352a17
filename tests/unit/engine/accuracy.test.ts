import { describe, expect, it } from "vitest";
import { accuracy, normalizeAnswer } from "../../../src/engine/index.ts";

describe("normalizeAnswer", () => {
  it("reads any text containing 'yes' as Yes, case-insensitively, before looking for 'no'", () => {
    expect(normalizeAnswer("Yes.")).toBe("yes");
    expect(normalizeAnswer("YES, no doubt")).toBe("yes");
    expect(normalizeAnswer("eyes")).toBe("yes");
  });

  it("reads text containing 'no' but not 'yes' as No, literally (so 'I don't know' is No)", () => {
    expect(normalizeAnswer("No")).toBe("no");
    expect(normalizeAnswer("I don't know")).toBe("no");
  });

  it("treats other text, empty text and missing answers as invalid; booleans map directly", () => {
    expect(normalizeAnswer("maybe")).toBeNull();
    expect(normalizeAnswer("")).toBeNull();
    expect(normalizeAnswer(null)).toBeNull();
    expect(normalizeAnswer(undefined)).toBeNull();
    expect(normalizeAnswer(true)).toBe("yes");
    expect(normalizeAnswer(false)).toBe("no");
  });
});

describe("accuracy", () => {
  it("returns the fraction correct and counts invalid answers as wrong", () => {
    const result = accuracy(["Yes", "no", "unclear", "YES it is"], ["yes", "yes", "no", true]);
    expect(result).toEqual({ accuracy: 0.5, correct: 2, total: 4, invalid: 1 });
  });

  it("is null for no answers", () => {
    expect(accuracy([], []).accuracy).toBeNull();
  });

  it("rejects a truth that is not yes/no and unequal lengths, naming the index", () => {
    expect(() => accuracy(["yes"], ["perhaps"])).toThrow(/truth\[0\]/);
    expect(() => accuracy(["yes", "no"], ["yes"])).toThrow(/index 1/);
  });
});
