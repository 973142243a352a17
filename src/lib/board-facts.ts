/**
 * What the board pages say of every row of a board × scope (the filter's options, the legends' marks), made once when
 * the view is first read and kept in its summary (`boardSummary`), so that a page showing the board's first rows
 * reads no whole view for them.
 */
import type { BoardRow } from "./boards.ts";

/** Facts of a board × scope that depend on every row, not only the rows a page ships. */
export interface BoardRowFacts {
  /** The rows' distinct groups (access of T2V models, kind of V2T methods), sorted: a filter's options. */
  readonly groups: readonly string[];
  /** Whether any row has a rank interval. */
  readonly rankIntervals: boolean;
  /** Whether any row is marked not separable from the next (≈). */
  readonly ties: boolean;
  /** Whether any cell has a column rank. */
  readonly columnRanks: boolean;
  /** Whether any cell has a value interval. */
  readonly intervals: boolean;
}

/** The facts of a board's rows, in one pass over them. */
export function boardRowFacts(rows: readonly BoardRow[]): BoardRowFacts {
  const groups = new Set<string>();
  let rankIntervals = false;
  let ties = false;
  let columnRanks = false;
  let intervals = false;
  for (const row of rows) {
    if (row.group !== null) groups.add(row.group);
    if (row.rankBest !== null) rankIntervals = true;
    if (row.separableFromNext === false) ties = true;
    for (const cell of Object.values(row.cells)) {
      if (cell.rank !== null) columnRanks = true;
      if (cell.ciLow !== null) intervals = true;
    }
  }
  return { groups: [...groups].sort(), rankIntervals, ties, columnRanks, intervals };
}
