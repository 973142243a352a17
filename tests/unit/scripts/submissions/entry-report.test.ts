import { describe, expect, it } from "vitest";
import { formatReport, type ReportRow } from "../../../../scripts/submissions/entry-report.ts";

const line = (over: Partial<ReportRow>): ReportRow => ({ board: "t2v", column: "quality_mos", metric: "mos", value: 3.21, ciLow: 3.1, ciHigh: 3.3, rank: "2 of 5", missing: null, ...over });

describe("formatReport", () => {
  it("explains every '—' under the table and leaves the overall line's value and interval blank (it is a rank only)", () => {
    const text = formatReport([
      line({}),
      line({ column: "alignment_mos", ciLow: null, ciHigh: null, missing: "no interval: one rater only" }),
      line({ column: "qa_accuracy", metric: "accuracy", value: null, ciLow: null, ciHigh: null, rank: "(refused)", missing: "refused, so no figure: the reason is in the notes below" }),
      line({ column: "overall", metric: null, value: null, ciLow: null, ciHigh: null, rank: "3 of 5" }),
    ]).split("\n");
    expect(text).toHaveLength(7);
    expect(text[4]).toMatch(/^t2v\s+overall\s+3 of 5$/);
    expect(text[4]).not.toContain("—");
    expect(text.slice(5)).toEqual([
      "— t2v alignment_mos: no interval: one rater only",
      "— t2v qa_accuracy: refused, so no figure: the reason is in the notes below",
    ]);
    // Every dash in the table has its line under it.
    expect(text.slice(0, 5).join("\n").match(/—/g)).toHaveLength(3);
  });

  it("prints no explanation when every figure has its value and interval", () => {
    expect(formatReport([line({})]).split("\n")).toHaveLength(2);
  });
});
