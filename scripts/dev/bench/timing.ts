/** Timing helpers of the bench: medians of repeated calls, ours alternating with the baseline's. */
import type { Scipy, ScipyCall } from "./scipy.ts";

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Our median time and last result beside SciPy's median time and last result (null without SciPy). */
export interface Paired<T> {
  readonly ours: { readonly ms: number; readonly value: T };
  readonly scipy: ScipyCall | null;
}

/**
 * Times `run` and SciPy's `task` alternately, one call each per round for `runs` rounds, so that both meet
 * the same load on a shared machine; medians of the rounds. With `warmupMs` > 0, `run` is first called for
 * that long (at least twice), so ours is what a call costs once V8 has optimized it, as in a rebuild or a
 * bootstrap, and SciPy gets one warm-up call too.
 */
export async function timePaired<T>(run: () => T, scipy: Scipy | null, task: string, runs: number, warmupMs: number): Promise<Paired<T>> {
  if (warmupMs > 0) {
    const until = performance.now() + warmupMs;
    run();
    do run();
    while (performance.now() < until);
    if (scipy !== null) await scipy.time(task);
  }
  const ours: number[] = [];
  const theirs: ScipyCall[] = [];
  let value: T | undefined;
  for (let round = 0; round < runs; round++) {
    const start = performance.now();
    value = run();
    ours.push(performance.now() - start);
    if (scipy !== null) theirs.push(await scipy.time(task));
  }
  const scipyCall = theirs.length === 0 ? null : { ms: median(theirs.map((call) => call.ms)), value: (theirs.at(-1) as ScipyCall).value };
  return { ours: { ms: median(ours), value: value as T }, scipy: scipyCall };
}
