/** Loads one board (benchmark × board × dimension) as the store holds it: values, CIs, ranks, provenance. */
import { and, eq } from "drizzle-orm";
import { RecentCache } from "./recent-cache.ts";
import * as t from "../../db/schema.ts";
import type { BoardId } from "../schemas/board.ts";
import type { BoardColumnInfo } from "./benchmarks.ts";
import { boardScope, buildApartRow, buildBoardRow, COLUMN_RANK_FIELDS, entryStoredRows, isKeptApart, referencesOf, RESULT_FIELDS } from "./board-row-builder.ts";
import { boardRowFacts, type BoardRowFacts } from "./board-facts.ts";
import { boardPageHead, type BoardPageHead } from "./board-rows.ts";
import { columnBars } from "./chart-data.ts";
import type { ChartBar } from "./charts/bars.ts";
import type { EntryGenerationCard, EntryProvenance, EntryTraining } from "./entry-rows.ts";
import { releasedByEntryRuns } from "./entry-runs.ts";
import { store } from "./store.ts";

/** One value on a board with its uncertainty, column rank and where it comes from. */
export interface BoardCell {
  readonly value: number;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  /** Why a recomputed value has no interval, when it has none. */
  readonly ciNote: string | null;
  readonly n: number | null;
  readonly rank: number | null;
  readonly rankBest: number | null;
  readonly rankWorst: number | null;
  readonly provenance: "published" | "recomputed" | "auto";
  readonly source: string | null;
}

/** One entry's row on a board. */
export interface BoardRow {
  readonly entryId: string;
  readonly name: string;
  readonly href: string;
  /** Access (open / closed) of a T2V model, or kind of a V2T method: what the board filters by. */
  readonly group: string | null;
  readonly isReference: boolean;
  /** For T2V entries: `published`, `ratings` or `auto` (scored by `evaluatorId`). */
  readonly entrySource: string | null;
  readonly evaluatorId: string | null;
  /** Display name of the evaluator of an auto-scored entry, and the URL of its V2T page. */
  readonly evaluator: { readonly name: string; readonly href: string } | null;
  readonly rank: number | null;
  readonly rankSum: number | null;
  readonly position: number;
  readonly rankBest: number | null;
  readonly rankWorst: number | null;
  readonly separableFromNext: boolean | null;
  /** Why the board ranks nobody, when it does not. */
  readonly unrankedReason: string | null;
  /** Published checks of this entry on this board whose value this site does not reproduce, or that carry a note. */
  readonly auditFlags: number;
  readonly cells: Readonly<Record<string, BoardCell>>;
  /** Distinct provenances of the row's values, e.g. ["published"]. */
  readonly provenance: readonly string[];
  /** Who produced the entry's figures (published, computed, self-reported, verified), who ran what, links, date. */
  readonly entryProvenance: EntryProvenance | null;
  /** V2T entries: what the method was trained on, and whether that includes this benchmark. */
  readonly training: EntryTraining | null;
  /** T2V entries: how the videos were made, where stated. */
  readonly generationCard: EntryGenerationCard | null;
}

/**
 * An auto-scored T2V entry kept apart from the board: its evaluator's raw means (on the evaluator's own scale), per
 * perspective, and why it is not ranked among the human-rated entries.
 */
export interface ApartRow {
  readonly entryId: string;
  readonly name: string;
  readonly href: string;
  readonly evaluatorId: string;
  readonly evaluator: { readonly name: string; readonly href: string } | null;
  readonly unrankedReason: string;
  /** The evaluator's mean of the entry's videos with its prompt-resampled interval, by perspective id. */
  readonly cells: Readonly<Record<string, BoardCell>>;
  /** Who produced the entry's figures and how its videos were made, as on a board row. */
  readonly entryProvenance: EntryProvenance | null;
  readonly generationCard: EntryGenerationCard | null;
}

/** A whole board in display order. */
export interface BoardView {
  readonly benchmarkId: string;
  readonly board: BoardId;
  readonly dimension: string;
  readonly columns: readonly BoardColumnInfo[];
  readonly rows: readonly BoardRow[];
  /** Auto-scored entries shown apart, unranked (T2V boards of benchmarks with too few models to validate a calibration). */
  readonly apart: readonly ApartRow[];
  /** Why nobody on the board is ranked (e.g. too few T2V models for a model-level correlation), or null. */
  readonly unrankedReason: string | null;
}

/** How many board rows the kept views may hold together (about 14 MB of views per 10,000 rows). */
const KEPT_ROWS = 60_000;

/**
 * The board views read most recently, up to KEPT_ROWS rows in all. The store is read-only while the site is built, so
 * a view is read once for the downloads and row chunks written from it one after another (pages read its summary).
 * Views are kept by rows, not every one: the build's allocations trigger its garbage collections in proportion to the
 * files it writes, each collection costs in proportion to what is held, and every board and scope of 10,000 entries
 * held (about 540 MB on FETV) made the build's collections grow with the square of the entries; a small benchmark's
 * views all fit, read once each until a run of one entry's files drops them.
 * None is kept through a run of one entry's files (`entry-runs.ts`), whose pages read their rows by key.
 */
const loaded = new RecentCache<string, BoardView>(KEPT_ROWS, (view) => view.rows.length + view.apart.length);
releasedByEntryRuns(() => loaded.clear());

/** Loads a board (read again only after it was dropped); reference entries (real videos) follow the ranked rows, unranked. */
export function loadBoard(benchmarkId: string, board: BoardId, dimension = "overall"): BoardView {
  const key = viewKey(benchmarkId, board, dimension);
  return loaded.get(key, () => {
    const view = readBoard(benchmarkId, board, dimension);
    if (!summaries.has(key)) summaries.set(key, summarizeBoard(view));
    return view;
  });
}

const viewKey = (benchmarkId: string, board: BoardId, dimension: string) => `${benchmarkId}\u0000${board}\u0000${dimension}`;

/** What a page of one entry needs to know of a whole board × scope. */
export interface BoardSummary {
  readonly columns: readonly BoardColumnInfo[];
  /** Why nobody on the board is ranked, or null. */
  readonly unrankedReason: string | null;
  readonly rankedCount: number;
  /** How many rows the board lists (ranked, unranked and reference rows). */
  readonly rowCount: number;
  /** Where each reference entry's row (real videos, after the ranked rows) stands. */
  readonly referencePositions: ReadonlyMap<string, number>;
  /**
   * Overall scope of a board that ranks somebody only: each ranked column's bars, best first (an entry page draws its
   * window of them beside a ranked row); empty elsewhere.
   */
  readonly bars: ReadonlyMap<string, readonly ChartBar[]>;
  /** What the board's table shows: its shape, first rows formatted, row count and chunk files (the row-chunk route's paths). */
  readonly page: BoardPageHead;
  /** What the pages say of every row: the filter's groups, whether any row has a rank interval, a ≈ mark, a column rank, an interval. */
  readonly facts: BoardRowFacts;
}

/**
 * Every board × scope's summary, kept for the whole build: a few numbers and facts each, the first rows its page
 * shows, and the overall scope's bars. Made when its view is first read, so that the pages of one entry, the board and
 * dimension pages and the row-chunk route's paths never read a view again for them.
 */
const summaries = new Map<string, BoardSummary>();

/** A board × scope's summary (reading its view only when no page has read it yet). */
export function boardSummary(benchmarkId: string, board: BoardId, dimension: string): BoardSummary {
  const key = viewKey(benchmarkId, board, dimension);
  if (!summaries.has(key)) loadBoard(benchmarkId, board, dimension);
  return summaries.get(key) as BoardSummary;
}

/** A view's summary (what is kept of it for the whole build), made from its rows in one pass and its paged form. */
export function summarizeBoard(view: BoardView): BoardSummary {
  const references = new Map<string, number>();
  for (const row of view.rows) if (row.isReference) references.set(row.entryId, row.position);
  return {
    columns: view.columns,
    unrankedReason: view.unrankedReason,
    rankedCount: rankedCount(view),
    rowCount: view.rows.length,
    referencePositions: references,
    bars: new Map(view.dimension === "overall" && view.unrankedReason === null ? view.columns.filter((c) => c.ranked).map((c) => [c.key, columnBars(view, c)]) : []),
    page: boardPageHead(view),
    facts: boardRowFacts(view.rows),
  };
}

function readBoard(benchmarkId: string, board: BoardId, dimension: string): BoardView {
  const db = store();
  const scope = boardScope(benchmarkId, board, dimension);
  const { direction, level, columns, entries } = scope;
  const results = db
    .select(RESULT_FIELDS)
    .from(t.results)
    .where(
      and(
        eq(t.results.benchmarkId, benchmarkId),
        eq(t.results.direction, direction),
        eq(t.results.level, level),
        eq(t.results.dimension, dimension),
      ),
    )
    .all();
  const rankings = db
    .select()
    .from(t.rankings)
    .where(and(eq(t.rankings.benchmarkId, benchmarkId), eq(t.rankings.board, board), eq(t.rankings.dimension, dimension)))
    .all()
    .sort((a, b) => a.position - b.position);
  const columnRanks = db
    .select(COLUMN_RANK_FIELDS)
    .from(t.columnRanks)
    .where(
      and(eq(t.columnRanks.benchmarkId, benchmarkId), eq(t.columnRanks.board, board), eq(t.columnRanks.dimension, dimension)),
    )
    .all();
  const resultsOf = Map.groupBy(results, (r) => r.entryId);
  const ranksOf = Map.groupBy(columnRanks, (r) => r.entryId);
  const storedOf = (entryId: string) => entryStoredRows(resultsOf.get(entryId) ?? [], ranksOf.get(entryId) ?? []);

  const rows: BoardRow[] = [];
  const apart: ApartRow[] = [];
  for (const ranking of rankings) {
    const entry = entries.get(ranking.entryId);
    if (!entry) continue;
    const stored = storedOf(entry.id);
    if (isKeptApart(entry, ranking, stored)) apart.push(buildApartRow(scope, entry, stored, ranking.unrankedReason as string));
    else rows.push(buildBoardRow(scope, entry, stored, ranking, ranking.position));
  }
  for (const reference of referencesOf(scope)) {
    const row = buildBoardRow(scope, reference, storedOf(reference.id), undefined, rows.length + 1);
    if (Object.keys(row.cells).length > 0) rows.push(row);
  }
  const reasons = [...new Set(rows.map((row) => row.unrankedReason))];
  return { benchmarkId, board, dimension, columns, rows, apart, unrankedReason: reasons.length === 1 ? (reasons[0] ?? null) : null };
}

/** How many entries a board ranks. */
export function rankedCount(view: BoardView): number {
  let ranked = 0;
  for (const row of view.rows) if (row.rank !== null) ranked++;
  return ranked;
}
