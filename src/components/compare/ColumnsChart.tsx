/**
 * Small multiples of the overall figures, for benchmarks without task dimensions: one dot plot per column of each
 * board, a row per compared entry with its 95% interval. The tables above hold the same figures.
 */
import type { Comparison } from "../../lib/shared/compare.ts";
import type { Compared } from "./compared.ts";
import DotPlot, { Legend } from "./DotPlot.tsx";

interface Props {
  readonly data: Comparison;
  readonly compared: readonly Compared[];
}

/** The component. */
export default function ColumnsChart({ data, compared }: Props) {
  const panels = data.boards.flatMap((board) =>
    board.columns.flatMap((column, c) => {
      const rows = compared.map((item) => {
        const cell = board.scopes.overall?.places[item.index]?.cells[c];
        return { label: `${item.series.letter} ${item.entry.name}`, points: compared.map((other) => (other === item && cell ? { value: cell[0], low: cell[1], high: cell[2] } : null)) };
      });
      if (rows.every((row) => row.points.every((p) => p === null))) return [];
      const label = data.boards.length > 1 ? `${board.label.replace(/^Video-to-text methods, /, "")}: ${column.label}` : column.label;
      return [{ key: `${board.board}.${column.key}`, label, rows, digits: column.digits, includeZero: column.metric !== "mos" }];
    }),
  );
  if (panels.length === 0) return null;
  return (
    <section aria-labelledby="compare-columns">
      <h2 id="compare-columns">Each figure at a glance</h2>
      <Legend series={compared.map((c) => c.series)} />
      <div className="cards">
        {panels.map((panel) => (
          <figure key={panel.key} className="card compare-panel">
            <figcaption><strong>{panel.label}</strong></figcaption>
            <DotPlot title={panel.label} axisLabel={panel.label} rows={panel.rows} series={compared.map((c) => c.series)} digits={panel.digits} includeZero={panel.includeZero} legend={false} />
          </figure>
        ))}
      </div>
      <p className="small muted">Overall figures, one panel per column, each entry with its 95% interval; the same figures are in the tables above.</p>
    </section>
  );
}
