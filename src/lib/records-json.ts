/** A download's JSON written from records as cells in column order (src/lib/download-body.ts), and its size in bytes. */
import type { CsvCell } from "./csv.ts";

/** One cell as JSON: what `JSON.stringify` writes for it as an object's value (null where empty or not finite). */
function cellJson(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "null";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "null";
  return typeof cell === "boolean" ? String(cell) : JSON.stringify(cell);
}

/**
 * Each record as the JSON of one object keyed by column (null where a cell is empty), compact: the text
 * `JSON.stringify` gives for that object, written from the cells without making it (at 10,000 entries a dimension's
 * download holds about 240,000 records, and making an object of each was most of the build's work on downloads).
 */
export function recordJsonTexts(columns: readonly string[], records: readonly (readonly CsvCell[])[]): string[] {
  if (new Set(columns).size !== columns.length) throw new Error(`a download names a column twice: ${columns.join(",")}`);
  const keys = columns.map((column, i) => `${i === 0 ? "" : ","}${JSON.stringify(column)}:`);
  return records.map((record) => {
    let text = "{";
    for (let i = 0; i < keys.length; i++) text += (keys[i] as string) + cellJson(record[i]);
    return `${text}}`;
  });
}

/** The text before and after the records of a JSON download whose other fields are `head`. */
function around(head: Readonly<Record<string, unknown>>): { readonly open: string; readonly close: string } {
  const fields = JSON.stringify(head);
  return { open: `${fields === "{}" ? "{" : `${fields.slice(0, -1)},`}"rows":[`, close: "]}\n" };
}

/** `head`'s fields, then `rows` (records already written by `recordJsonTexts`), compact, with a closing line break. */
export function recordsJson(head: Readonly<Record<string, unknown>>, rows: readonly string[]): string {
  const { open, close } = around(head);
  return `${open}${rows.join(",")}${close}`;
}

/**
 * The UTF-8 bytes `recordsJson(head, rows)` would take, given `rows` a run at a time (each written by
 * `recordJsonTexts`): a download's size is known before any part is written, without holding its records.
 */
export function recordsJsonBytes(head: Readonly<Record<string, unknown>>, runs: Iterable<readonly string[]>): number {
  const { open, close } = around(head);
  let bytes = Buffer.byteLength(open) + Buffer.byteLength(close);
  let rows = 0;
  for (const run of runs) {
    if (run.length === 0) continue;
    // A comma before each run but the first, as `join(",")` puts between its last record and the next run's first.
    bytes += Buffer.byteLength(run.join(",")) + (rows === 0 ? 0 : 1);
    rows += run.length;
  }
  return bytes;
}
