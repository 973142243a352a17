/**
 * One figure across every task dimension for the compared entries: a dot plot with intervals, and the same
 * figures in a table with the rank in each dimension and, per pair, which entry the paired bootstrap puts ahead.
 */
import { useId } from "react";
import type { CompareBoard, CompareColumn, Comparison } from "../../lib/shared/compare.ts";
import { formatRankInterval, intervalText } from "../../lib/shared/intervals.ts";
import { formatNumber } from "./compare-format.ts";
import { comparedPairs, type Compared } from "./compared.ts";
import { EntryHeader } from "./BoardComparison.tsx";
import DotPlot from "./DotPlot.tsx";

interface Props {
  readonly data: Comparison;
  readonly compared: readonly Compared[];
  /** `<board>.<column key>` */
  readonly figure: string;
  readonly onFigure: (figure: string) => void;
}

const SHORT_BOARD: Record<string, string> = { t2v: "", "v2t-instance": "Instance level: ", "v2t-model": "Model level: " };

/** Every figure the view can show per dimension, as `<board>.<column key>` with its label. */
export function figureOptions(data: Comparison): { id: string; label: string; board: CompareBoard; column: CompareColumn; index: number }[] {
  return data.boards.flatMap((board) =>
    board.columns.map((column, index) => ({ id: `${board.board}.${column.key}`, label: `${SHORT_BOARD[board.board] ?? ""}${column.label}`, board, column, index })),
  );
}

/** The component. */
export default function DimensionComparison({ data, compared, figure, onFigure }: Props) {
  const selectId = useId();
  const options = figureOptions(data);
  const chosen = options.find((o) => o.id === figure) ?? options[0];
  if (!chosen) return null;
  const { board, column, index } = chosen;
  const scopes = data.scopes;
  const rows = scopes.map((scope) => ({
    label: scope.label,
    points: compared.map((item) => {
      const cell = board.scopes[scope.id]?.places[item.index]?.cells[index];
      return cell ? { value: cell[0], low: cell[1], high: cell[2] } : null;
    }),
  }));
  // The task dimensions' resamples arrive after the overall scope's: their pair columns show once they are in.
  const showPairs = compared.length >= 2 && column.ranked && board.pairsNote === null && !data.pending;
  const pairColumns = showPairs ? compared.flatMap((first, i) => compared.slice(i + 1).map((second) => ({ first, second }))) : [];
  const title = `${chosen.label} by task dimension`;
  return (
    <section aria-labelledby="compare-dimensions">
      <h2 id="compare-dimensions">By task dimension</h2>
      <p className="compare-figure">
        <label htmlFor={selectId}>Figure </label>
        <select id={selectId} value={chosen.id} onChange={(event) => onFigure(event.target.value)}>
          {options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
        </select>
      </p>
      {compared.length > 0 && (
        <figure className="chart compare-chart">
          <DotPlot title={title} axisLabel={chosen.label} rows={rows} series={compared.map((c) => c.series)} digits={column.digits} includeZero={column.metric !== "mos"} />
          <figcaption>
            {title}: each marker is an entry's figure in one dimension, its bar the 95% interval. Where bars overlap, read the pair columns of
            the table below: they come from a paired bootstrap, which can separate entries whose intervals overlap.
          </figcaption>
        </figure>
      )}
      <p className="small muted">
        Each figure with its 95% interval [low, high]; under it, the rank in the dimension with its interval [best, worst].
        {pairColumns.length > 0 && " Pair columns: the letter of the entry the paired bootstrap puts ahead, ≈ where it cannot tell them apart."}
        {data.pending && compared.length >= 2 && " The pairs' verdicts by dimension follow once their resamples are fetched."}
      </p>
      <div className="table-wrap" role="region" aria-label={`${title}: table`} tabIndex={0}>
        <table className="compare-table">
          <caption>{chosen.label}</caption>
          <thead>
            <tr>
              <th scope="col">Dimension</th>
              {compared.map((item) => <EntryHeader key={item.entry.id} item={item} />)}
              {pairColumns.map((p) => <th key={`${p.first.entry.id}-${p.second.entry.id}`} scope="col" className="num">{p.first.series.letter} vs {p.second.series.letter}</th>)}
            </tr>
          </thead>
          <tbody>
            {scopes.map((scope) => {
              const scoped = board.scopes[scope.id];
              const pairs = comparedPairs(compared, scoped?.pairs ?? []);
              return (
                <tr key={scope.id}>
                  <th scope="row">{scope.group ? <span className="ci">{scope.group}</span> : null}{scope.label}</th>
                  {compared.map((item) => {
                    const cell = scoped?.places[item.index]?.cells[index];
                    if (!cell) return <td key={item.entry.id} className="num">—</td>;
                    const [value, low, high, rank, best, worst] = cell;
                    return (
                      <td key={item.entry.id} className="num">
                        {formatNumber(value, column.digits)}
                        {(low !== null || board.resampled) && <span className="ci">{intervalText(low, high, column.digits) || "no interval"}</span>}
                        {column.ranked && rank !== null && <span className="ci">#{rank} {formatRankInterval(best, worst)}</span>}
                      </td>
                    );
                  })}
                  {pairColumns.map((wanted) => {
                    const found = pairs.find((p) => p.first === wanted.first && p.second === wanted.second);
                    const oriented = found?.orient(found.pair.columns[index]) ?? null;
                    const key = `${wanted.first.entry.id}-${wanted.second.entry.id}`;
                    if (!oriented) return <td key={key} className="num">—</td>;
                    return <td key={key} className={`num ${oriented.ahead ? "separable" : "not-separable"}`}>{oriented.ahead ? <strong>{oriented.ahead}</strong> : "≈"}</td>;
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
