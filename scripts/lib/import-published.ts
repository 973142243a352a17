/**
 * Imports a benchmark's published model-level figures from data/: as entries with provenance `published`,
 * or, for T2V models whose figures the store recomputes from the benchmark's dataset, as rows of the audit
 * that sets each published figure beside the recomputed one.
 */
import fs from "node:fs";
import path from "node:path";
import { slugify } from "../../src/schemas/ids.ts";
import {
  PublishedSourceSchema,
  PublishedT2vRowSchema,
  PublishedV2tRowSchema,
} from "../../src/schemas/published.ts";
import { displayPath, readCsvFile, readJsonFile } from "./read-data.ts";
import { throwIfProblems, type Problem } from "./input-error.ts";
import type { ResultRow, StoreContent } from "./store-content.ts";

const T2V_FILE = "t2v-models.csv";
const V2T_FILE = "v2t-methods.csv";

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

/** Decimals the authors print their T2V figures with (MOS and accuracy in %). */
const T2V_DECIMALS = 2;

/**
 * Adds published V2T entries and their results when `<benchmarkDir>/published/` exists, and the published T2V
 * models: as entries, or as audit rows when `t2vRecomputed` (the dataset is present and the boards are its).
 */
export function importPublished(content: StoreContent, benchmarkId: string, benchmarkDir: string, t2vRecomputed: boolean): void {
  const dir = path.join(benchmarkDir, "published");
  if (!fs.existsSync(dir)) return;
  const source = readJsonFile(path.join(dir, "source.json"), PublishedSourceSchema);
  const published = (fields: Omit<ResultRow, "benchmarkId" | "provenance" | "source" | "dimension">) =>
    content.results.push({
      benchmarkId,
      dimension: "overall",
      provenance: "published",
      source: `${source.citation} (${source.url})`,
      ...fields,
    });

  const t2vFile = path.join(dir, T2V_FILE);
  if (fs.existsSync(t2vFile)) {
    const rows = readCsvFile(t2vFile, PublishedT2vRowSchema);
    const ids = uniqueIds(displayPath(t2vFile), rows.map(({ line, row }) => ({ line, name: row.model })));
    if (t2vRecomputed) {
      const where = `${source.citation} (${source.url}), published/${T2V_FILE}`;
      let position = content.publishedChecks.filter((c) => c.benchmarkId === benchmarkId).length;
      for (const { row } of rows) {
        for (const [perspectiveId, metric, published] of [
          ["perception", "mos", row.perception_mos],
          ["correspondence", "mos", row.correspondence_mos],
          ["qa", "accuracy", row.task_accuracy_pct],
        ] as const) {
          content.publishedChecks.push({ benchmarkId, position: position++, kind: "figure", board: "t2v", dimension: "overall", entryName: row.model, perspectiveId, metric, published, decimals: T2V_DECIMALS, source: where, note: null });
        }
      }
    }
    for (const { row } of t2vRecomputed ? [] : rows) {
      const entryId = ids.get(row.model) ?? "";
      content.t2vEntries.push({
        benchmarkId,
        id: entryId,
        name: row.model,
        organization: null,
        access: row.access,
        url: row.url,
        isReference: false,
        source: "published",
        evaluatorId: null,
        submissionId: null,
      });
      const base = { direction: "t2v", entryId, level: "model", ciLow: null, ciHigh: null, n: null } as const;
      published({ ...base, perspectiveId: "perception", metric: "mos", value: row.perception_mos });
      published({ ...base, perspectiveId: "correspondence", metric: "mos", value: row.correspondence_mos });
      published({ ...base, perspectiveId: "qa", metric: "accuracy", value: row.task_accuracy_pct });
    }
  }

  const v2tFile = path.join(dir, V2T_FILE);
  if (fs.existsSync(v2tFile)) {
    const rows = readCsvFile(v2tFile, PublishedV2tRowSchema);
    const ids = uniqueIds(displayPath(v2tFile), rows.map(({ line, row }) => ({ line, name: row.method })));
    for (const { row } of rows) {
      const entryId = ids.get(row.method) ?? "";
      content.v2tEntries.push({
        benchmarkId,
        id: entryId,
        name: row.method,
        kind: row.kind,
        organization: null,
        url: null,
        size: null,
        license: null,
        submissionId: null,
      });
      const base = { direction: "v2t", entryId, ciLow: null, ciHigh: null, n: null } as const;
      const instance = { ...base, level: "instance" } as const;
      const model = { ...base, level: "model" } as const;
      published({ ...instance, perspectiveId: "perception", metric: "srcc", value: row.instance_perception_srcc });
      published({ ...instance, perspectiveId: "correspondence", metric: "srcc", value: row.instance_correspondence_srcc });
      published({ ...instance, perspectiveId: "qa", metric: "accuracy", value: row.instance_qa_accuracy_pct });
      published({ ...model, perspectiveId: "perception", metric: "srcc", value: row.model_perception_srcc });
      published({ ...model, perspectiveId: "correspondence", metric: "srcc", value: row.model_correspondence_srcc });
      published({ ...model, perspectiveId: "qa", metric: "score", value: row.model_qa_score });
    }
  }
}
