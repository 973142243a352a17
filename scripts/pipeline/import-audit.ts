/** Imports a benchmark's audit.csv: the published figures and ranks this site recomputes. */
import fs from "node:fs";
import path from "node:path";
import { AuditSourceRowSchema } from "../../src/schemas/audit.ts";
import { readCsvFile } from "../io/read-data.ts";
import type { StoreContent } from "../store/store-content.ts";

/** Adds the rows of `<benchmarkDir>/audit.csv`, when there is one, in file order. */
export function importAudit(content: StoreContent, benchmarkId: string, benchmarkDir: string): void {
  const file = path.join(benchmarkDir, "audit.csv");
  if (!fs.existsSync(file)) return;
  readCsvFile(file, AuditSourceRowSchema).forEach(({ row }, position) => {
    content.publishedChecks.push({
      benchmarkId,
      position,
      kind: row.kind,
      board: row.board,
      dimension: row.dimension,
      entryName: row.entry,
      perspectiveId: row.perspective === "" ? null : row.perspective,
      metric: row.metric,
      published: row.published,
      decimals: row.decimals,
      source: row.where,
      note: row.note === "" ? null : row.note,
      variant: row.variant === undefined || row.variant === "" ? null : row.variant,
    });
  });
}
