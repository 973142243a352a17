/**
 * The automatic metric scores a benchmark package distributes (FETV-EVAL's 5 metrics, t2v_metrics' TVGE 4),
 * as V2T submission bundles in memory, so these first V2T entries take the same checks as a user's.
 * They are derived from the datasets on every build and never written to data/.
 */
import fs from "node:fs";
import path from "node:path";
import type { Benchmark } from "../../src/schemas/benchmark.ts";
import { slugify } from "../../src/schemas/ids.ts";
import { MAINTAINERS_CONTACT, type Manifest } from "../../src/schemas/submission/manifest.ts";
import type { TrainingRecord } from "../../src/schemas/training-data.ts";
import type { BenchmarkPackage } from "../benchmarks/types.ts";
import type { BundleFiles } from "../submissions/bundle-files.ts";

/** The files of one metric's bundle: its manifest and its score as the score of every MOS perspective. */
function bundleFiles(benchmark: Benchmark, metric: BenchmarkPackage["metrics"][number], scores: readonly { video: string; score: number }[], training: TrainingRecord | undefined): Map<string, Uint8Array> {
  const manifest: Manifest = {
    schemaVersion: 1,
    benchmark: benchmark.id,
    direction: "v2t",
    entry: { name: metric.name, organization: metric.organization, url: metric.url, license: metric.license, kind: metric.kind, contact: MAINTAINERS_CONTACT },
    method: `Scores distributed with the ${benchmark.title} dataset (${metric.source}); one score per video, compared with every human perspective.`,
    // The benchmark's authors ran the metric on the videos; this site computes its agreement with the humans.
    sampledBy: metric.organization,
    evaluatedBy: "this leaderboard (agreement with the human scores recomputed from the dataset)",
    codeUrl: new URL(metric.url).hostname === "github.com" ? metric.url : null,
    weightsUrl: null,
    date: String(benchmark.paper.year),
    // What the metric's sources say it was trained on (the store takes the record itself, "not stated" included).
    trainingData: training?.datasets ?? [],
  };
  const perspectives = benchmark.perspectives.filter((p) => p.kind === "mos").map((p) => p.id);
  let lines = "";
  for (const { video, score } of scores) {
    lines += `${JSON.stringify({ video, scores: Object.fromEntries(perspectives.map((p) => [p, score])) })}\n`;
  }
  const encoder = new TextEncoder();
  return new Map([
    ["manifest.json", encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`)],
    ["predictions.jsonl", encoder.encode(lines)],
  ]);
}

/** The metric bundles of one benchmark's package, in the package's order of metrics; `training`: the folder's training-data.json records. */
export function metricBundles(benchmark: Benchmark, pkg: BenchmarkPackage, training: ReadonlyMap<string, TrainingRecord> = new Map()): BundleFiles[] {
  const scoresOf = new Map<string, { video: string; score: number }[]>();
  for (const s of pkg.metricScores) {
    const list = scoresOf.get(s.metric) ?? [];
    list.push({ video: s.video, score: s.score });
    scoresOf.set(s.metric, list);
  }
  return pkg.metrics.map((metric) => ({
    source: metric.source,
    shown: metric.source,
    isZip: false,
    files: bundleFiles(benchmark, metric, scoresOf.get(metric.id) ?? [], training.get(metric.name)),
  }));
}

/** Writes metric bundles as folders `<outDir>/<benchmark>/v2t/<entry id>/`, to inspect or submit by hand. */
export function writeMetricBundles(bundles: readonly BundleFiles[], outDir: string): string[] {
  return bundles.map((bundle) => {
    const manifest = JSON.parse(new TextDecoder().decode(bundle.files.get("manifest.json"))) as Manifest;
    const dir = path.join(outDir, manifest.benchmark, "v2t", slugify(manifest.entry.name));
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, bytes] of bundle.files) fs.writeFileSync(path.join(dir, name), bytes);
    return dir;
  });
}
