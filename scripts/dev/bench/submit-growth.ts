/**
 * Real (not dry-run) submits on FETV against the number of V2T entries already stored, each timed end to end as a
 * user runs it (`node scripts/submit.ts`, a fresh process, its wall time). The stored entries are real accepted
 * bundles in data/submissions/ (a rebuild scores them once, into a shared scoring cache), so that afterwards the
 * store, changed in place by the timed submits, can be compared with a rebuild of the same data/ (canonical dump).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { copyData } from "../copy-data.ts";
import { readStore } from "../../store/read-store.ts";
import { dumpDifference } from "../../store/dump.ts";

const REPO = path.resolve(import.meta.dirname, "../../..");
const DATASETS = path.resolve(REPO, "..", "shared", "datasets");

/** What the submits with a given number of stored V2T entries cost. */
export interface SubmitGrowth {
  /** V2T entries on FETV's boards before the timed submits. */
  readonly entries: number;
  /** Wall seconds of each timed submit, in order. */
  readonly seconds: readonly number[];
  /** The lines in which the store's dump and a rebuild's differ afterwards (none: dump-equal). */
  readonly difference: readonly string[];
}

/** A V2T bundle predicting every labelled FETV video, its scores varied by `salt`; returns its folder. */
function writeBundle(dir: string, videos: readonly string[], name: string, salt: number): string {
  fs.mkdirSync(dir, { recursive: true });
  const contact = { organization: "Bench", url: "https://example.org/bench", license: "CC0-1.0", contact: "bench@example.org" };
  const provenance = { sampledBy: "Bench", evaluatedBy: "Bench", codeUrl: null, weightsUrl: null, date: "2025-01-01" };
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify({ schemaVersion: 1, benchmark: "fetv", direction: "v2t", entry: { name, kind: "quality-metric", ...contact }, method: "Bench: a score from the video id.", ...provenance, trainingData: [] }));
  fs.writeFileSync(path.join(dir, "predictions.jsonl"), videos.map((v, i) => `${JSON.stringify({ video: v, scores: { static_quality: (i * 37 + salt * 11) % 101, temporal_quality: (i * 53 + salt) % 103, alignment: (i * 71 + salt * 7) % 107 } })}\n`).join(""));
  return dir;
}

/** Runs a script of the project in a fresh process; returns its output and wall seconds. */
function run(args: readonly string[], cache: string): { out: string; seconds: number } {
  const started = performance.now();
  const out = execFileSync(process.execPath, args, { cwd: REPO, encoding: "utf8", env: { ...process.env, AIGVE_CACHE: cache }, maxBuffer: 1 << 26 });
  return { out, seconds: (performance.now() - started) / 1000 };
}

/**
 * Times `timed` real submits on FETV with `entries` V2T entries stored (FETV's own, the rest accepted bundles written
 * into data/submissions/ and scored by one rebuild), then compares the store with a rebuild of data/ into another file.
 */
export function timeSubmitGrowth(entries: number, timed = 3): SubmitGrowth {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-bench-growth-"));
  try {
    const data = path.join(root, "data");
    copyData(path.join(REPO, "data", "benchmarks", "fetv"), path.join(data, "benchmarks", "fetv"));
    const store = path.join(root, "store.sqlite");
    const cache = path.join(root, "cache");
    const common = ["--data", data, "--store", store, "--datasets", DATASETS];
    run(["scripts/rebuild.ts", ...common], cache);
    const base = readStore(store, { tables: ["videos", "v2tEntries"] });
    const videos = base.videos.filter((v) => v.benchmarkId === "fetv" && v.labelled).map((v) => v.id);
    const own = base.v2tEntries.filter((e) => e.benchmarkId === "fetv").length;
    // Accepted bundles, as a merged pull request leaves them; the entry id is the name's slug.
    for (let k = 1; k <= entries - own; k++) writeBundle(path.join(data, "submissions", "fetv", "v2t", `stored-judge-${k}`), videos, `Stored Judge ${k}`, 1000 + k);
    if (entries > own) run(["scripts/rebuild.ts", ...common], cache);
    const seconds = Array.from({ length: timed }, (_, k) => {
      const { out, seconds } = run(["scripts/submit.ts", writeBundle(path.join(root, "bundles", String(k)), videos, `Bench Judge ${k + 1}`, k), ...common], cache);
      if (!/^Stored\./m.test(out) || /Rebuilding the store/.test(out)) throw new Error(`the bench's submit did not store in place:\n${out}`);
      // Said at once: the comparison with a rebuild that follows takes minutes at 1,000 entries.
      console.error(`submit-growth: ${entries.toLocaleString("en")} stored, submit ${k + 1} of ${timed}: ${seconds.toFixed(1)} s`);
      return seconds;
    });
    const rebuilt = path.join(root, "rebuilt.sqlite");
    run(["scripts/rebuild.ts", "--data", data, "--store", rebuilt, "--datasets", DATASETS], cache);
    return { entries, seconds, difference: dumpDifference(store, rebuilt) };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** `node scripts/dev/bench/submit-growth.ts <entries> [timed]`: one measurement as JSON (to run a size alone). */
if (import.meta.main) console.log(JSON.stringify(timeSubmitGrowth(Number(process.argv[2] ?? 10), Number(process.argv[3] ?? 3))));
