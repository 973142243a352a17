import { describe, expect, it } from "vitest";
import { spearman, spearmanWithoutTieCorrection } from "../../../src/engine/index.ts";
import fixture from "../../fixtures/engine/spearman-textbook.json" with { type: "json" };

describe("spearmanWithoutTieCorrection", () => {
  it("gives 1 − 6Σd²/(n(n²−1)) on mid-ranks as NumPy does (scripts/dev/golden/make_spearman_textbook_fixtures.py)", () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(4);
    for (const c of fixture.cases) expect(spearmanWithoutTieCorrection(c.x, c.y), c.name).toBeCloseTo(c.textbook, 12);
  });

  it("equals SciPy's ρ without ties and differs from it with ties", () => {
    const [untied, tied] = fixture.cases;
    expect(spearmanWithoutTieCorrection(untied?.x ?? [], untied?.y ?? [])).toBeCloseTo(spearman(untied?.x ?? [], untied?.y ?? []) as number, 12);
    expect(Math.abs((spearmanWithoutTieCorrection(tied?.x ?? [], tied?.y ?? []) as number) - (tied?.scipy as number))).toBeGreaterThan(1e-3);
  });

  it("gives −1 for two items in opposite order (by hand: d = ±1, 1 − 6·2/(2·3) = −1) and nothing for fewer or constant data", () => {
    expect(spearmanWithoutTieCorrection([1, 2], [2, 1])).toBe(-1);
    expect(spearmanWithoutTieCorrection([1], [1])).toBeNull();
    expect(spearmanWithoutTieCorrection([1, 1, 1], [1, 2, 3])).toBeNull();
  });

  it("refuses unpaired or non-finite data", () => {
    expect(() => spearmanWithoutTieCorrection([1, 2], [1])).toThrow();
    expect(() => spearmanWithoutTieCorrection([1, Number.NaN], [1, 2])).toThrow();
  });
});
