/**
 * What the scoring threads (worker-pool.ts) run: a resampling job (an entry's figures on one board and scope) or a
 * rank job (one board scope ranked), each as plain data, and the buffers its output moves back rather than copies.
 */
import type { RankedEntry } from "../../src/engine/index.ts";
import { rankedTransfers, rankJobTransfers, runRankJob, type RankJob } from "./rank-job.ts";
import { resampleTransfers, runJob, type ResampleJob, type ResampleOutput } from "./statistic-recipe.ts";

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

/** The buffers a task's output moves back to the thread that asked for it. */
export function outputTransfers(task: WorkerTask, output: TaskOutput): ArrayBuffer[] {
  return task.kind === "resample" ? resampleTransfers(output as ResampleOutput) : rankedTransfers(output as readonly RankedEntry[]);
}
