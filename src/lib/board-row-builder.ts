/**
 * The one builder of board rows: an entry's row (and its row kept apart) on a board × scope from its stored results,
 * ranking and column ranks. A whole view (`boards.ts`) and one entry's rows read by key (`entry-boards.ts`) use it,
 * so both list the same rows.
 */
import * as t from "../../db/schema.ts";
import { BOARD_SCOPE, type BoardId } from "../schemas/board.ts";
import { EVALUATOR_MEAN } from "../schemas/metrics.ts";
import { auditFlags } from "./audit.ts";
import { listBoardColumns, type BoardColumnInfo } from "./benchmarks.ts";
import type { ApartRow, BoardCell, BoardRow } from "./boards.ts";
import { entriesByDirection, type EntryInfo } from "./entry-rows.ts";
import { interned } from "./interned.ts";
import { entryUrl } from "./urls.ts";

/**
 * The fields of a stored result and of a column rank that a board row is built from. A whole view reads only these
 * (its benchmark, board, level and dimension are the query's): at 10,000 FETV V2T entries that read its 46 views in
 * 5.4 s rather than 7.9–8.9 s, and a build whose routes sweep every view several times reads them again and again.
 */
export const RESULT_FIELDS = {
  entryId: t.results.entryId,
  perspectiveId: t.results.perspectiveId,
  metric: t.results.metric,
  value: t.results.value,
  ciLow: t.results.ciLow,
  ciHigh: t.results.ciHigh,
  ciNote: t.results.ciNote,
  n: t.results.n,
  provenance: t.results.provenance,
  source: t.results.source,
};
/** See RESULT_FIELDS. */
export const COLUMN_RANK_FIELDS = {
  entryId: t.columnRanks.entryId,
  columnKey: t.columnRanks.columnKey,
  rank: t.columnRanks.rank,
  rankBest: t.columnRanks.rankBest,
  rankWorst: t.columnRanks.rankWorst,
};

/** A stored result, ranking and column rank as the board's rows are built from them. */
export type StoredResult = Pick<typeof t.results.$inferSelect, keyof typeof RESULT_FIELDS>;
export type StoredRanking = typeof t.rankings.$inferSelect;
export type StoredColumnRank = Pick<typeof t.columnRanks.$inferSelect, keyof typeof COLUMN_RANK_FIELDS>;

/** What every row of one board × scope shares: its columns, entries, evaluators and audit flags (read once per build). */
export interface BoardScope {
  readonly benchmarkId: string;
  readonly board: BoardId;
  readonly dimension: string;
  readonly direction: "t2v" | "v2t";
  readonly level: "instance" | "model";
  readonly columns: readonly BoardColumnInfo[];
  readonly entries: ReadonlyMap<string, EntryInfo>;
  readonly evaluators: ReadonlyMap<string, EntryInfo>;
  readonly flags: ReadonlyMap<string, number>;
}

const scopes = new Map<string, BoardScope>();

/** A board × scope's shared facts, read once per build (small: no row of it). */
export function boardScope(benchmarkId: string, board: BoardId, dimension: string): BoardScope {
  const key = `${benchmarkId}\u0000${board}\u0000${dimension}`;
  let found = scopes.get(key);
  if (!found) {
    const { direction, level } = BOARD_SCOPE[board];
    found = {
      benchmarkId,
      board,
      dimension,
      direction,
      level,
      columns: listBoardColumns(benchmarkId, board),
      entries: entriesByDirection(benchmarkId, direction),
      evaluators: direction === "t2v" ? entriesByDirection(benchmarkId, "v2t") : new Map(),
      flags: auditFlags(benchmarkId, board, dimension),
    };
    scopes.set(key, found);
  }
  return found;
}

/** One entry's stored rows on one board × scope: its results there (keyed by column key) and its column ranks. */
export interface EntryStoredRows {
  readonly resultOf: (columnKey: string) => StoredResult | undefined;
  readonly rankOf: (columnKey: string) => StoredColumnRank | undefined;
  /** Its evaluator means by perspective (an auto-scored entry kept apart shows them). */
  readonly rawOf: (perspectiveId: string) => StoredResult | undefined;
  /** Whether it has a figure of the board's own (not only evaluator means). */
  readonly hasBoardFigures: boolean;
}

/**
 * An entry's row on a board × scope: the one row builder, for a whole view and for one entry's rows read by key.
 * `ranking` is its stored place, absent for a reference entry (real videos, listed after the ranked rows).
 */
export function buildBoardRow(scope: BoardScope, entry: EntryInfo, stored: EntryStoredRows, ranking: StoredRanking | undefined, position: number): BoardRow {
  const { benchmarkId, direction } = scope;
  const cells: Record<string, BoardCell> = {};
  for (const column of scope.columns) {
    const result = stored.resultOf(column.key);
    if (!result) continue;
    const ranked = stored.rankOf(column.key);
    cells[column.key] = {
      value: result.value,
      ciLow: result.ciLow,
      ciHigh: result.ciHigh,
      ciNote: interned(result.ciNote),
      n: result.n,
      rank: ranked?.rank ?? null,
      rankBest: ranked?.rankBest ?? null,
      rankWorst: ranked?.rankWorst ?? null,
      provenance: interned(result.provenance),
      source: interned(result.source),
    };
  }
  const evaluator = entry.evaluatorId === null ? undefined : scope.evaluators.get(entry.evaluatorId);
  return {
    entryId: entry.id,
    name: entry.name,
    href: interned(entryUrl(benchmarkId, direction, entry.id)),
    // A board groups T2V models by access, V2T methods by kind.
    group: direction === "t2v" ? entry.access : entry.kind,
    isReference: entry.isReference,
    entrySource: entry.source,
    evaluatorId: entry.evaluatorId,
    evaluator: evaluator ? { name: evaluator.name, href: entryUrl(benchmarkId, "v2t", evaluator.id) } : null,
    rank: ranking?.rank ?? null,
    rankSum: ranking?.rankSum ?? null,
    position,
    rankBest: ranking?.rankBest ?? null,
    rankWorst: ranking?.rankWorst ?? null,
    separableFromNext: ranking?.separableFromNext ?? null,
    unrankedReason: interned(ranking?.unrankedReason ?? null),
    auditFlags: scope.flags.get(entry.id) ?? 0,
    cells,
    provenance: provenanceList(Object.values(cells).map((cell) => cell.provenance)),
    entryProvenance: entry.provenance,
    training: entry.training,
    generationCard: entry.generationCard,
  };
}

/** Whether a ranked entry is kept apart from the board: the ranking step lists an auto entry it keeps apart with a reason and no rank, its figures raw evaluator means. */
export function isKeptApart(entry: EntryInfo, ranking: StoredRanking, stored: EntryStoredRows): boolean {
  return entry.source === "auto" && ranking.rank === null && ranking.unrankedReason !== null && !stored.hasBoardFigures;
}

/** An auto-scored entry kept apart: its evaluator's raw means per perspective, and why it is unranked. */
export function buildApartRow(scope: BoardScope, entry: EntryInfo, stored: EntryStoredRows, reason: string): ApartRow {
  const { benchmarkId, direction } = scope;
  const evaluator = scope.evaluators.get(entry.evaluatorId ?? "");
  const cells: Record<string, BoardCell> = {};
  for (const perspective of new Set(scope.columns.map((c) => c.perspectiveId))) {
    const r = stored.rawOf(perspective);
    if (r) cells[perspective] = { value: r.value, ciLow: r.ciLow, ciHigh: r.ciHigh, ciNote: r.ciNote, n: r.n, rank: null, rankBest: null, rankWorst: null, provenance: r.provenance, source: r.source };
  }
  return {
    entryId: entry.id,
    name: entry.name,
    href: entryUrl(benchmarkId, direction, entry.id),
    evaluatorId: entry.evaluatorId ?? "",
    evaluator: evaluator ? { name: evaluator.name, href: entryUrl(benchmarkId, "v2t", evaluator.id) } : null,
    unrankedReason: reason,
    cells,
    entryProvenance: entry.provenance,
    generationCard: entry.generationCard,
  };
}

/** An entry's stored rows on one scope, from its results and column ranks there (already filtered to the scope). */
export function entryStoredRows(results: readonly StoredResult[], columnRanks: readonly StoredColumnRank[]): EntryStoredRows {
  const resultOf = new Map<string, StoredResult>();
  const rawOf = new Map<string, StoredResult>();
  let hasBoardFigures = false;
  for (const r of results) {
    resultOf.set(`${r.perspectiveId}_${r.metric}`, r);
    if (r.metric === EVALUATOR_MEAN) rawOf.set(r.perspectiveId, r);
    else hasBoardFigures = true;
  }
  const rankOf = new Map(columnRanks.map((r) => [r.columnKey, r]));
  return { resultOf: (key) => resultOf.get(key), rankOf: (key) => rankOf.get(key), rawOf: (perspective) => rawOf.get(perspective), hasBoardFigures };
}

/** A board's reference entries (real videos), in the order they follow its ranked rows. */
export function referencesOf(scope: BoardScope): EntryInfo[] {
  return [...scope.entries.values()].filter((e) => e.isReference).sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** A row's distinct provenances, sorted: one shared array per combination (most rows of a board have the same). */
const provenanceLists = new Map<string, readonly string[]>();

function provenanceList(provenances: readonly string[]): readonly string[] {
  const list = [...new Set(provenances)].sort();
  const key = list.join("\u0000");
  const found = provenanceLists.get(key);
  if (found) return found;
  provenanceLists.set(key, list);
  return list;
}
