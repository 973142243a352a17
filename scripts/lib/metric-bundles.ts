/**
 * Turns the automatic metric scores distributed with FETV-EVAL (5 metrics) and t2v_metrics' TVGE files
 * (4 metrics) into V2T submission bundles, so these first V2T entries take the same path as a user's.
 * The bundles are derived from the external datasets, so they are regenerated on each build, never committed.
 */
import fs from "node:fs";
import path from "node:path";
import { BenchmarkSchema } from "../../src/schemas/benchmark.ts";
import { slugify } from "../../src/schemas/ids.ts";
import { MAINTAINERS_CONTACT, type Manifest } from "../../src/schemas/submission/manifest.ts";
import { locateDataset, type MetricScores } from "./datasets.ts";
import { readFetvMetricScores } from "./import-fetv.ts";
import { readTvgeMetricScores } from "./import-tvge.ts";
import { readJsonFile } from "./read-data.ts";

const REPO_DATA = path.resolve(import.meta.dirname, "../../data");

const METHOD = "Scores distributed with the FETV-EVAL / t2v_metrics repositories, converted by scripts/lib/metric-bundles.ts";

/** What a metric's entry says about it; the name is the one its benchmark's paper uses. */
interface MetricEntry {
  readonly name: string;
  readonly organization: string;
  readonly url: string;
  readonly license: string;
  /** V2T kind; most of these are embedding-based alignment metrics. */
  readonly kind?: "lmm-metric";
}

const FETV_SCORES = { organization: "FETV-EVAL (Liu et al., 2023)", license: "CC BY 4.0 (FETV)" };
const TVGE_SCORES = { organization: "T2VScore / TVGE (Wu et al., 2024)", license: "Apache-2.0 (t2v_metrics repository)" };

/** The metrics of each benchmark, by the name its dataset files use. */
const METRICS: Record<string, { read: (dir: string) => MetricScores[]; entries: Record<string, MetricEntry> }> = {
  fetv: {
    read: readFetvMetricScores,
    entries: {
      UMTScore: { name: "UMTScore", ...FETV_SCORES, url: "https://github.com/llyx97/FETV-EVAL" },
      CLIPScore: { name: "CLIPScore", ...FETV_SCORES, url: "https://arxiv.org/abs/2104.08718" },
      "CLIPScore-ft": { name: "CLIPScore-ft", ...FETV_SCORES, url: "https://github.com/llyx97/FETV-EVAL" },
      BLIPScore: { name: "BLIPScore", ...FETV_SCORES, url: "https://github.com/llyx97/FETV-EVAL" },
      "Otter-VQA": { name: "Otter-VQA", ...FETV_SCORES, url: "https://github.com/llyx97/FETV-EVAL", kind: "lmm-metric" },
    },
  },
  tvge: {
    read: readTvgeMetricScores,
    entries: {
      "CLIP Score": { name: "CLIP Score", ...TVGE_SCORES, url: "https://arxiv.org/abs/2104.08718" },
      "X-CLIP Score": { name: "X-CLIP Score", ...TVGE_SCORES, url: "https://github.com/microsoft/VideoX/tree/master/X-CLIP" },
      "BLIP-BLEU": { name: "BLIP-BLEU", ...TVGE_SCORES, url: "https://github.com/EvalCrafter/EvalCrafter" },
      "T2VScore-A (GPT-4V)": { name: "T2VScore-A (GPT-4V)", ...TVGE_SCORES, url: "https://showlab.github.io/T2VScore/", kind: "lmm-metric" },
    },
  },
};

/** Writes a file only when its bytes differ, through a temporary file, so concurrent builds never see half a file. */
function writeIfChanged(file: string, text: string): void {
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) return;
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}

/** The text of one metric's predictions.jsonl: its score as the score of every MOS perspective. */
function predictionsText(scores: ReadonlyMap<string, number>, perspectives: readonly string[]): string {
  let text = "";
  for (const [video, score] of scores) {
    // A single-number metric is compared against each human perspective, so it predicts all of them.
    text += `${JSON.stringify({ video, scores: Object.fromEntries(perspectives.map((p) => [p, score])) })}\n`;
  }
  return text;
}

/**
 * Writes one bundle folder per metric under `<outDir>/<benchmark>/v2t/<entry id>/` for each dataset present,
 * byte-identical on every run; returns the folders written, in a stable order.
 */
export function writeMetricBundles(datasetsRoot: string, outDir: string, options: { dataDir?: string } = {}): string[] {
  const written: string[] = [];
  for (const [benchmarkId, { read, entries }] of Object.entries(METRICS)) {
    const location = locateDataset(benchmarkId, datasetsRoot);
    if (location.dir === null) continue;
    const definition = path.join(options.dataDir ?? REPO_DATA, "benchmarks", benchmarkId, "benchmark.json");
    // A data folder without this benchmark (a test's) has no use for its bundles.
    if (!fs.existsSync(definition)) continue;
    const benchmark = readJsonFile(definition, BenchmarkSchema);
    const perspectives = benchmark.perspectives.filter((p) => p.kind === "mos").map((p) => p.id);
    for (const { metric, scores } of read(location.dir)) {
      const entry = entries[metric];
      if (entry === undefined) throw new Error(`no entry is defined for the ${benchmarkId} metric "${metric}" in metric-bundles.ts`);
      const manifest: Manifest = {
        schemaVersion: 1,
        benchmark: benchmarkId,
        direction: "v2t",
        entry: { name: entry.name, organization: entry.organization, url: entry.url, license: entry.license, kind: entry.kind ?? "alignment-metric", contact: MAINTAINERS_CONTACT },
        method: METHOD,
      };
      const dir = path.join(outDir, benchmarkId, "v2t", slugify(entry.name));
      fs.mkdirSync(dir, { recursive: true });
      writeIfChanged(path.join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
      writeIfChanged(path.join(dir, "predictions.jsonl"), predictionsText(scores, perspectives));
      written.push(dir);
    }
  }
  return written;
}
