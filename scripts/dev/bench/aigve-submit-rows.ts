/**
 * Rows of the full-size AIGVE-60K submit (issue 10's target 1, issue 18's "58,500-video AIGVE-60K entry still within
 * 10 s"): the median wall and CPU seconds of real V2T submits of 58,500 predictions, each at most 10 s, the store
 * afterwards dump-equal to a rebuild of data/ (each row's agreement).
 */
import { timeAigveSubmit, type AigveSubmit } from "./aigve-submit.ts";
import type { BenchRow } from "./table.ts";
import type { TimedRun } from "./timed-run.ts";

/** The median of some seconds, in ms. */
function medianMs(seconds: readonly number[]): number {
  const sorted = [...seconds].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return 1000 * (sorted.length % 2 === 1 ? (sorted[Math.floor(middle)] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2);
}

/** What was timed, each submit's figure, and whether the store then equalled a rebuild. */
function figure(run: AigveSubmit, what: "wall" | "CPU", of: (r: TimedRun) => number): string {
  const equal = run.difference.length === 0 ? "dump-equal to a rebuild afterwards" : `**differs from a rebuild afterwards** (${run.difference[0] ?? ""})`;
  const each = run.submits.map((r) => of(r).toFixed(1)).join(", ");
  return `AIGVE-60K V2T real submit, ${what} · ${run.videos.toLocaleString("en")} videos predicted and scored (full-size synthetic release, split set aside, B = 1,000) · median of ${run.submits.length} (${each} s) · ${equal}`;
}

/** The rows: median wall and median CPU of `timed` submits (3 by default), the store's rebuild as their baseline. */
export async function aigveSubmitRows(timed = 3, capSeconds = 30 * 60): Promise<BenchRow[]> {
  console.error(`aigve-submit: full-size synthetic AIGVE-60K release, ${timed} real V2T submits…`);
  const run = await timeAigveSubmit(timed, capSeconds);
  const failure = run.rebuild.failure ?? run.submits.find((r) => r.failure !== null)?.failure ?? undefined;
  const agrees = run.difference.length === 0;
  const baseline = (of: (r: TimedRun) => number) => ({ name: "rebuild of that store (every entry scored)", ms: 1000 * of(run.rebuild) });
  const row = (what: "wall" | "CPU", of: (r: TimedRun) => number): BenchRow => ({
    figure: figure(run, what, of),
    target: { kind: "time", maxMs: 10_000 },
    oursMs: run.submits.length === 0 ? Number.NaN : medianMs(run.submits.map(of)),
    baseline: baseline(of),
    agrees,
    ...(failure === undefined ? {} : { failure }),
  });
  return [row("wall", (r) => r.wallSeconds), row("CPU", (r) => r.cpuSeconds)];
}
