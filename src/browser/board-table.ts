/**
 * Progressive enhancement of board tables: sorting, filtering, search, view tabs, metric family and "show all", kept
 * in the URL. A long board ships its first rows as HTML and names its chunk files (data-paging); the first view that
 * needs more (a search, filter or sort, or "show all", from a click or from the URL the page opened with) fetches
 * every chunk once and renders those rows with the page's own row builder, so they look like the static ones.
 */
import { boardRowHtml, type BoardRowChunk, type BoardRowShape, type BoardTableShape } from "../lib/shared/board-rows.ts";
import { compareRows, defaultDirection, DEFAULT_STATE, needsEveryRow, nextSort, parseState, rowMatches, serializeState, withMetric, type BoardState } from "./board-state.ts";

/** What the page says about a long board: its shape, its chunk files and how many rows it has. */
interface Paging {
  readonly table: BoardTableShape;
  readonly chunks: readonly string[];
  readonly total: number;
}

/** One row as sorting and filtering read it, with its element (built on first display for a fetched row). */
interface Item {
  readonly position: number;
  readonly search: string;
  readonly group: string;
  readonly provenance: string;
  readonly trained: boolean;
  sortValue(key: string): string;
  element(): HTMLTableRowElement;
}

/** A board table and every row known to the page: the static rows, then all of them once fetched. */
interface TableModel {
  readonly table: HTMLTableElement;
  readonly paging: Paging | null;
  /** How many rows a view lists before "show all" (the rows the page shipped). */
  readonly firstRows: number;
  items: Item[];
  complete: boolean;
  loading: Promise<void> | null;
  failure: string | null;
}

function itemOfElement(row: HTMLTableRowElement): Item {
  return {
    position: Number(row.getAttribute("data-sort-rank")),
    search: row.dataset.search ?? "",
    group: row.dataset.group ?? "",
    provenance: row.dataset.provenance ?? "",
    trained: row.dataset.trained === "yes",
    sortValue: (key) => row.getAttribute(`data-sort-${key}`) ?? "",
    element: () => row,
  };
}

function itemOfShape(table: BoardTableShape, index: ReadonlyMap<string, number>, row: BoardRowShape, existing: HTMLTableRowElement | undefined): Item {
  let element = existing;
  return {
    position: row.position,
    search: row.name.toLowerCase(),
    group: row.group,
    provenance: row.provenance,
    trained: row.trained,
    sortValue: (key) => row.sort[index.get(key) ?? -1] ?? "",
    element: () => {
      if (!element) {
        const template = document.createElement("template");
        template.innerHTML = boardRowHtml(table, row);
        element = template.content.firstElementChild as HTMLTableRowElement;
      }
      return element;
    },
  };
}

function modelOf(table: HTMLTableElement): TableModel {
  const paging = table.dataset.paging ? (JSON.parse(table.dataset.paging) as Paging) : null;
  const items = [...(table.tBodies[0]?.rows ?? [])].map(itemOfElement);
  return { table, paging, firstRows: paging === null ? Number.POSITIVE_INFINITY : items.length, items, complete: paging === null, loading: null, failure: null };
}

/** Fetches every chunk of a long board once; the static rows keep their elements (and the compare ticks on them). */
function loadEveryRow(model: TableModel): Promise<void> {
  const paging = model.paging;
  if (model.complete || paging === null) return Promise.resolve();
  model.loading ??= Promise.all(
    paging.chunks.map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return ((await response.json()) as BoardRowChunk).rows;
    }),
  ).then(
    (chunks) => {
      const shipped = new Map([...(model.table.tBodies[0]?.rows ?? [])].map((row) => [row.dataset.entry ?? "", row]));
      const index = new Map(paging.table.sortKeys.map((key, i) => [key, i]));
      model.items = chunks.flat().map((row) => itemOfShape(paging.table, index, row, shipped.get(row.id)));
      model.complete = true;
    },
    (error: unknown) => {
      model.failure = error instanceof Error ? error.message : String(error);
    },
  );
  return model.loading;
}

/** Shows the columns of one correlation family and hides the others' (tables with a single family have none). */
function showFamily(table: HTMLTableElement, family: string): void {
  for (const cell of table.querySelectorAll<HTMLTableCellElement>("[data-family]")) cell.hidden = cell.dataset.family !== family;
}

/** Whether a sort key's column shows in a table (a column of a hidden family does not). */
function isShown(table: HTMLTableElement, key: string): boolean {
  const header = table.querySelector<HTMLTableCellElement>(`th[data-sort-key="${CSS.escape(key)}"]`);
  return header !== null && !header.hidden;
}

/** Rows listed, rows matching the view and rows on the board. */
interface Counted {
  readonly listed: number;
  readonly matched: number;
  readonly total: number;
}

function applyToTable(model: TableModel, state: BoardState, family: string | null): Counted {
  const { table } = model;
  const key = state.sort !== null && isShown(table, state.sort) ? state.sort : "rank";
  const button = table.querySelector<HTMLButtonElement>(`button[data-sort="${CSS.escape(key)}"]`);
  const sortKey = button ? key : "rank";
  const numeric = button ? button.dataset.numeric === "true" : true;
  const dir = button ? (state.dir ?? defaultDirection(sortKey)) : "asc";
  const body = table.tBodies[0];
  if (!body) return { listed: 0, matched: 0, total: 0 };
  const matching = model.items.filter((item) => rowMatches(item, state));
  const keyed = matching.map((item) => ({ item, value: item.sortValue(sortKey), position: item.position }));
  keyed.sort((a, b) => compareRows(a, b, numeric, dir));
  const listed = state.all ? keyed : keyed.slice(0, model.firstRows);
  body.replaceChildren(...listed.map(({ item }) => item.element()));
  if (family !== null) showFamily(table, family);
  for (const th of table.querySelectorAll<HTMLTableCellElement>("th[data-sort-key]")) {
    const active = th.dataset.sortKey === sortKey;
    if (active) th.setAttribute("aria-sort", dir === "asc" ? "ascending" : "descending");
    else th.removeAttribute("aria-sort");
    const arrow = th.querySelector(".arrow");
    if (arrow) arrow.textContent = active ? (dir === "asc" ? "▲" : "▼") : "";
  }
  table.dispatchEvent(new CustomEvent("board:rows", { bubbles: true }));
  return { listed: listed.length, matched: matching.length, total: model.paging?.total ?? model.items.length };
}

/** The note under a long board: how many rows are listed, the "show all" button, or what failed to load. */
function describeMore(model: TableModel, counted: Counted, all: boolean): void {
  const more = document.querySelector<HTMLElement>(`[data-board-more="${CSS.escape(model.table.id)}"]`);
  if (!more) return;
  const note = more.querySelector<HTMLElement>("[data-more-note]");
  const button = more.querySelector<HTMLButtonElement>("[data-show-all]");
  const text = model.failure !== null
    ? `Could not load every row (${model.failure}): listing the first ${counted.listed}.`
    : !model.complete && model.loading !== null
      ? `Loading all ${counted.total} entries…`
      : counted.listed < counted.matched
        ? `The first ${counted.listed} of ${counted.matched} matching entries.`
        : all || counted.matched < counted.total
          ? `Every matching entry is listed.`
          : `The first ${counted.listed} of ${counted.total} entries, in the board's order.`;
  if (note) note.textContent = text;
  if (button) {
    button.hidden = model.failure !== null || all || (model.complete && counted.listed >= counted.matched);
    button.textContent = model.complete ? `Show all ${counted.matched}` : `Show all ${counted.total}`;
  }
}

function countText(listed: number, matched: number, total: number): string {
  return listed < matched ? `Showing ${listed} of ${matched} matching (${total} in all)` : `Showing ${matched} of ${total}`;
}

function enhance(form: HTMLFormElement): void {
  const filterName = form.dataset.filterName ?? "access";
  const models = (form.dataset.tables ?? "")
    .split(" ")
    .map((id) => document.getElementById(id))
    .filter((el): el is HTMLTableElement => el instanceof HTMLTableElement)
    .map(modelOf);
  const tabs = [...document.querySelectorAll<HTMLAnchorElement>("[data-view-tab]")];
  const panels = [...document.querySelectorAll<HTMLElement>("[data-view-panel]")];
  const search = form.querySelector<HTMLInputElement>('input[name="q"]');
  const filter = form.querySelector<HTMLSelectElement>(`select[name="${filterName}"]`);
  const count = form.querySelector<HTMLElement>("[data-count]");
  const metricSwitch = form.querySelector<HTMLFieldSetElement>("[data-metric-switch]");
  const kindInputs = [...form.querySelectorAll<HTMLInputElement>('input[name="provenance"]')];
  const trainedInput = form.querySelector<HTMLInputElement>('input[name="trained"]');
  const metricInputs = [...(metricSwitch?.querySelectorAll<HTMLInputElement>('input[name="metric"]') ?? [])];
  const defaultFamily = metricSwitch?.dataset.default ?? "";
  const families = new Set(metricInputs.map((input) => input.value));
  let state = parseState(location.search, filterName);

  const render = (push: boolean) => {
    if (search && search.value !== state.q) search.value = state.q;
    if (filter) filter.value = state.filter;
    for (const input of kindInputs) input.checked = state.provenance.includes(input.value);
    if (trainedInput) trainedInput.checked = state.hideTrained;
    const defaultView = panels[0]?.dataset.viewPanel ?? null;
    const view = panels.some((p) => p.dataset.viewPanel === state.view) ? state.view : defaultView;
    for (const panel of panels) panel.hidden = panel.dataset.viewPanel !== view;
    for (const tab of tabs) tab.setAttribute("aria-current", String(tab.dataset.viewTab === view));
    let family: string | null = null;
    if (metricSwitch) {
      family = state.metric !== null && families.has(state.metric) ? state.metric : defaultFamily;
      for (const input of metricInputs) input.checked = input.value === family;
      for (const { table } of models) showFamily(table, family);
    }
    let listed = 0;
    let matched = 0;
    let total = 0;
    for (const model of models) {
      if (model.table.closest("[hidden]")) continue;
      if (!model.complete && needsEveryRow(state) && model.loading === null) {
        // Rendered again once every row is in: the URL's view applies to the whole board, not to the first rows.
        void loadEveryRow(model).then(() => render(false));
      }
      const counted = applyToTable(model, state, family);
      describeMore(model, counted, state.all);
      listed += counted.listed;
      matched += counted.matched;
      total += counted.total;
    }
    if (count) count.textContent = countText(listed, matched, total);
    const query = serializeState(state, filterName, location.search);
    if (push && query !== location.search) history.replaceState(null, "", `${location.pathname}${query}${location.hash}`);
  };

  for (const { table } of models) {
    table.addEventListener("click", (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>("button[data-sort]");
      if (!button?.dataset.sort) return;
      state = nextSort(state, button.dataset.sort);
      render(true);
    });
    document.querySelector<HTMLButtonElement>(`[data-show-all="${CSS.escape(table.id)}"]`)?.addEventListener("click", () => {
      state = { ...state, all: true };
      render(true);
    });
  }
  search?.addEventListener("input", () => {
    state = { ...state, q: search.value };
    render(true);
  });
  filter?.addEventListener("change", () => {
    state = { ...state, filter: filter.value };
    render(true);
  });
  for (const input of kindInputs) {
    input.addEventListener("change", () => {
      state = { ...state, provenance: kindInputs.filter((i) => i.checked).map((i) => i.value) };
      render(true);
    });
  }
  trainedInput?.addEventListener("change", () => {
    state = { ...state, hideTrained: trainedInput.checked };
    render(true);
  });
  for (const input of metricInputs) {
    input.addEventListener("change", () => {
      if (!input.checked) return;
      const family = input.value;
      // Whether a sort key stays shown once the family is switched: its header is of no family or of this one.
      const staysShown = (key: string) =>
        models.some(({ table }) => {
          const header = table.querySelector<HTMLTableCellElement>(`th[data-sort-key="${CSS.escape(key)}"]`);
          return header !== null && (header.dataset.family === undefined || header.dataset.family === family);
        });
      state = withMetric(state, family, defaultFamily, staysShown);
      render(true);
    });
  }
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    state = { ...DEFAULT_STATE, view: state.view };
    render(true);
  });
  for (const tab of tabs) {
    tab.addEventListener("click", (event) => {
      event.preventDefault();
      state = { ...state, view: tab.dataset.viewTab ?? null };
      render(true);
    });
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-show-all]")) button.hidden = false;
  form.hidden = false;
  render(false);
}

/** Enhances every board control form on the page. */
export function enhanceBoards(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-board-controls]")) enhance(form);
}
