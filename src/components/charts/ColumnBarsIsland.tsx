/**
 * One board column as a horizontal bar chart of every ranked entry, best first, each bar named on its axis
 * and the page's entry highlighted (recharts), hydrated when visible. Error bars show the 95% intervals,
 * asymmetric where the intervals are; the tooltip repeats the value and its interval as [low, high].
 */
import { Bar, BarChart, CartesianGrid, Cell, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** One bar. */
export interface ColumnBar {
  name: string;
  value: number;
  highlight: boolean;
  ciLow?: number | null;
  ciHigh?: number | null;
}

interface Props {
  label: string;
  bars: ColumnBar[];
  digits: number;
}

const ROW = 18;
const shorten = (name: string) => (name.length > 18 ? `${name.slice(0, 17)}…` : name);

function TooltipBody(props: { active?: boolean; payload?: { payload: ColumnBar }[]; digits: number; label: string }) {
  const bar = props.payload?.[0]?.payload;
  if (!props.active || !bar) return null;
  return (
    <div className="chart-tooltip">
      <strong>{bar.name}</strong>
      <div>
        {props.label}: {bar.value.toFixed(props.digits)}
        {bar.ciLow != null && bar.ciHigh != null && ` [${bar.ciLow.toFixed(props.digits)}, ${bar.ciHigh.toFixed(props.digits)}]`}
      </div>
    </div>
  );
}

/** The island. */
export default function ColumnBarsIsland({ label, bars, digits }: Props) {
  const data = bars.map((bar) => ({
    ...bar,
    short: shorten(bar.name),
    err: bar.ciLow != null && bar.ciHigh != null ? [bar.value - bar.ciLow, bar.ciHigh - bar.value] : undefined,
  }));
  const highlighted = bars.find((bar) => bar.highlight);
  const hasErrors = data.some((bar) => bar.err);
  return (
    <div role="img" aria-label={`${label} of all ${bars.length} ranked entries, best first${highlighted ? `; ${highlighted.name} highlighted at ${highlighted.value.toFixed(digits)}` : ""}`} style={{ width: "100%", height: 40 + ROW * bars.length }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} barCategoryGap={3}>
          <CartesianGrid stroke="var(--chart-grid)" horizontal={false} />
          <XAxis type="number" stroke="var(--fg-muted)" domain={["auto", "auto"]} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="short" width={118} interval={0} stroke="var(--fg-muted)" tick={{ fontSize: 11, fill: "var(--fg)" }} />
          <Tooltip content={<TooltipBody digits={digits} label={label} />} cursor={{ fill: "var(--accent-soft)" }} />
          <Bar dataKey="value" name={label} isAnimationActive={false}>
            {data.map((bar) => (
              <Cell key={bar.name} fill={bar.highlight ? "var(--chart-2)" : "var(--chart-1)"} fillOpacity={bar.highlight ? 1 : 0.45} />
            ))}
            {hasErrors && <ErrorBar dataKey="err" direction="x" stroke="var(--fg-muted)" width={3} />}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
