/** An RFC 4180 CSV writer for downloads: CRLF line ends, quoted where needed, safe in spreadsheets. */

/** A CSV cell: text, a number at full precision, or empty. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, or a tab or carriage
 * return) gets a leading apostrophe. Numbers are written as numbers and never altered.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell, quoted when it holds a comma, quote or line break. */
export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new RangeError(`cannot write a non-finite number (${cell}) to CSV`);
    return String(cell);
  }
  const text = typeof cell === "boolean" ? String(cell) : neutralizeFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: a header row, then one row per record, each line ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
