/** A worker thread of the scoring pool (worker-pool.ts): runs the resampling jobs it is sent, one at a time. */
import { parentPort } from "node:worker_threads";
import { runJob, type ResampleJob } from "./statistic-recipe.ts";

parentPort?.on("message", ({ id, job }: { id: number; job: ResampleJob }) => {
  try {
    const output = runJob(job);
    // The resampled values move to the main thread rather than being copied.
    parentPort?.postMessage({ id, output }, output.draws.map((d) => d.buffer as ArrayBuffer));
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
