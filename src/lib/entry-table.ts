/**
 * One entry's figures as one table, every board × dimension × column with its value, interval, rank and n: the
 * per-entry CSV and the same rows in the entry's JSON, so one model's breakdown is one file, not one per dimension.
 */
import { BOARD_SCOPE, type BoardId } from "../schemas/board.ts";
import { toCsv, type CsvCell } from "./csv.ts";
import { boardSummary } from "./boards.ts";
import { loadEntryBoardRows, scopeIds } from "./entry-boards.ts";

/** The per-entry table's columns, in CSV order (snake_case, as every download). */
export const ENTRY_TABLE_HEADER = [
  "release", "benchmark", "direction", "entry", "board", "dimension", "column", "label", "ranked", "value", "ci_low", "ci_high", "ci_note", "n",
  "rank", "rank_best", "rank_worst", "overall_rank", "unranked_reason", "provenance",
] as const;

/** One row of the per-entry table. */
export type EntryTableRow = Record<(typeof ENTRY_TABLE_HEADER)[number], string | number | boolean | null>;

const BOARDS = Object.keys(BOARD_SCOPE) as BoardId[];

/** Every figure of one entry, board by board (in board order), overall first then each dimension, column by column. */
export function entryTable(benchmarkId: string, direction: "t2v" | "v2t", entryId: string, release: string): EntryTableRow[] {
  const dimensions = scopeIds(benchmarkId);
  const rows = loadEntryBoardRows(benchmarkId, direction, entryId);
  return BOARDS.filter((board) => BOARD_SCOPE[board].direction === direction).flatMap((board) =>
    dimensions.flatMap((dimension) => {
      const row = rows.row(board, dimension);
      if (row === undefined) return [];
      return boardSummary(benchmarkId, board, dimension).columns.flatMap((column) => {
        const cell = row.cells[column.key];
        if (cell === undefined) return [];
        return [{
          release, benchmark: benchmarkId, direction, entry: entryId, board, dimension, column: column.key, label: column.label, ranked: column.ranked,
          value: cell.value, ci_low: cell.ciLow, ci_high: cell.ciHigh, ci_note: cell.ciNote, n: cell.n,
          rank: cell.rank, rank_best: cell.rankBest, rank_worst: cell.rankWorst, overall_rank: row.rank,
          unranked_reason: row.unrankedReason, provenance: cell.provenance,
        }];
      });
    }),
  );
}

/** The per-entry table as CSV (RFC 4180, CRLF). */
export function entryTableCsv(rows: readonly EntryTableRow[]): string {
  return toCsv(ENTRY_TABLE_HEADER, rows.map((row) => ENTRY_TABLE_HEADER.map((key): CsvCell => row[key])));
}
