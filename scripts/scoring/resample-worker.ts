/** A worker thread of the scoring pool (worker-pool.ts): runs the tasks it is sent (resampling, ranking), one at a time. */
import { parentPort } from "node:worker_threads";
import { outputTransfers, runTask, type WorkerTask } from "./worker-task.ts";

parentPort?.on("message", ({ id, task }: { id: number; task: WorkerTask }) => {
  try {
    const output = runTask(task);
    // The resampled values and rank sums move to the main thread rather than being copied.
    parentPort?.postMessage({ id, output }, outputTransfers(task, output));
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
