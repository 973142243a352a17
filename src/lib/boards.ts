/** Loads one board (benchmark × board × dimension) as the store holds it: values, CIs, ranks, provenance. */
import { and, eq } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import { BOARD_SCOPE, type BoardId } from "../schemas/board.ts";
import { EVALUATOR_MEAN } from "../schemas/metrics.ts";
import { auditFlags } from "./audit.ts";
import { listBoardColumns, type BoardColumnInfo } from "./benchmarks.ts";
import { entriesByDirection, type EntryGenerationCard, type EntryInfo, type EntryProvenance, type EntryTraining } from "./entry-rows.ts";
import { interned } from "./interned.ts";
import { store } from "./store.ts";
import { entryUrl } from "./urls.ts";

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

/**
 * Boards already read in this build, by benchmark, board and dimension. The store is read-only while the site
 * is built, so each board is read once however many pages show it (every entry page shows its boards on every
 * dimension): the build stays linear in the number of entries.
 */
const loaded = new Map<string, BoardView>();

/** Loads a board (once per build); reference entries (real videos) follow the ranked rows, unranked. */
export function loadBoard(benchmarkId: string, board: BoardId, dimension = "overall"): BoardView {
  const key = `${benchmarkId}\u0000${board}\u0000${dimension}`;
  let view = loaded.get(key);
  if (!view) {
    view = readBoard(benchmarkId, board, dimension);
    loaded.set(key, view);
  }
  return view;
}

function readBoard(benchmarkId: string, board: BoardId, dimension: string): BoardView {
  const db = store();
  const { direction, level } = BOARD_SCOPE[board];
  const columns = listBoardColumns(benchmarkId, board);
  const entries = entriesByDirection(benchmarkId, direction);
  const results = db
    .select()
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
    .select()
    .from(t.columnRanks)
    .where(
      and(eq(t.columnRanks.benchmarkId, benchmarkId), eq(t.columnRanks.board, board), eq(t.columnRanks.dimension, dimension)),
    )
    .all();
  const rankOf = new Map(columnRanks.map((r) => [`${r.entryId}\u0000${r.columnKey}`, r]));
  const resultOf = new Map(results.map((r) => [`${r.entryId}\u0000${r.perspectiveId}_${r.metric}`, r]));

  const cellsOf = (entryId: string): Record<string, BoardCell> => {
    const cells: Record<string, BoardCell> = {};
    for (const column of columns) {
      const result = resultOf.get(`${entryId}\u0000${column.key}`);
      if (!result) continue;
      const ranked = rankOf.get(`${entryId}\u0000${column.key}`);
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
    return cells;
  };

  const evaluators: ReadonlyMap<string, EntryInfo> = direction === "t2v" ? entriesByDirection(benchmarkId, "v2t") : new Map();
  const flags = auditFlags(benchmarkId, board, dimension);
  const toRow = (entry: EntryInfo, ranking: (typeof rankings)[number] | undefined, position: number): BoardRow => {
    const cells = cellsOf(entry.id);
    const evaluator = entry.evaluatorId === null ? undefined : evaluators.get(entry.evaluatorId);
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
      auditFlags: flags.get(entry.id) ?? 0,
      cells,
      provenance: provenanceList(Object.values(cells).map((cell) => cell.provenance)),
      entryProvenance: entry.provenance,
      training: entry.training,
      generationCard: entry.generationCard,
    };
  };

  const rawOf = new Map(results.filter((r) => r.metric === EVALUATOR_MEAN).map((r) => [`${r.entryId}\u0000${r.perspectiveId}`, r]));
  const apartOf = (entry: EntryInfo, reason: string): ApartRow => {
    const evaluator = evaluators.get(entry.evaluatorId ?? "");
    const cells: Record<string, BoardCell> = {};
    for (const perspective of new Set(columns.map((c) => c.perspectiveId))) {
      const r = rawOf.get(`${entry.id}\u0000${perspective}`);
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
  };
  const withBoardFigures = new Set(results.filter((r) => r.metric !== EVALUATOR_MEAN).map((r) => r.entryId));
  const rows: BoardRow[] = [];
  const apart: ApartRow[] = [];
  for (const ranking of rankings) {
    const entry = entries.get(ranking.entryId);
    if (!entry) continue;
    // The ranking step lists an auto entry it keeps apart with a reason and no rank; its figures are raw evaluator means.
    if (entry.source === "auto" && ranking.rank === null && ranking.unrankedReason !== null && !withBoardFigures.has(entry.id)) {
      apart.push(apartOf(entry, ranking.unrankedReason));
    } else rows.push(toRow(entry, ranking, ranking.position));
  }
  const references = [...entries.values()].filter((e) => e.isReference).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const reference of references) {
    const row = toRow(reference, undefined, rows.length + 1);
    if (Object.keys(row.cells).length > 0) rows.push(row);
  }
  const reasons = [...new Set(rows.map((row) => row.unrankedReason))];
  return { benchmarkId, board, dimension, columns, rows, apart, unrankedReason: reasons.length === 1 ? (reasons[0] ?? null) : null };
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

interface BoardIndex {
  readonly rowOf: ReadonlyMap<string, BoardRow>;
  readonly ranked: number;
}

/**
 * Each board's rows by entry and its count of ranked rows, built once per board view: every entry page looks its
 * row up on each of its boards and dimensions, and a scan of the board per page would make the build quadratic.
 */
const indexes = new WeakMap<BoardView, BoardIndex>();

function indexOf(view: BoardView): BoardIndex {
  let index = indexes.get(view);
  if (!index) {
    const rowOf = new Map<string, BoardRow>();
    for (const row of view.rows) if (!rowOf.has(row.entryId)) rowOf.set(row.entryId, row);
    index = { rowOf, ranked: view.rows.filter((row) => row.rank !== null).length };
    indexes.set(view, index);
  }
  return index;
}

/** An entry's row on a board, or undefined when the board has none for it. */
export function boardRow(view: BoardView, entryId: string): BoardRow | undefined {
  return indexOf(view).rowOf.get(entryId);
}

/** How many entries a board ranks. */
export function rankedCount(view: BoardView): number {
  return indexOf(view).ranked;
}
