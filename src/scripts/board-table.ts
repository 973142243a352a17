/** Progressive enhancement of board tables: sorting, filtering, search, view tabs and metric family, kept in the URL. */
import { compareRows, defaultDirection, nextSort, parseState, rowMatches, serializeState, withMetric, type BoardState } from "./board-state.ts";

function rowsOf(table: HTMLTableElement): HTMLTableRowElement[] {
  return [...(table.tBodies[0]?.rows ?? [])];
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

function applyToTable(table: HTMLTableElement, state: BoardState): { shown: number; total: number } {
  const key = state.sort !== null && isShown(table, state.sort) ? state.sort : "rank";
  const button = table.querySelector<HTMLButtonElement>(`button[data-sort="${CSS.escape(key)}"]`);
  const sortKey = button ? key : "rank";
  const numeric = button ? button.dataset.numeric === "true" : true;
  const dir = button ? (state.dir ?? defaultDirection(sortKey)) : "asc";
  const rows = rowsOf(table);
  const body = table.tBodies[0];
  if (!body) return { shown: 0, total: 0 };
  const keyed = rows.map((row) => ({
    row,
    value: row.getAttribute(`data-sort-${sortKey}`) ?? "",
    position: Number(row.getAttribute("data-sort-rank")),
  }));
  keyed.sort((a, b) => compareRows(a, b, numeric, dir));
  body.append(...keyed.map((item) => item.row));
  let shown = 0;
  for (const row of rows) {
    const visible = rowMatches({ search: row.dataset.search ?? "", group: row.dataset.group ?? "", provenance: row.dataset.provenance ?? "", trained: row.dataset.trained === "yes" }, state);
    row.hidden = !visible;
    if (visible) shown += 1;
  }
  for (const th of table.querySelectorAll<HTMLTableCellElement>("th[data-sort-key]")) {
    const active = th.dataset.sortKey === sortKey;
    if (active) th.setAttribute("aria-sort", dir === "asc" ? "ascending" : "descending");
    else th.removeAttribute("aria-sort");
    const arrow = th.querySelector(".arrow");
    if (arrow) arrow.textContent = active ? (dir === "asc" ? "▲" : "▼") : "";
  }
  return { shown, total: rows.length };
}

function enhance(form: HTMLFormElement): void {
  const filterName = form.dataset.filterName ?? "access";
  const tables = (form.dataset.tables ?? "")
    .split(" ")
    .map((id) => document.getElementById(id))
    .filter((el): el is HTMLTableElement => el instanceof HTMLTableElement);
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
    if (metricSwitch) {
      const family = state.metric !== null && families.has(state.metric) ? state.metric : defaultFamily;
      for (const input of metricInputs) input.checked = input.value === family;
      for (const table of tables) showFamily(table, family);
    }
    let shown = 0;
    let total = 0;
    for (const table of tables) {
      if (table.closest("[hidden]")) continue;
      const counted = applyToTable(table, state);
      shown += counted.shown;
      total += counted.total;
    }
    if (count) count.textContent = `Showing ${shown} of ${total}`;
    const query = serializeState(state, filterName, location.search);
    if (push && query !== location.search) history.replaceState(null, "", `${location.pathname}${query}${location.hash}`);
  };

  for (const table of tables) {
    table.addEventListener("click", (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>("button[data-sort]");
      if (!button?.dataset.sort) return;
      state = nextSort(state, button.dataset.sort);
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
        tables.some((table) => {
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
    state = { sort: null, dir: null, q: "", filter: "", view: state.view, metric: null, provenance: [], hideTrained: false };
    render(true);
  });
  for (const tab of tabs) {
    tab.addEventListener("click", (event) => {
      event.preventDefault();
      state = { ...state, view: tab.dataset.viewTab ?? null };
      render(true);
    });
  }
  form.hidden = false;
  render(false);
}

/** Enhances every board control form on the page. */
export function enhanceBoards(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-board-controls]")) enhance(form);
}
