/** A benchmark's human agreement ceilings (one per rated perspective with per-rater data), read from the store. */
import { eq } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import type { CsvCell } from "./csv.ts";
import { store } from "./store.ts";

/** One perspective's ceiling, as stored. */
export type AgreementCeiling = typeof t.agreementCeilings.$inferSelect;

/** What the ceiling is, in one sentence (board note, downloads). */
export const CEILING_MEANING =
  "Human agreement ceiling: the highest Pearson correlation any predictor of the true score can reach with this benchmark's human score (the mean of k raters), sqrt(R_k), where R_k is the Spearman–Brown step-up of the raters' single-rater consistency ICC(C,1); a reference, never ranked. A V2T submission whose agreement interval lies wholly above the ceiling's interval is refused.";

/** The ceilings of a benchmark, in perspective display order. */
export function loadCeilings(benchmarkId: string): AgreementCeiling[] {
  const db = store();
  const order = new Map(db.select().from(t.perspectives).where(eq(t.perspectives.benchmarkId, benchmarkId)).all().map((p) => [p.id, p.position]));
  return db
    .select()
    .from(t.agreementCeilings)
    .where(eq(t.agreementCeilings.benchmarkId, benchmarkId))
    .all()
    .sort((a, b) => (order.get(a.perspectiveId) ?? 0) - (order.get(b.perspectiveId) ?? 0));
}

/** The ceilings as download records: header and one row per perspective. */
export function ceilingRecords(benchmarkId: string): { header: string[]; rows: CsvCell[][] } {
  const header = ["benchmark", "perspective", "row", "ceiling", "ci_low", "ci_high", "raters", "videos", "single_rater_reliability", "k_rater_reliability", "ranked"];
  const rows = loadCeilings(benchmarkId).map((c) => [benchmarkId, c.perspectiveId, "human agreement ceiling", c.ceiling, c.ciLow, c.ciHigh, c.raters, c.videos, c.singleRater, c.reliability, "no"]);
  return { header, rows };
}
