/**
 * A board or dimension download written a part at a time: its size (records and parts) from one pass that keeps only
 * the byte total, and each part's CSV or JSON from that part's records alone. At 10,000 entries a dimension's download
 * holds about 240,000 records; holding them (cells and JSON texts) while its parts were written kept hundreds of MB
 * live, and every garbage collection of the build marked them.
 */
import type { RecordRange } from "./board-records.ts";
import { toCsv, type CsvCell } from "./csv.ts";
import { partCount, partSpan } from "./download-parts.ts";
import { recordJsonTexts, recordsJson, recordsJsonBytes } from "./records-json.ts";

/** A download's format. */
export type DownloadFormat = "csv" | "json";

/** A download not yet written: the fields of its JSON besides its records, and its records (with their header). */
export interface DownloadSource {
  readonly meta: Readonly<Record<string, unknown>>;
  readonly records: RecordRange;
}

/** How many records a download holds and how many parts it is written as. */
export interface DownloadSize {
  readonly records: number;
  readonly parts: number;
}

/** Records formatted per run of the size pass: enough to amortise the join, few enough to stay small. */
const RUN = 8192;

/** A download's records and its part count: as many parts as keep each part's JSON under PART_BYTES, from the whole JSON's bytes (records of a download being of similar size). */
export function downloadSize(source: DownloadSource): DownloadSize {
  const { meta, records } = source;
  const head = { ...meta, columns: records.header };
  return { records: records.count, parts: partCount(recordsJsonBytes(head, jsonRuns(records))) };
}

/** The records' JSON texts, RUN records at a time. */
function* jsonRuns(records: RecordRange): Generator<string[]> {
  for (let from = 0; from < records.count; from += RUN) yield recordJsonTexts(records.header, records.records(from, Math.min(records.count, from + RUN)));
}

/** The text of a download (`part` null) or of one of its parts (records in order, cut into equal runs; the JSON says which part). */
export function downloadText(source: DownloadSource, size: DownloadSize, format: DownloadFormat, part: number | null): string {
  const { header } = source.records;
  const { from, to } = partSpan(size.records, size.parts, part);
  const records: readonly (readonly CsvCell[])[] = source.records.records(from, to);
  if (format === "csv") return toCsv(header, records);
  const which = part === null ? {} : { part, parts: size.parts };
  return recordsJson({ ...source.meta, ...which, columns: header }, recordJsonTexts(header, records));
}
