/**
 * The compare view at a chosen scale: a site of N copies of FETV's UMTScore V2T entry (copies-site.ts), its compare
 * view timed in Chromium until its verdicts show and checked against the engine (compare-view.ts). N is
 * BENCH_COMPARE_ENTRIES (default 1,000; 100 with BENCH_QUICK=1). Issue 18's 10,000-entry row comes from the
 * submitted-growth case, which measures the compare view on its largest build instead of building 10,000 twice.
 */
import fs from "node:fs";
import { hasChromium } from "../../../tests/support/browser.ts";
import { makeCopiesSite } from "./copies-site.ts";
import { measureCompareView } from "./compare-view.ts";
import { hasFetv } from "./submissions.ts";
import type { BenchRow } from "./table.ts";

/** The compare view's row with BENCH_COMPARE_ENTRIES copies. */
export async function compareRows(): Promise<BenchRow[]> {
  if (!hasFetv() || !hasChromium()) {
    console.log("Compare view bench skipped: it needs the FETV dataset and Chromium.\n");
    return [];
  }
  const count = Number(process.env.BENCH_COMPARE_ENTRIES ?? (process.env.BENCH_QUICK === "1" ? 100 : 1000));
  const site = makeCopiesSite(count);
  try {
    return [await measureCompareView(site, count)];
  } finally {
    fs.rmSync(site.root, { recursive: true, force: true });
  }
}
