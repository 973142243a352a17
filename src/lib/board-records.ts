/** Flattens a board into download records: one per entry, full precision, snake_case, CSV and JSON alike. */
import type { BoardId } from "../schemas/board.ts";
import { EVALUATOR_MEAN } from "../schemas/metrics.ts";
import type { CsvCell } from "./csv.ts";
import type { BoardRow, BoardView } from "./boards.ts";
import { provenanceRecord, PROVENANCE_COLUMNS, GENERATION_COLUMNS, generationRecord, TRAINING_COLUMNS, trainingRecord } from "./provenance-records.ts";

/** The name column of a board's download: `model` for T2V, `method` for V2T. */
export function nameColumn(board: BoardId): "model" | "method" {
  return board === "t2v" ? "model" : "method";
}

/** Header and records of a board download, in display order. */
export function boardRecords(view: BoardView): { header: string[]; records: Record<string, CsvCell>[] } {
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

  const ranked = view.rows.map((row) => {
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
  });
  const apart = view.apart.map((row) => {
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
  });
  // Every record has every header field (null where it has no value), as before.
  const records = [...ranked, ...apart].map((record) => Object.fromEntries(header.map((h) => [h, record[h] ?? null])));
  return { header, records };
}

/** Long-format records of several boards on one dimension: one row per entry × column. */
export function longRecords(views: readonly BoardView[]): { header: string[]; rows: CsvCell[][] } {
  const header = [
    "board", "dimension", "entry_id", "entry", "rank", "rank_best", "rank_worst", "separable_from_next", "rank_sum", "unranked_reason",
    "column", "perspective", "metric", "value", "ci_low", "ci_high", "n", "column_rank", "column_rank_best", "column_rank_worst", "provenance",
    "provenance_kind", "trained_on_benchmark",
  ];
  const rows: CsvCell[][] = [];
  for (const view of views) {
    for (const row of view.rows) {
      for (const column of view.columns) {
        const cell = row.cells[column.key];
        if (!cell) continue;
        rows.push([
          view.board, view.dimension, row.entryId, row.name, row.rank, row.rankBest, row.rankWorst, row.separableFromNext, row.rankSum, row.unrankedReason,
          column.key, column.perspectiveId, column.metric, cell.value, cell.ciLow, cell.ciHigh, cell.n,
          column.ranked ? cell.rank : null, column.ranked ? cell.rankBest : null, column.ranked ? cell.rankWorst : null, cell.provenance,
          row.entryProvenance?.kind ?? null, trainedCell(row),
        ]);
      }
    }
    for (const row of view.apart) {
      for (const [perspective, cell] of Object.entries(row.cells)) {
        rows.push([
          view.board, view.dimension, row.entryId, row.name, null, null, null, null, null, row.unrankedReason,
          `${perspective}_${EVALUATOR_MEAN}`, perspective, EVALUATOR_MEAN, cell.value, cell.ciLow, cell.ciHigh, cell.n, null, null, null, cell.provenance,
        ]);
      }
    }
  }
  return { header, rows };
}

/** A V2T row's trained-on-this-benchmark cell ("yes", "no", "not-stated"); null for T2V rows. */
function trainedCell(row: BoardRow): string | null {
  return row.training?.trainedOnBenchmark ?? null;
}
