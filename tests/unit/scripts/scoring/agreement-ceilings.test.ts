import { describe, expect, it } from "vitest";
import { ceilingProblems } from "../../../../scripts/scoring/agreement-ceilings.ts";
import { emptyContent, type StoreContent } from "../../../../scripts/store/store-content.ts";

/** A content with one benchmark, one ceiling (0.90, interval [0.88, 0.92]) and one V2T entry's overall instance figures. */
function content(figures: { metric: string; value: number; ciLow: number | null }[], ceilingInterval = true): StoreContent {
  const c = emptyContent();
  c.benchmarks.push({ id: "b", title: "B", version: "1", summary: "", paperTitle: "", paperUrl: "", citation: "", labelsPublic: true, protocolJson: "{}", position: 0 });
  c.agreementCeilings.push({ benchmarkId: "b", perspectiveId: "p", raters: 3, videos: 100, singleRater: 0.7, reliability: 0.81, ceiling: 0.9, ciLow: ceilingInterval ? 0.88 : null, ciHigh: ceilingInterval ? 0.92 : null });
  for (const f of figures) {
    c.results.push({ benchmarkId: "b", direction: "v2t", entryId: "e", level: "instance", dimension: "overall", perspectiveId: "p", metric: f.metric, value: f.value, ciLow: f.ciLow, ciHigh: f.value + 0.01, provenance: "recomputed" });
  }
  return c;
}

describe("ceilingProblems", () => {
  it("refuses an SRCC whose interval lies wholly above the ceiling's interval, naming the file and column, and saying why", () => {
    const problems = ceilingProblems(content([{ metric: "srcc", value: 0.95, ciLow: 0.93 }]), "b", "e", "bundle/predictions.jsonl");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "bundle/predictions.jsonl", field: "p_srcc" });
    expect(problems[0]?.message).toMatch(/above the human agreement ceiling 0\.900 \(interval up to 0\.920\).*no method can agree with their mean better than the raters' own agreement allows\. This benchmark's per-video human scores are public/);
  });

  it("lets through a figure whose interval reaches into the ceiling's, however high its point value", () => {
    expect(ceilingProblems(content([{ metric: "srcc", value: 0.95, ciLow: 0.92 }]), "b", "e", "f")).toEqual([]);
    expect(ceilingProblems(content([{ metric: "srcc", value: 0.95, ciLow: 0.915 }]), "b", "e", "f")).toEqual([]);
  });

  it("checks Pearson's figures too but never Kendall's, whose scale is lower", () => {
    const c = content([{ metric: "plcc", value: 0.97, ciLow: 0.95 }, { metric: "krcc_c", value: 0.97, ciLow: 0.95 }]);
    expect(ceilingProblems(c, "b", "e", "f").map((p) => p.field)).toEqual(["p_plcc"]);
  });

  it("compares with the point ceiling when the ceiling has no interval, and uses a figure's value when it has none", () => {
    expect(ceilingProblems(content([{ metric: "srcc", value: 0.91, ciLow: 0.905 }], false), "b", "e", "f")).toHaveLength(1);
    expect(ceilingProblems(content([{ metric: "srcc", value: 0.93, ciLow: null }]), "b", "e", "f")).toHaveLength(1);
  });

  it("checks nothing on a benchmark without a ceiling", () => {
    expect(ceilingProblems(content([{ metric: "srcc", value: 0.99, ciLow: 0.98 }]), "other", "e", "f")).toEqual([]);
  });
});
