/**
 * What the scoring threads (worker-pool.ts) run: a resampling job (an entry's figures on one board and scope) or a
 * rank job (one board scope ranked), each as plain data, and the buffers a task moves to the thread that runs it.
 */
import type { RankedEntry } from "../../src/engine/index.ts";
import { rankJobTransfers, runRankJob, type RankJob } from "./rank-job.ts";
import { runJob, type ResampleJob, type ResampleOutput } from "./statistic-recipe.ts";

/** A job for any scoring thread. */
export type WorkerTask = { readonly kind: "resample"; readonly job: ResampleJob } | { readonly kind: "rank"; readonly job: RankJob };

/** A task's output. */
export type TaskOutput = ResampleOutput | readonly RankedEntry[];

/** Runs one task in this thread. */
export function runTask(task: WorkerTask): TaskOutput {
  return task.kind === "resample" ? runJob(task.job) : runRankJob(task.job);
}

/** The buffers a task moves to the thread that runs it. */
export function taskTransfers(task: WorkerTask): ArrayBuffer[] {
  return task.kind === "rank" ? rankJobTransfers(task.job) : [];
}
