/**
 * Boards that stay light (issue 18, item 3) at a chosen scale: a site of N copies of FETV's UMTScore V2T entry, with
 * stored resamples (copies-site.ts), its V2T board page weighed before interaction and searched for its last entry
 * (board-page.ts). N is BENCH_BOARD_ENTRIES (default 1,000; 100 with BENCH_QUICK=1). Issue 18's 10,000-entry rows
 * come from the submitted-growth case, which measures the board page on its largest build.
 */
import fs from "node:fs";
import { hasChromium } from "../../../tests/support/browser.ts";
import { measureBoardPage } from "./board-page.ts";
import { makeCopiesSite } from "./copies-site.ts";
import { hasFetv } from "./submissions.ts";
import type { BenchRow } from "./table.ts";

/** The board page's rows with BENCH_BOARD_ENTRIES copies. */
export async function boardWeightRows(): Promise<BenchRow[]> {
  if (!hasFetv() || !hasChromium()) {
    console.log("Board weight bench skipped: it needs the FETV dataset and Chromium.\n");
    return [];
  }
  const asked = Number(process.env.BENCH_BOARD_ENTRIES);
  const count = Number.isInteger(asked) && asked > 0 ? asked : process.env.BENCH_QUICK === "1" ? 100 : 1000;
  const site = makeCopiesSite(count);
  try {
    return await measureBoardPage(site, count);
  } finally {
    fs.rmSync(site.root, { recursive: true, force: true });
  }
}
