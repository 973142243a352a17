/**
 * A dot plot (recharts): one row per label (a dimension, or an entry), one marker per compared entry with its
 * 95% interval as a horizontal bar. Entries are told apart by colour, shape and letter, named in a legend above
 * the plot, so it reads without hovering; the table beside it holds the same figures.
 */
import { useEffect, useRef, useState } from "react";
import { CartesianGrid, ErrorBar, ReferenceArea, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { niceAxis } from "../../lib/charts/axis.ts";
import { intervalText } from "../../lib/shared/intervals.ts";
import { formatNumber } from "./compare-format.ts";

/** How one compared entry is drawn. */
export interface DotSeries {
  readonly letter: string;
  readonly name: string;
  readonly colour: string;
  readonly shape: "circle" | "square" | "triangle" | "diamond";
}

/** One row: a figure per series (null where the entry has none). */
export interface DotRow {
  readonly label: string;
  readonly points: readonly ({ readonly value: number; readonly low: number | null; readonly high: number | null } | null)[];
}

interface Props {
  readonly title: string;
  readonly axisLabel: string;
  readonly rows: readonly DotRow[];
  readonly series: readonly DotSeries[];
  readonly digits: number;
  /** Keep 0 on the axis (correlations: no agreement at all). */
  readonly includeZero: boolean;
  /** Draw the legend above the plot (off when several plots share one). */
  readonly legend?: boolean;
}

interface Point {
  x: number;
  y: number;
  err: [number, number] | undefined;
  row: string;
  low: number | null;
  high: number | null;
}

/** Room per row and per marker in it: four entries' intervals stacked in a row need to stay apart. */
const rowHeight = (series: number) => Math.max(28, 12 + 9 * series);

/** A series' marker as a small inline SVG, for legends and table headers. */
export function Marker({ series }: { series: DotSeries }) {
  const size = 12;
  const c = size / 2;
  const shape =
    series.shape === "square" ? <rect x={1.5} y={1.5} width={9} height={9} /> :
    series.shape === "triangle" ? <polygon points={`${c},1 11,11 1,11`} /> :
    series.shape === "diamond" ? <polygon points={`${c},0.5 11.5,${c} ${c},11.5 0.5,${c}`} /> :
    <circle cx={c} cy={c} r={5} />;
  return (
    <svg className="compare-marker" width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false">
      <g fill={series.colour} stroke="var(--fg)" strokeWidth={0.75}>{shape}</g>
    </svg>
  );
}

/** The entries' markers, letters and names, and what the bars are. */
export function Legend({ series }: { series: readonly DotSeries[] }) {
  return (
    <ul className="compare-legend" aria-label="Legend">
      {series.map((s) => (
        <li key={s.letter}>
          <Marker series={s} /> <strong>{s.letter}</strong> {s.name}
        </li>
      ))}
      <li className="muted">bars: 95% intervals</li>
    </ul>
  );
}

/** The plot's width, followed as the page resizes (the labels' room depends on it). */
function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

function TooltipBody(props: { active?: boolean; payload?: { payload: Point; name?: string }[]; digits: number }) {
  const item = props.payload?.[0];
  if (!props.active || !item) return null;
  const point = item.payload;
  return (
    <div className="chart-tooltip">
      <strong>{item.name}</strong> · {point.row}
      <div>{formatNumber(point.x, props.digits)} {intervalText(point.low, point.high, props.digits)}</div>
    </div>
  );
}

/** The island's plot. */
export default function DotPlot({ title, axisLabel, rows, series, digits, includeZero, legend = true }: Props) {
  const [ref, width] = useWidth();
  const ends = rows.flatMap((row) => row.points.flatMap((p) => (p ? [p.value, p.low ?? p.value, p.high ?? p.value] : [])));
  const axis = niceAxis(ends, { includeZero: includeZero === true, intervals: 4 });
  const domain = [...axis.domain];
  const ticks = [...axis.ticks];
  const narrow = width > 0 && width < 520;
  // Recharts wraps a tick label to the axis width; only very long ones are cut.
  const maxChars = narrow ? 26 : 40;
  const longest = Math.max(0, ...rows.map((row) => Math.min(row.label.length, maxChars)));
  const labelWidth = Math.min(narrow ? 104 : 190, 16 + 6.5 * longest);
  const shorten = (label: string) => (label.length > maxChars ? `${label.slice(0, maxChars - 1)}…` : label);
  // Each entry's markers sit a little above or below the row's centre line, so that intervals never overlap;
  // where every row holds one marker only (a row per entry), they stay on it.
  const stacked = rows.some((row) => row.points.filter((p) => p !== null).length > 1);
  const offset = (s: number) => (!stacked || series.length === 1 ? 0 : (s - (series.length - 1) / 2) * (0.6 / Math.max(1, series.length - 1)));
  const height = 56 + rowHeight(stacked ? series.length : 1) * rows.length;
  return (
    <div>
      {legend && <Legend series={series} />}
      <div ref={ref} role="img" aria-label={`${title}: ${rows.length} rows, a marker with its 95% interval for each of ${series.map((s) => `${s.letter} ${s.name}`).join(", ")}. The same figures are in the table below.`} style={{ width: "100%", height }}>
        {width > 0 && (
          <ScatterChart width={width} height={height} margin={{ top: 8, right: 16, bottom: 32, left: 4 }}>
            {/* Every other row on a band, so that each row's markers read as one group. */}
            {rows.map((row, r) => (r % 2 === 1 ? <ReferenceArea key={row.label} y1={r - 0.5} y2={r + 0.5} fill="var(--bg-soft)" fillOpacity={1} stroke="none" ifOverflow="visible" /> : null))}
            <CartesianGrid stroke="var(--chart-grid)" horizontal={false} />
            <XAxis type="number" dataKey="x" domain={domain} ticks={ticks} interval={0} stroke="var(--fg-muted)" tick={{ fontSize: 11, fill: "var(--fg-muted)" }}
              tickFormatter={(v: number) => String(v)}
              label={{ value: axisLabel, position: "insideBottom", offset: -18, fill: "var(--fg-muted)", fontSize: 12 }} />
            <YAxis type="number" dataKey="y" domain={[-0.5, rows.length - 0.5]} reversed ticks={rows.map((_, i) => i)} interval={0} width={labelWidth}
              stroke="var(--fg-muted)" tick={{ fontSize: 11, fill: "var(--fg)" }} tickFormatter={(i: number) => shorten(rows[i]?.label ?? "")} />
            <Tooltip content={<TooltipBody digits={digits} />} cursor={false} />
            {series.map((s, k) => {
              const data: Point[] = rows.flatMap((row, r) => {
                const p = row.points[k];
                if (!p) return [];
                const err: [number, number] | undefined = p.low !== null && p.high !== null ? [p.value - p.low, p.high - p.value] : undefined;
                return [{ x: p.value, y: r + offset(k), err, row: row.label, low: p.low, high: p.high }];
              });
              return (
                <Scatter key={s.letter} name={`${s.letter} ${s.name}`} data={data} shape={s.shape} fill={s.colour} stroke="var(--fg)" strokeWidth={0.5} isAnimationActive={false}>
                  <ErrorBar dataKey="err" direction="x" stroke={s.colour} strokeWidth={2} width={0} />
                </Scatter>
              );
            })}
          </ScatterChart>
        )}
      </div>
    </div>
  );
}
