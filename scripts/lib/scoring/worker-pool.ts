/**
 * Worker threads that resample boards and scopes of entries in parallel, for rebuild and submit. Each job
 * carries its own seed and strata (the settings), so its figures do not depend on which thread runs it or
 * when: a store scored with any number of workers is the store scored with none.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { JobRunner, ResampleJob, ResampleOutput } from "./statistic-recipe.ts";

/** A pool of scoring workers; `close` ends them (the process cannot exit while they run). */
export interface WorkerPool {
  readonly run: JobRunner;
  close(): Promise<void>;
}

/** How many workers to start: $AIGVE_WORKERS, else one per core the process may use (0 or 1: score in this thread). */
export function workerCount(): number {
  const set = process.env.AIGVE_WORKERS;
  if (set !== undefined && /^\d+$/.test(set)) return Number(set);
  return os.availableParallelism();
}

interface Pending {
  readonly job: ResampleJob;
  readonly resolve: (output: ResampleOutput) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Starts `size` workers (they load their modules while the caller reads its inputs); null when `size` is
 * below 2, where one worker would only add its start to the same single thread of work.
 */
export function workerPool(size = workerCount()): WorkerPool | null {
  if (size < 2) return null;
  const queue: Pending[] = [];
  const running = new Map<number, Pending>();
  const idle: Worker[] = [];
  let nextId = 0;
  let failure: Error | null = null;
  let closing = false;
  const fail = (error: Error) => {
    failure ??= error;
    for (const pending of [...running.values(), ...queue]) pending.reject(error);
    running.clear();
    queue.length = 0;
  };
  // A worker takes the next job as soon as it is free: long jobs (a whole benchmark's overall scope) and short ones balance out.
  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker;
      const pending = queue.shift() as Pending;
      const id = nextId++;
      running.set(id, pending);
      worker.postMessage({ id, job: pending.job });
    }
  };
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL("./resample-worker.ts", import.meta.url));
    worker.on("message", (message: { id: number; output?: ResampleOutput; error?: string }) => {
      const pending = running.get(message.id);
      running.delete(message.id);
      if (message.error !== undefined) pending?.reject(new Error(`scoring worker: ${message.error}`));
      else pending?.resolve(message.output as ResampleOutput);
      idle.push(worker);
      dispatch();
    });
    worker.on("error", (error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));
    worker.on("exit", (code) => {
      if (!closing) fail(new Error(`a scoring worker exited with code ${code}`));
    });
    idle.push(worker);
    return worker;
  });
  return {
    run(jobs) {
      if (failure !== null) return Promise.reject(failure);
      const outputs = jobs.map((job) => new Promise<ResampleOutput>((resolve, reject) => queue.push({ job, resolve, reject })));
      dispatch();
      return Promise.all(outputs);
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
