/**
 * The compare view (React island): up to four entries of one direction side by side, chosen in the page or
 * from the query string, which it keeps up to date so the view can be shared. It fetches the direction's index
 * (the entries to pick from) and then only the chosen entries' files (their places and stored resamples), and
 * computes each pair's verdicts from those with the engine (assemble.ts, verdicts.ts).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import type { CompareChoice, CompareIndex, Comparison } from "../../lib/shared/compare.ts";
import { MAX_COMPARED, parseCompareState, serializeCompareState, type CompareDirection, type CompareState, type ParsedCompareState } from "../../browser/compare-state.ts";
import BoardComparison from "./BoardComparison.tsx";
import ColumnsChart from "./ColumnsChart.tsx";
import { LETTERS } from "./compare-format.ts";
import { assembleComparison, fetchEntryFile, fetchResamples, withResamples } from "./assemble.ts";
import { LISTED_CHOICES, listChoices } from "./choices.ts";
import { comparedEntries } from "./compared.ts";
import DimensionComparison, { figureOptions } from "./DimensionComparison.tsx";
import { type DotSeries } from "./DotPlot.tsx";
import EntrySlot from "./EntrySlot.tsx";

/** A direction that has entries on the benchmark. */
export interface DirectionChoice {
  readonly id: CompareDirection;
  readonly label: string;
  /** Its index: boards, columns, scopes and the entries to pick from (fetched, so no page lists every entry). */
  readonly indexUrl: string;
  readonly boardUrl: string;
}

interface Props {
  readonly benchmarkTitle: string;
  readonly directions: readonly DirectionChoice[];
}

const SHAPES: DotSeries["shape"][] = ["circle", "square", "triangle", "diamond"];
const NO_ENTRIES: readonly CompareChoice[] = [];

/** Each slot's marker, made once so that the slots' props stay the same between renders. */
const SLOT_SERIES: readonly DotSeries[] = LETTERS.map((letter, k) => ({ letter, name: "", colour: `var(--compare-${k + 1})`, shape: SHAPES[k] as DotSeries["shape"] }));

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
  // Until the indexes and the query string are read (after hydration), the view shows the empty choice the server rendered.
  const [indexes, setIndexes] = useState<Partial<Record<CompareDirection, CompareIndex>> | null>(null);
  const [state, setState] = useState<CompareState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [data, setData] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The find box's text: which entries the pickers list on a board too long to list whole.
  const [find, setFind] = useState("");
  // The files fetched (or being fetched) by URL, and the resamples received.
  const requests = useRef(new Map<string, Promise<unknown>>());
  const resamples = useRef(new Map<string, Float32Array>());
  const current: CompareState = state ?? { direction: first?.id ?? "t2v", entries: [], scope: null, figure: null };
  const direction = directions.find((d) => d.id === current.direction) ?? first;
  const index = direction ? indexes?.[direction.id] : undefined;

  useEffect(() => {
    let cancelled = false;
    Promise.all(
      directions.map((d) =>
        fetch(d.indexUrl)
          .then((response) => (response.ok ? (response.json() as Promise<CompareIndex>) : Promise.reject(new Error(`${d.indexUrl} answered ${response.status}`))))
          .then((json) => [d.id, json] as const),
      ),
    )
      .then((all) => {
        if (!cancelled) setIndexes(Object.fromEntries(all));
      })
      .catch((reason: unknown) => {
        if (!cancelled) setError(`The entries could not be loaded (${String(reason)}).`);
      });
    return () => {
      cancelled = true;
    };
    // The directions are fixed for the page's lifetime.
  }, []);

  useEffect(() => {
    if (indexes === null) return;
    const choices = { t2v: [] as string[], v2t: [] as string[] };
    for (const d of directions) choices[d.id] = indexes[d.id]?.entries.map((e) => e.id) ?? [];
    const read = () => {
      const parsed = parseCompareState(window.location.search, choices);
      setState(parsed.state);
      setNotice(describeLeftOut(parsed, directions.find((d) => d.id === parsed.state.direction)?.label ?? "entries"));
    };
    read();
    window.addEventListener("popstate", read);
    return () => window.removeEventListener("popstate", read);
  }, [indexes]);

  useEffect(() => {
    if (state === null) return;
    const query = serializeCompareState(state);
    if (query !== window.location.search) window.history.replaceState(null, "", `${window.location.pathname}${query}${window.location.hash}`);
  }, [state]);

  const chosen = current.entries.join(",");
  const all = index?.entries ?? NO_ENTRIES;
  const byId = useMemo(() => new Map(all.map((e) => [e.id, e])), [all]);
  const { listed, unlisted } = useMemo(() => listChoices(all, find), [all, find]);
  // One function for the page's lifetime, so that a slot whose choice is unchanged is not rendered again.
  const choose = useCallback((slot: number, id: string) => {
    setState((before) => {
      if (before === null) return before;
      const entries = [...before.entries];
      if (id === "") entries.splice(slot, 1);
      else if (slot < entries.length) entries[slot] = id;
      else entries.push(id);
      return { ...before, entries };
    });
  }, []);
  useEffect(() => {
    if (state === null || !index) return;
    let cancelled = false;
    // Each file is fetched once per page, however often its entry is chosen again; a failed fetch is tried again.
    const once = <T,>(url: string, load: () => Promise<T>): Promise<T> => {
      let found = requests.current.get(url) as Promise<T> | undefined;
      if (!found) {
        found = load();
        requests.current.set(url, found);
        found.catch(() => requests.current.delete(url));
      }
      return found;
    };
    const run = async () => {
      const files = await Promise.all(current.entries.map((id) => once(`${index.entryFolder}${id}.json`, () => fetchEntryFile(index, id))));
      const urls = (part: string) => files.flatMap((file) => Object.values(file.boards).flatMap((board) => board?.resamples?.parts.filter((p) => p.part === part).map((p) => p.url) ?? []));
      const fetchAll = (part: string) => Promise.all(urls(part).map((url) => once(url, () => fetchResamples(url)).then((values) => resamples.current.set(url, values))));
      const show = () => {
        if (!cancelled) setData(assembleComparison(index, files.map((file) => withResamples(file, (url) => resamples.current.get(url) ?? null))));
      };
      // The overall scope first (the tables the view opens on), then the task dimensions' verdicts.
      await fetchAll("overall");
      show();
      await fetchAll("dimensions");
      show();
    };
    run().catch((reason: unknown) => {
      if (!cancelled) setError(`The figures could not be loaded (${String(reason)}).`);
    });
    return () => {
      cancelled = true;
    };
  }, [state === null, index, chosen]);

  if (!direction) return <p className="note">This benchmark has no entries to compare yet.</p>;
  const update = (next: Partial<CompareState>) => setState({ ...current, ...next });
  // The data drawn is that of the entries now chosen, in their order (until their files arrive, nothing is drawn).
  const ready = data !== null && data.direction === current.direction && data.entries.map((e) => e.id).join(",") === chosen ? data : null;
  const compared = ready ? comparedEntries(ready.entries, current.entries) : [];
  const scopeId = ready?.scopes.some((s) => s.id === current.scope) ? (current.scope as string) : "overall";
  const scopeLabel = ready?.scopes.find((s) => s.id === scopeId)?.label ?? "Overall";
  const figures = ready ? figureOptions(ready) : [];
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
          {all.length > LISTED_CHOICES && (
            <p className="compare-find">
              <label htmlFor={`${idBase}-find`}>Find entries by name</label>
              <input id={`${idBase}-find`} type="search" value={find} autoComplete="off" onChange={(event) => setFind(event.target.value)} />
              <span className="small muted" role="status">
                {unlisted > 0
                  ? `The lists show ${listed.length} of ${(listed.length + unlisted).toLocaleString("en")} ${find.trim() === "" ? "entries, in board order" : "matching entries"}; type more of a name to find the rest.`
                  : find.trim() === ""
                    ? ""
                    : `${listed.length} matching ${listed.length === 1 ? "entry" : "entries"} listed.`}
              </span>
            </p>
          )}
          <div className="compare-slots">
            {LETTERS.map((letter, k) => (
              <EntrySlot key={letter} id={`${idBase}-slot-${k}`} slot={k} series={SLOT_SERIES[k] as DotSeries} entries={listed} chosenEntry={byId.get(current.entries[k] ?? "")} taken={chosen} onChoose={choose} />
            ))}
          </div>
        </fieldset>
        {ready && ready.scopes.length > 1 && current.entries.length > 0 && (
          <label htmlFor={`${idBase}-scope`} className="compare-scope">
            Tables show
            <select id={`${idBase}-scope`} value={scopeId} onChange={(event) => update({ scope: event.target.value })}>
              {ready.scopes.map((s) => <option key={s.id} value={s.id}>{s.group ? `${s.group}: ${s.label}` : s.label}</option>)}
            </select>
          </label>
        )}
      </form>

      {notice && <p className="note small" role="status">{notice}</p>}
      {error && <p className="note" role="alert">{error}</p>}
      {!error && (state === null ? <p className="muted" role="status">Loading the entries…</p> : !ready && <p className="muted" role="status">Loading the figures…</p>)}

      {ready && compared.length === 0 && (
        <p className="note">
          Choose up to {MAX_COMPARED} {direction.label.toLowerCase()} of {benchmarkTitle} above, or tick rows on the <a href={direction.boardUrl}>board</a> and follow
          "Compare selected". The address of this page then names them, so the comparison can be shared.
        </p>
      )}
      {ready && compared.length === 1 && <p className="note small">Add another entry to see, pair by pair, whether their differences are separable.</p>}
      {ready && compared.length > 0 && (
        <>
          {ready.boards.map((board) => (
            <BoardComparison key={board.board} board={board} pending={ready.pending} scopeId={scopeId} scopeLabel={scopeLabel} compared={compared} confidence={ready.confidence} />
          ))}
          {ready.scopes.length > 1 ? (
            <DimensionComparison data={ready} compared={compared} figure={figure} onFigure={(f) => update({ figure: f })} />
          ) : (
            <ColumnsChart data={ready} compared={compared} />
          )}
          <p className="small">
            Each entry's figures as JSON:{" "}
            {compared.map((item, k) => <span key={item.entry.id}>{k > 0 && " · "}<a href={`${index?.entryFolder ?? ""}${item.entry.id}.json`}>{item.series.letter}</a></span>)}
            ; the verdicts are computed in this page from the resamples stored beside them (the stored single-precision values, one file per board and part).
          </p>
        </>
      )}
    </div>
  );
}
