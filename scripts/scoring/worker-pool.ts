/**
 * Threads that resample boards and scopes of entries, and rank board scopes, in parallel (this one and workers), for
 * rebuild and submit. Each job carries its own seed and strata (the settings), or its scope's values, so its figures
 * do not depend on which thread runs it or when: a store scored with any number of workers is the store scored with none.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { RankedEntry } from "../../src/engine/index.ts";
import type { RankRunner } from "./rank-job.ts";
import type { JobRunner, ResampleOutput } from "./statistic-recipe.ts";
import { runTask, taskTransfers, type TaskOutput, type WorkerTask } from "./worker-task.ts";

/** A pool of scoring threads; `close` ends its workers (the process cannot exit while they run). */
export interface WorkerPool {
  readonly run: JobRunner;
  readonly rank: RankRunner;
  close(): Promise<void>;
}

/** How many threads to score on: $AIGVE_WORKERS, else one per core the process may use (0 or 1: this thread alone). */
export function workerCount(): number {
  const set = process.env.AIGVE_WORKERS;
  if (set !== undefined && /^\d+$/.test(set)) return Number(set);
  return os.availableParallelism();
}

interface Pending {
  readonly task: WorkerTask;
  readonly resolve: (output: TaskOutput) => void;
  readonly reject: (error: Error) => void;
}

/** Jobs sent to a worker ahead of the one it runs, so that it never waits for this thread to hand it the next. */
const AHEAD = 1;

/**
 * Scores on `size` threads: this one and `size` − 1 workers (they load their modules while the caller reads
 * its inputs); null when `size` is below 2. This thread takes jobs from the same queue between the
 * workers' replies, so no core waits while another has work queued.
 */
export function workerPool(size = workerCount()): WorkerPool | null {
  if (size < 2) return null;
  const queue: Pending[] = [];
  const running = new Map<number, Pending>();
  const inFlight = new Map<Worker, number>();
  let nextId = 0;
  let failure: Error | null = null;
  let closing = false;
  let pumping = false;
  const fail = (error: Error) => {
    failure ??= error;
    for (const pending of [...running.values(), ...queue]) pending.reject(error);
    running.clear();
    queue.length = 0;
  };
  // A worker holds its job and AHEAD more; long jobs (a benchmark's overall scope) and short ones balance out.
  const dispatch = () => {
    for (const [worker, count] of inFlight) {
      for (let k = count; k <= AHEAD && queue.length > 0; k++) {
        const pending = queue.shift() as Pending;
        const id = nextId++;
        running.set(id, pending);
        inFlight.set(worker, (inFlight.get(worker) as number) + 1);
        worker.postMessage({ id, task: pending.task }, taskTransfers(pending.task));
      }
    }
  };
  // This thread's share: one job at a time from the queue, letting the workers' replies in between.
  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      while (queue.length > 0) {
        const pending = queue.shift() as Pending;
        try {
          pending.resolve(runTask(pending.task));
        } catch (error) {
          pending.reject(error instanceof Error ? error : new Error(String(error)));
        }
        await new Promise((resolve) => setImmediate(resolve));
        dispatch();
      }
    } finally {
      pumping = false;
    }
  };
  const workers = Array.from({ length: size - 1 }, () => {
    const worker = new Worker(new URL("./resample-worker.ts", import.meta.url));
    worker.on("message", (message: { id: number; output?: TaskOutput; error?: string }) => {
      const pending = running.get(message.id);
      running.delete(message.id);
      inFlight.set(worker, (inFlight.get(worker) as number) - 1);
      if (message.error !== undefined) pending?.reject(new Error(`scoring worker: ${message.error}`));
      else pending?.resolve(message.output as TaskOutput);
      dispatch();
    });
    worker.on("error", (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
    worker.on("exit", (code) => {
      if (!closing) fail(new Error(`a scoring worker exited with code ${code}`));
    });
    inFlight.set(worker, 0);
    return worker;
  });
  const runTasks = (tasks: readonly WorkerTask[]): Promise<TaskOutput[]> => {
    if (failure !== null) return Promise.reject(failure);
    const outputs = tasks.map((task) => new Promise<TaskOutput>((resolve, reject) => queue.push({ task, resolve, reject })));
    dispatch();
    void pump();
    return Promise.all(outputs);
  };
  return {
    run: (jobs) => runTasks(jobs.map((job) => ({ kind: "resample", job }))) as Promise<ResampleOutput[]>,
    rank: async (job) => (await runTasks([{ kind: "rank", job }]))[0] as readonly RankedEntry[],
    async close() {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
