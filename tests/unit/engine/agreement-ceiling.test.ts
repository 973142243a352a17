import { describe, expect, it } from "vitest";
import { agreementCeiling, ceilingStatistic, consistencyIcc, pearson, spearmanBrown } from "../../../src/engine/index.ts";
import fixture from "../../fixtures/engine/agreement-ceiling.json" with { type: "json" };

describe("agreementCeiling", () => {
  it("matches NumPy's two-way ANOVA ICC(C,1), its Spearman–Brown step-up and sqrt (scripts/dev/golden/make_agreement_ceiling_fixtures.py)", () => {
    expect(fixture.ceilings.length).toBeGreaterThanOrEqual(5);
    for (const c of fixture.ceilings) {
      const found = agreementCeiling(c.table, c.weights);
      expect(found, c.name).not.toBeNull();
      expect(found?.raters, c.name).toBe(c.expected.raters);
      expect(found?.singleRater, c.name).toBeCloseTo(c.expected.singleRater, 12);
      expect(found?.reliability, c.name).toBeCloseTo(c.expected.reliability, 12);
      expect(found?.ceiling, c.name).toBeCloseTo(c.expected.ceiling, 12);
    }
  });

  it("gives 0, not NaN, when the raters agree less than chance", () => {
    const c = fixture.ceilings.find((x) => x.name.startsWith("little agreement"));
    expect(c?.expected.reliability).toBeLessThan(0);
    expect(agreementCeiling(c?.table ?? [])?.ceiling).toBe(0);
  });

  it("is 1 for raters who agree up to a constant leniency (consistency, not absolute agreement)", () => {
    const table = [[1, 2], [2, 3], [4, 5], [3, 4]];
    expect(consistencyIcc(table)).toBeCloseTo(1, 12);
    expect(agreementCeiling(table)?.ceiling).toBeCloseTo(1, 12);
  });

  it("bounds the correlation of the true score with the raters' mean in a simulation (sqrt(R_k) ≈ corr(true, mean))", () => {
    // 4,000 videos, true score N(0,1), three raters adding N(0, 0.8²): R_1 = 1/1.64, R_3 = 3/(3+0.64)·…; corr(true, mean) = sqrt(R_3).
    let seed = 12345;
    const uniform = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) + 0.5) / 2 ** 32;
    const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    const truth: number[] = [];
    const table: number[][] = [];
    for (let i = 0; i < 4000; i++) {
      const t = normal();
      truth.push(t);
      table.push([t + 0.8 * normal(), t + 0.8 * normal(), t + 0.8 * normal()]);
    }
    const means = table.map((row) => (row[0]! + row[1]! + row[2]!) / 3);
    const found = agreementCeiling(table);
    const expected = Math.sqrt(1 / (1 + 0.64 / 3));
    expect(found?.ceiling).toBeCloseTo(expected, 1);
    expect(pearson(truth, means)).toBeCloseTo(found?.ceiling ?? 0, 1);
  });

  it("refuses an incomplete table, naming the row", () => {
    expect(() => agreementCeiling([[1, 2], [3]])).toThrow(/row 1 has 1 ratings, expected 2/);
    expect(() => agreementCeiling([[1, 2]])).toThrow(/at least 2 videos/);
  });

  it("as a bootstrap statistic, gives the table's ceiling on unit weights and null on a resample of one video", () => {
    const table = fixture.ceilings[1]?.table ?? [];
    const statistic = ceilingStatistic(table);
    expect(statistic(new Float64Array(table.length).fill(1), -1)).toBeCloseTo(fixture.ceilings[1]?.expected.ceiling ?? 0, 12);
    expect(statistic(Float64Array.from(table, (_, i) => (i === 0 ? table.length : 0)), 0)).toBeNull();
  });

  it("reproduces FETV's ceilings from the raw ratings when the golden script saw the dataset", () => {
    expect(fixture.fetv === null || Object.keys(fixture.fetv).length === 3).toBe(true);
  });
});

describe("spearmanBrown", () => {
  it("matches k·r/(1+(k−1)·r) computed by the golden script", () => {
    for (const c of fixture.spearmanBrown) expect(spearmanBrown(c.r1, c.k)).toBeCloseTo(c.expected, 14);
  });

  it("refuses fewer than one rater", () => {
    expect(() => spearmanBrown(0.5, 0)).toThrow(/k must be above 0/);
  });
});
