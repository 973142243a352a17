/** Maps stored boards onto chart data; only selection and relabelling, never statistics. */
import { metricDefinition } from "../schemas/metrics.ts";
import type { BoardColumnInfo } from "./benchmarks.ts";
import type { BoardId } from "../schemas/board.ts";
import type { BoardCell, BoardSummary, BoardView } from "./boards.ts";
import type { BoardChart, ChartBar, ChartScale } from "./charts/bars.ts";
import type { ScatterSeries } from "./charts/scatter.ts";

function interval(cell: BoardCell | undefined): [number, number] | null {
  return cell && cell.ciLow !== null && cell.ciHigh !== null ? [cell.ciLow, cell.ciHigh] : null;
}

/**
 * T2V: the first two MOS columns against each other, sized by the QA column when there is one; the first `limit`
 * rows of the board (a board page draws its first rows, so that the page does not grow with the board).
 */
export function t2vScatter(view: BoardView, limit = Number.POSITIVE_INFINITY): ScatterSeries[] {
  const mos = view.columns.filter((c) => c.metric === "mos");
  const [xColumn, yColumn] = mos;
  if (!xColumn || !yColumn) return [];
  const zColumn = view.columns.find((c) => c.perspectiveId === "qa");
  return [
    {
      id: `${xColumn.key}-${yColumn.key}`,
      label: `${xColumn.label} vs ${yColumn.label}`,
      xLabel: xColumn.label,
      yLabel: yColumn.label,
      xScale: scaleOf(xColumn.metric),
      yScale: scaleOf(yColumn.metric),
      ...(zColumn ? { zLabel: zColumn.label } : {}),
      points: view.rows.slice(0, limit).flatMap((row) => {
        const x = row.cells[xColumn.key];
        const y = row.cells[yColumn.key];
        if (!x || !y) return [];
        return [
          {
            name: row.isReference && !/reference/i.test(row.name) ? `${row.name} (reference)` : row.name,
            href: row.href,
            x: x.value,
            y: y.value,
            z: zColumn ? (row.cells[zColumn.key]?.value ?? null) : null,
            xError: interval(x),
            yError: interval(y),
          },
        ];
      }),
    },
  ];
}

/**
 * V2T: per perspective, instance-level against model-level agreement of every method. On an unranked model-level
 * board (too few T2V models, e.g. FETV's 4) its intervals span most of −1 … 1 and are noise: no whiskers are drawn
 * for them and the axis says it is not ranked. Only the instance board's first `limit` rows are drawn.
 */
export function v2tScatter(instance: BoardView, model: BoardView, limit = Number.POSITIVE_INFINITY): ScatterSeries[] {
  const modelUnranked = model.unrankedReason !== null;
  const modelRow = new Map(model.rows.map((row) => [row.entryId, row]));
  return instance.columns.flatMap((column) => {
    const twin = model.columns.find((c) => c.perspectiveId === column.perspectiveId && c.metric === column.metric);
    if (!twin) return [];
    const points = instance.rows.slice(0, limit).flatMap((row) => {
      const x = row.cells[column.key];
      const y = modelRow.get(row.entryId)?.cells[twin.key];
      if (!x || !y) return [];
      return [{ name: row.name, href: row.href, x: x.value, y: y.value, xError: interval(x), yError: modelUnranked ? null : interval(y) }];
    });
    if (points.length === 0) return [];
    return [
      {
        id: column.key,
        label: column.label.replace(/ SRCC$| PLCC$| KRCC$/, ""),
        xLabel: `Instance-level ${column.label}`,
        yLabel: `Model-level ${twin.label}${modelUnranked ? " (not ranked)" : ""}`,
        xScale: scaleOf(column.metric),
        yScale: scaleOf(twin.metric),
        points,
      },
    ];
  });
}

/** How a metric's axis is drawn: correlations within [−1, 1], accuracy within [0, 100], other values from zero. */
export function scaleOf(metric: string): ChartScale {
  const kind = metricDefinition(metric).kind;
  return kind === "correlation" ? "correlation" : kind === "accuracy" ? "percent" : "from-zero";
}

/**
 * Columns' bars already sorted in this build, by board view and column key. Every entry page of a board draws each
 * of its ranked columns; sorting the column once per board rather than once per page keeps the build linear.
 */
const barsOf = new WeakMap<BoardView, Map<string, readonly ChartBar[]>>();

/** Every ranked entry's value in one column, best first (rank, then name); reference rows are never ranked. Sorted once per board and column. */
export function columnBars(view: BoardView, column: BoardColumnInfo): readonly ChartBar[] {
  let columns = barsOf.get(view);
  if (!columns) {
    columns = new Map();
    barsOf.set(view, columns);
  }
  let bars = columns.get(column.key);
  if (!bars) {
    bars = sortedBars(view, column);
    columns.set(column.key, bars);
  }
  return bars;
}

function sortedBars(view: BoardView, column: BoardColumnInfo): ChartBar[] {
  return view.rows
    .flatMap((row) => {
      const cell = row.cells[column.key];
      if (!cell || row.isReference || cell.rank === null) return [];
      return [{ id: row.entryId, name: row.name, value: cell.value, low: cell.ciLow, high: cell.ciHigh, rank: cell.rank }];
    })
    .sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : 1));
}

interface BarsIndex {
  readonly positions: ReadonlyMap<string, number>;
  readonly withIntervals: boolean;
}

/** Where each entry stands in a column's bars, and whether any bar has an interval: indexed once per column, so an entry page reads them without a scan. */
const indexes = new WeakMap<readonly ChartBar[], BarsIndex>();

function indexOf(bars: readonly ChartBar[]): BarsIndex {
  let index = indexes.get(bars);
  if (!index) {
    const positions = new Map<string, number>();
    bars.forEach((bar, i) => {
      if (!positions.has(bar.id)) positions.set(bar.id, i);
    });
    index = { positions, withIntervals: bars.some((bar) => bar.low !== null) };
    indexes.set(bars, index);
  }
  return index;
}

/** An entry's index in a column's bars (as `columnBars` gives them), or −1 when it has no bar there. */
export function barPosition(bars: readonly ChartBar[], entryId: string): number {
  return indexOf(bars).positions.get(entryId) ?? -1;
}

/** Whether any of a column's bars has an interval (its chart's legend then explains the whiskers). */
export function barsHaveIntervals(bars: readonly ChartBar[]): boolean {
  return indexOf(bars).withIntervals;
}

/**
 * A board's chart data, shipped once per board: every ranked column with its ranked entries (none when unranked), from
 * the overall scope's summary (`boardSummary`), which keeps those columns' bars for the whole build.
 */
export function boardChart(benchmarkId: string, board: BoardId, summary: Pick<BoardSummary, "columns" | "unrankedReason" | "bars">): BoardChart {
  const columns = summary.unrankedReason !== null ? [] : summary.columns.filter((c) => c.ranked);
  return {
    benchmark: benchmarkId,
    board,
    columns: columns.map((column) => {
      const bars = summary.bars.get(column.key);
      if (bars === undefined) throw new Error(`boardChart: no bars of ${benchmarkId} ${board} ${column.key} in the summary (only the overall scope keeps them)`);
      return { key: column.key, label: column.label, scale: scaleOf(column.metric), digits: metricDefinition(column.metric).digits, bars };
    }),
  };
}
