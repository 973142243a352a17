/** A download's JSON written from records kept as cells in column order (src/lib/downloads.ts). */
import type { CsvCell } from "./csv.ts";

/**
 * `head`'s fields, then `rows`: one object per record keyed by column (null where a cell is empty), compact, with a
 * closing line break. The text is what `JSON.stringify({ ...head, rows })` gives for those objects, written a record
 * at a time from its cells without making an object per record (at 10,000 entries a dimension's download holds about
 * 240,000 records, and making them was most of the build's work on downloads).
 */
export function recordsJson(head: Readonly<Record<string, unknown>>, columns: readonly string[], records: readonly (readonly CsvCell[])[]): string {
  if (new Set(columns).size !== columns.length) throw new Error(`a download names a column twice: ${columns.join(",")}`);
  const keys = columns.map((column, i) => `${i === 0 ? "" : ","}${JSON.stringify(column)}:`);
  const rows = records.map((record) => `{${keys.map((key, i) => key + JSON.stringify(record[i] ?? null)).join("")}}`);
  const fields = JSON.stringify(head);
  return `${fields === "{}" ? "{" : `${fields.slice(0, -1)},`}"rows":[${rows.join(",")}]}\n`;
}
