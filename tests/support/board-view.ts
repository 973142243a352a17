/** A small board view built in memory, for tests of the loaders' pure helpers (no store). */
import type { BoardColumnInfo } from "../../src/lib/benchmarks.ts";
import type { BoardCell, BoardRow, BoardView } from "../../src/lib/boards.ts";

/** One column of the test board. */
export const COLUMN: BoardColumnInfo = {
  benchmarkId: "b",
  board: "v2t-instance",
  key: "overall_srcc",
  perspectiveId: "overall",
  metric: "srcc",
  label: "Overall SRCC",
  higherIsBetter: true,
  ranked: true,
  note: null,
  position: 1,
};

const cell = (value: number, rank: number | null, ci: boolean): BoardCell => ({
  value,
  ciLow: ci ? value - 0.1 : null,
  ciHigh: ci ? value + 0.1 : null,
  ciNote: null,
  n: 10,
  rank,
  rankBest: null,
  rankWorst: null,
  provenance: "published",
  source: null,
});

/** A row: its entry id and name, overall rank (null: unranked), and its cell's rank (undefined: no cell). */
export function row(entryId: string, name: string, rank: number | null, cellRank: number | null | undefined, opts: { reference?: boolean; ci?: boolean } = {}): BoardRow {
  return {
    entryId,
    name,
    href: `/b/v2t/${entryId}/`,
    group: null,
    isReference: opts.reference ?? false,
    entrySource: null,
    evaluatorId: null,
    evaluator: null,
    rank,
    rankSum: null,
    position: 0,
    rankBest: null,
    rankWorst: null,
    separableFromNext: null,
    unrankedReason: null,
    auditFlags: 0,
    cells: cellRank === undefined ? {} : { [COLUMN.key]: cell(1 - (cellRank ?? 50) / 100, cellRank, opts.ci ?? false) },
    provenance: ["published"],
    entryProvenance: null,
    training: null,
    generationCard: null,
  };
}

/** A board of the given rows with the one column. */
export function view(rows: readonly BoardRow[]): BoardView {
  return { benchmarkId: "b", board: "v2t-instance", dimension: "overall", columns: [COLUMN], rows, apart: [], unrankedReason: null };
}
