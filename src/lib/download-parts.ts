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

/** The records of part `part` (1-based) of `parts`, or every record for `null`: equal runs, the last one shorter. */
export function partRecords<T>(records: readonly T[], parts: number, part: number | null): readonly T[] {
  if (part === null) return records;
  const size = Math.ceil(records.length / parts);
  return records.slice((part - 1) * size, part * size);
}
