/**
 * Targets of whole runs (issue 10, targets 2, 5 and 6; target 1, a V2T entry at AIGVE-60K's full size stored, is the
 * aigve-submit case): FETV dry runs with 5 and 505 V2T entries on the board, a cold rebuild, a million result rows written, and the
 * site built at three numbers of entries with its growth fitted. Each is a fresh process timed by the wall
 * clock, as a user runs it.
 */
import { timeSiteGrowth } from "./site-growth.ts";
import { hasFetv, timeFetvDryRuns } from "./submissions.ts";
import { timeColdRebuild, timeResultRowsWrite } from "./store.ts";
import type { BenchRow } from "./table.ts";

const seconds = (s: number) => s * 1000;

/** Rows of the whole-run targets; `quick` (BENCH_QUICK=1) builds the site at fewer entries. */
export async function scaleRows(): Promise<BenchRow[]> {
  const quick = process.env.BENCH_QUICK === "1";
  const rows: BenchRow[] = [];
  if (hasFetv()) {
    const few = await timeFetvDryRuns(0);
    const many = await timeFetvDryRuns(500);
    rows.push(
      { figure: "FETV V2T dry run · 5 V2T entries on the board", target: { kind: "time", maxMs: 2000 }, oursMs: seconds(few.v2tSeconds), baseline: null },
      { figure: "FETV V2T dry run · 505 V2T entries on the board", target: { kind: "ratio", max: 1.25 }, oursMs: seconds(many.v2tSeconds), baseline: { name: "the same with 5 entries", ms: seconds(few.v2tSeconds) } },
      { figure: "FETV T2V dry run (auto-scored by UMTScore) · 5 V2T entries", target: { kind: "time", maxMs: 3000 }, oursMs: seconds(few.t2vSeconds), baseline: null },
      { figure: "FETV T2V dry run · 505 V2T entries", target: { kind: "ratio", max: 1.25 }, oursMs: seconds(many.t2vSeconds), baseline: { name: "the same with 5 entries", ms: seconds(few.t2vSeconds) } },
      { figure: "cold rebuild of the store (FETV and TVGE recomputed, no scoring cache; AIGVE-60K published)", target: { kind: "time", maxMs: 10_000 }, oursMs: seconds(timeColdRebuild()), baseline: null },
    );
  }
  rows.push({ figure: "1,300,000 result rows written (canonical order, one transaction, indexes)", target: { kind: "time", maxMs: 5000 }, oursMs: seconds(timeResultRowsWrite(1_300_000)), baseline: null });
  rows.push(...timeSiteGrowth(quick ? [5, 50, 200] : [10, 100, 1000]));
  return rows;
}
