/** Loads everything the store holds about one entry, for its JSON breakdown download (snake_case, as every download). */
import { and, asc, eq, inArray } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import { GENERATION_CARD_FIELDS, NOT_STATED } from "../schemas/generation-card.ts";
import { boardsOf } from "../schemas/board.ts";
import { entriesByDirection, type EntryInfo } from "./entry-rows.ts";
import { store } from "./store.ts";

/**
 * Every dimension a benchmark's rankings name (`overall` among them), read once per build, so that one entry's
 * rankings are read by seeks on the store's key (benchmark, board, dimension, entry): that key leads with board and
 * dimension, so a query by entry alone would scan every ranking of the benchmark for each entry's download (quadratic),
 * and keeping all of them grouped by entry held the whole table in memory for the whole build.
 */
const rankedDimensionsOf = new Map<string, readonly string[]>();

function rankedDimensions(benchmarkId: string): readonly string[] {
  let dimensions = rankedDimensionsOf.get(benchmarkId);
  if (!dimensions) {
    dimensions = store().selectDistinct({ dimension: t.rankings.dimension }).from(t.rankings).where(eq(t.rankings.benchmarkId, benchmarkId)).all().map((r) => r.dimension);
    rankedDimensionsOf.set(benchmarkId, dimensions);
  }
  return dimensions;
}

/** One entry's rankings on a direction's boards, in board then dimension order. */
function entryRankings(benchmarkId: string, direction: "t2v" | "v2t", entryId: string) {
  const dimensions = rankedDimensions(benchmarkId);
  if (dimensions.length === 0) return [];
  return store()
    .select()
    .from(t.rankings)
    .where(and(eq(t.rankings.benchmarkId, benchmarkId), inArray(t.rankings.board, boardsOf(direction)), inArray(t.rankings.dimension, [...dimensions]), eq(t.rankings.entryId, entryId)))
    .orderBy(asc(t.rankings.board), asc(t.rankings.dimension))
    .all();
}

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
  const rankings = entryRankings(benchmarkId, direction, entryId).map((r) => ({
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
  const entry = entriesByDirection(benchmarkId, direction).get(entryId);
  return { ...disclosures(entry, direction), results, rankings };
}

/** An entry's provenance and, by direction, its training data or generation card, in snake_case. */
function disclosures(entry: EntryInfo | undefined, direction: "t2v" | "v2t") {
  const p = entry?.provenance ?? null;
  const entryProvenance =
    p === null
      ? null
      : { kind: p.kind, produced_by: p.producedBy, sampled_by: p.sampledBy, evaluated_by: p.evaluatedBy, code_url: p.codeUrl, weights_url: p.weightsUrl, date: p.date, source: p.source };
  if (direction === "v2t") {
    const training = entry?.training ?? null;
    return {
      entry_provenance: entryProvenance,
      training_data: {
        trained_on_benchmark: training?.trainedOnBenchmark ?? "not-stated",
        datasets: training?.datasets ?? null,
        source: training?.source ?? null,
        note: training?.note ?? null,
      },
    };
  }
  const card = entry?.generationCard ?? null;
  return {
    entry_provenance: entryProvenance,
    generation_card: {
      ...Object.fromEntries(GENERATION_CARD_FIELDS.map((f) => [f.column.replace(/^generation_/, ""), card?.card[f.key] ?? NOT_STATED])),
      source: card?.source ?? null,
      note: card?.note ?? null,
    },
  };
}
