/** Loads everything the store holds about one entry, for its JSON breakdown download. */
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
    .map(({ benchmarkId: _b, direction: _d, entryId: _e, ...rest }) => rest);
  const rankings = db
    .select()
    .from(t.rankings)
    .where(and(eq(t.rankings.benchmarkId, benchmarkId), eq(t.rankings.entryId, entryId)))
    .orderBy(asc(t.rankings.board), asc(t.rankings.dimension))
    .all()
    .filter((r) => (direction === "t2v" ? r.board === "t2v" : r.board !== "t2v"))
    .map(({ benchmarkId: _b, entryId: _e, ...rest }) => rest);
  return { results, rankings };
}
