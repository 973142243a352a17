/**
 * A board as the row builder reads it (src/lib/shared/board-rows.ts): the table's shape, every row formatted once,
 * the first rows the page ships as HTML and the chunk files that carry every row for the browser to fetch on demand.
 * Formatting happens here and only here, so a fetched row shows the same figures as a static one.
 */
import type { BoardView } from "./boards.ts";
import { RecentCache } from "./recent-cache.ts";
import { auditAnchor } from "./audit.ts";
import { releasedByEntryRuns } from "./entry-runs.ts";
import { formatInterval, formatRank, formatRankInterval, formatValue } from "./format.ts";
import { accessLabel, kindLabel } from "./labels.ts";
import { correlationFamilies, switchableFamily } from "./metric-families.ts";
import { PROVENANCE_KINDS, provenanceKindDescription, provenanceKindLabel, provenanceMark, TRAINED_DESCRIPTION, TRAINED_MARK } from "./provenance-labels.ts";
import type { BoardRowShape, BoardTableShape } from "./shared/board-rows.ts";
import { boardRowsUrl, href } from "./urls.ts";

/** How many rows a board page ships as HTML; the rest are fetched when the reader searches, sorts, filters or shows all. */
export const FIRST_ROWS = 100;

/** The most bytes of JSON one chunk file holds (a row is never split, so a chunk can pass it by one row). */
export const CHUNK_BYTES = 900_000;

/** A header of a board table: its sort key, label, whether it sorts as a number, and its family (or null). */
export interface BoardHeader {
  readonly key: string;
  readonly label: string;
  readonly numeric: boolean;
  readonly family: string | null;
}

/** A board ready to render: its shape, headers, every row formatted, and the URLs of its chunk files. */
export interface PagedBoard {
  readonly table: BoardTableShape;
  readonly headers: readonly BoardHeader[];
  readonly families: readonly string[];
  readonly rows: readonly BoardRowShape[];
  /** The rows of each chunk file, in board order (empty when the page ships every row). */
  readonly chunks: readonly (readonly BoardRowShape[])[];
  readonly chunkUrls: readonly string[];
}

const sortValue = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));

function page(view: BoardView): PagedBoard {
  const isT2v = view.board === "t2v";
  const groupLabel = (group: string | null) => (isT2v ? accessLabel(group) : kindLabel(group));
  const families = correlationFamilies(view.columns);
  const shownFamily = families.length > 1 ? (families[0]?.id ?? null) : null;
  const familyOf = (metric: string) => (shownFamily === null ? null : switchableFamily(metric));
  // Ranked columns and the rank sum first, so the ranking reads without scrolling on narrow screens.
  const ranked = view.unrankedReason === null ? view.columns.filter((column) => column.ranked) : [];
  const unranked = view.columns.filter((column) => !ranked.includes(column));
  const shown = [...ranked, ...(ranked.length > 0 ? [null] : []), ...unranked];
  const rankLabel = view.unrankedReason === null ? "Rank" : "#";
  const groupHeading = isT2v ? "Access" : "Kind";
  const headers: BoardHeader[] = [
    { key: "rank", label: rankLabel, numeric: true, family: null },
    { key: "name", label: isT2v ? "Model" : "Method", numeric: false, family: null },
    ...shown.map((column) =>
      column === null
        ? { key: "rank_sum", label: "Rank sum", numeric: true, family: null }
        : { key: column.key, label: column.label, numeric: true, family: familyOf(column.metric) },
    ),
    { key: "group", label: groupHeading, numeric: false, family: null },
  ];
  const sortKeys = ["rank", "name", "group", "rank_sum", ...view.columns.map((column) => column.key)];
  const table: BoardTableShape = {
    rankLabel,
    unrankedReason: view.unrankedReason,
    groupHeading,
    columns: shown.map((column) => (column === null ? { key: "rank_sum", label: "Rank sum", family: null } : { key: column.key, label: column.label, family: familyOf(column.metric) })),
    shownFamily,
    sortKeys,
    provenance: Object.fromEntries(PROVENANCE_KINDS.map((kind) => [kind, { mark: provenanceMark(kind), label: provenanceKindLabel(kind), description: provenanceKindDescription(kind) }])),
    trained: { mark: TRAINED_MARK, description: TRAINED_DESCRIPTION },
  };
  const rows = view.rows.map((row): BoardRowShape => ({
    id: row.entryId,
    name: row.name,
    href: row.href,
    position: row.position,
    group: row.group ?? "",
    groupLabel: groupLabel(row.group),
    provenance: row.entryProvenance?.kind ?? "",
    trained: row.training?.trainedOnBenchmark === "yes",
    reference: row.isReference,
    rank: formatRank(row.rank),
    rankInterval: row.rankBest === null ? "" : formatRankInterval(row.rankBest, row.rankWorst),
    tie: row.separableFromNext === false,
    evaluator: row.evaluator,
    auditHref: row.auditFlags > 0 ? href(`/audit/#${auditAnchor(view.benchmarkId, row.entryId)}`) : null,
    cells: shown.map((column) => {
      if (column === null) return { text: formatRank(row.rankSum), rank: null, rankTitle: null, ci: null, ciNote: null };
      const cell = row.cells[column.key];
      if (!cell) return null;
      const rankShown = ranked.includes(column) && cell.rank !== null;
      return {
        text: formatValue(column.metric, cell.value),
        rank: rankShown ? `#${cell.rank}` : null,
        rankTitle: rankShown ? `rank in ${column.label}` : null,
        ci: cell.ciLow === null ? null : formatInterval(column.metric, cell.ciLow, cell.ciHigh),
        ciNote: cell.ciNote,
      };
    }),
    sort: [
      String(row.position),
      row.name.toLowerCase(),
      groupLabel(row.group).toLowerCase(),
      sortValue(row.rankSum),
      ...view.columns.map((column) => sortValue(row.cells[column.key]?.value)),
    ],
  }));
  const chunks = rows.length > FIRST_ROWS ? chunkRows(rows) : [];
  return {
    table,
    headers,
    families: families.length > 1 ? families.map((f) => f.id) : [],
    rows,
    chunks,
    chunkUrls: chunks.map((_, i) => boardRowsUrl(view.benchmarkId, view.board, view.dimension, i)),
  };
}

/**
 * What a board's page renders of it without its other rows: the table's shape and headers, its first FIRST_ROWS rows,
 * how many rows it has and its chunk files. Kept in the board's summary (`boardSummary` of boards.ts) for the whole
 * build, so that the board and dimension pages and the row-chunk route's paths read no view for it.
 */
export interface BoardPageHead {
  readonly table: BoardTableShape;
  readonly headers: readonly BoardHeader[];
  readonly families: readonly string[];
  readonly firstRows: readonly BoardRowShape[];
  readonly rowCount: number;
  readonly chunkUrls: readonly string[];
}

/**
 * A board's head, paged by the same code as `pagedBoard` (same table, headers and chunks) but not kept with the
 * paged boards: only its first rows outlive the call, so the build holds no formatted board for the summaries.
 */
export function boardPageHead(view: BoardView): BoardPageHead {
  const { table, headers, families, rows, chunkUrls } = page(view);
  return { table, headers, families, firstRows: rows.slice(0, FIRST_ROWS), rowCount: rows.length, chunkUrls };
}

/** Rows cut into runs whose JSON stays under `limit` bytes (a row longer than it alone in its run), in order. */
export function chunkRows<T>(rows: readonly T[], limit = CHUNK_BYTES): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = Buffer.byteLength(JSON.stringify(row)) + 1;
    if (current.length > 0 && bytes + size > limit) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Boards paged most recently, by view. A few are kept, not every one: every board and dimension of a benchmark with
 * 10,000 entries, formatted, would not fit beside the boards themselves; a board's page and its chunk files are
 * written close together, and paging again is one pass over its rows. None is kept through a run of one entry's files
 * (`entry-runs.ts`), which pages no board.
 */
const paged = new RecentCache<BoardView, PagedBoard>(4);
releasedByEntryRuns(() => paged.clear());

/** A board's table shape, formatted rows and chunk files. */
export function pagedBoard(view: BoardView): PagedBoard {
  return paged.get(view, () => page(view));
}
