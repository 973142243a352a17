/**
 * A scatter plot of board entries (recharts), hydrated when visible. One or more named series share the axes'
 * meaning; a select switches between them (e.g. the V2T perspectives). Points are named on the chart itself (every
 * point of a board of up to 30, else the top of each axis), placed so that no two names overlap; intervals are
 * drawn as asymmetric [low, high] bars; axes have round ticks, correlations never past −1 or 1.
 */
import { useId, useState } from "react";
import {
  CartesianGrid,
  Cell,
  DefaultZIndexes,
  ErrorBar,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
  ZIndexLayer,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
} from "recharts";
import { chartNumber, niceAxis } from "../../lib/charts/axis.ts";
import { scaleBounds } from "../../lib/charts/bars.ts";
import { LABEL_ALL_UP_TO, labelPriority, placeLabels, textWidth } from "../../lib/charts/labels.ts";
import type { ScatterPoint, ScatterSeries } from "../../lib/charts/scatter.ts";
import { intervalText } from "../../lib/shared/intervals.ts";

interface Props {
  title: string;
  series: ScatterSeries[];
  /** Digits shown in the tooltip. */
  digits?: number;
}

const PALETTE = ["var(--chart-3)", "var(--chart-1)", "var(--chart-2)"];
const SIZE: [number, number] = [40, 320];
const FONT = 11;

function third(z: number | null | undefined, low: number, high: number): number {
  if (z === null || z === undefined || high <= low) return 1;
  const share = (z - low) / (high - low);
  return share < 1 / 3 ? 0 : share < 2 / 3 ? 1 : 2;
}

function TooltipBody(props: { active?: boolean; payload?: { payload: ScatterPoint }[]; series: ScatterSeries; digits: number }) {
  const point = props.payload?.[0]?.payload;
  if (!props.active || !point) return null;
  const f = (v: number) => chartNumber(v, props.digits);
  return (
    <div className="chart-tooltip">
      <strong>{point.name}</strong>
      <div>{props.series.xLabel}: {f(point.x)}{point.xError && ` ${intervalText(point.xError[0], point.xError[1], props.digits, chartNumber)}`}</div>
      <div>{props.series.yLabel}: {f(point.y)}{point.yError && ` ${intervalText(point.yError[0], point.yError[1], props.digits, chartNumber)}`}</div>
      {props.series.zLabel && point.z !== null && point.z !== undefined && (
        <div>{props.series.zLabel}: {point.z.toFixed(2)}</div>
      )}
    </div>
  );
}

/** The points' names, drawn beside them where they fit (inside the chart, so it reads the axes' scales). */
function PointLabels({ points, radius }: { points: readonly ScatterPoint[]; radius: (p: ScatterPoint) => number }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const area = usePlotArea();
  if (!xScale || !yScale || !area) return null;
  const pixel = new Map(points.map((p) => [p.href, { px: Number(xScale(p.x)), py: Number(yScale(p.y)), r: radius(p) + 1 }]));
  const order = labelPriority(points.map((p) => ({ id: p.href, name: p.name, x: p.x, y: p.y })));
  const placed = placeLabels(
    order.map((p) => {
      const at = pixel.get(p.id) ?? { px: 0, py: 0, r: 0 };
      return { id: p.id, px: at.px, py: at.py, r: at.r, width: textWidth(p.name, FONT), height: FONT + 2 };
    }),
    [...pixel.values()],
    { left: area.x, top: area.y, right: area.x + area.width, bottom: area.y + area.height },
  );
  const names = new Map(points.map((p) => [p.href, p.name]));
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.label}>
    <g className="point-labels" aria-hidden="true">
      {placed.map((label) => (
        <g key={label.id}>
          {/* A backing so that grid and interval lines do not run through the name. */}
          <rect x={label.box.left} y={label.box.top} width={label.box.right - label.box.left} height={label.box.bottom - label.box.top}
            fill="var(--bg)" fillOpacity={0.85} rx={2} />
          <text x={label.x} y={label.y} dy="0.32em" textAnchor={label.anchor} fontSize={FONT} fill="var(--fg)">
            {names.get(label.id)}
          </text>
        </g>
      ))}
    </g>
    </ZIndexLayer>
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
  const radius = (p: ScatterPoint) => {
    if (zs.length === 0 || p.z === null || p.z === undefined || zHigh <= zLow) return Math.sqrt(64 / Math.PI);
    const size = SIZE[0] + ((p.z - zLow) / (zHigh - zLow)) * (SIZE[1] - SIZE[0]);
    return Math.sqrt(size / Math.PI);
  };
  const withErrors = current.points.map((p) => ({
    ...p,
    xErr: p.xError ? [p.x - p.xError[0], p.xError[1] - p.x] : undefined,
    yErr: p.yError ? [p.y - p.yError[0], p.yError[1] - p.y] : undefined,
  }));
  const xAxis = niceAxis(current.points.flatMap((p) => [p.x, ...(p.xError ?? [])]), { bounds: scaleBounds(current.xScale), intervals: 4 });
  const yAxis = niceAxis(current.points.flatMap((p) => [p.y, ...(p.yError ?? [])]), { bounds: scaleBounds(current.yScale), intervals: 4 });
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
      <div role="img" aria-label={`${title}: ${current.xLabel} against ${current.yLabel} for ${current.points.length} entries`} style={{ width: "100%", height: 380 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 12, right: 16, bottom: 28, left: 8 }}>
            <CartesianGrid stroke="var(--chart-grid)" />
            <XAxis type="number" dataKey="x" name={current.xLabel} domain={[...xAxis.domain]} ticks={[...xAxis.ticks]} interval={0} allowDataOverflow
              stroke="var(--fg-muted)" tick={{ fontSize: 11, fill: "var(--fg-muted)" }} tickFormatter={(v: number) => chartNumber(v, xAxis.digits)}
              label={{ value: current.xLabel, position: "insideBottom", offset: -18, fill: "var(--fg-muted)", fontSize: 12 }} />
            <YAxis type="number" dataKey="y" name={current.yLabel} domain={[...yAxis.domain]} ticks={[...yAxis.ticks]} interval={0} allowDataOverflow width={52}
              stroke="var(--fg-muted)" tick={{ fontSize: 11, fill: "var(--fg-muted)" }} tickFormatter={(v: number) => chartNumber(v, yAxis.digits)}
              label={{ value: current.yLabel, angle: -90, position: "insideLeft", fill: "var(--fg-muted)", fontSize: 12, style: { textAnchor: "middle" } }} />
            {zs.length > 0 && <ZAxis type="number" dataKey="z" range={SIZE} name={current.zLabel} />}
            <Tooltip content={<TooltipBody series={current} digits={digits} />} cursor={{ strokeDasharray: "3 3" }} />
            <Scatter data={withErrors} isAnimationActive={false}
              onClick={(point: unknown) => {
                const target = (point as { payload?: ScatterPoint }).payload ?? (point as ScatterPoint);
                if (target?.href) window.location.assign(target.href);
              }}>
              {withErrors.map((p) => (
                <Cell key={p.href} fill={PALETTE[third(p.z, zLow, zHigh)] ?? "currentColor"} fillOpacity={0.85} cursor="pointer" />
              ))}
              {hasErrors && <ErrorBar isAnimationActive={false} dataKey="xErr" direction="x" stroke="var(--fg-muted)" strokeOpacity={0.7} width={3} />}
              {hasErrors && <ErrorBar isAnimationActive={false} dataKey="yErr" direction="y" stroke="var(--fg-muted)" strokeOpacity={0.7} width={3} />}
            </Scatter>
            <PointLabels points={current.points} radius={radius} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <p className="small muted">
        {zs.length > 0 && current.zLabel && (
          <>
            Marker size and colour: {current.zLabel} (<span style={{ color: PALETTE[0] }}>●</span> lowest third,{" "}
            <span style={{ color: PALETTE[1] }}>●</span> middle, <span style={{ color: PALETTE[2] }}>●</span> highest third of{" "}
            {zLow.toFixed(1)} to {zHigh.toFixed(1)}).{" "}
          </>
        )}
        {hasErrors && "Lines: 95% intervals [low, high]. "}
        {current.points.length > LABEL_ALL_UP_TO ? "The top entries on each axis are named where the name fits; " : "Every entry is named where its name fits; "}
        hover or tap a point for its figures, click it to open its page.
      </p>
    </div>
  );
}
