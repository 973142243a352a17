/**
 * Imports a benchmark's published model-level figures from data/ (src/schemas/published.ts): as entries with
 * provenance `published`, or, for T2V models whose figures the store recomputes from the benchmark's dataset,
 * as rows of the audit that sets each published figure beside the recomputed one.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Benchmark } from "../../src/schemas/benchmark.ts";
import { columnKey, type BoardId } from "../../src/schemas/board.ts";
import { slugify } from "../../src/schemas/ids.ts";
import { metricDefinition } from "../../src/schemas/metrics.ts";
import {
  PublishedSourceSchema,
  PublishedT2vEntrySchema,
  PublishedV2tEntrySchema,
  publishedFigureSchema,
  type PublishedT2vEntry,
} from "../../src/schemas/published.ts";
import { parseCsv } from "../io/csv-parse.ts";
import { addProvenance, publishedProvenance } from "./entry-provenance.ts";
import { throwIfProblems, type Problem } from "../io/input-error.ts";
import { displayPath, readCsvFile, readJsonFile, readText } from "../io/read-data.ts";
import type { ResultRow, StoreContent } from "../store/store-content.ts";

const T2V_FILE = "t2v-models.csv";
const V2T_FILE = "v2t-methods.csv";

/** A figure column of a published file: the board, perspective and metric its header names. */
interface FigureColumn {
  readonly header: string;
  readonly board: BoardId;
  readonly perspective: string;
  readonly metric: string;
}

/** The figure columns a published file may have: its boards' column keys, with a prefix per board. */
function allowedFigures(benchmark: Benchmark, boards: readonly { board: BoardId; prefix: string }[]): Map<string, FigureColumn> {
  const allowed = new Map<string, FigureColumn>();
  for (const { board, prefix } of boards) {
    for (const column of benchmark.boards[board]) {
      const header = `${prefix}${columnKey(column)}`;
      allowed.set(header, { header, board, perspective: column.perspective, metric: column.metric });
    }
  }
  return allowed;
}

/** Reads a published CSV: leading entry columns, then figure columns named by the allowed headers. */
function readPublishedFile<E extends z.ZodObject>(file: string, entry: E, allowed: ReadonlyMap<string, FigureColumn>) {
  const shown = displayPath(file);
  const { header } = parseCsv(readText(file), shown);
  const fixed = Object.keys(entry.shape);
  const figures = header.filter((name) => !fixed.includes(name));
  const unknown = figures.filter((name) => !allowed.has(name));
  throwIfProblems(unknown.map((name): Problem => ({ file: shown, line: 1, field: name, message: `is not a column of this benchmark's boards; expected one of ${[...allowed.keys()].join(", ")}` })));
  const columns = figures.map((name) => allowed.get(name) as FigureColumn);
  const schema = entry.extend(Object.fromEntries(columns.map((c) => [c.header, publishedFigureSchema(c.metric)])));
  return { columns, rows: readCsvFile(file, schema) as { line: number; row: z.output<E> & Record<string, number> }[] };
}

/** Checks that names map to distinct ids, reporting the line of each clash. */
function uniqueIds(file: string, rows: { line: number; name: string }[]): Map<string, string> {
  const idByName = new Map<string, string>();
  const lineById = new Map<string, number>();
  const problems: Problem[] = [];
  for (const { line, name } of rows) {
    const id = slugify(name);
    const earlier = lineById.get(id);
    if (id === "") problems.push({ file, line, message: `"${name}" has no letters or digits to make an id from` });
    else if (earlier !== undefined) {
      problems.push({ file, line, message: `"${name}" has the same id "${id}" as the entry on line ${earlier}` });
    }
    lineById.set(id, line);
    idByName.set(name, id);
  }
  throwIfProblems(problems);
  return idByName;
}

/** The published T2V models of a benchmark folder (who they are, without their figures); empty when there are none. */
export function readPublishedModels(benchmarkDir: string, benchmark: Benchmark): PublishedT2vEntry[] {
  const file = path.join(benchmarkDir, "published", T2V_FILE);
  if (!fs.existsSync(file)) return [];
  return readPublishedFile(file, PublishedT2vEntrySchema, allowedFigures(benchmark, [{ board: "t2v", prefix: "" }])).rows.map(({ row }) => ({ model: row.model, access: row.access, url: row.url }));
}

/**
 * Adds published V2T entries and their results when `<benchmarkDir>/published/` exists, and the published T2V
 * models: as entries, or as audit rows when `t2vRecomputed` (the dataset is present and the boards are its).
 */
export function importPublished(content: StoreContent, benchmark: Benchmark, benchmarkDir: string, t2vRecomputed: boolean): void {
  const dir = path.join(benchmarkDir, "published");
  if (!fs.existsSync(dir)) return;
  const benchmarkId = benchmark.id;
  const source = readJsonFile(path.join(dir, "source.json"), PublishedSourceSchema);
  const cited = `${source.citation} (${source.url})`;
  const published = (fields: Omit<ResultRow, "benchmarkId" | "provenance" | "source" | "dimension" | "ciLow" | "ciHigh" | "n">) =>
    content.results.push({ benchmarkId, dimension: "overall", provenance: "published", source: cited, ciLow: null, ciHigh: null, n: null, ...fields });

  const t2vFile = path.join(dir, T2V_FILE);
  if (fs.existsSync(t2vFile)) {
    const { columns, rows } = readPublishedFile(t2vFile, PublishedT2vEntrySchema, allowedFigures(benchmark, [{ board: "t2v", prefix: "" }]));
    const ids = uniqueIds(displayPath(t2vFile), rows.map(({ line, row }) => ({ line, name: row.model })));
    let position = content.publishedChecks.filter((c) => c.benchmarkId === benchmarkId).length;
    for (const { row } of rows) {
      const entryId = ids.get(row.model) ?? "";
      if (t2vRecomputed) {
        // The figures the authors printed, to set beside those recomputed from the dataset (printed with 2 decimals).
        for (const c of columns) {
          content.publishedChecks.push({ benchmarkId, position: position++, kind: "figure", board: "t2v", dimension: "overall", entryName: row.model, perspectiveId: c.perspective, metric: c.metric, published: row[c.header] as number, decimals: Math.min(2, metricDefinition(c.metric).digits), source: `${cited}, published/${T2V_FILE}`, note: null });
        }
        continue;
      }
      content.t2vEntries.push({ benchmarkId, id: entryId, name: row.model, organization: null, access: row.access, url: row.url, isReference: false, source: "published", evaluatorId: null, submissionId: null });
      addProvenance(content, publishedProvenance(benchmark, "t2v", entryId, source));
      for (const c of columns) published({ direction: "t2v", entryId, level: "model", perspectiveId: c.perspective, metric: c.metric, value: row[c.header] as number });
    }
  }

  const v2tFile = path.join(dir, V2T_FILE);
  if (fs.existsSync(v2tFile)) {
    const allowed = allowedFigures(benchmark, [{ board: "v2t-instance", prefix: "instance_" }, { board: "v2t-model", prefix: "model_" }]);
    const { columns, rows } = readPublishedFile(v2tFile, PublishedV2tEntrySchema, allowed);
    const ids = uniqueIds(displayPath(v2tFile), rows.map(({ line, row }) => ({ line, name: row.method })));
    for (const { row } of rows) {
      const entryId = ids.get(row.method) ?? "";
      content.v2tEntries.push({ benchmarkId, id: entryId, name: row.method, kind: row.kind, organization: null, url: null, size: null, license: null, submissionId: null });
      addProvenance(content, publishedProvenance(benchmark, "v2t", entryId, source));
      for (const c of columns) {
        published({ direction: "v2t", entryId, level: c.board === "v2t-model" ? "model" : "instance", perspectiveId: c.perspective, metric: c.metric, value: row[c.header] as number });
      }
    }
  }
}
