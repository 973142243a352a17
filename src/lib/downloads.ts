/**
 * The bodies of the board and per-dimension downloads, CSV and JSON, written alike at the latest URL and under
 * their release. Every record carries the release it was built from (a `release` column: the CSV stays one
 * header row, RFC 4180), and the JSON names it at the top as well.
 */
import type { BoardId } from "../schemas/board.ts";
import { boardRecords, longRecords } from "./board-records.ts";
import { loadBoard } from "./boards.ts";
import { toCsv, type CsvCell } from "./csv.ts";
import { BoardIdSchema } from "../schemas/board.ts";

/** A download's format. */
export type DownloadFormat = "csv" | "json";

const RANKING =
  "Per ranked column: standard competition ranks (1, 2, 2, 4), higher is better. rank = competition rank of rank_sum (sum of column ranks), lower is better; ties listed by name. rank_best and rank_worst: the entry's own 95% rank interval (marginal, not joint) from re-ranking the board on every bootstrap resample; separable_from_next: whether a paired bootstrap of rank sums tells the entry apart from the next one, Holm-corrected over the board's adjacent pairs.";

function respond(format: DownloadFormat, body: string): Response {
  return new Response(body, { headers: { "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json" } });
}

/** A board's download: one record per entry. */
export function boardDownload(benchmarkId: string, board: BoardId, format: DownloadFormat, release: string): Response {
  const view = loadBoard(benchmarkId, board);
  const { header, records } = boardRecords(view);
  const columns = [...header, "release"];
  const rows = records.map((record): Record<string, CsvCell> => ({ ...record, release }));
  if (format === "csv") return respond(format, toCsv(columns, rows.map((record) => columns.map((column) => record[column]))));
  const body = { benchmark: benchmarkId, board, dimension: view.dimension, release, ranking: RANKING, unranked_reason: view.unrankedReason, columns, rows };
  return respond(format, `${JSON.stringify(body, null, 2)}\n`);
}

/** A dimension's download: every board, one record per entry and column. */
export function dimensionDownload(benchmarkId: string, dimensionId: string, format: DownloadFormat, release: string): Response {
  const views = BoardIdSchema.options.map((board) => loadBoard(benchmarkId, board, dimensionId));
  const { header, rows } = longRecords(views);
  const columns = [...header, "release"];
  const withRelease = rows.map((row) => [...row, release]);
  if (format === "csv") return respond(format, toCsv(columns, withRelease));
  const records = withRelease.map((row) => Object.fromEntries(columns.map((name, i) => [name, row[i] ?? null])));
  return respond(format, `${JSON.stringify({ benchmark: benchmarkId, dimension: dimensionId, release, columns, rows: records }, null, 2)}\n`);
}
