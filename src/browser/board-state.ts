/**
 * The shareable state of a board view (sort, direction, filter, search, view, metric family, provenance kinds,
 * hiding methods trained on the benchmark, showing every row) and its URL form.
 */

/** Sort direction. */
export type SortDirection = "asc" | "desc";

/** What a board view shows; `null` means the default. */
export interface BoardState {
  readonly sort: string | null;
  readonly dir: SortDirection | null;
  readonly q: string;
  readonly filter: string;
  readonly view: string | null;
  /** The correlation family a V2T board shows (srcc, plcc, krcc); `null` is the board's first (SRCC). */
  readonly metric: string | null;
  /** The provenance kinds shown (`?provenance=verified,published`); empty shows every kind. */
  readonly provenance: readonly string[];
  /** Whether V2T methods trained on this benchmark are hidden (`?trained=hide`). */
  readonly hideTrained: boolean;
  /** Whether every matching row is listed, not only the page's first rows (`?show=all`). */
  readonly all: boolean;
}

/** The default view: the board's own order, nothing filtered, the first rows listed. */
export const DEFAULT_STATE: BoardState = { sort: null, dir: null, q: "", filter: "", view: null, metric: null, provenance: [], hideTrained: false, all: false };

/** Keys whose natural order is ascending: ranks and names. Value columns start best-first. */
const ASCENDING_KEYS = new Set(["rank", "rank_sum", "name", "group"]);

/** The direction a column sorts in on its first click. */
export function defaultDirection(key: string): SortDirection {
  return ASCENDING_KEYS.has(key) ? "asc" : "desc";
}

/** Reads the state from a query string; `filterName` is `access` (T2V) or `kind` (V2T). */
export function parseState(search: string, filterName: string): BoardState {
  const params = new URLSearchParams(search);
  const dir = params.get("dir");
  return {
    sort: params.get("sort") || null,
    dir: dir === "asc" || dir === "desc" ? dir : null,
    q: params.get("q") ?? "",
    filter: params.get(filterName) ?? "",
    view: params.get("view") || null,
    metric: params.get("metric") || null,
    provenance: [...new Set((params.get("provenance") ?? "").split(",").map((kind) => kind.trim()).filter((kind) => kind !== ""))],
    hideTrained: params.get("trained") === "hide",
    all: params.get("show") === "all",
  };
}

/** Writes the state into a query string, leaving out defaults so the plain URL stays canonical. */
export function serializeState(state: BoardState, filterName: string, base = ""): string {
  const params = new URLSearchParams(base);
  for (const key of ["sort", "dir", "q", filterName, "view", "metric", "provenance", "trained", "show"]) params.delete(key);
  if (state.view) params.set("view", state.view);
  if (state.metric) params.set("metric", state.metric);
  if (state.sort && state.sort !== "rank") params.set("sort", state.sort);
  const dir = state.dir ?? (state.sort ? defaultDirection(state.sort) : "asc");
  if (state.sort && state.sort !== "rank" ? dir !== defaultDirection(state.sort) : dir === "desc") params.set("dir", dir);
  if (state.q.trim()) params.set("q", state.q.trim());
  if (state.filter) params.set(filterName, state.filter);
  if (state.provenance.length > 0) params.set("provenance", state.provenance.join(","));
  if (state.hideTrained) params.set("trained", "hide");
  if (state.all) params.set("show", "all");
  // Commas stay readable in the URL: `?provenance=verified,published`.
  const text = params.toString().replaceAll("%2C", ",");
  return text ? `?${text}` : "";
}

/** The state after a click on a column header: a new column starts in its natural order, the same one flips. */
export function nextSort(state: BoardState, key: string): BoardState {
  const current = state.sort ?? "rank";
  const currentDir = state.dir ?? defaultDirection(current);
  if (current === key) return { ...state, sort: key, dir: currentDir === "asc" ? "desc" : "asc" };
  return { ...state, sort: key, dir: defaultDirection(key) };
}

/**
 * The state after choosing a metric family (`defaultFamily` is written as no parameter). A sort by a column of
 * the family being hidden falls back to the board's rank order; `visibleAfter` tells which sort keys stay shown.
 */
export function withMetric(state: BoardState, family: string, defaultFamily: string, visibleAfter: (key: string) => boolean): BoardState {
  const metric = family === defaultFamily ? null : family;
  const keepSort = state.sort === null || visibleAfter(state.sort);
  return { ...state, metric, ...(keepSort ? {} : { sort: null, dir: null }) };
}

/**
 * Whether a view needs every row of the board, not only the rows a page ships: any search, filter, sort other
 * than the board's own order, or "show all". Switching view or correlation family does not.
 */
export function needsEveryRow(state: BoardState): boolean {
  const sorted = state.sort !== null && state.sort !== "rank" ? true : state.dir === "desc";
  return state.q.trim() !== "" || state.filter !== "" || state.provenance.length > 0 || state.hideTrained || state.all || sorted;
}

/**
 * Compares two sort keys as the table shows them: numbers numerically, text by code point;
 * empty values always go last whatever the direction; ties keep the board's display position.
 */
export function compareRows(
  a: { value: string; position: number },
  b: { value: string; position: number },
  numeric: boolean,
  dir: SortDirection,
): number {
  if (a.value === "" || b.value === "") {
    if (a.value !== b.value) return a.value === "" ? 1 : -1;
    return a.position - b.position;
  }
  const sign = dir === "asc" ? 1 : -1;
  const order = numeric ? Number(a.value) - Number(b.value) : a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  return order === 0 ? a.position - b.position : sign * order;
}

/**
 * Whether a row passes the search text, the filter, the provenance kinds (a row of none of them is hidden when any
 * is chosen) and the trained-on-this-benchmark toggle.
 */
export function rowMatches(row: { search: string; group: string; provenance?: string; trained?: boolean }, state: BoardState): boolean {
  const q = state.q.trim().toLowerCase();
  return (
    (q === "" || row.search.includes(q)) &&
    (state.filter === "" || row.group === state.filter) &&
    (state.provenance.length === 0 || state.provenance.includes(row.provenance ?? "")) &&
    !(state.hideTrained && row.trained === true)
  );
}

/**
 * Where `?benchmark=<id>` points when it names another benchmark than the page's: that benchmark's
 * board with the rest of the query kept; null when there is nothing to do (absent, current or unknown).
 */
export function benchmarkRedirect(search: string, current: string, targets: Readonly<Record<string, string>>): string | null {
  const params = new URLSearchParams(search);
  const wanted = params.get("benchmark");
  if (wanted === null || wanted === current || !Object.hasOwn(targets, wanted)) return null;
  params.delete("benchmark");
  const rest = params.toString();
  return `${targets[wanted]}${rest ? `?${rest}` : ""}`;
}
