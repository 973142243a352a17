/**
 * One board column as a bar chart of every ranked entry, best first, with the page's entry
 * highlighted (recharts), hydrated when visible. Error bars show 95% intervals where they exist.
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

/** The island. */
export default function ColumnBarsIsland({ label, bars, digits }: Props) {
  const data = bars.map((bar) => ({
    ...bar,
    err: bar.ciLow != null && bar.ciHigh != null ? [bar.value - bar.ciLow, bar.ciHigh - bar.value] : undefined,
  }));
  const highlighted = bars.find((bar) => bar.highlight);
  const hasErrors = data.some((bar) => bar.err);
  return (
    <div role="img" aria-label={`${label} of all ${bars.length} entries${highlighted ? `; ${highlighted.name} highlighted at ${highlighted.value.toFixed(digits)}` : ""}`} style={{ width: "100%", height: 200 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
          <XAxis dataKey="name" tick={false} stroke="var(--fg-muted)" />
          <YAxis stroke="var(--fg-muted)" width={48} domain={["auto", "auto"]} />
          <Tooltip
            formatter={(value) => (typeof value === "number" ? value.toFixed(digits) : String(value))}
            contentStyle={{ background: "var(--bg)", border: "1px solid var(--border)", color: "var(--fg)" }}
          />
          <Bar dataKey="value" name={label} isAnimationActive={false}>
            {data.map((bar) => (
              <Cell key={bar.name} fill={bar.highlight ? "var(--chart-2)" : "var(--chart-1)"} fillOpacity={bar.highlight ? 1 : 0.45} />
            ))}
            {hasErrors && <ErrorBar dataKey="err" stroke="var(--fg-muted)" width={2} />}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
