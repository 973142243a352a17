/**
 * One board's chart data as the site ships it once per board (/<benchmark>/charts/<board>.json), and the window of
 * bars an entry page draws from it. Pure and free of imports: the chart islands bundle it.
 */

/** One ranked entry in one column, in the column's rank order. */
export interface ChartBar {
  readonly id: string;
  readonly name: string;
  readonly value: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly rank: number;
}

/** How a column's axis is drawn: correlations within [−1, 1], percentages within [0, 100], other values from 0. */
export type ChartScale = "correlation" | "percent" | "from-zero";

/** One ranked column of a board with every ranked entry, best first. */
export interface ChartColumn {
  readonly key: string;
  readonly label: string;
  readonly scale: ChartScale;
  readonly digits: number;
  readonly bars: readonly ChartBar[];
}

/** A board's chart data: the ranked columns of a board that ranks its entries (none when it cannot). */
export interface BoardChart {
  readonly benchmark: string;
  readonly board: string;
  readonly columns: readonly ChartColumn[];
}

/** A row of a drawn bar chart: an entry's bar, or a gap standing for the entries left out. */
export interface BarRow {
  readonly key: string;
  readonly name: string;
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly rank: number | null;
  readonly highlight: boolean;
}

/** Boards up to this size are drawn whole; larger ones as the top entries and the entry's neighbourhood. */
export const MAX_BARS = 30;
const TOP = 10;
const NEIGHBOURS = 3;

const gap = (count: number, at: number): BarRow => ({
  key: `gap-${at}`,
  name: `⋯ ${count} more`,
  value: null,
  low: null,
  high: null,
  rank: null,
  highlight: false,
});

/**
 * The bars an entry page draws: every bar when the column has at most `max`; otherwise the top ten, the entry with
 * three neighbours on each side, the last entry (so the chart shows where the board ends), and gap rows counting
 * the entries left out. The entry is always among them. `at` is the entry's index in `bars` (−1 when absent) for a
 * caller that already knows it; only the kept bars are visited, so an entry page of a large board stays cheap.
 */
export function barWindow(bars: readonly ChartBar[], entryId: string, max = MAX_BARS, at = bars.findIndex((bar) => bar.id === entryId)): BarRow[] {
  const row = (bar: ChartBar): BarRow => ({
    key: bar.id,
    name: bar.name,
    value: bar.value,
    low: bar.low,
    high: bar.high,
    rank: bar.rank,
    highlight: bar.id === entryId,
  });
  if (bars.length <= max) return bars.map(row);
  const keep = new Set<number>();
  for (let i = 0; i < TOP; i += 1) keep.add(i);
  if (at >= 0) for (let i = Math.max(0, at - NEIGHBOURS); i <= Math.min(bars.length - 1, at + NEIGHBOURS); i += 1) keep.add(i);
  keep.add(bars.length - 1);
  const rows: BarRow[] = [];
  let next = 0;
  for (const i of [...keep].sort((a, b) => a - b)) {
    if (i >= bars.length) break;
    if (i > next) rows.push(gap(i - next, i));
    rows.push(row(bars[i] as ChartBar));
    next = i + 1;
  }
  return rows;
}

/** The axis bounds of a scale: where a value axis may never go. */
export function scaleBounds(scale: ChartScale): readonly [number, number] {
  if (scale === "correlation") return [-1, 1];
  if (scale === "percent") return [0, 100];
  return [-Infinity, Infinity];
}
