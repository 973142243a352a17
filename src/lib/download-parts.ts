/**
 * How a download too large for one file is cut: into equal runs of whole records, as many as keep each part's JSON
 * under PART_BYTES, so that no file passes 5 MB (common static hosts refuse large files) while the parts together
 * hold every record, in order.
 */

/** The most bytes a download's JSON may take before it is split into parts. */
export const PART_BYTES = 4 * 1024 * 1024;

/** A download's files: `[null]` for one whole file, or its part numbers 1…n. */
export type DownloadParts = readonly (number | null)[];

/** How many parts a download of `jsonBytes` bytes of JSON is cut into (1: not split). */
export function partCount(jsonBytes: number, limit = PART_BYTES): number {
  return Math.max(1, Math.ceil(jsonBytes / limit));
}

/** The files of a download cut into `parts` parts. */
export function partList(parts: number): DownloadParts {
  return parts === 1 ? [null] : Array.from({ length: parts }, (_, i) => i + 1);
}

/** The records `from` (inclusive) to `to` (exclusive) of a download. */
export interface RecordSpan {
  readonly from: number;
  readonly to: number;
}

/**
 * Which of `count` records part `part` (1-based) of `parts` holds, or every record for `null`: equal runs, the last
 * one shorter. The span alone, so that a part's records can be made without making the others.
 */
export function partSpan(count: number, parts: number, part: number | null): RecordSpan {
  if (part === null) return { from: 0, to: count };
  const size = Math.ceil(count / parts);
  return { from: Math.min(count, (part - 1) * size), to: Math.min(count, part * size) };
}
