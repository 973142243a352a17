/** Builds the whole store content from data/ (and the external datasets when present); no database involved. */
import { bootstrapSettings } from "../../src/engine/index.ts";
import { datasetsRoot, loadBenchmarks, locateDataset, readDataset } from "../benchmarks/registry.ts";
import { addBenchmarkDefinition } from "./benchmark-rows.ts";
import { inputsFingerprint } from "./fingerprint.ts";
import { recordHistory } from "./history/record-history.ts";
import { importAnchors } from "./import-anchors.ts";
import { importAudit } from "./import-audit.ts";
import { importPackage } from "./import-package.ts";
import { importPublished } from "./import-published.ts";
import { metricBundles } from "./metric-bundles.ts";
import { scoreAll, type ScoringOptions } from "../scoring/score-benchmark.ts";
import type { JobRunner } from "../scoring/statistic-recipe.ts";
import type { RankRunner } from "../scoring/rank-job.ts";
import { emptyContent, type StoreContent } from "../store/store-content.ts";
import type { BundleFiles } from "../submissions/bundle-files.ts";
import { importSubmissions } from "../submissions/import-submissions.ts";
import { escapeLines } from "../io/terminal-text.ts";
import { addRecordedCards } from "./generation-card-rows.ts";
import { addRecordedTraining, readTrainingRecords } from "./training-rows.ts";
import { importVerifications, importWithdrawals } from "../verification/import-records.ts";

/** Options of a rebuild: where data/ and the external datasets are, and the bootstrap settings. */
export interface BuildOptions extends ScoringOptions {
  readonly dataDir: string;
  readonly datasetsDir?: string;
  readonly resamples?: number;
  readonly seed?: number;
  /** Where the resampling runs (worker threads); by default in this thread. */
  readonly run?: JobRunner;
  /** Where the boards' scopes are ranked (worker threads); by default in this thread. */
  readonly rank?: RankRunner;
}

/** Builds the complete content of the store from data/: definitions, datasets, submissions, every figure and rank, the history. */
export async function buildContent(options: BuildOptions): Promise<StoreContent> {
  const content = emptyContent();
  const root = datasetsRoot(options.datasetsDir);
  const bundles: BundleFiles[] = [];
  const folders = await loadBenchmarks(options.dataDir);
  folders.forEach((folder, position) => {
    const { benchmark, dir } = folder;
    addBenchmarkDefinition(content, benchmark, position);
    importAudit(content, benchmark.id, dir);
    const location = locateDataset(folder, root);
    if (location.dir === null && benchmark.dataset !== null) console.warn(escapeLines(location.message));
    const pkg = location.dir === null ? null : readDataset(folder, location.dir);
    importPublished(content, benchmark, dir, pkg !== null);
    if (pkg === null) return;
    options.progress?.(`Read ${benchmark.title}: ${pkg.videos.length.toLocaleString("en")} videos of ${pkg.models.length} models, ${pkg.prompts.length.toLocaleString("en")} prompts`);
    importPackage(content, benchmark, pkg);
    importAnchors(content, benchmark, dir, pkg);
    bundles.push(...metricBundles(benchmark, pkg, readTrainingRecords(dir)));
  });
  importSubmissions(content, { dataDir: options.dataDir, metricBundles: bundles });
  // What the papers say of the entries the benchmarks bring (submitted entries declared theirs in their manifests).
  for (const { benchmark, dir } of folders) {
    addRecordedTraining(content, benchmark, dir);
    addRecordedCards(content, benchmark.id, dir);
  }
  // Withdrawn entries are scored (the audit keeps them) but never ranked; verifications need the scored content.
  importWithdrawals(content, options.dataDir);
  const settings = bootstrapSettings({ ...(options.resamples ? { resamples: options.resamples } : {}), ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  content.meta.push(
    { key: "bootstrap", value: JSON.stringify(settings) },
    { key: "inputs", value: await inputsFingerprint(options.dataDir, root) },
  );
  await scoreAll(content, settings, options, options.run, options.rank);
  importVerifications(content, options.dataDir);
  recordHistory(content, options.dataDir);
  return content;
}
