/**
 * The automatic metric scores a benchmark's dataset distributes (FETV-EVAL's 5 metrics, t2v_metrics' TVGE
 * 4), as V2T submission bundles in memory, so these first V2T entries take the same checks as a user's.
 * They are derived from the datasets on every build and never written to data/.
 */
import fs from "node:fs";
import path from "node:path";
import type { Benchmark } from "../../src/schemas/benchmark.ts";
import { slugify } from "../../src/schemas/ids.ts";
import { MAINTAINERS_CONTACT, type Manifest } from "../../src/schemas/submission/manifest.ts";
import type { MetricEntry, MetricScores } from "../benchmarks/adapter.ts";
import { ADAPTERS, locateDataset } from "../benchmarks/registry.ts";
import type { BundleFiles } from "./submissions/bundle-files.ts";

/** The files of one metric's bundle: its manifest and its score as the score of every MOS perspective. */
function bundleFiles(benchmark: Benchmark, entry: MetricEntry, scores: MetricScores): Map<string, Uint8Array> {
  const manifest: Manifest = {
    schemaVersion: 1,
    benchmark: benchmark.id,
    direction: "v2t",
    entry: { name: entry.name, organization: entry.organization, url: entry.url, license: entry.license, kind: entry.kind, contact: MAINTAINERS_CONTACT },
    method: `Scores distributed with the ${benchmark.title} dataset (${scores.file}); one score per video, compared with every human perspective.`,
  };
  const perspectives = benchmark.perspectives.filter((p) => p.kind === "mos").map((p) => p.id);
  let lines = "";
  for (const [video, score] of scores.scores) {
    lines += `${JSON.stringify({ video, scores: Object.fromEntries(perspectives.map((p) => [p, score])) })}\n`;
  }
  const encoder = new TextEncoder();
  return new Map([
    ["manifest.json", encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`)],
    ["predictions.jsonl", encoder.encode(lines)],
  ]);
}

/** Every metric bundle of the given benchmarks whose datasets are present, in a stable order. */
export function datasetMetricBundles(root: string, benchmarks: readonly Benchmark[]): { benchmark: Benchmark; files: BundleFiles }[] {
  const out: { benchmark: Benchmark; files: BundleFiles }[] = [];
  for (const benchmark of benchmarks) {
    const adapter = ADAPTERS[benchmark.id];
    const location = locateDataset(benchmark.id, root);
    if (adapter === undefined || location.dir === null) continue;
    for (const { entry, scores } of adapter.metricScores(location.dir)) {
      out.push({ benchmark, files: { source: scores.file, shown: scores.file, isZip: false, files: bundleFiles(benchmark, entry, scores) } });
    }
  }
  return out;
}

/** Writes the metric bundles as folders `<outDir>/<benchmark>/v2t/<entry id>/`, to inspect or submit by hand. */
export function writeMetricBundles(root: string, outDir: string, benchmarks: readonly Benchmark[]): string[] {
  return datasetMetricBundles(root, benchmarks).map(({ benchmark, files }) => {
    const manifest = JSON.parse(new TextDecoder().decode(files.files.get("manifest.json"))) as Manifest;
    const dir = path.join(outDir, benchmark.id, "v2t", slugify(manifest.entry.name));
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, bytes] of files.files) fs.writeFileSync(path.join(dir, name), bytes);
    return dir;
  });
}
