/** The site's stable URLs (DESIGN.md, "URLs"), built in one place so links never drift. */
import type { BoardId } from "../schemas/board.ts";

/** Joins a site path with the configured base path. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, "");
  return `${base}${path}`;
}

/** A benchmark's T2V or V2T board page. */
export function boardUrl(benchmarkId: string, direction: "t2v" | "v2t"): string {
  return href(`/${benchmarkId}/${direction}/`);
}

/** The page of one T2V model or V2T method. */
export function entryUrl(benchmarkId: string, direction: "t2v" | "v2t", entryId: string): string {
  return href(`/${benchmarkId}/${direction}/${entryId}/`);
}

/** A download's file name: `<name>.<format>`, or `<name>.part-<k>.<format>` for part k of a split download. */
function downloadFileName(name: string, format: "csv" | "json", part: number | null = null): string {
  return part === null ? `${name}.${format}` : `${name}.part-${part}.${format}`;
}

/** The folder under /downloads/ of the latest board and dimension downloads (`release` null) or of those kept for a release. */
function downloadsFolder(release: string | null): string {
  return release === null ? "" : `releases/${release}/`;
}

/** Where a board's download (or one part of it) sits under /downloads/: at its latest path (`release` null) or as kept for a release. */
export function boardDownloadPath(release: string | null, benchmarkId: string, board: BoardId, format: "csv" | "json", part: number | null = null): string {
  return `${downloadsFolder(release)}${benchmarkId}/${downloadFileName(board, format, part)}`;
}

/** Where a dimension's download (or one part of it) sits under /downloads/: at its latest path (`release` null) or as kept for a release. */
export function dimensionDownloadPath(release: string | null, benchmarkId: string, dimensionId: string, format: "csv" | "json", part: number | null = null): string {
  return `${downloadsFolder(release)}${benchmarkId}/dimensions/${downloadFileName(dimensionId, format, part)}`;
}

/** A board's download, `csv` or `json` (or one part of it). */
export function downloadUrl(benchmarkId: string, board: BoardId, format: "csv" | "json", part: number | null = null): string {
  return href(`/downloads/${boardDownloadPath(null, benchmarkId, board, format, part)}`);
}

/** A dimension's download (every board, long format), `csv` or `json` (or one part of it). */
export function dimensionDownloadUrl(benchmarkId: string, dimensionId: string, format: "csv" | "json", part: number | null = null): string {
  return href(`/downloads/${dimensionDownloadPath(null, benchmarkId, dimensionId, format, part)}`);
}

/** One entry's download: the CSV of every board × dimension × column, or its JSON twin (the same rows as `table`, with every stored figure and rank). */
export function entryDownloadUrl(benchmarkId: string, direction: "t2v" | "v2t", entryId: string, format: "csv" | "json" = "json"): string {
  return href(`/downloads/${benchmarkId}/entries/${direction}/${entryId}.${format}`);
}

/** Per-video ground truth of a benchmark whose labels are public. */
export function groundTruthUrl(benchmarkId: string): string {
  return href(`/downloads/${benchmarkId}/ground-truth.csv`);
}

/** A benchmark's compare view of some entries of one direction (the page reads this query string). */
export function compareUrl(benchmarkId: string, direction: "t2v" | "v2t", entryIds: readonly string[] = []): string {
  const query = entryIds.length > 0 ? `?entries=${entryIds.map(encodeURIComponent).join(",")}&direction=${direction}` : `?direction=${direction}`;
  return href(`/${benchmarkId}/compare/${query}`);
}

/** The compare view's index of one direction of a benchmark (boards, columns, scopes, entries to pick from). */
export function compareIndexUrl(benchmarkId: string, direction: "t2v" | "v2t"): string {
  return href(`/${benchmarkId}/compare/${direction}.json`);
}

/** The folder of the entries' compare files of one direction: `<folder><entry id>.json` is one entry's places. */
export function compareEntryFolderUrl(benchmarkId: string, direction: "t2v" | "v2t"): string {
  return href(`/${benchmarkId}/compare/${direction}/`);
}

/** One part (`overall` or `dimensions`) of an entry's stored resamples on one board (Float64 little-endian), which the compare view pairs in the browser. */
export function compareResamplesUrl(benchmarkId: string, direction: "t2v" | "v2t", entryId: string, board: BoardId, part: "overall" | "dimensions"): string {
  return href(`/${benchmarkId}/compare/${direction}/${entryId}.${board}.${part}.bin`);
}

/** A board's download as kept for one release. */
export function releaseDownloadUrl(release: string, benchmarkId: string, board: BoardId, format: "csv" | "json", part: number | null = null): string {
  return href(`/downloads/${boardDownloadPath(release, benchmarkId, board, format, part)}`);
}

/** A dimension's download as kept for one release. */
export function releaseDimensionDownloadUrl(release: string, benchmarkId: string, dimensionId: string, format: "csv" | "json", part: number | null = null): string {
  return href(`/downloads/${dimensionDownloadPath(release, benchmarkId, dimensionId, format, part)}`);
}

/** The release manifest: the latest at /downloads/release.json, each release's under its folder. */
export function releaseManifestUrl(release?: string): string {
  return href(release === undefined ? "/downloads/release.json" : `/downloads/releases/${release}/release.json`);
}

/** A board's chart data (every ranked column and entry), fetched by the entry pages' chart islands. */
export function chartDataUrl(benchmarkId: string, board: BoardId): string {
  return href(`/${benchmarkId}/charts/${board}.json`);
}

/** A benchmark's prompt list to generate from (T2V submissions). */
export function promptListUrl(benchmarkId: string, format: "csv" | "json"): string {
  return href(`/downloads/${benchmarkId}/prompts.${format}`);
}

/** One chunk of a board's rows (JSON), fetched by the board page when the reader needs more than its first rows. */
export function boardRowsUrl(benchmarkId: string, board: BoardId, dimension: string, index: number): string {
  return href(`/${benchmarkId}/rows/${board}/${dimension}-${index}.json`);
}
