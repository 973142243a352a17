/**
 * What the scoring threads (worker-pool.ts) run: a resampling job (an entry's figures on one board and scope), a
 * rank job (one board scope ranked), or the content hashes of data/submissions/ (a submit's check that its store is
 * current, hashed while the main thread reads the store), each as plain data, and the buffers an output moves back
 * rather than copies.
 */
import type { RankedEntry } from "../../src/engine/index.ts";
import { rankedTransfers, rankJobTransfers, runRankJob, type RankJob } from "./rank-job.ts";
import { runJob, type ResampleJob, type ResampleOutput } from "./statistic-recipe.ts";
import { keptHashes } from "../submissions/kept-hashes.ts";

/** A job for any scoring thread. */
export type WorkerTask =
  | { readonly kind: "resample"; readonly job: ResampleJob }
  | { readonly kind: "rank"; readonly job: RankJob }
  | { readonly kind: "kept-hashes"; readonly dataDir: string };

/** A task's output. */
export type TaskOutput = ResampleOutput | readonly RankedEntry[] | readonly string[];

/** Runs one task in this thread. */
export function runTask(task: WorkerTask): TaskOutput {
  if (task.kind === "resample") return runJob(task.job);
  if (task.kind === "rank") return runRankJob(task.job);
  return [...keptHashes(task.dataDir)];
}

/** The buffers a task moves to the thread that runs it. */
export function taskTransfers(task: WorkerTask): ArrayBuffer[] {
  return task.kind === "rank" ? rankJobTransfers(task.job) : [];
}

/** The buffers a task's output moves back to the thread that asked for it. */
export function outputTransfers(task: WorkerTask, output: TaskOutput): ArrayBuffer[] {
  if (task.kind === "resample") return (output as ResampleOutput).draws.map((d) => d.buffer as ArrayBuffer);
  return task.kind === "rank" ? rankedTransfers(output as readonly RankedEntry[]) : [];
}
