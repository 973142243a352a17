/** A worker thread of the scoring pool (worker-pool.ts): runs the tasks it is sent (resampling, ranking). */
import { parentPort } from "node:worker_threads";
import { resampleTransfers, runJob } from "./statistic-recipe.ts";
import type { WorkerTask } from "./worker-task.ts";

/**
 * The ranking's modules (the store reader and its driver among them), loaded with the first rank job rather than at
 * start: a worker is then ready to resample as soon as it was, which a small submit's scoring needs.
 */
let ranking: Promise<typeof import("./rank-job.ts")> | null = null;

parentPort?.on("message", async ({ id, task }: { id: number; task: WorkerTask }) => {
  try {
    if (task.kind === "resample") {
      const output = runJob(task.job);
      // The resampled values move to the main thread rather than being copied.
      parentPort?.postMessage({ id, output }, resampleTransfers(output));
      return;
    }
    const { rankedTransfers, runRankJob } = await (ranking ??= import("./rank-job.ts"));
    const output = runRankJob(task.job);
    // The rank sums move to the main thread rather than being copied.
    parentPort?.postMessage({ id, output }, rankedTransfers(output));
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
