/** Reads and validates data files: JSON and CSV, checked with zod, every problem with file and line. */
import fs from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { parseCsv } from "./csv-parse.ts";
import { InputError, problemsFromZod, throwIfProblems, type Problem } from "./input-error.ts";

/** A path as users should see it in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

/** The largest input file read whole: far above any dataset's annotation file, below what a JavaScript string holds. */
export const MAX_TEXT_BYTES = 512 * 1024 * 1024;

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence (the decoder said there is one). */
function firstNonUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    const second = bytes[i + 1] as number;
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return bytes.length;
}

/** A file-system error as a reader of a data file should see it. */
function unreadable(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ENOENT":
      return "does not exist (or is a link to nothing)";
    case "ELOOP":
      return "cannot be read: it is a loop of symbolic links";
    case "EACCES":
    case "EPERM":
      return "cannot be read: permission denied";
    default:
      return `cannot be read (${error.code ?? error.message})`;
  }
}

/**
 * Reads a whole text file, refusing clearly what is not one: a missing or unreadable file, a directory, a file
 * too large to read whole, a byte-order mark (as Python's json does) or bytes that are not UTF-8 (named by line,
 * never shown). The message never quotes the file's content, which may not be ours to echo.
 */
export function readText(file: string): string {
  const shown = displayPath(file);
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new InputError([{ file: shown, message: "is a directory, not a file" }]);
    if (!stat.isFile()) throw new InputError([{ file: shown, message: "is not a regular file" }]);
    if (stat.size > MAX_TEXT_BYTES) {
      throw new InputError([{ file: shown, message: `is ${stat.size.toLocaleString("en")} bytes, more than the ${MAX_TEXT_BYTES / 1024 / 1024} MiB an input file may have` }]);
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([{ file: shown, message: unreadable(error as NodeJS.ErrnoException) }]);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new InputError([{ file: shown, line: 1, message: "starts with a byte-order mark (U+FEFF); save it as UTF-8 without one" }]);
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    const at = firstNonUtf8(bytes);
    const line = bytes.subarray(0, at).reduce((count, byte) => count + (byte === 0x0a ? 1 : 0), 1);
    throw new InputError([{ file: shown, line, message: `is not UTF-8 text (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, "0")})` }]);
  }
}

/** Why a text is not JSON, without quoting it (the parser's own message quotes the text). */
export function jsonSyntaxProblem(error: unknown): string {
  const position = /position (\d+)/.exec((error as Error).message)?.[1];
  return position === undefined ? "is not valid JSON" : `is not valid JSON (at character ${Number(position) + 1})`;
}

/** Reads a JSON file and validates it against a schema. */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const shown = displayPath(file);
  let value: unknown;
  try {
    value = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([{ file: shown, message: jsonSyntaxProblem(error) }]);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new InputError(problemsFromZod(shown, undefined, parsed.error));
  return parsed.data;
}

/** Reads a CSV file and validates each record; returns the rows with their line numbers. */
export function readCsvFile<S extends z.ZodType>(
  file: string,
  schema: S,
): { line: number; row: z.output<S> }[] {
  const shown = displayPath(file);
  const { records } = parseCsv(readText(file), shown);
  const problems: Problem[] = [];
  const rows: { line: number; row: z.output<S> }[] = [];
  for (const record of records) {
    const parsed = schema.safeParse(record.cells);
    if (parsed.success) rows.push({ line: record.line, row: parsed.data });
    else problems.push(...problemsFromZod(shown, record.line, parsed.error));
  }
  throwIfProblems(problems);
  return rows;
}

/** Reads a JSON-lines file and validates each non-blank line; returns the values with their line numbers. */
export function readJsonLinesFile<S extends z.ZodType>(file: string, schema: S): { line: number; value: z.output<S> }[] {
  const shown = displayPath(file);
  const problems: Problem[] = [];
  const rows: { line: number; value: z.output<S> }[] = [];
  readText(file)
    .split("\n")
    .forEach((text, index) => {
      const line = index + 1;
      if (text.trim() === "") return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        problems.push({ file: shown, line, message: jsonSyntaxProblem(error) });
        return;
      }
      const parsed = schema.safeParse(value);
      if (parsed.success) rows.push({ line, value: parsed.data });
      else problems.push(...problemsFromZod(shown, line, parsed.error));
    });
  throwIfProblems(problems);
  return rows;
}
