/**
 * The bodies of the board and per-dimension downloads, CSV and JSON, written alike at the latest URL and under
 * their release. Every record carries the release it was built from (a `release` column: the CSV stays one
 * header row, RFC 4180), and the JSON names it at the top as well. The JSON is written compact (one line): machines
 * read it, and indentation doubled its bytes. A download whose JSON would pass PART_BYTES is written as parts of
 * whole records instead of one file (see `boardDownloadParts`).
 */
import type { BoardId } from "../schemas/board.ts";
import { boardRecords, longRecords } from "./board-records.ts";
import { loadBoard } from "./boards.ts";
import { toCsv, type CsvCell } from "./csv.ts";
import { releasedByEntryRuns } from "./entry-runs.ts";
import { BoardIdSchema } from "../schemas/board.ts";
import { partCount, partList, partRecords, type DownloadParts } from "./download-parts.ts";
import { recordJsonTexts, recordsJson } from "./records-json.ts";

export type { DownloadParts } from "./download-parts.ts";

/** A download's format. */
export type DownloadFormat = "csv" | "json";

const RANKING =
  "Per ranked column: standard competition ranks (1, 2, 2, 4), higher is better. rank = competition rank of rank_sum (sum of column ranks), lower is better; ties listed by name. rank_best and rank_worst: the entry's own 95% rank interval (marginal, not joint) from re-ranking the board on every bootstrap resample; separable_from_next: whether a paired bootstrap of rank sums tells the entry apart from the next one, Holm-corrected over the board's adjacent pairs.";

function respond(format: DownloadFormat, body: string): Response {
  return new Response(body, { headers: { "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json" } });
}


/**
 * A download's columns and records (each with its release), once per build. A record is kept as its cells in
 * column order, not as an object: a dimension of a 10,000-entry board holds about 240,000 records, and objects of
 * twenty named fields each would be most of the build's memory; the JSON's objects are made per part as it is written.
 */
interface DownloadTable {
  readonly columns: readonly string[];
  readonly records: readonly (readonly CsvCell[])[];
  /** Each record's JSON object, written once per table (the part count and every JSON part read them). */
  readonly json: readonly string[];
  /** Fields of the JSON besides its records, in order. */
  readonly meta: Readonly<Record<string, unknown>>;
  readonly parts: number;
}

/**
 * The downloads read most recently. A build writes a download's files one after another (its parts, CSV and JSON),
 * so two are kept, not every one: a board of 10,000 entries in long format over every dimension would not fit; and
 * none through a run of one entry's files (`entry-runs.ts`), which reads no board download.
 */
const tables = new Map<string, DownloadTable>();
const KEPT_TABLES = 2;
releasedByEntryRuns(() => tables.clear());
/** Every download's number of parts, kept for the whole build (pages list the parts of downloads read long ago). */
const partCounts = new Map<string, number>();

/** A download from the cache, or built and cached (the oldest dropped beyond KEPT_TABLES). */
function cached(key: string, build: () => DownloadTable): DownloadTable {
  const found = tables.get(key);
  if (found) return found;
  const table = build();
  tables.set(key, table);
  partCounts.set(key, table.parts);
  for (const oldest of tables.keys()) {
    if (tables.size <= KEPT_TABLES) break;
    tables.delete(oldest);
  }
  return table;
}

/** A table of a download: its records written as JSON once, and the number of parts that keeps each part's JSON under PART_BYTES (records of a download being of similar size). */
function downloadTable(meta: Readonly<Record<string, unknown>>, columns: readonly string[], records: readonly (readonly CsvCell[])[]): DownloadTable {
  const json = recordJsonTexts(columns, records);
  return { columns, records, json, meta, parts: partCount(Buffer.byteLength(recordsJson({ ...meta, columns }, json))) };
}

const boardKey = (benchmarkId: string, board: BoardId, release: string) => `board\u0000${benchmarkId}\u0000${board}\u0000${release}`;
const dimensionKey = (benchmarkId: string, dimensionId: string, release: string) => `dimension\u0000${benchmarkId}\u0000${dimensionId}\u0000${release}`;

function boardTable(benchmarkId: string, board: BoardId, release: string): DownloadTable {
  return cached(boardKey(benchmarkId, board, release), () => {
    const view = loadBoard(benchmarkId, board);
    const { header, records } = boardRecords(view);
    const columns = [...header, "release"];
    const rows = records.map((record) => columns.map((column): CsvCell => (column === "release" ? release : (record[column] ?? null))));
    const meta = { benchmark: benchmarkId, board, dimension: view.dimension, release, ranking: RANKING, unranked_reason: view.unrankedReason };
    return downloadTable(meta, columns, rows);
  });
}

function dimensionTable(benchmarkId: string, dimensionId: string, release: string): DownloadTable {
  return cached(dimensionKey(benchmarkId, dimensionId, release), () => {
    const views = BoardIdSchema.options.map((board) => loadBoard(benchmarkId, board, dimensionId));
    const { header, rows } = longRecords(views);
    const columns = [...header, "release"];
    const records = rows.map((row) => columns.map((name, i): CsvCell => (name === "release" ? release : (row[i] ?? null))));
    const meta = { benchmark: benchmarkId, dimension: dimensionId, release };
    return downloadTable(meta, columns, records);
  });
}


/** The body of a download or of one of its parts (records in order, cut into equal runs; JSON says which part). */
function body(table: DownloadTable, format: DownloadFormat, part: number | null): Response {
  if (format === "csv") return respond(format, toCsv(table.columns, partRecords(table.records, table.parts, part)));
  const which = part === null ? {} : { part, parts: table.parts };
  return respond(format, recordsJson({ ...table.meta, ...which, columns: table.columns }, partRecords(table.json, table.parts, part)));
}

/** A board download's files: one whole file, or parts when it would pass PART_BYTES. */
export function boardDownloadParts(benchmarkId: string, board: BoardId, release: string): DownloadParts {
  return partList(partCounts.get(boardKey(benchmarkId, board, release)) ?? boardTable(benchmarkId, board, release).parts);
}

/** A dimension download's files: one whole file, or parts when it would pass PART_BYTES. */
export function dimensionDownloadParts(benchmarkId: string, dimensionId: string, release: string): DownloadParts {
  return partList(partCounts.get(dimensionKey(benchmarkId, dimensionId, release)) ?? dimensionTable(benchmarkId, dimensionId, release).parts);
}

/** A board's download (or one part of it): one record per entry. */
export function boardDownload(benchmarkId: string, board: BoardId, format: DownloadFormat, release: string, part: number | null = null): Response {
  return body(boardTable(benchmarkId, board, release), format, part);
}

/** A dimension's download (or one part of it): every board, one record per entry and column. */
export function dimensionDownload(benchmarkId: string, dimensionId: string, format: DownloadFormat, release: string, part: number | null = null): Response {
  return body(dimensionTable(benchmarkId, dimensionId, release), format, part);
}
