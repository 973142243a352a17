/**
 * One board of the compare view in one scope: every column for the compared entries side by side (value,
 * [low, high], rank [best, worst]), then, pair by pair, whether the paired bootstrap tells them apart.
 */
import type { CompareBoard } from "../../lib/shared/compare.ts";
import { formatRankInterval, intervalText } from "../../lib/shared/intervals.ts";
import { formatNumber, formatSigned, formatSignedRange } from "./compare-format.ts";
import { comparedPairs, type Compared } from "./compared.ts";
import { Marker } from "./DotPlot.tsx";

interface Props {
  readonly board: CompareBoard;
  /** Whether the task dimensions' resamples are still being fetched. */
  readonly pending: boolean;
  readonly scopeId: string;
  readonly scopeLabel: string;
  readonly compared: readonly Compared[];
  /** e.g. 0.95 */
  readonly confidence: number | null;
}

/** A compared entry as a column header: marker, letter, name (linked), group. */
export function EntryHeader({ item }: { item: Compared }) {
  return (
    <th scope="col" className="compare-entry">
      <span className="compare-key"><Marker series={item.series} /> {item.series.letter}</span>{" "}
      <a href={item.entry.href}>{item.entry.name}</a>
      <span className="ci">{item.entry.isReference ? "real videos, not ranked" : item.entry.group}</span>
      {item.entry.provenance !== null && <span className="ci">{item.entry.provenance}{item.entry.trainedOnBenchmark ? " · trained on this benchmark" : ""}</span>}
    </th>
  );
}

/** The component. */
export default function BoardComparison({ board, pending, scopeId, scopeLabel, compared, confidence }: Props) {
  const scope = board.scopes[scopeId];
  if (!scope) return <p className="muted">No figures on this board for {scopeLabel}.</p>;
  const rankedCount = board.rankedCount[scopeId] ?? 0;
  // Rank sums on every resample are kept for the overall ranking only (see the methodology's compare paragraph).
  const overall = scopeId === "overall";
  const ranked = board.columns.flatMap((column, c) => (column.ranked ? [{ column, c }] : []));
  const pairs = comparedPairs(compared, scope.pairs);
  const percent = confidence === null ? "95%" : `${Math.round(confidence * 100)}%`;
  const headingId = `compare-${board.board}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{board.label}</h2>
      {board.unrankedReason !== null && <p className="note small">Not ranked: {board.unrankedReason}</p>}
      <p className="small muted">
        Each figure with its {percent} interval [low, high]
        {rankedCount > 0 ? `; under it, its rank among the ${rankedCount} ranked entries with the rank interval [best, worst].` : "."}
      </p>
      <div className="table-wrap" role="region" aria-label={`${board.label}: figures side by side`} tabIndex={0}>
        <table className="compare-table">
          <caption>{scopeLabel}, side by side</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              {compared.map((item) => <EntryHeader key={item.entry.id} item={item} />)}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Overall rank</th>
              {compared.map((item) => {
                const place = scope.places[item.index];
                return (
                  <td key={item.entry.id} className="num">
                    {place?.rank != null ? <strong>{place.rank} of {rankedCount}</strong> : "—"}
                    {place?.rank != null && (
                      <span className="ci">{[formatRankInterval(place.rankBest, place.rankWorst), place.rankSum === null ? "" : `rank sum ${place.rankSum}`].filter(Boolean).join(" · ")}</span>
                    )}
                  </td>
                );
              })}
            </tr>
            {board.columns.map((column, c) => (
              <tr key={column.key}>
                <th scope="row">{column.label}{!column.ranked && <span className="badge">not ranked</span>}</th>
                {compared.map((item) => {
                  const cell = scope.places[item.index]?.cells[c];
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {compared.length >= 2 && (
        <>
          <h3>Pair by pair: can the bootstrap tell them apart?</h3>
          {board.pairsNote !== null ? (
            <p className="note small">{board.pairsNote}</p>
          ) : !overall && pending ? (
            <p className="muted small" role="status">Fetching the resamples of the task dimensions…</p>
          ) : pairs.length === 0 ? (
            <p className="note small">These entries have no figures on shared resamples here, so no pair can be tested.</p>
          ) : (
            <>
            {!overall && <p className="small">In a task dimension, pairs are compared column by column only: the rank sum's verdict is given overall.</p>}
            <p className="small muted">
              For each pair, the first entry's figure minus the second's, with its {percent} paired-bootstrap interval (both figures on the same
              resamples). Where the interval excludes 0 the entry ahead is named; "≈ not separable" where it does not. Each verdict is a
              separate test of that one pair, not corrected for the other pairs and columns shown (the board's ≈ marks are corrected
              over the board's neighbours), so among many verdicts an occasional "ahead" can be chance.
            </p>
            <div className="table-wrap" role="region" aria-label={`${board.label}: pairwise differences`} tabIndex={0}>
              <table className="compare-table">
                <caption>{scopeLabel}, pair by pair</caption>
                <thead>
                  <tr>
                    <th scope="col">Pair</th>
                    {overall && <th scope="col" className="num">Rank sum <span className="ci">lower is better</span></th>}
                    {ranked.map(({ column }) => <th key={column.key} scope="col" className="num">{column.label}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {pairs.map((p) => (
                    <tr key={`${p.first.entry.id}-${p.second.entry.id}`}>
                      <th scope="row">{p.first.series.letter} vs {p.second.series.letter}<span className="ci">{p.first.entry.name} vs {p.second.entry.name}</span></th>
                      {[...(overall ? [{ key: "rank_sum", digits: 0, verdict: p.pair.rankSum }] : []), ...ranked.map(({ column, c }) => ({ key: column.key, digits: column.digits, verdict: p.pair.columns[c] }))].map(({ key, digits, verdict }) => {
                        const oriented = p.orient(verdict);
                        if (!oriented) return <td key={key} className="num">—</td>;
                        return (
                          <td key={key} className={`num ${oriented.ahead ? "separable" : "not-separable"}`}>
                            {oriented.ahead ? <strong>{oriented.ahead} ahead</strong> : <span>≈ not separable</span>}
                            <span className="ci">
                              {p.first.series.letter} − {p.second.series.letter}: {formatSigned(oriented.difference, digits)} {formatSignedRange(oriented.low, oriented.high, digits)}
                            </span>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
