/**
 * The compare view's files for one direction of a benchmark, read from the store's rows (see the shapes in
 * shared/compare.ts): an index (boards, columns, scopes, entries to pick from) and, per entry, its places in every
 * board and scope with its stored resamples beside them. No file here depends on the number of pairs, and nothing
 * is re-ranked: places, ranks and rank intervals are the stored ones; the browser pairs two entries' resamples.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { RecentCache } from "./recent-cache.ts";
import { DRAW_BYTES } from "../../db/draws.ts";
import * as t from "../../db/schema.ts";
import { boardsOf, RANK_SUM_DRAWS_KEY, type BoardId } from "../schemas/board.ts";
import { metricDefinition } from "../schemas/metrics.ts";
import { getBenchmark, listDimensions, type BoardColumnInfo } from "./benchmarks.ts";
import { boardSummary, loadBoard, type BoardRow } from "./boards.ts";
import { loadEntryBoardRows } from "./entry-boards.ts";
import { roundForDisplay } from "./format.ts";
import { accessLabel, boardLabel, kindLabel } from "./labels.ts";
import { store } from "./store.ts";
import { storeMeta } from "./store-meta.ts";
import { RANK_SUM_FIGURE, RESAMPLE_PARTS, type CompareBoardInfo, type CompareCell, type CompareEntry, type CompareEntryBoard, type CompareEntryFile, type CompareFigure, type CompareIndex, type ComparePlace, type CompareScope } from "./shared/compare.ts";
import { compareEntryFolderUrl, compareResamplesUrl } from "./urls.ts";

/** Why a board with published figures has no verdicts. */
export const NO_RESAMPLES_NOTE =
  "These figures are published by the benchmark's authors without per-video data, so no paired bootstrap can tell two entries apart: compare the values and ranks only.";

/**
 * A direction's index and entries, read once per build (the index and every entry's file use them); an entry's own
 * places are read by key when its files are written, so no whole board is held for them.
 */
interface Source {
  readonly index: CompareIndex;
  readonly entries: ReadonlyMap<string, CompareEntry>;
}

const sources = new Map<string, Source>();

function place(columns: readonly BoardColumnInfo[], row: BoardRow): ComparePlace | null {
  const cells = columns.map((column): CompareCell | null => {
    const cell = row.cells[column.key];
    if (!cell) return null;
    const round = (value: number | null) => (value === null ? null : roundForDisplay(column.metric, value));
    return [roundForDisplay(column.metric, cell.value), round(cell.ciLow), round(cell.ciHigh), cell.rank, cell.rankBest, cell.rankWorst];
  });
  if (cells.every((cell) => cell === null)) return null;
  return { rank: row.rank, rankBest: row.rankBest, rankWorst: row.rankWorst, rankSum: row.rankSum, cells };
}

function readSource(benchmarkId: string, direction: "t2v" | "v2t"): Source {
  const benchmark = getBenchmark(benchmarkId);
  const confidence = storeMeta().bootstrap?.confidence ?? null;
  const boards = boardsOf(direction);
  const overall = boards.map((board) => loadBoard(benchmarkId, board));
  const entries = new Map<string, CompareEntry>();
  for (const row of overall.flatMap((view) => view.rows)) {
    if (entries.has(row.entryId)) continue;
    entries.set(row.entryId, {
      id: row.entryId,
      name: row.name,
      href: row.href,
      group: direction === "t2v" ? accessLabel(row.group) : kindLabel(row.group),
      isReference: row.isReference,
      provenance: row.entryProvenance?.kind ?? null,
      trainedOnBenchmark: row.training?.trainedOnBenchmark === "yes",
    });
  }
  const candidates: CompareScope[] = [
    { id: "overall", label: "Overall", group: null },
    ...listDimensions(benchmarkId).map((d) => ({ id: d.id, label: d.label, group: d.group })),
  ];
  const scopes = candidates.filter((scope) => boards.some((board) => boardSummary(benchmarkId, board, scope.id).rowCount > 0));
  const infos = boards.map((board): CompareBoardInfo => {
    const view = boardSummary(benchmarkId, board, "overall");
    // A board that ranks nobody keeps no resampled values (nothing reads them), though its figures were resampled.
    const resampled = confidence !== null && (view.unrankedReason !== null || hasResamples(benchmarkId, board));
    return {
      board,
      label: boardLabel(board),
      columns: view.columns.map((column) => ({
        key: column.key,
        label: column.label,
        metric: column.metric,
        digits: metricDefinition(column.metric).digits,
        ranked: column.ranked && view.unrankedReason === null,
        higherIsBetter: column.higherIsBetter,
      })),
      unrankedReason: view.unrankedReason,
      resampled,
      pairsNote: !resampled ? NO_RESAMPLES_NOTE : view.unrankedReason !== null ? `No pairwise verdicts on this board: ${view.unrankedReason}` : null,
      rankedCount: Object.fromEntries(scopes.map((scope) => [scope.id, boardSummary(benchmarkId, board, scope.id).rankedCount])),
    };
  });
  const choices = [...entries.values()].map((e) => (e.isReference ? { id: e.id, name: e.name, reference: true as const } : { id: e.id, name: e.name }));
  return {
    index: { benchmarkId, benchmarkTitle: benchmark.title, direction, confidence, scopes, boards: infos, entries: choices, entryFolder: compareEntryFolderUrl(benchmarkId, direction) },
    entries,
  };
}

/** Whether the store keeps resampled values of a board (published figures have none). */
function hasResamples(benchmarkId: string, board: BoardId): boolean {
  return store().select({ entryId: t.draws.entryId }).from(t.draws).where(and(eq(t.draws.benchmarkId, benchmarkId), eq(t.draws.board, board))).limit(1).all().length > 0;
}

function source(benchmarkId: string, direction: "t2v" | "v2t"): Source {
  const key = `${benchmarkId}\u0000${direction}`;
  let found = sources.get(key);
  if (!found) {
    found = readSource(benchmarkId, direction);
    sources.set(key, found);
  }
  return found;
}

/** The compare view's index of one direction: its boards with their columns, its scopes, and its entries. */
export function loadCompareIndex(benchmarkId: string, direction: "t2v" | "v2t"): CompareIndex {
  return source(benchmarkId, direction).index;
}

/** What an entry's resamples on a board hold: values per figure, and each part's figures in order (overall first). */
interface Layout {
  readonly count: number;
  readonly parts: readonly { readonly part: ResamplePart; readonly figures: readonly CompareFigure[] }[];
}

type ResamplePart = (typeof RESAMPLE_PARTS)[number];

/**
 * What one entry's resamples on one board hold, in order: in the overall part, every ranked column's resamples and
 * then its rank sums; in the dimensions part, every ranked column's in every task dimension where the entry has a value.
 * Null when the board's entries cannot be told apart (published figures, an unranked board) or the entry has none.
 */
function resampleLayout(benchmarkId: string, direction: "t2v" | "v2t", entryId: string, b: number): Layout | null {
  return layouts.get(`${benchmarkId}\u0000${direction}\u0000${entryId}\u0000${b}`, () => readLayout(benchmarkId, direction, entryId, b));
}

/**
 * The layouts read most recently: an entry's JSON and its resamples files are written one after another (the page
 * lists them so) and each needs the entry's layout on every board, so a few are kept rather than read again from
 * the store for each file; not every entry's, which would grow with the board.
 */
const layouts = new RecentCache<string, Layout | null>(8);

function readLayout(benchmarkId: string, direction: "t2v" | "v2t", entryId: string, b: number): Layout | null {
  const { index } = source(benchmarkId, direction);
  const info = index.boards[b] as CompareBoardInfo;
  if (info.pairsNote !== null) return null;
  const ranked = info.columns.filter((column) => column.ranked);
  const rows = drawQueries(benchmarkId, info.board, index.scopes).lengths.all({ entry: entryId });
  const stored = new Map(rows.map((row) => [`${row.dimension}\u0000${figureKey(row.columnKey)}`, row.bytes]));
  const figures: Record<ResamplePart, CompareFigure[]> = { overall: [], dimensions: [] };
  const lengths = new Set<number>();
  const add = (scope: string, key: string, value: number | null | undefined) => {
    const bytes = stored.get(`${scope}\u0000${key}`);
    if (bytes === undefined || value === null || value === undefined) return;
    figures[scope === "overall" ? "overall" : "dimensions"].push({ scope, key, value });
    lengths.add(bytes);
  };
  const entryRows = loadEntryBoardRows(benchmarkId, direction, entryId);
  for (const scope of index.scopes) {
    const row = entryRows.row(info.board, scope.id);
    for (const column of ranked) add(scope.id, column.key, row?.cells[column.key]?.value);
    if (scope.id === "overall") add("overall", RANK_SUM_FIGURE, row?.rankSum);
  }
  if (lengths.size > 1) throw new Error(`${benchmarkId} ${info.board} ${entryId}: resampled values of different lengths in the store`);
  const parts = RESAMPLE_PARTS.filter((part) => figures[part].length > 0).map((part) => ({ part, figures: figures[part] }));
  return parts.length === 0 ? null : { count: ([...lengths][0] as number) / DRAW_BYTES, parts };
}

/** A stored column key as a resamples file names it: the store's reserved rank-sum key becomes the file's. */
function figureKey(columnKey: string): string {
  return columnKey === RANK_SUM_DRAWS_KEY ? RANK_SUM_FIGURE : columnKey;
}

/** The reads of one entry's `draws` rows on a board, prepared once per board: their lengths in every scope, and their values overall and in the task dimensions. */
interface DrawQueries {
  readonly lengths: { all(values: { entry: string }): { dimension: string; columnKey: string; bytes: number }[] };
  readonly values: Readonly<Record<ResamplePart, { all(values: { entry: string }): (typeof t.draws.$inferSelect)[] }>>;
}

const preparedDraws = new Map<string, DrawQueries>();

/** An entry's `draws` rows on one board, read by the primary key (one seek per scope, however many entries), the statements prepared once. */
function drawQueries(benchmarkId: string, board: BoardId, scopes: readonly CompareScope[]): DrawQueries {
  const key = `${benchmarkId}\u0000${board}`;
  let found = preparedDraws.get(key);
  if (!found) {
    const db = store();
    const of = (ids: readonly string[]) =>
      and(eq(t.draws.benchmarkId, benchmarkId), eq(t.draws.board, board), inArray(t.draws.dimension, [...ids]), eq(t.draws.entryId, sql.placeholder("entry")));
    const ids = scopes.map((s) => s.id);
    const overall = ids.filter((id) => id === "overall");
    const dimensions = ids.filter((id) => id !== "overall");
    found = {
      lengths: db.select({ dimension: t.draws.dimension, columnKey: t.draws.columnKey, bytes: sql<number>`length(${t.draws.values})` }).from(t.draws).where(of(ids)).prepare(),
      values: { overall: db.select().from(t.draws).where(of(overall)).prepare(), dimensions: db.select().from(t.draws).where(of(dimensions)).prepare() },
    };
    preparedDraws.set(key, found);
  }
  return found;
}

/** One entry's compare file: who it is, and its places in every board and scope with where its resamples are. */
export function loadCompareEntry(benchmarkId: string, direction: "t2v" | "v2t", entryId: string): CompareEntryFile {
  const { index, entries } = source(benchmarkId, direction);
  const entry = entries.get(entryId);
  if (!entry) throw new Error(`unknown ${direction} entry "${entryId}" on ${benchmarkId}`);
  const entryRows = loadEntryBoardRows(benchmarkId, direction, entryId);
  const boards: Partial<Record<BoardId, CompareEntryBoard>> = {};
  index.boards.forEach((info, b) => {
    const places: Record<string, ComparePlace> = {};
    for (const scope of index.scopes) {
      const row = entryRows.row(info.board, scope.id);
      const found = row ? place(boardSummary(benchmarkId, info.board, scope.id).columns, row) : null;
      if (found) places[scope.id] = found;
    }
    if (Object.keys(places).length === 0) return;
    const layout = resampleLayout(benchmarkId, direction, entryId, b);
    const resamples = layout && { count: layout.count, parts: layout.parts.map((p) => ({ ...p, url: compareResamplesUrl(benchmarkId, direction, entryId, info.board, p.part) })) };
    boards[info.board] = { places, resamples };
  });
  return { entry, boards };
}

/** The resamples files of a direction's entries on a board (for static paths): entry and part. */
export function compareResamplesFiles(benchmarkId: string, direction: "t2v" | "v2t", board: BoardId): { entryId: string; part: ResamplePart }[] {
  const { index, entries } = source(benchmarkId, direction);
  const b = index.boards.findIndex((info) => info.board === board);
  if (b < 0) return [];
  return [...entries.keys()].flatMap((entryId) => resampleLayout(benchmarkId, direction, entryId, b)?.parts.map(({ part }) => ({ entryId, part })) ?? []);
}

/** One part of an entry's resamples on one board: its figures' stored values one after another as stored (db/draws.ts: Float32 little-endian). */
export function loadCompareResamples(benchmarkId: string, direction: "t2v" | "v2t", entryId: string, board: BoardId, part: ResamplePart): Uint8Array<ArrayBuffer> {
  const { index } = source(benchmarkId, direction);
  const b = index.boards.findIndex((info) => info.board === board);
  const layout = b < 0 ? null : resampleLayout(benchmarkId, direction, entryId, b);
  const figures = layout?.parts.find((p) => p.part === part)?.figures;
  if (!layout || !figures) throw new Error(`no ${part} resamples of ${direction} entry "${entryId}" on ${benchmarkId} ${board}`);
  const rows = drawQueries(benchmarkId, board, index.scopes).values[part].all({ entry: entryId });
  const stored = new Map(rows.map((row) => [`${row.dimension}\u0000${figureKey(row.columnKey)}`, row.values]));
  const out = new Uint8Array(figures.length * layout.count * DRAW_BYTES);
  figures.forEach((figure, i) => out.set(stored.get(`${figure.scope}\u0000${figure.key}`) as Buffer, i * layout.count * DRAW_BYTES));
  return out;
}
