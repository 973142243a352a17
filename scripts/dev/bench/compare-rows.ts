/**
 * The compare view at a chosen scale: a site of N copies of FETV's UMTScore V2T entry (copies-site.ts), its compare
 * view timed in Chromium until its verdicts show and checked against the engine (compare-view.ts). N is
 * BENCH_COMPARE_ENTRIES (default 1,000; 100 with BENCH_QUICK=1). Issue 18's 10,000-entry row comes from the
 * submitted-growth case, which measures the compare view on its largest build instead of building 10,000 twice.
 */
import { measureCompareView } from "./compare-view.ts";
import { rowsOnCopiesSite } from "./copies-site.ts";
import type { BenchRow } from "./table.ts";

/** The compare view's row with BENCH_COMPARE_ENTRIES copies. */
export function compareRows(): Promise<BenchRow[]> {
  return rowsOnCopiesSite("Compare view", "BENCH_COMPARE_ENTRIES", async (site, count) => [await measureCompareView(site, count)]);
}
