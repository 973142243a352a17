/**
 * Rows of the full-size AIGVE-60K submit (issue 10's target 1, issue 18's "58,500-video AIGVE-60K entry still within
 * 10 s"): the median wall and CPU seconds of real V2T submits of 58,500 predictions, then those of a T2V submit
 * auto-scored by one of them, each at most 10 s, the store afterwards dump-equal to a rebuild of data/ (each row's
 * agreement).
 */
import { timeAigveSubmit, type AigveSubmit } from "./aigve-submit.ts";
import type { BenchRow } from "./table.ts";
import type { TimedRun } from "./timed-run.ts";

/** The median of some seconds, in ms. */
function medianMs(seconds: readonly number[]): number {
  if (seconds.length === 0) return Number.NaN;
  const sorted = [...seconds].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return 1000 * (sorted.length % 2 === 1 ? (sorted[Math.floor(middle)] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2);
}

/** Whether the store equalled a rebuild afterwards, in words. */
function equality(run: AigveSubmit): string {
  return run.difference.length === 0 ? "dump-equal to a rebuild afterwards" : `**differs from a rebuild afterwards** (${run.difference[0] ?? ""})`;
}

/** The rows: median wall and CPU of the V2T submits, wall and CPU of the T2V submit; the store's rebuild as their baseline. */
export async function aigveSubmitRows(timed = 3, capSeconds = 30 * 60): Promise<BenchRow[]> {
  console.error(`aigve-submit: full-size synthetic AIGVE-60K release, ${timed} real V2T submits and a T2V submit…`);
  const run = await timeAigveSubmit(timed, capSeconds);
  const failure = run.rebuild.failure ?? run.submits.find((r) => r.failure !== null)?.failure ?? run.t2v?.failure ?? undefined;
  const agrees = run.difference.length === 0;
  const wall = (r: TimedRun) => r.wallSeconds;
  const cpu = (r: TimedRun) => r.cpuSeconds;
  const row = (what: string, runs: readonly TimedRun[], of: (r: TimedRun) => number): BenchRow => ({
    figure: `${what} · ${runs.length === 1 ? "" : `median of ${runs.length} (${runs.map((r) => of(r).toFixed(1)).join(", ")} s) · `}${equality(run)}`,
    target: { kind: "time", maxMs: 10_000 },
    oursMs: medianMs(runs.map(of)),
    baseline: { name: "rebuild of that store (every entry scored)", ms: 1000 * of(run.rebuild) },
    agrees,
    ...(failure === undefined ? {} : { failure }),
  });
  const v2t = `AIGVE-60K V2T real submit · ${run.videos.toLocaleString("en")} videos predicted and scored (full-size synthetic release, split set aside, B = 1,000)`;
  const t2v = `AIGVE-60K T2V real submit · ${run.prompts.toLocaleString("en")} prompts, auto-scored by a stored V2T entry`;
  const t2vRuns = run.t2v === null ? [] : [run.t2v];
  return [row(`${v2t}, wall`, run.submits, wall), row(`${v2t}, CPU`, run.submits, cpu), row(`${t2v}, wall`, t2vRuns, wall), row(`${t2v}, CPU`, t2vRuns, cpu)];
}
