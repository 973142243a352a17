/**
 * Boards that stay light (issue 18, item 3) at a chosen scale: a site of N copies of FETV's UMTScore V2T entry, with
 * stored resamples (copies-site.ts), its V2T board page weighed before interaction and searched for its last entry
 * (board-page.ts). N is BENCH_BOARD_ENTRIES (default 1,000; 100 with BENCH_QUICK=1). Issue 18's 10,000-entry rows
 * come from the submitted-growth case, which measures the board page on its largest build.
 */
import { measureBoardPage } from "./board-page.ts";
import { rowsOnCopiesSite } from "./copies-site.ts";
import type { BenchRow } from "./table.ts";

/** The board page's rows with BENCH_BOARD_ENTRIES copies. */
export function boardWeightRows(): Promise<BenchRow[]> {
  return rowsOnCopiesSite("Board weight", "BENCH_BOARD_ENTRIES", measureBoardPage);
}
