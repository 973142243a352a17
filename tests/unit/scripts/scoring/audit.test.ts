import { describe, expect, it } from "vitest";
import { roundsTo } from "../../../../scripts/scoring/audit.ts";

describe("roundsTo", () => {
  it("agrees when the value is within half a unit of the last printed decimal (by hand)", () => {
    expect(roundsTo(0.42493, 0.425, 3)).toBe(true);
    expect(roundsTo(0.4254, 0.425, 3)).toBe(true);
    expect(roundsTo(0.4256, 0.425, 3)).toBe(false);
    expect(roundsTo(0.1513, 0.152, 3)).toBe(false);
    expect(roundsTo(4, 4, 0)).toBe(true);
    expect(roundsTo(21, 24, 0)).toBe(false);
  });
});
