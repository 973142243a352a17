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

/** Reads a whole text file, turning a missing file into a clear input error. */
export function readText(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError([{ file: displayPath(file), message: `cannot be read (${(error as Error).message})` }]);
  }
}

/** Reads a JSON file and validates it against a schema. */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  const shown = displayPath(file);
  let value: unknown;
  try {
    value = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([{ file: shown, message: `is not valid JSON (${(error as Error).message})` }]);
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
        problems.push({ file: shown, line, message: `is not valid JSON (${(error as Error).message})` });
        return;
      }
      const parsed = schema.safeParse(value);
      if (parsed.success) rows.push({ line, value: parsed.data });
      else problems.push(...problemsFromZod(shown, line, parsed.error));
    });
  throwIfProblems(problems);
  return rows;
}
