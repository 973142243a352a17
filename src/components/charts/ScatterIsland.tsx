/**
 * A scatter plot of board entries (recharts), hydrated when visible. One or more named series
 * share the axes' meaning; a select switches between them (e.g. the V2T perspectives).
 */
import { useId, useState } from "react";
import {
  CartesianGrid,
  ErrorBar,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
  Cell,
  LabelList,
} from "recharts";

/** One entry in the plot; `z` (optional) sets the marker size and colour. */
export interface ScatterPoint {
  name: string;
  href: string;
  x: number;
  y: number;
  z?: number | null;
  xError?: [number, number] | null;
  yError?: [number, number] | null;
}

/** One selectable view of the plot. */
export interface ScatterSeries {
  id: string;
  label: string;
  xLabel: string;
  yLabel: string;
  zLabel?: string;
  points: ScatterPoint[];
}

interface Props {
  title: string;
  series: ScatterSeries[];
  /** Digits shown in the tooltip. */
  digits?: number;
}

const PALETTE = ["var(--chart-3)", "var(--chart-1)", "var(--chart-2)"];

function colourFor(z: number | null | undefined, low: number, high: number): string {
  if (z === null || z === undefined || high <= low) return PALETTE[1] ?? "currentColor";
  const third = (z - low) / (high - low);
  return PALETTE[third < 1 / 3 ? 0 : third < 2 / 3 ? 1 : 2] ?? "currentColor";
}

function TooltipBody(props: { active?: boolean; payload?: { payload: ScatterPoint }[]; series: ScatterSeries; digits: number }) {
  const point = props.payload?.[0]?.payload;
  if (!props.active || !point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{point.name}</strong>
      <div>{props.series.xLabel}: {point.x.toFixed(props.digits)}{point.xError && ` [${point.xError[0].toFixed(props.digits)}, ${point.xError[1].toFixed(props.digits)}]`}</div>
      <div>{props.series.yLabel}: {point.y.toFixed(props.digits)}{point.yError && ` [${point.yError[0].toFixed(props.digits)}, ${point.yError[1].toFixed(props.digits)}]`}</div>
      {props.series.zLabel && point.z !== null && point.z !== undefined && (
        <div>{props.series.zLabel}: {point.z.toFixed(2)}</div>
      )}
    </div>
  );
}

/** The island. */
export default function ScatterIsland({ title, series, digits = 2 }: Props) {
  const [selected, setSelected] = useState(series[0]?.id ?? "");
  const selectId = useId();
  const current = series.find((s) => s.id === selected) ?? series[0];
  if (!current) return null;
  const zs = current.points.map((p) => p.z).filter((z): z is number => typeof z === "number");
  const zLow = Math.min(...zs);
  const zHigh = Math.max(...zs);
  const withErrors = current.points.map((p) => ({
    ...p,
    xErr: p.xError ? [p.x - p.xError[0], p.xError[1] - p.x] : undefined,
    yErr: p.yError ? [p.y - p.yError[0], p.yError[1] - p.y] : undefined,
  }));
  const hasErrors = withErrors.some((p) => p.xErr || p.yErr);
  return (
    <div>
      {series.length > 1 && (
        <p>
          <label htmlFor={selectId}>Perspective </label>
          <select id={selectId} value={current.id} onChange={(event) => setSelected(event.target.value)}>
            {series.map((s) => (
              <option key={s.id} value={s.id}>{s.label}</option>
            ))}
          </select>
        </p>
      )}
      <div role="img" aria-label={`${title}: ${current.xLabel} against ${current.yLabel} for ${current.points.length} entries`} style={{ width: "100%", height: 340 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 10, right: 20, bottom: 30, left: 10 }}>
            <CartesianGrid stroke="var(--chart-grid)" />
            <XAxis type="number" dataKey="x" name={current.xLabel} domain={["auto", "auto"]} stroke="var(--fg-muted)"
              label={{ value: current.xLabel, position: "insideBottom", offset: -15, fill: "var(--fg-muted)" }} />
            <YAxis type="number" dataKey="y" name={current.yLabel} domain={["auto", "auto"]} stroke="var(--fg-muted)"
              label={{ value: current.yLabel, angle: -90, position: "insideLeft", fill: "var(--fg-muted)", style: { textAnchor: "middle" } }} />
            {zs.length > 0 && <ZAxis type="number" dataKey="z" range={[40, 320]} name={current.zLabel} />}
            <Tooltip content={<TooltipBody series={current} digits={digits} />} cursor={{ strokeDasharray: "3 3" }} />
            <Scatter data={withErrors} isAnimationActive={false}
              onClick={(point: unknown) => {
                const target = (point as { payload?: ScatterPoint }).payload ?? (point as ScatterPoint);
                if (target?.href) window.location.assign(target.href);
              }}>
              {withErrors.map((p) => (
                <Cell key={p.href} fill={colourFor(p.z, zLow, zHigh)} fillOpacity={0.8} cursor="pointer" />
              ))}
              {/* Every point is named on the chart itself: reading it needs no hovering. */}
              <LabelList dataKey="name" position="right" style={{ fontSize: current.points.length > 12 ? 9 : 11, fill: "var(--fg)" }} />
              {hasErrors && <ErrorBar dataKey="xErr" direction="x" stroke="var(--fg-muted)" width={3} />}
              {hasErrors && <ErrorBar dataKey="yErr" direction="y" stroke="var(--fg-muted)" width={3} />}
            </Scatter>
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      {current.zLabel && zs.length > 0 && (
        <p className="small muted">
          Marker size and colour: {current.zLabel} (
          <span style={{ color: PALETTE[0] }}>●</span> lowest third, <span style={{ color: PALETTE[1] }}>●</span> middle,{" "}
          <span style={{ color: PALETTE[2] }}>●</span> highest third of {zLow.toFixed(1)}–{zHigh.toFixed(1)}). Click a point to open its page.
        </p>
      )}
    </div>
  );
}
