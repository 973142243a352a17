/** Loads everything the store holds about one entry, for its JSON breakdown download (snake_case, as every download). */
import { and, asc, eq } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import { store } from "./store.ts";

/** An entry's results at every level, dimension, perspective and metric, with its rankings. */
export function loadEntryBreakdown(benchmarkId: string, direction: "t2v" | "v2t", entryId: string) {
  const db = store();
  const results = db
    .select()
    .from(t.results)
    .where(and(eq(t.results.benchmarkId, benchmarkId), eq(t.results.direction, direction), eq(t.results.entryId, entryId)))
    .orderBy(asc(t.results.level), asc(t.results.dimension), asc(t.results.perspectiveId), asc(t.results.metric))
    .all()
    .map((r) => ({
      level: r.level,
      dimension: r.dimension,
      perspective: r.perspectiveId,
      metric: r.metric,
      value: r.value,
      ci_low: r.ciLow,
      ci_high: r.ciHigh,
      ci_note: r.ciNote,
      n: r.n,
      provenance: r.provenance,
      source: r.source,
    }));
  const rankings = db
    .select()
    .from(t.rankings)
    .where(and(eq(t.rankings.benchmarkId, benchmarkId), eq(t.rankings.entryId, entryId)))
    .orderBy(asc(t.rankings.board), asc(t.rankings.dimension))
    .all()
    .filter((r) => (direction === "t2v" ? r.board === "t2v" : r.board !== "t2v"))
    .map((r) => ({
      board: r.board,
      dimension: r.dimension,
      rank: r.rank,
      rank_best: r.rankBest,
      rank_worst: r.rankWorst,
      separable_from_next: r.separableFromNext,
      rank_sum: r.rankSum,
      position: r.position,
      unranked_reason: r.unrankedReason,
    }));
  return { results, rankings };
}
