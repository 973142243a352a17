/** Building submission bundles and throwaway data folders for the submit and bundle tests. */
import fs from "node:fs";
import { copyData } from "../../scripts/dev/copy-data.ts";
import path from "node:path";
import { zipSync, type ZipOptions } from "fflate";
import { emptyContent, type StoreContent } from "../../scripts/store/store-content.ts";
import { importTvge } from "./packages.ts";
import { tempDir } from "./temp.ts";
import { readJsonFile } from "../../scripts/io/read-data.ts";
import { BenchmarkSchema } from "../../src/schemas/benchmark.ts";

const REPO = path.resolve(import.meta.dirname, "../..");

/** A fresh temporary folder, removed when the test file ends (tests/support/temp.ts). */
export { tempDir } from "./temp.ts";

/** A data folder holding only the given benchmark definitions (no submissions yet), in a temporary folder removed when the test file ends. */
export function tempDataDir(benchmarks: readonly string[]): string {
  const data = path.join(tempDir("data"), "data");
  for (const id of benchmarks) copyData(path.join(REPO, "data", "benchmarks", id), path.join(data, "benchmarks", id));
  return data;
}

/** Copies a data folder for a test to change (benchmark code linked, not copied). */
export { copyData } from "../../scripts/dev/copy-data.ts";

/** Bundle files by name: text or bytes. */
export type BundleContents = Record<string, string | Uint8Array>;

/** Writes a bundle folder. */
export function writeBundleDir(dir: string, files: BundleContents): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
  return dir;
}

/** Writes a zip bundle; entry names are used verbatim (so tests can write `../x` or `/x`), attributes per entry. */
export function writeBundleZip(file: string, files: BundleContents, attributes: Record<string, ZipOptions> = {}): string {
  const entries: Record<string, [Uint8Array, ZipOptions]> = {};
  for (const [name, body] of Object.entries(files)) {
    entries[name] = [typeof body === "string" ? new TextEncoder().encode(body) : body, { mtime: new Date("2024-01-01T00:00:00Z"), ...attributes[name] }];
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, zipSync(entries as never));
  return file;
}

/** The provenance fields every test manifest carries (who ran the model and the evaluation, links, date). */
export const TEST_PROVENANCE = {
  sampledBy: "Test Lab",
  evaluatedBy: "Test Lab",
  codeUrl: "https://example.org/code",
  weightsUrl: null,
  date: "2025-01-31",
} as const;

/** A complete generation card for test T2V manifests. */
export const TEST_GENERATION_CARD = {
  model: "Test Generator v1 (checkpoint test-v1)",
  resolution: "512x320",
  frames: 16,
  frameRate: 8,
  duration: 2,
  sampler: "DDIM",
  steps: 50,
  guidance: 7.5,
  seeds: "0 for every prompt",
  promptRewriting: "none",
  negativePrompt: "none",
  samples: "submitter",
} as const;

/** A manifest object for a V2T bundle on `benchmark`, with overrides merged in. */
export function v2tManifest(benchmark: string, name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    benchmark,
    direction: "v2t",
    entry: {
      name,
      organization: "Test Lab",
      kind: "quality-metric",
      url: "https://example.org/method",
      license: "CC BY 4.0",
      contact: "team@example.org",
    },
    method: "A deterministic formula of the video id, for tests.",
    ...TEST_PROVENANCE,
    trainingData: [],
    ...overrides,
  };
}

/** The TVGE generators in file order; their position enters the test formula. */
export const TVGE_MODELS = ["floor33", "gen2", "modelscope", "pika", "zeroscope"] as const;

/**
 * The test formula for a TVGE video `<model>/<prompt>`: deterministic, tie-rich enough to exercise average
 * ranks, and the same as in the SciPy snippet of tests/integration/submit.test.ts.
 */
export function formulaScores(videoId: string): { quality: number; alignment: number } {
  const [model, prompt] = videoId.split("/");
  const m = TVGE_MODELS.indexOf(model as (typeof TVGE_MODELS)[number]);
  const p = Number(prompt);
  return { quality: ((p * 7 + m * 13) % 97) / 10, alignment: (p * 3 + m * 29) % 41 };
}

/** The TVGE content (prompts, videos, ground truth) from the real dataset folder. */
export function tvgeContent(datasetDir: string): StoreContent {
  const content = emptyContent();
  importTvge(content, readJsonFile(path.join(REPO, "data/benchmarks/tvge/benchmark.json"), BenchmarkSchema), datasetDir);
  return content;
}

/** predictions.jsonl for the given video ids by the test formula (one JSON object per line). */
export function formulaPredictions(videoIds: readonly string[]): string {
  return videoIds.map((video) => JSON.stringify({ video, scores: formulaScores(video) })).join("\n") + "\n";
}

/** Every file of a folder tree with its bytes, to compare a folder before and after. */
export function snapshotTree(root: string): Record<string, string> {
  const result: Record<string, string> = {};
  if (!fs.existsSync(root)) return result;
  const walk = (dir: string): void => {
    for (const dirent of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, dirent.name);
      const rel = path.relative(root, full);
      if (dirent.isDirectory()) {
        result[`${rel}/`] = "";
        walk(full);
      } else result[rel] = fs.readFileSync(full).toString("base64");
    }
  };
  walk(root);
  return result;
}

/** The bytes of a file, or null when it does not exist. */
export function fileBytes(file: string): string | null {
  return fs.existsSync(file) ? fs.readFileSync(file).toString("base64") : null;
}

/** A sink that collects what submit writes. */
export function capture(): { write(text: string): boolean; text(): string; isTTY: false } {
  let buffer = "";
  return {
    isTTY: false,
    write(text: string) {
      buffer += text;
      return true;
    },
    text: () => buffer,
  };
}
