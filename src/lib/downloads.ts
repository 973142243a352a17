/**
 * The bodies of the board and per-dimension downloads, CSV and JSON, written alike at the latest URL and under
 * their release. Every record carries the release it was built from (a `release` column: the CSV stays one
 * header row, RFC 4180), and the JSON names it at the top as well. The JSON is written compact (one line): machines
 * read it, and indentation doubled its bytes. A download whose JSON would pass PART_BYTES is written as parts of
 * whole records instead of one file (see `boardDownloadParts`), each part made from its own records alone
 * (`download-body.ts`). A file's latest and release copies are written one after the other (`download-files.ts`), and
 * the second is the first's bytes, kept for it.
 */
import type { BoardId } from "../schemas/board.ts";
import { boardRecords, longRecords, type RecordRange } from "./board-records.ts";
import { loadBoard } from "./boards.ts";
import { BoardIdSchema } from "../schemas/board.ts";
import { partList, PART_BYTES, type DownloadParts } from "./download-parts.ts";
import { downloadSize, downloadText, type DownloadFormat, type DownloadSize, type DownloadSource } from "./download-body.ts";
import { RecentCache } from "./recent-cache.ts";

export type { DownloadParts } from "./download-parts.ts";
export type { DownloadFormat } from "./download-body.ts";

const RANKING =
  "Per ranked column: standard competition ranks (1, 2, 2, 4), higher is better. rank = competition rank of rank_sum (sum of column ranks), lower is better; ties listed by name. rank_best and rank_worst: the entry's own 95% rank interval (marginal, not joint) from re-ranking the board on every bootstrap resample; separable_from_next: whether a paired bootstrap of rank sums tells the entry apart from the next one, Holm-corrected over the board's adjacent pairs.";

function respond(format: DownloadFormat, body: string): Response {
  return new Response(body, { headers: { "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json" } });
}

/**
 * Every download's size (record count and part count), kept for the whole build: pages list the parts of downloads
 * read long ago, and a part is cut from it. Nothing else of a download is kept: each file is made from the board views
 * (`loadBoard`) when it is written, from its own records only.
 */
const sizes = new Map<string, DownloadSize>();

/** A download's size, measured once (one pass over its records that keeps only their JSON's byte total). */
function sizeOf(key: string, source: DownloadSource): DownloadSize {
  let size = sizes.get(key);
  if (!size) {
    size = downloadSize(source);
    sizes.set(key, size);
  }
  return size;
}

/**
 * The texts of the files written most recently, up to three parts' worth (weighed by length, which is their bytes: the
 * downloads' text is ASCII but for a few names): a file's latest and release URLs are rendered next to each other (a
 * few files in flight), so the second copy is this text rather than a second pass over the board views. Kept as text,
 * not encoded bytes: an encoded copy kept beside the one each response makes was one more buffer per file for the
 * garbage collector to account.
 */
const bodies = new RecentCache<string, string>(3 * PART_BYTES, (body) => body.length);

/** A file's text: kept from its other URL, or formatted by `make` (once per file while its two URLs are written together). */
function bodyOf(key: string, format: DownloadFormat, part: number | null, make: () => string): string {
  return bodies.get(`${key}\u0000${format}\u0000${part ?? "whole"}`, make);
}

/** Records with the `release` column last, the same on every record (added to the fresh records a range makes). */
function withRelease(records: RecordRange, release: string): RecordRange {
  return {
    header: [...records.header, "release"],
    count: records.count,
    records(from, to) {
      const made = records.records(from, to);
      for (const record of made) record.push(release);
      return made;
    },
  };
}

const boardKey = (benchmarkId: string, board: BoardId, release: string) => `board\u0000${benchmarkId}\u0000${board}\u0000${release}`;
const dimensionKey = (benchmarkId: string, dimensionId: string, release: string) => `dimension\u0000${benchmarkId}\u0000${dimensionId}\u0000${release}`;

/** A board's download, unwritten: one record per entry. */
function boardSource(benchmarkId: string, board: BoardId, release: string): DownloadSource {
  const view = loadBoard(benchmarkId, board);
  const meta = { benchmark: benchmarkId, board, dimension: view.dimension, release, ranking: RANKING, unranked_reason: view.unrankedReason };
  return { meta, records: withRelease(boardRecords(view), release) };
}

/** A dimension's download, unwritten: every board in long format. */
function dimensionSource(benchmarkId: string, dimensionId: string, release: string): DownloadSource {
  const views = BoardIdSchema.options.map((board) => loadBoard(benchmarkId, board, dimensionId));
  return { meta: { benchmark: benchmarkId, dimension: dimensionId, release }, records: withRelease(longRecords(views), release) };
}

/** A board download's files: one whole file, or parts when it would pass PART_BYTES. */
export function boardDownloadParts(benchmarkId: string, board: BoardId, release: string): DownloadParts {
  const key = boardKey(benchmarkId, board, release);
  return partList((sizes.get(key) ?? sizeOf(key, boardSource(benchmarkId, board, release))).parts);
}

/** A dimension download's files: one whole file, or parts when it would pass PART_BYTES. */
export function dimensionDownloadParts(benchmarkId: string, dimensionId: string, release: string): DownloadParts {
  const key = dimensionKey(benchmarkId, dimensionId, release);
  return partList((sizes.get(key) ?? sizeOf(key, dimensionSource(benchmarkId, dimensionId, release))).parts);
}

/** A download's file (whole, or one part) as a response: its text kept from its other URL, or made from `source`. */
function fileResponse(key: string, source: () => DownloadSource, format: DownloadFormat, part: number | null): Response {
  return respond(
    format,
    bodyOf(key, format, part, () => {
      const made = source();
      return downloadText(made, sizeOf(key, made), format, part);
    }),
  );
}

/** A board's download (or one part of it): one record per entry. */
export function boardDownload(benchmarkId: string, board: BoardId, format: DownloadFormat, release: string, part: number | null = null): Response {
  return fileResponse(boardKey(benchmarkId, board, release), () => boardSource(benchmarkId, board, release), format, part);
}

/** A dimension's download (or one part of it): every board, one record per entry and column. */
export function dimensionDownload(benchmarkId: string, dimensionId: string, format: DownloadFormat, release: string, part: number | null = null): Response {
  return fileResponse(dimensionKey(benchmarkId, dimensionId, release), () => dimensionSource(benchmarkId, dimensionId, release), format, part);
}
