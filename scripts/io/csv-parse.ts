/** An RFC 4180 CSV reader that keeps the line each record starts on, for error messages. */
import { InputError, type Problem } from "./input-error.ts";

/** One data record: its cells by header name and the 1-based line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: Record<string, string>;
}

/** Splits CSV text into records of raw cells with their starting lines; quotes may span lines. */
function tokenize(text: string, file: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteOpenedAt = 0;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (ch === "\n") line += 1;
        cell += ch;
      }
    } else if (ch === '"' && cell === "") {
      quoted = true;
      quoteOpenedAt = line;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i += 1;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = "";
      line += 1;
      recordLine = line;
    } else {
      cell += ch;
    }
  }
  if (quoted) {
    throw new InputError([{ file, line: quoteOpenedAt, message: "a quoted cell is never closed" }]);
  }
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  return records.filter((record) => !(record.cells.length === 1 && record.cells[0] === ""));
}

/** Parses CSV text with a header row; every record must have as many cells as the header. */
export function parseCsv(text: string, file: string): { header: string[]; records: CsvRecord[] } {
  const [head, ...rest] = tokenize(text, file);
  if (head === undefined) throw new InputError([{ file, message: "the file is empty; expected a header row" }]);
  const header = head.cells.map((name) => name.trim());
  const problems: Problem[] = [];
  const seen = new Set<string>();
  header.forEach((name) => {
    if (name === "") problems.push({ file, line: head.line, message: "the header has an empty column name" });
    if (seen.has(name)) problems.push({ file, line: head.line, field: name, message: "column appears twice" });
    seen.add(name);
  });
  const records: CsvRecord[] = [];
  for (const record of rest) {
    if (record.cells.length !== header.length) {
      problems.push({
        file,
        line: record.line,
        message: `expected ${header.length} cells as in the header, found ${record.cells.length}`,
      });
      continue;
    }
    records.push({
      line: record.line,
      cells: Object.fromEntries(header.map((name, i) => [name, record.cells[i] ?? ""])),
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { header, records };
}
