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

/** A board's download, `csv` or `json`. */
export function downloadUrl(benchmarkId: string, board: BoardId, format: "csv" | "json"): string {
  return href(`/downloads/${benchmarkId}/${board}.${format}`);
}

/** A dimension's download (every board, long format), `csv` or `json`. */
export function dimensionDownloadUrl(benchmarkId: string, dimensionId: string, format: "csv" | "json"): string {
  return href(`/downloads/${benchmarkId}/dimensions/${dimensionId}.${format}`);
}

/** One entry's JSON breakdown: every stored figure and rank. */
export function entryDownloadUrl(benchmarkId: string, direction: "t2v" | "v2t", entryId: string): string {
  return href(`/downloads/${benchmarkId}/entries/${direction}/${entryId}.json`);
}

/** Per-video ground truth of a benchmark whose labels are public. */
export function groundTruthUrl(benchmarkId: string): string {
  return href(`/downloads/${benchmarkId}/ground-truth.csv`);
}

/** A board's chart data (every ranked column and entry), fetched by the entry pages' chart islands. */
export function chartDataUrl(benchmarkId: string, board: BoardId): string {
  return href(`/${benchmarkId}/charts/${board}.json`);
}
