/**
 * The compare view (React island): up to four entries of one direction side by side, chosen in the page or
 * from the query string, which it keeps up to date so the view can be shared. It reads the direction's
 * figures and pairwise verdicts from the static JSON the build wrote; it computes nothing itself.
 */
import { useEffect, useId, useState } from "react";
import type { Comparison } from "../../lib/shared/compare.ts";
import { MAX_COMPARED, parseCompareState, serializeCompareState, type CompareDirection, type CompareState, type ParsedCompareState } from "../../scripts/compare-state.ts";
import BoardComparison from "./BoardComparison.tsx";
import ColumnsChart from "./ColumnsChart.tsx";
import { LETTERS } from "./compare-format.ts";
import { comparedEntries } from "./compared.ts";
import DimensionComparison, { figureOptions } from "./DimensionComparison.tsx";
import { Marker, type DotSeries } from "./DotPlot.tsx";

/** A direction that has entries on the benchmark. */
export interface DirectionChoice {
  readonly id: CompareDirection;
  readonly label: string;
  readonly dataUrl: string;
  readonly boardUrl: string;
  /** Its entries in board order. */
  readonly entries: readonly { readonly id: string; readonly name: string }[];
}

interface Props {
  readonly benchmarkTitle: string;
  readonly directions: readonly DirectionChoice[];
}

const SHAPES: DotSeries["shape"][] = ["circle", "square", "triangle", "diamond"];

function slotSeries(k: number): DotSeries {
  return { letter: LETTERS[k] as string, name: "", colour: `var(--compare-${k + 1})`, shape: SHAPES[k] as DotSeries["shape"] };
}

function describeLeftOut(parsed: ParsedCompareState, label: string): string | null {
  const parts: string[] = [];
  if (parsed.unknown.length > 0) parts.push(`Not among the ${label.toLowerCase()} of this benchmark, so left out: ${parsed.unknown.join(", ")}.`);
  if (parsed.dropped.length > 0) parts.push(`At most ${MAX_COMPARED} entries are compared at once; left out: ${parsed.dropped.join(", ")}.`);
  return parts.length > 0 ? parts.join(" ") : null;
}

/** The island. */
export default function CompareIsland({ benchmarkTitle, directions }: Props) {
  const idBase = useId();
  const first = directions[0];
  const choices = { t2v: [] as string[], v2t: [] as string[] };
  for (const d of directions) choices[d.id] = d.entries.map((e) => e.id);
  // Until the query string is read (after hydration), the view shows the empty choice the server rendered.
  const [state, setState] = useState<CompareState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Partial<Record<CompareDirection, Comparison>>>({});
  const [error, setError] = useState<string | null>(null);
  const current: CompareState = state ?? { direction: first?.id ?? "t2v", entries: [], scope: null, figure: null };
  const direction = directions.find((d) => d.id === current.direction) ?? first;

  useEffect(() => {
    const read = () => {
      const parsed = parseCompareState(window.location.search, choices);
      setState(parsed.state);
      setNotice(describeLeftOut(parsed, directions.find((d) => d.id === parsed.state.direction)?.label ?? "entries"));
    };
    read();
    window.addEventListener("popstate", read);
    return () => window.removeEventListener("popstate", read);
    // The choices are fixed for the page's lifetime.
  }, []);

  useEffect(() => {
    if (state === null) return;
    const query = serializeCompareState(state);
    if (query !== window.location.search) window.history.replaceState(null, "", `${window.location.pathname}${query}${window.location.hash}`);
  }, [state]);

  useEffect(() => {
    if (state === null || !direction || loaded[direction.id]) return;
    let cancelled = false;
    fetch(direction.dataUrl)
      .then((response) => (response.ok ? (response.json() as Promise<Comparison>) : Promise.reject(new Error(`${direction.dataUrl} answered ${response.status}`))))
      .then((json) => {
        if (!cancelled) setLoaded((all) => ({ ...all, [direction.id]: json }));
      })
      .catch((reason: unknown) => {
        if (!cancelled) setError(`The figures could not be loaded (${String(reason)}).`);
      });
    return () => {
      cancelled = true;
    };
  }, [state, direction, loaded]);

  if (!direction) return <p className="note">This benchmark has no entries to compare yet.</p>;
  const update = (next: Partial<CompareState>) => setState({ ...current, ...next });
  const choose = (slot: number, id: string) => {
    const entries = [...current.entries];
    if (id === "") entries.splice(slot, 1);
    else if (slot < entries.length) entries[slot] = id;
    else entries.push(id);
    update({ entries });
  };
  const data = loaded[direction.id];
  const compared = data ? comparedEntries(data.entries, current.entries) : [];
  const scopeId = data?.scopes.some((s) => s.id === current.scope) ? (current.scope as string) : "overall";
  const scopeLabel = data?.scopes.find((s) => s.id === scopeId)?.label ?? "Overall";
  const figures = data ? figureOptions(data) : [];
  const defaultFigure = figures.find((f) => f.column.ranked)?.id ?? figures[0]?.id ?? "";
  const figure = figures.some((f) => f.id === current.figure) ? (current.figure as string) : defaultFigure;

  return (
    <div className="compare-view">
      <form className="compare-picker" aria-label="What to compare" onSubmit={(event) => event.preventDefault()}>
        {directions.length > 1 && (
          <fieldset>
            <legend>Direction</legend>
            {directions.map((d) => (
              <label key={d.id} className="compare-radio">
                <input type="radio" name={`${idBase}-direction`} value={d.id} checked={current.direction === d.id}
                  onChange={() => update({ direction: d.id, entries: [], scope: null, figure: null })} /> {d.label}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset>
          <legend>{direction.label} to compare (up to {MAX_COMPARED})</legend>
          <div className="compare-slots">
            {LETTERS.map((letter, k) => {
              const chosen = current.entries[k] ?? "";
              const options = direction.entries.filter((e) => e.id === chosen || !current.entries.includes(e.id));
              return (
                <label key={letter} htmlFor={`${idBase}-slot-${k}`}>
                  <span className="compare-key"><Marker series={slotSeries(k)} /> Entry {letter}</span>
                  <select id={`${idBase}-slot-${k}`} value={chosen} disabled={k > current.entries.length} onChange={(event) => choose(k, event.target.value)}>
                    <option value="">{k > current.entries.length ? `— choose entry ${LETTERS[current.entries.length]} first —` : "— none —"}</option>
                    {options.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
                  </select>
                </label>
              );
            })}
          </div>
        </fieldset>
        {data && data.scopes.length > 1 && current.entries.length > 0 && (
          <label htmlFor={`${idBase}-scope`} className="compare-scope">
            Tables show
            <select id={`${idBase}-scope`} value={scopeId} onChange={(event) => update({ scope: event.target.value })}>
              {data.scopes.map((s) => <option key={s.id} value={s.id}>{s.group ? `${s.group}: ${s.label}` : s.label}</option>)}
            </select>
          </label>
        )}
      </form>

      {notice && <p className="note small" role="status">{notice}</p>}
      {error && <p className="note" role="alert">{error}</p>}
      {state !== null && !data && !error && <p className="muted" role="status">Loading the figures…</p>}

      {data && compared.length === 0 && (
        <p className="note">
          Choose up to {MAX_COMPARED} {direction.label.toLowerCase()} of {benchmarkTitle} above, or tick rows on the <a href={direction.boardUrl}>board</a> and follow
          "Compare selected". The address of this page then names them, so the comparison can be shared.
        </p>
      )}
      {data && compared.length === 1 && <p className="note small">Add another entry to see, pair by pair, whether their differences are separable.</p>}
      {data && compared.length > 0 && (
        <>
          {data.boards.map((board) => (
            <BoardComparison key={board.board} board={board} scopeId={scopeId} scopeLabel={scopeLabel} compared={compared} confidence={data.confidence} />
          ))}
          {data.scopes.length > 1 ? (
            <DimensionComparison data={data} compared={compared} figure={figure} onFigure={(f) => update({ figure: f })} />
          ) : (
            <ColumnsChart data={data} compared={compared} />
          )}
          <p className="small">These figures and every pair's verdicts as JSON: <a href={direction.dataUrl}>{direction.dataUrl}</a>.</p>
        </>
      )}
    </div>
  );
}
