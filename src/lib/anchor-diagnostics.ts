/** Loads the diagnostics of a human-rated submission's anchoring (agreements, the line's checks, flags), per perspective. */
import { and, asc, eq } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import { listPerspectives } from "./benchmarks.ts";
import { store } from "./store.ts";

/** One agreement: the whole panel's (rater null) or one new-video rater's, with its Fisher-z 95% interval. */
export interface AnchorAgreement {
  readonly rater: string | null;
  readonly anchors: number;
  readonly agreement: number;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
}

/** A perspective's diagnostics: agreements, the lack-of-fit test, the independent-panel ceiling, and its flags. */
export interface PerspectiveDiagnostics {
  readonly perspectiveId: string;
  readonly label: string;
  readonly agreements: readonly AnchorAgreement[];
  readonly check: typeof t.anchorChecks.$inferSelect | null;
  readonly flags: readonly (typeof t.anchorFlags.$inferSelect)[];
}

/** An entry's diagnostics, in perspective order; `matchesBenchmark` when any rating matches the benchmark's own. */
export interface AnchorDiagnosticsView {
  readonly perspectives: readonly PerspectiveDiagnostics[];
  readonly matchesBenchmark: boolean;
}

/** The diagnostics of an entry, or null when it has none (not a human-rated submission). */
export function loadAnchorDiagnostics(benchmarkId: string, entryId: string): AnchorDiagnosticsView | null {
  const db = store();
  const agreements = db.select().from(t.anchorAgreements).where(and(eq(t.anchorAgreements.benchmarkId, benchmarkId), eq(t.anchorAgreements.entryId, entryId))).orderBy(asc(t.anchorAgreements.rater)).all();
  const checks = db.select().from(t.anchorChecks).where(and(eq(t.anchorChecks.benchmarkId, benchmarkId), eq(t.anchorChecks.entryId, entryId))).all();
  const flags = db.select().from(t.anchorFlags).where(and(eq(t.anchorFlags.benchmarkId, benchmarkId), eq(t.anchorFlags.entryId, entryId))).orderBy(asc(t.anchorFlags.kind), asc(t.anchorFlags.subject)).all();
  if (agreements.length === 0 && checks.length === 0 && flags.length === 0) return null;
  const perspectives = listPerspectives(benchmarkId)
    .filter((p) => checks.some((c) => c.perspectiveId === p.id) || agreements.some((a) => a.perspectiveId === p.id))
    .map((p) => ({
      perspectiveId: p.id,
      label: p.label,
      agreements: agreements.filter((a) => a.perspectiveId === p.id).map((a) => ({ rater: a.rater === "" ? null : a.rater, anchors: a.anchors, agreement: a.agreement, ciLow: a.ciLow, ciHigh: a.ciHigh })),
      check: checks.find((c) => c.perspectiveId === p.id) ?? null,
      flags: flags.filter((f) => f.perspectiveId === p.id),
    }));
  return { perspectives, matchesBenchmark: flags.some((f) => f.kind === "matches-benchmark") };
}
