/**
 * Issue 18's AIGVE-60K write target: real (not dry-run) V2T submits at AIGVE-60K's full size, each timed end to end
 * as a user runs it (`node scripts/submit.ts`, a fresh process, in place), by the wall clock and by its CPU seconds.
 * The full-size synthetic release (58,500 videos, 30 models, 3,050 prompts, 20 task dimensions) with the protocol's
 * split set aside, so that every bundle's 58,500 predictions are scored. Then a T2V submit, which AIGVE-60K takes
 * auto-scored by a stored V2T entry (one video per prompt: 3,050 lines, calibrated through the evaluator's 58,500
 * predictions). Afterwards the store, changed in place by the submits, is compared with a rebuild of the same data/
 * from an empty scoring cache (canonical dump), so the rebuild scores every entry itself rather than reading what the
 * submits cached.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { copyData } from "../copy-data.ts";
import { dumpDifference } from "../../store/dump.ts";
import { PACKAGE_FILES } from "../../../src/schemas/package.ts";
import { slugify } from "../../../src/schemas/ids.ts";
import { writeSyntheticRelease } from "../synthetic-aigve-release.ts";
import { timedRun, type TimedRun } from "./timed-run.ts";

const REPO = path.resolve(import.meta.dirname, "../../..");

/** The release's size: AIGVE-60K's own counts. */
export const FULL_SIZE = { videos: 58_500, models: 30, prompts: 3050, dimensions: 20, seed: 1 } as const;

/** What the full-size submits cost. */
export interface AigveSubmit {
  /** Predictions in each submitted bundle (all scored). */
  readonly videos: number;
  /** The rebuild that made the store the submits start from (every published and planted entry scored). */
  readonly rebuild: TimedRun;
  /** Each timed V2T submit, in order; each adds one V2T entry. */
  readonly submits: readonly TimedRun[];
  /** The T2V submit after them (auto-scored by the first), or null when a V2T submit failed. */
  readonly t2v: TimedRun | null;
  /** Lines of the T2V bundle: one per prompt. */
  readonly prompts: number;
  /** The lines in which the store's dump and a rebuild's differ afterwards (none: dump-equal). */
  readonly difference: readonly string[];
}

/** A copy of the planted method's bundle under another entry name (so a new entry, scored afresh); returns its folder. */
function renamedBundle(planted: string, dir: string, name: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(planted, "manifest.json"), "utf8")) as { entry: Record<string, unknown> };
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ ...manifest, entry: { ...manifest.entry, name } }, null, 2));
  fs.copyFileSync(path.join(planted, "predictions.jsonl"), path.join(dir, "predictions.jsonl"));
  return dir;
}

/** A T2V bundle of one video per prompt, auto-scored by the stored V2T entry `evaluator`; returns its folder. */
function t2vBundle(dir: string, prompts: readonly string[], evaluator: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const contact = { organization: "Bench", url: "https://example.org/bench", license: "CC0-1.0", contact: "bench@example.org" };
  const provenance = { sampledBy: "Bench", evaluatedBy: "Bench", codeUrl: null, weightsUrl: null, date: "2025-01-01" };
  const unstated = "not applicable";
  const card = { model: "Bench Generator", resolution: unstated, frames: unstated, frameRate: unstated, duration: unstated, sampler: unstated, steps: unstated, guidance: unstated, seeds: unstated, promptRewriting: "none", negativePrompt: "none", samples: "submitter" };
  const manifest = { schemaVersion: 1, benchmark: "aigve-60k", direction: "t2v", entry: { name: "Bench Generator", access: "open", ...contact }, evaluator, method: "Bench: scores from the prompt's position.", ...provenance, generationCard: card };
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(path.join(dir, "scores.jsonl"), prompts.map((video, i) => `${JSON.stringify({ video, scores: { perception: 50 + (i % 13), correspondence: 45 + (i % 7) } })}\n`).join(""));
  return dir;
}

/** Why a run does not count: its failure, or a submit that did not store in place. */
function checked(run: TimedRun): TimedRun {
  if (run.failure !== null) return run;
  if (!/^Stored\./m.test(run.stdout) || /Rebuilding the store/.test(run.stdout)) return { ...run, failure: "the submit did not store in place" };
  return run;
}

/**
 * Writes the full-size release into a temporary folder, rebuilds its store, times `timed` real V2T submits of the
 * planted method's bundle (58,500 lines, under a new name each) and a T2V submit auto-scored by the first, then
 * compares the store with a rebuild of data/.
 */
export async function timeAigveSubmit(timed = 3, capSeconds = 30 * 60): Promise<AigveSubmit> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-bench-submit-"));
  try {
    const datasets = path.join(root, "datasets");
    const planted = path.join(root, "planted");
    writeSyntheticRelease(path.join(datasets, "aigve-60k"), FULL_SIZE, planted, "all");
    const data = path.join(root, "data");
    copyData(path.join(REPO, "data", "benchmarks", "aigve-60k"), path.join(data, "benchmarks", "aigve-60k"));
    // The protocol scores the test split; set aside, every one of the bundle's 58,500 videos is scored.
    const definition = path.join(data, "benchmarks", "aigve-60k", "benchmark.json");
    const benchmark = JSON.parse(fs.readFileSync(definition, "utf8")) as { protocol: Record<string, unknown> };
    fs.writeFileSync(definition, JSON.stringify({ ...benchmark, protocol: { ...benchmark.protocol, v2tSplit: null } }, null, 2));
    const store = path.join(root, "store.sqlite");
    const common = ["--data", data, "--store", store, "--datasets", datasets];
    const cache = { AIGVE_CACHE: path.join(root, "cache") };
    const rebuild = await timedRun(["scripts/rebuild.ts", ...common], cache, capSeconds);
    const failed = (submits: TimedRun[]) => ({ videos: FULL_SIZE.videos, rebuild, submits, t2v: null, prompts: FULL_SIZE.prompts, difference: [] });
    if (rebuild.failure !== null) return failed([]);
    const submits: TimedRun[] = [];
    for (let k = 1; k <= timed; k++) {
      const bundle = renamedBundle(planted, path.join(root, "bundles", String(k)), `Bench Planted Method ${k}`);
      const run = checked(await timedRun(["scripts/submit.ts", bundle, ...common], cache, capSeconds));
      submits.push(run);
      if (run.failure !== null) return failed(submits);
    }
    const prompts = fs.readFileSync(path.join(datasets, "aigve-60k", PACKAGE_FILES.prompts), "utf8").trim().split("\n").map((line) => (JSON.parse(line) as { id: string }).id);
    const t2v = checked(await timedRun(["scripts/submit.ts", t2vBundle(path.join(root, "bundles", "t2v"), prompts, slugify("Bench Planted Method 1")), ...common], cache, capSeconds));
    const rebuilt = path.join(root, "rebuilt.sqlite");
    const again = await timedRun(["scripts/rebuild.ts", "--data", data, "--store", rebuilt, "--datasets", datasets], { AIGVE_CACHE: path.join(root, "cache-rebuilt") }, capSeconds);
    const difference = again.failure === null ? dumpDifference(store, rebuilt) : [`the rebuild to compare with failed: ${again.failure}`];
    return { videos: FULL_SIZE.videos, rebuild, submits, t2v, prompts: prompts.length, difference };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** `node scripts/dev/bench/aigve-submit.ts [timed]`: one measurement as JSON (to run it alone). */
if (import.meta.main) {
  const { rebuild, submits, t2v, ...rest } = await timeAigveSubmit(Number(process.argv[2] ?? 3));
  const times = (r: TimedRun) => ({ wallSeconds: r.wallSeconds, cpuSeconds: r.cpuSeconds, peakMb: r.peakMb, failure: r.failure });
  console.log(JSON.stringify({ ...rest, rebuild: times(rebuild), submits: submits.map(times), t2v: t2v === null ? null : times(t2v) }, null, 2));
}
