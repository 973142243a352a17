import { describe, expect, it } from "vitest";
import { AuditSourceRowSchema } from "../../../src/schemas/audit.ts";

const row = {
  kind: "figure",
  board: "v2t-instance",
  dimension: "overall",
  entry: "BLIP-BLEU",
  perspective: "alignment",
  metric: "srcc",
  published: "0.152",
  decimals: "3",
  where: "Table 1",
  note: "",
};

describe("AuditSourceRowSchema's variant column", () => {
  it("is optional: a file without it, or an empty cell, names no variant", () => {
    expect(AuditSourceRowSchema.parse(row).variant).toBeUndefined();
    expect(AuditSourceRowSchema.parse({ ...row, variant: "" }).variant).toBe("");
  });

  it("takes srcc-untied on a V2T board's srcc figure", () => {
    expect(AuditSourceRowSchema.parse({ ...row, variant: "srcc-untied" }).variant).toBe("srcc-untied");
    expect(AuditSourceRowSchema.parse({ ...row, board: "v2t-model", variant: "srcc-untied" }).variant).toBe("srcc-untied");
  });

  it("refuses an unknown variant, and srcc-untied on another metric, a rank or the T2V board, naming the field", () => {
    const refused = (cells: Record<string, string>) => AuditSourceRowSchema.safeParse({ ...row, ...cells }).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(refused({ variant: "kendall-untied" })).toEqual(['variant: expected "" or "srcc-untied"']);
    expect(refused({ metric: "krcc", variant: "srcc-untied" })).toEqual(["variant: the srcc-untied variant applies to a V2T board's srcc figure only"]);
    expect(refused({ kind: "rank", metric: "rank", perspective: "", variant: "srcc-untied" })).toEqual(["variant: the srcc-untied variant applies to a V2T board's srcc figure only"]);
    expect(refused({ board: "t2v", metric: "mos", variant: "srcc-untied" })).toEqual(["variant: the srcc-untied variant applies to a V2T board's srcc figure only"]);
  });
});
