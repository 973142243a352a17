/**
 * The one ranking step: every board of a benchmark, overall and per dimension, ranked from the stored
 * values and resampled values in one pass that writes complete rows (ranks, rank intervals, separability,
 * or the reason a board ranks nobody), and each ranked entry's rank sum on every resample of the overall scope
 * (`draws` rows under the reserved key RANK_SUM_DRAWS_KEY: the compare view's rank-sum verdicts pair them).
 */
import { rankOneWithUncertainty, type Direction, type RankedEntry } from "../../src/engine/index.ts";
import { BOARD_SCOPE, RANK_SUM_DRAWS_KEY, type BoardId } from "../../src/schemas/board.ts";
import type { StoreContent } from "../store/store-content.ts";
import { autoUnrankedReason, isKeptApart } from "./auto-entries.ts";
import { modelCount, type ScoringContext } from "./context.ts";
import { decodeDrawsSingle, encodeDraws } from "../../db/draws.ts";
import { rankInThisThread, rankJob, type RankRunner } from "./rank-job.ts";

type Content = StoreContent;

function key(...parts: readonly string[]): string {
  return parts.join("\u0000");
}

/** Why nobody on a board is ranked, or null: model-level figures over fewer T2V models than the protocol ranks. */
export function unrankedReason(context: ScoringContext, board: BoardId): string | null {
  if (board !== "v2t-model") return null;
  const models = modelCount(context);
  const minimum = context.protocol.minModelsForModelLevel;
  if (models === null || models >= minimum) return null;
  return `Model-level correlations here rest on ${models} T2V models; the protocol ranks them only from ${minimum}, so they are shown unranked.`;
}

/** One entry's place on one scope of the boards, instead of every entry on every scope (a dry run's report). */
export interface RankOnly {
  readonly entryId: string;
  readonly dimension: string;
}

/** What the ranking step writes: rankings, column ranks and the overall scope's resampled rank sums. */
export type Ranked = Pick<Content, "rankings" | "columnRanks" | "draws">;

/** Where a scope's ranked entries go: its board and scope, the board's reason to rank nobody, its ranked columns' keys. */
interface ScopeRows {
  readonly benchmarkId: string;
  readonly board: BoardId;
  readonly dimension: string;
  readonly reason: string | null;
  readonly columnKeys: readonly string[];
  /** Whether to keep the entries' resampled rank sums (the overall scope's of a whole ranking only). */
  readonly rankSums: boolean;
}

/** Adds one scope's ranked entries to `out`: a ranking row and its column ranks each, and the rank sums where kept. */
function addRankedRows(out: Ranked, ranked: readonly RankedEntry[], { benchmarkId, board, dimension, reason, columnKeys, rankSums }: ScopeRows): void {
  for (const entry of ranked) {
    out.rankings.push({
      benchmarkId,
      board,
      dimension,
      entryId: entry.id,
      rank: entry.rank,
      rankSum: entry.rankSum,
      position: entry.position,
      rankBest: entry.rankBest,
      rankWorst: entry.rankWorst,
      separableFromNext: entry.separableFromNext,
      unrankedReason: reason,
    });
    // Only the overall scope's: dimension scopes show per-column verdicts only, and these are a board's worth per scope.
    if (rankSums && entry.rankSumDraws !== null) {
      out.draws.push({ benchmarkId, board, dimension, entryId: entry.id, columnKey: RANK_SUM_DRAWS_KEY, values: encodeDraws(entry.rankSumDraws) });
    }
    columnKeys.forEach((columnKey, c) => {
      const columnRank = entry.columns[c];
      out.columnRanks.push({ benchmarkId, board, dimension, entryId: entry.id, columnKey, rank: columnRank?.rank ?? null, rankBest: columnRank?.rankBest ?? null, rankWorst: columnRank?.rankWorst ?? null });
    });
  }
}

/** Scopes ranked at once (by `rank`, on as many threads as it has): each holds its scope's values until it is done. */
const SCOPES_IN_FLIGHT = 4;

/**
 * Rankings, column ranks and resampled overall rank sums of the given boards (by default every board) of one
 * benchmark, each scope ranked by `rank` (this thread by default, or worker threads; the rows come out in the same
 * order either way); with `only`, the rankings and column ranks of that entry on that scope alone, as the whole
 * ranking would give them, and no rank sums (a dry run stores nothing, and one entry's would not be the board's).
 * With `store`, the resampled values the content lacks are those stored there, read scope by scope by the thread that
 * ranks it (a submit's content holds only its new entry's: see submitScope).
 */
export async function rankBenchmark(
  context: ScoringContext,
  boards: readonly BoardId[] = Object.keys(BOARD_SCOPE) as BoardId[],
  only?: RankOnly,
  rank: RankRunner = rankInThisThread,
  store?: string,
): Promise<Ranked> {
  const { content, benchmarkId } = context;
  // One part per scope, filled as its ranking arrives and joined in scope order.
  const parts: Ranked[] = [];
  const inFlight: Promise<void>[] = [];
  const valueOf = new Map<string, number>();
  for (const r of content.results) {
    if (r.benchmarkId === benchmarkId) valueOf.set(key(r.direction, r.entryId, r.level, r.dimension, r.perspectiveId, r.metric), r.value);
  }
  const drawsOf = new Map<string, Uint8Array>();
  for (const d of content.draws) {
    if (d.benchmarkId === benchmarkId) drawsOf.set(key(d.board, d.dimension, d.entryId, d.columnKey), d.values);
  }
  for (const board of boards) {
    const { direction, level } = BOARD_SCOPE[board];
    const columns = context.columns[board].filter((c) => c.ranked);
    // A withdrawn entry keeps its figures (the audit and its page show them) but leaves the boards.
    const withdrawn = new Set(content.withdrawals.filter((w) => w.benchmarkId === benchmarkId && w.direction === direction).map((w) => w.entryId));
    const all = (
      direction === "t2v"
        ? content.t2vEntries.filter((e) => e.benchmarkId === benchmarkId && !e.isReference)
        : content.v2tEntries.filter((e) => e.benchmarkId === benchmarkId)
    ).filter((e) => !withdrawn.has(e.id));
    // Auto-scored entries whose calibration cannot be validated are listed apart, after the ranked ones, never ranked among them.
    const apart = direction === "t2v" ? content.t2vEntries.filter((e) => e.benchmarkId === benchmarkId && isKeptApart(context, e) && !withdrawn.has(e.id)) : [];
    const apartIds = new Set(apart.map((e) => e.id));
    const entries = all.filter((e) => !apartIds.has(e.id));
    const directions: Direction[] = columns.map((c) => (c.higherIsBetter === false ? "lower" : "higher"));
    const reason = unrankedReason(context, board);
    for (const dimension of only ? [only.dimension] : context.scopes) {
      const out: Ranked = { rankings: [], columnRanks: [], draws: [] };
      parts.push(out);
      const rows = entries.map((entry) => ({
        id: entry.id,
        name: entry.name,
        values: columns.map((c) => valueOf.get(key(direction, entry.id, level, dimension, c.perspectiveId, c.metric)) ?? null),
        draws: columns.map((c) => {
          const stored = drawsOf.get(key(board, dimension, entry.id, c.key));
          return stored === undefined ? null : decodeDrawsSingle(stored);
        }),
      }));
      const apartRows = apart
        .filter((entry) => only === undefined || entry.id === only.entryId)
        .map((entry, i) => ({
          benchmarkId,
          board,
          dimension,
          entryId: entry.id,
          rank: null,
          rankSum: null,
          position: rows.length + i + 1,
          rankBest: null,
          rankWorst: null,
          separableFromNext: null,
          unrankedReason: autoUnrankedReason(context, entry.evaluatorId ?? ""),
        }));
      out.rankings.push(...apartRows);
      if (only && apartRows.length > 0) continue;
      if (!rows.some((row) => row.values.some((value) => value !== null))) continue;
      // An unranked board keeps every value and ranks nobody: each entry is listed as unranked, by name.
      const rankable = reason === null ? rows : rows.map((row) => ({ ...row, values: columns.map(() => null), draws: columns.map(() => null) }));
      if (only && !rankable.some((row) => row.id === only.entryId)) continue;
      const { confidence } = context.settings;
      const write = (ranked: readonly RankedEntry[]): void => addRankedRows(out, ranked, { benchmarkId, board, dimension, reason, columnKeys: columns.map((c) => c.key), rankSums: only === undefined && dimension === "overall" });
      if (only) {
        write([rankOneWithUncertainty(rankable, only.entryId, directions, confidence)]);
        continue;
      }
      if (inFlight.length >= SCOPES_IN_FLIGHT) await inFlight.shift();
      // On a board that ranks nobody no resampled value is read.
      const stored = store === undefined || reason !== null ? null : { file: store, benchmarkId, board, dimension };
      const done = rank(rankJob(rankable, columns.map((c) => c.key), directions, confidence, stored)).then(write);
      // A failure is thrown where this scope is awaited, never left unhandled while an earlier one is.
      done.catch(() => {});
      inFlight.push(done);
    }
  }
  await Promise.all(inFlight);
  return {
    rankings: parts.flatMap((part) => part.rankings),
    columnRanks: parts.flatMap((part) => part.columnRanks),
    draws: parts.flatMap((part) => part.draws),
  };
}
