/**
 * Submissions timed end to end, as a user runs them (`node scripts/submit.ts`, a fresh process each time, its
 * wall time): dry runs on FETV with 5 or 500 V2T entries already on the board. (The full-size AIGVE-60K submit is
 * its own case, aigve-submit.ts.)
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readBenchmarkDefinitions } from "../../benchmarks/registry.ts";
import { copyData } from "../copy-data.ts";
import { scoringContext, storedSettings } from "../../scoring/context.ts";
import { rankAndAudit } from "../../scoring/score-benchmark.ts";
import { readStore } from "../../store/read-store.ts";
import { writeStore } from "../../store/write-store.ts";

const REPO = path.resolve(import.meta.dirname, "../../..");
const DATASETS = path.resolve(REPO, "..", "shared", "datasets");

/** Runs a script of the project in a fresh process; returns its wall time in seconds. */
function timed(args: readonly string[], env: Record<string, string> = {}): number {
  const started = performance.now();
  execFileSync(process.execPath, args, { cwd: REPO, stdio: "pipe", env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  return (performance.now() - started) / 1000;
}

/** A temporary folder, removed after `run`. */
async function inTemp<T>(prefix: string, run: (root: string) => Promise<T>): Promise<T> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    return await run(root);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** What a FETV dry run cost with a given number of V2T entries on the board. */
export interface DryRun {
  readonly entries: number;
  readonly v2tSeconds: number;
  readonly t2vSeconds: number;
}

/**
 * Writes a V2T bundle predicting every labelled FETV video, and a T2V bundle scored by UMTScore's scale; `salt`
 * varies the scores so that no run finds the previous run's figures in the scoring cache.
 */
export function fetvBundles(root: string, store: string, salt = 0): { v2t: string; t2v: string } {
  const content = readStore(store);
  const videos = content.videos.filter((v) => v.benchmarkId === "fetv" && v.labelled);
  const contact = { organization: "Bench", url: "https://example.org/bench", license: "CC0-1.0", contact: "bench@example.org" };
  const provenance = { sampledBy: "Bench", evaluatedBy: "Bench", codeUrl: null, weightsUrl: null, date: "2025-01-01" };
  const card = { model: "Bench Generator", resolution: "not applicable", frames: "not applicable", frameRate: "not applicable", duration: "not applicable", sampler: "not applicable", steps: "not applicable", guidance: "not applicable", seeds: "not applicable", promptRewriting: "none", negativePrompt: "none", samples: "submitter" };
  const v2t = path.join(root, "v2t-bundle");
  fs.mkdirSync(v2t, { recursive: true });
  fs.writeFileSync(path.join(v2t, "manifest.json"), JSON.stringify({ schemaVersion: 1, benchmark: "fetv", direction: "v2t", entry: { name: "Bench Judge", kind: "quality-metric", ...contact }, method: "Bench: a score from the video id.", ...provenance, trainingData: [] }));
  fs.writeFileSync(path.join(v2t, "predictions.jsonl"), videos.map((v, i) => `${JSON.stringify({ video: v.id, scores: { static_quality: (i * 37 + salt) % 101, temporal_quality: (i * 53) % 103, alignment: (i * 71) % 107 } })}\n`).join(""));
  const umt = content.predictions.filter((p) => p.benchmarkId === "fetv" && p.v2tEntryId === "umtscore" && p.perspectiveId === "alignment").map((p) => p.score as number).sort((a, b) => a - b);
  const middle = umt[Math.floor(umt.length / 2)] ?? 0;
  const prompts = content.prompts.filter((p) => p.benchmarkId === "fetv");
  const t2v = path.join(root, "t2v-bundle");
  fs.mkdirSync(t2v, { recursive: true });
  fs.writeFileSync(path.join(t2v, "manifest.json"), JSON.stringify({ schemaVersion: 1, benchmark: "fetv", direction: "t2v", entry: { name: "Bench Generator", access: "open", ...contact }, evaluator: "umtscore", method: "Bench: UMTScore-like scores.", ...provenance, generationCard: card }));
  fs.writeFileSync(path.join(t2v, "scores.jsonl"), prompts.map((p, i) => `${JSON.stringify({ video: p.id, scores: { static_quality: middle, temporal_quality: middle, alignment: middle + (((i + salt) % 7) - 3) * 0.01 } })}\n`).join(""));
  return { v2t, t2v };
}

/**
 * Dry runs of a V2T and a T2V bundle on FETV (the real dataset) with `extra` more V2T entries on the board: copies
 * of a real entry's figures and resampled values under new ids, so that the board ranks them as it ranks any.
 */
export function timeFetvDryRuns(extra: number): Promise<DryRun> {
  return inTemp("aigve-bench-dry-", async (root) => {
    const data = path.join(root, "data");
    copyData(path.join(REPO, "data", "benchmarks"), path.join(data, "benchmarks"));
    const store = path.join(root, "store.sqlite");
    const common = ["--data", data, "--store", store, "--datasets", DATASETS];
    execFileSync(process.execPath, ["scripts/rebuild.ts", ...common], { cwd: REPO, stdio: "pipe" });
    if (extra > 0) {
      const content = readStore(store);
      const of = <T extends { benchmarkId: string }>(rows: T[], key: (r: T) => string) => rows.filter((r) => r.benchmarkId === "fetv" && key(r) === "umtscore");
      const entry = of(content.v2tEntries, (e) => e.id)[0];
      for (let k = 1; k <= extra; k++) {
        const id = `bench-copy-${k}`;
        if (entry) content.v2tEntries.push({ ...entry, id, name: `Bench copy ${k}` });
        content.results.push(...of(content.results, (r) => (r.direction === "v2t" ? r.entryId : "")).map((r) => ({ ...r, entryId: id })));
        content.draws.push(...of(content.draws, (d) => (d.board === "t2v" ? "" : d.entryId)).map((d) => ({ ...d, entryId: id })));
      }
      // Ranked as a submission would leave them: every board of the benchmark holds all 505 entries.
      await rankAndAudit(scoringContext(content, "fetv", storedSettings(content)));
      writeStore(content, store);
    }
    const bundles = fetvBundles(root, store, extra + process.pid);
    const entries = 5 + extra;
    // The fastest of three runs, each with an empty scoring cache: the first may meet the store's own write still
    // being flushed to disk, which is not the dry run's cost.
    const fastest = (bundle: string) => Math.min(...[1, 2, 3].map((k) => timed(["scripts/submit.ts", bundle, "--dry-run", ...common], { AIGVE_CACHE: path.join(root, `cache-${path.basename(bundle)}-${k}`) })));
    return { entries, v2tSeconds: fastest(bundles.v2t), t2vSeconds: fastest(bundles.t2v) };
  });
}

/** The FETV dataset is needed for the dry runs; without it they are skipped. */
export function hasFetv(): boolean {
  return readBenchmarkDefinitions(path.join(REPO, "data")).some((d) => d.benchmark.id === "fetv") && fs.existsSync(path.join(DATASETS, "fetv-eval", "datas", "fetv_data.json"));
}
