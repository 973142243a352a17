/**
 * One board column as a horizontal bar chart (recharts), hydrated when visible: every ranked entry best first (or,
 * on a large board, the top and the page's entry with its neighbours), each bar named on its axis, the page's entry
 * highlighted in colour and in bold, and asymmetric [low, high] interval bars. The value axis starts at zero (a
 * correlation's may go below it, never past −1 or 1) and has round ticks. The board's data comes from its chart
 * file, fetched once per page however many charts read it.
 */
import { useEffect, useState } from "react";
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { chartNumber, niceAxis } from "../../lib/charts/axis.ts";
import { barWindow, scaleBounds, type BarRow, type BoardChart, type ChartColumn } from "../../lib/charts/bars.ts";
import { intervalText } from "../../lib/shared/intervals.ts";

interface Props {
  /** URL of the board's chart data. */
  src: string;
  columnKey: string;
  entryId: string;
  /** How many rows the chart will have, to reserve its height before the data arrives. */
  rows: number;
}

const ROW = 20;
const AXIS = 30;
const NAME_WIDTH = 140;
const shorten = (name: string) => (name.length > 17 ? `${name.slice(0, 16)}…` : name);

const boards = new Map<string, Promise<BoardChart>>();
/** The board's chart data, fetched once per page and shared by its charts. */
function loadChart(src: string): Promise<BoardChart> {
  let pending = boards.get(src);
  if (!pending) {
    pending = fetch(src).then((response) => {
      if (!response.ok) throw new Error(`${src}: ${response.status}`);
      return response.json() as Promise<BoardChart>;
    });
    boards.set(src, pending);
  }
  return pending;
}

function TooltipBody(props: { active?: boolean; payload?: { payload: BarRow }[]; digits: number; label: string }) {
  const bar = props.payload?.[0]?.payload;
  if (!props.active || !bar || bar.value === null) return null;
  return (
    <div className="chart-tooltip">
      <strong>{bar.name}</strong>
      <div>
        {props.label}: {chartNumber(bar.value, props.digits)}
        {bar.low !== null && bar.high !== null && ` ${intervalText(bar.low, bar.high, props.digits, chartNumber)}`}
      </div>
      {bar.rank !== null && <div>rank {bar.rank}</div>}
    </div>
  );
}

/** An entry's name on the category axis; the page's own entry in bold, gaps in italics. */
function NameTick(props: { x?: number; y?: number; payload?: { value: string }; rows: readonly BarRow[] }) {
  const row = props.rows.find((r) => r.key === props.payload?.value);
  if (!row || props.x === undefined || props.y === undefined) return null;
  return (
    <text x={props.x - 4} y={props.y} dy="0.32em" textAnchor="end" fontSize={11} fill={row.value === null ? "var(--fg-muted)" : "var(--fg)"}
      fontWeight={row.highlight ? 700 : 400} fontStyle={row.value === null ? "italic" : "normal"}>
      {row.rank !== null ? `${row.rank}. ` : ""}{shorten(row.name)}
    </text>
  );
}

function Chart({ column, entryId }: { column: ChartColumn; entryId: string }) {
  const rows = barWindow(column.bars, entryId);
  const values = rows.flatMap((r) => [r.value, r.low, r.high]).filter((v): v is number => v !== null);
  const axis = niceAxis(values, { includeZero: true, bounds: scaleBounds(column.scale) });
  const data = rows.map((r) => ({ ...r, err: r.value !== null && r.low !== null && r.high !== null ? [r.value - r.low, r.high - r.value] : undefined }));
  const entry = rows.find((r) => r.highlight);
  const shown = rows.filter((r) => r.value !== null).length;
  const [low, high] = axis.domain;
  const summary = `${column.label}: ${shown === column.bars.length ? `all ${shown}` : `${shown} of ${column.bars.length}`} ranked entries, best first` +
    (entry?.value != null ? `; ${entry.name} ranks ${entry.rank} at ${chartNumber(entry.value, column.digits)}` : "");
  return (
    <>
      <div role="img" aria-label={summary} style={{ width: "100%", height: AXIS + 8 + ROW * rows.length }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 18, bottom: 4, left: 0 }} barCategoryGap={3}>
            <CartesianGrid stroke="var(--chart-grid)" horizontal={false} />
            <XAxis type="number" domain={[low, high]} ticks={[...axis.ticks]} interval={0} allowDataOverflow stroke="var(--fg-muted)"
              tick={{ fontSize: 11, fill: "var(--fg-muted)" }} tickFormatter={(v: number) => chartNumber(v, axis.digits)} height={AXIS} />
            <YAxis type="category" dataKey="key" width={NAME_WIDTH} interval={0} stroke="var(--fg-muted)" tickLine={false}
              tick={<NameTick rows={rows} />} />
            {low < 0 && <ReferenceLine x={0} stroke="var(--fg-muted)" />}
            <Tooltip content={<TooltipBody digits={column.digits} label={column.label} />} cursor={{ fill: "var(--accent-soft)" }} />
            <Bar dataKey="value" name={column.label} isAnimationActive={false}>
              {data.map((bar) => (
                <Cell key={bar.key} fill={bar.highlight ? "var(--chart-2)" : "var(--chart-1)"} fillOpacity={bar.highlight ? 1 : 0.55} />
              ))}
              <ErrorBar isAnimationActive={false} dataKey="err" direction="x" stroke="var(--fg)" strokeOpacity={0.7} width={4} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      {column.scale === "correlation" && (low > -1 || high < 1) && (
        <p className="axis-note">Axis {chartNumber(low, axis.digits)} to {chartNumber(high, axis.digits)}; a correlation runs from −1 to 1.</p>
      )}
    </>
  );
}

/** The island. */
export default function ColumnBarsIsland({ src, columnKey, entryId, rows }: Props) {
  const [column, setColumn] = useState<ChartColumn | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadChart(src)
      .then((chart) => {
        if (!live) return;
        const found = chart.columns.find((c) => c.key === columnKey);
        if (found) setColumn(found);
        else setFailed(true);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [src, columnKey]);
  if (failed) return <p className="small muted">The chart's data could not be loaded; the table above has every figure.</p>;
  if (!column) return <div aria-hidden="true" style={{ width: "100%", height: AXIS + 8 + ROW * rows }} />;
  return <Chart column={column} entryId={entryId} />;
}
