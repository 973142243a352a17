/**
 * Rows of issue 18's write targets: a real submit on FETV with 10 and with 1,000 V2T entries stored (the larger
 * within 1.25× of the smaller, each at most 10 s), the store afterwards dump-equal to a rebuild of data/.
 */
import { timeSubmitGrowth, type SubmitGrowth } from "./submit-growth.ts";
import { hasFetv } from "./submissions.ts";
import type { BenchRow } from "./table.ts";

/** The median of some seconds, in ms. */
function medianMs(seconds: readonly number[]): number {
  const sorted = [...seconds].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return 1000 * (sorted.length % 2 === 1 ? (sorted[Math.floor(middle)] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2);
}

/** A row's figure: what was timed, and whether the store then equalled a rebuild. */
function figure(run: SubmitGrowth): string {
  const equal = run.difference.length === 0 ? "dump-equal to a rebuild afterwards" : "**differs from a rebuild afterwards**";
  return `FETV V2T real submit · ${run.entries.toLocaleString("en")} V2T entries stored · median of ${run.seconds.length} (${run.seconds.map((s) => s.toFixed(1)).join(", ")} s) · ${equal}`;
}

/** The rows; `BENCH_QUICK=1` stores 100 entries instead of 1,000 for the larger case. */
export async function submitGrowthRows(): Promise<BenchRow[]> {
  if (!hasFetv()) return [];
  const few = timeSubmitGrowth(10);
  const many = timeSubmitGrowth(process.env.BENCH_QUICK === "1" ? 100 : 1000);
  // A store that differs from a rebuild meets no target: the comparison is each row's agreement.
  return [
    { figure: figure(few), target: { kind: "time", maxMs: 10_000 }, oursMs: medianMs(few.seconds), baseline: null, agrees: few.difference.length === 0 },
    { figure: figure(many), target: { kind: "time", maxMs: 10_000 }, oursMs: medianMs(many.seconds), baseline: null, agrees: many.difference.length === 0 },
    { figure: `FETV V2T real submit · ${many.entries.toLocaleString("en")} vs ${few.entries} V2T entries stored`, target: { kind: "ratio", max: 1.25 }, oursMs: medianMs(many.seconds), baseline: { name: `the same with ${few.entries}`, ms: medianMs(few.seconds) }, agrees: many.difference.length === 0 && few.difference.length === 0 },
  ];
}
