/**
 * Flattens boards into download records, full precision, snake_case, CSV and JSON alike: a board's (one per entry), or
 * a dimension's in long format (one per entry and column), made a range of records at a time.
 */
import type { BoardId } from "../schemas/board.ts";
import { EVALUATOR_MEAN } from "../schemas/metrics.ts";
import type { CsvCell } from "./csv.ts";
import type { ApartRow, BoardRow, BoardView } from "./boards.ts";
import { provenanceRecord, PROVENANCE_COLUMNS, GENERATION_COLUMNS, generationRecord, TRAINING_COLUMNS, trainingRecord } from "./provenance-records.ts";

/** The name column of a board's download: `model` for T2V, `method` for V2T. */
export function nameColumn(board: BoardId): "model" | "method" {
  return board === "t2v" ? "model" : "method";
}

/**
 * A download's records, made a range at a time so that nothing holds them all (a dimension of a 10,000-entry board
 * gives about 240,000): the header, how many records there are, and those from `from` to `to` (exclusive), each as
 * its cells in header order (null where it has no value).
 */
export interface RecordRange {
  readonly header: readonly string[];
  readonly count: number;
  records(from: number, to: number): CsvCell[][];
}

/** A board download's records, in display order: one per entry, the ranked rows, then those kept apart. */
export function boardRecords(view: BoardView): RecordRange {
  const isT2v = view.board === "t2v";
  const header = [nameColumn(view.board), "id", "rank", "rank_best", "rank_worst", "separable_from_next", "rank_sum", "unranked_reason"];
  for (const column of view.columns) {
    header.push(column.key, `${column.key}_ci_low`, `${column.key}_ci_high`, `${column.key}_n`);
    if (column.ranked) header.push(`${column.key}_rank`, `${column.key}_rank_best`, `${column.key}_rank_worst`);
  }
  header.push(isT2v ? "access" : "kind");
  if (isT2v) header.push("reference", "evaluator");
  header.push("provenance", "source", ...PROVENANCE_COLUMNS, ...(isT2v ? GENERATION_COLUMNS : TRAINING_COLUMNS));
  // Auto-scored entries kept apart carry their evaluator's raw means under columns of their own, never in a ranked column.
  const perspectives = [...new Set(view.columns.map((c) => c.perspectiveId))];
  if (view.apart.length > 0) for (const p of perspectives) header.push(`${p}_${EVALUATOR_MEAN}`, `${p}_${EVALUATOR_MEAN}_ci_low`, `${p}_${EVALUATOR_MEAN}_ci_high`, `${p}_${EVALUATOR_MEAN}_n`);

  const ranked = (row: BoardRow): Record<string, CsvCell> => {
    const record: Record<string, CsvCell> = {
      [nameColumn(view.board)]: row.name,
      id: row.entryId,
      rank: row.rank,
      rank_best: row.rankBest,
      rank_worst: row.rankWorst,
      separable_from_next: row.separableFromNext,
      rank_sum: row.rankSum,
      unranked_reason: row.unrankedReason,
    };
    for (const column of view.columns) {
      const cell = row.cells[column.key];
      record[column.key] = cell?.value ?? null;
      record[`${column.key}_ci_low`] = cell?.ciLow ?? null;
      record[`${column.key}_ci_high`] = cell?.ciHigh ?? null;
      record[`${column.key}_n`] = cell?.n ?? null;
      if (column.ranked) {
        record[`${column.key}_rank`] = cell?.rank ?? null;
        record[`${column.key}_rank_best`] = cell?.rankBest ?? null;
        record[`${column.key}_rank_worst`] = cell?.rankWorst ?? null;
      }
    }
    record[isT2v ? "access" : "kind"] = row.group;
    if (isT2v) {
      record.reference = row.isReference;
      record.evaluator = row.evaluatorId;
    }
    record.provenance = row.provenance.join(";");
    const sources = [...new Set(Object.values(row.cells).flatMap((cell) => [cell.source, cell.ciNote]).filter((s) => s !== null))];
    record.source = sources.join("; ");
    Object.assign(record, provenanceRecord(row), isT2v ? generationRecord(row) : trainingRecord(row));
    return record;
  };
  const apart = (row: ApartRow): Record<string, CsvCell> => {
    const record: Record<string, CsvCell> = { [nameColumn(view.board)]: row.name, id: row.entryId, unranked_reason: row.unrankedReason, evaluator: row.evaluatorId, reference: false };
    for (const p of perspectives) {
      const cell = row.cells[p];
      record[`${p}_${EVALUATOR_MEAN}`] = cell?.value ?? null;
      record[`${p}_${EVALUATOR_MEAN}_ci_low`] = cell?.ciLow ?? null;
      record[`${p}_${EVALUATOR_MEAN}_ci_high`] = cell?.ciHigh ?? null;
      record[`${p}_${EVALUATOR_MEAN}_n`] = cell?.n ?? null;
    }
    record.provenance = "auto";
    record.source = [...new Set(Object.values(row.cells).map((cell) => cell.source).filter((s) => s !== null))].join("; ");
    Object.assign(record, provenanceRecord(row), generationRecord(row));
    return record;
  };
  const shown = view.rows.length;
  const count = shown + view.apart.length;
  return {
    header,
    count,
    records(from, to) {
      const records: CsvCell[][] = [];
      for (let i = Math.max(0, from); i < Math.min(count, to); i++) {
        const record = i < shown ? ranked(view.rows[i] as BoardRow) : apart(view.apart[i - shown] as ApartRow);
        // Every record has every header field (null where it has no value).
        records.push(header.map((h) => record[h] ?? null));
      }
      return records;
    },
  };
}

/** The columns of a dimension's long-format download. */
const LONG_HEADER: readonly string[] = [
  "board", "dimension", "entry_id", "entry", "rank", "rank_best", "rank_worst", "separable_from_next", "rank_sum", "unranked_reason",
  "column", "perspective", "metric", "value", "ci_low", "ci_high", "n", "column_rank", "column_rank_best", "column_rank_worst", "provenance",
  "provenance_kind", "trained_on_benchmark",
];

/** One board row's long-format records, not yet made: how many it gives, and how to make them. */
interface RowRecords {
  readonly size: number;
  readonly make: () => CsvCell[][];
}

/** Every board row of `views` in download order (each view's rows, then its rows kept apart), as RowRecords. */
function* longRows(views: readonly BoardView[]): Generator<RowRecords> {
  for (const view of views) {
    for (const row of view.rows) {
      let size = 0;
      for (const column of view.columns) if (row.cells[column.key]) size++;
      yield { size, make: () => rankedLongRecords(view, row) };
    }
    for (const row of view.apart) yield { size: Object.keys(row.cells).length, make: () => apartLongRecords(view, row) };
  }
}

/** A ranked (or unranked, or reference) row's long records: one per column it has a cell in. */
function rankedLongRecords(view: BoardView, row: BoardRow): CsvCell[][] {
  const records: CsvCell[][] = [];
  for (const column of view.columns) {
    const cell = row.cells[column.key];
    if (!cell) continue;
    records.push([
      view.board, view.dimension, row.entryId, row.name, row.rank, row.rankBest, row.rankWorst, row.separableFromNext, row.rankSum, row.unrankedReason,
      column.key, column.perspectiveId, column.metric, cell.value, cell.ciLow, cell.ciHigh, cell.n,
      column.ranked ? cell.rank : null, column.ranked ? cell.rankBest : null, column.ranked ? cell.rankWorst : null, cell.provenance,
      row.entryProvenance?.kind ?? null, trainedCell(row),
    ]);
  }
  return records;
}

/** A kept-apart row's long records: one per perspective of its evaluator's raw means. */
function apartLongRecords(view: BoardView, row: ApartRow): CsvCell[][] {
  return Object.entries(row.cells).map(([perspective, cell]) => [
    view.board, view.dimension, row.entryId, row.name, null, null, null, null, null, row.unrankedReason,
    `${perspective}_${EVALUATOR_MEAN}`, perspective, EVALUATOR_MEAN, cell.value, cell.ciLow, cell.ciHigh, cell.n, null, null, null, cell.provenance,
    null, null,
  ]);
}

/**
 * Long-format records of several boards on one dimension: one per entry × column it has a value in. A range is made
 * by skipping whole rows before it, counting their cells, so a part of the download makes only its own records.
 */
export function longRecords(views: readonly BoardView[]): RecordRange {
  let count = 0;
  for (const row of longRows(views)) count += row.size;
  return {
    header: LONG_HEADER,
    count,
    records(from, to) {
      const records: CsvCell[][] = [];
      let at = 0;
      for (const row of longRows(views)) {
        if (at >= to) break;
        if (at + row.size > from) {
          const made = row.make();
          for (let i = Math.max(0, from - at); i < Math.min(row.size, to - at); i++) records.push(made[i] as CsvCell[]);
        }
        at += row.size;
      }
      return records;
    },
  };
}

/** A V2T row's trained-on-this-benchmark cell ("yes", "no", "not-stated"); null for T2V rows. */
function trainedCell(row: BoardRow): string | null {
  return row.training?.trainedOnBenchmark ?? null;
}
