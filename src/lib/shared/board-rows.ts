/**
 * The one builder of a board row's markup, and the data shape it reads. The page renders its first rows with it
 * at build time and the board-table script renders every fetched row with it in the browser, so a fetched row is
 * the same markup as a static one. Every figure arrives already formatted (by the loader, src/lib/board-rows.ts):
 * nothing here rounds a number. Import-free, so the browser bundles it.
 */

/** What a provenance kind looks like on a row: its compact mark, label and meaning. */
export interface ProvenanceMarkShape {
  readonly mark: string;
  readonly label: string;
  readonly description: string;
}

/** One cell column of a board table, in display order (ranked columns, the rank sum, then unranked ones). */
export interface BoardColumnShape {
  readonly key: string;
  readonly label: string;
  /** The correlation family the column belongs to when the table switches families (srcc, plcc, krcc), else null. */
  readonly family: string | null;
}

/** What a table's rows share: headings, columns, the marks' legend; written once per page, not once per row. */
export interface BoardTableShape {
  /** "Rank", or "#" on a board that ranks nobody. */
  readonly rankLabel: string;
  /** Why the board ranks nobody, or null. */
  readonly unrankedReason: string | null;
  /** "Access" (T2V) or "Kind" (V2T). */
  readonly groupHeading: string;
  readonly columns: readonly BoardColumnShape[];
  /** The family shown before the reader picks one (its columns are not hidden), or null when there is one family. */
  readonly shownFamily: string | null;
  /** The sort keys, in the order of each row's `sort` values. */
  readonly sortKeys: readonly string[];
  readonly provenance: Readonly<Record<string, ProvenanceMarkShape>>;
  readonly trained: { readonly mark: string; readonly description: string };
}

/** One formatted cell: the value, its column rank ("#3"), its interval or why it has none. */
export interface BoardCellShape {
  readonly text: string;
  /** The rank in a ranked column, e.g. "#3", with its title; null elsewhere. */
  readonly rank: string | null;
  readonly rankTitle: string | null;
  readonly ci: string | null;
  readonly ciNote: string | null;
}

/** One entry's row, formatted: what the markup shows and what sorting, search and filters read. */
export interface BoardRowShape {
  readonly id: string;
  readonly name: string;
  readonly href: string;
  /** The row's place in the board's own order (1 = first): ties of a sort keep it. */
  readonly position: number;
  readonly group: string;
  readonly groupLabel: string;
  /** The provenance kind ("" when none). */
  readonly provenance: string;
  readonly trained: boolean;
  readonly reference: boolean;
  /** The rank as shown ("3", or "—"). */
  readonly rank: string;
  /** The rank interval "[best, worst]", or "". */
  readonly rankInterval: string;
  /** Not separable from the next entry (the ≈ mark). */
  readonly tie: boolean;
  readonly evaluator: { readonly name: string; readonly href: string } | null;
  /** The audit section of this entry when a published figure differs or carries a note, else null. */
  readonly auditHref: string | null;
  /** One cell per table column (null: no value). */
  readonly cells: readonly (BoardCellShape | null)[];
  /** Sort values, one per table sort key ("" sorts last). */
  readonly sort: readonly string[];
}

/** The rows of one chunk file of a board: `/<benchmark>/rows/<board>/<dimension>-<n>.json`. */
export interface BoardRowChunk {
  readonly rows: readonly BoardRowShape[];
}

/** Text made safe for HTML content and double-quoted attributes (names and notes are data from outside). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

const attr = (name: string, value: string) => ` ${name}="${escapeHtml(value)}"`;

function familyAttrs(table: BoardTableShape, family: string | null): string {
  if (family === null) return "";
  return `${attr("data-family", family)}${family !== table.shownFamily ? " hidden" : ""}`;
}

function rankCell(table: BoardTableShape, row: BoardRowShape): string {
  const rank = row.reference
    ? '<span class="badge" title="Real videos: shown for reference, not ranked">ref</span>'
    : table.unrankedReason !== null
      ? `<span${attr("title", table.unrankedReason)}>—</span>`
      : escapeHtml(row.rank);
  const interval = row.rankInterval === ""
    ? ""
    : `<span class="ci" title="95% rank interval of this entry alone (not joint): the whole board re-ranked on each bootstrap resample">${escapeHtml(row.rankInterval)}</span>`;
  const tie = row.tie
    ? '<span class="tie-mark" title="Not separable from the next entry (paired bootstrap of rank sums, Holm-corrected over all neighbours on this board at 5%)" aria-label="not separable from the next entry">≈</span>'
    : "";
  return `<td class="num rank-cell"${attr("data-label", table.rankLabel)}>${rank}${interval}${tie}</td>`;
}

function nameCell(table: BoardTableShape, row: BoardRowShape): string {
  const evaluator = row.evaluator === null
    ? ""
    : `<span class="badge" title="Scored by an automatic evaluator, not by humans">auto · <a${attr("href", row.evaluator.href)}>${escapeHtml(row.evaluator.name)}</a></span>`;
  const trained = row.trained
    ? `<span class="badge trained-mark"${attr("title", table.trained.description)}>${escapeHtml(table.trained.mark)}<span class="visually-hidden"> trained on this benchmark</span></span>`
    : "";
  const audit = row.auditHref === null
    ? ""
    : `<a class="badge audit-flag"${attr("href", row.auditHref)} title="The authors' published figure or rank differs from this site's, or has a note: see the audit">audit</a>`;
  return (
    `<th scope="row"><input type="checkbox" class="compare-pick"${attr("data-compare-pick", row.id)}${attr("aria-label", `Compare ${row.name}`)} hidden>` +
    `<a${attr("href", row.href)}>${escapeHtml(row.name)}</a>${evaluator}${trained}${audit}</th>`
  );
}

function valueCell(table: BoardTableShape, column: BoardColumnShape, cell: BoardCellShape | null): string {
  const body = cell === null
    ? "—"
    : escapeHtml(cell.text) +
      (cell.rank === null ? "" : `<span class="rank-sub"${attr("title", cell.rankTitle ?? "")}>${escapeHtml(cell.rank)}</span>`) +
      (cell.ci === null ? "" : `<span class="ci" title="95% bootstrap interval">${escapeHtml(cell.ci)}</span>`) +
      (cell.ciNote === null ? "" : `<span class="ci"${attr("title", cell.ciNote)}>no interval</span>`);
  return `<td class="num"${attr("data-label", column.label)}${familyAttrs(table, column.family)}>${body}</td>`;
}

function provenanceCell(table: BoardTableShape, row: BoardRowShape): string {
  const kind = table.provenance[row.provenance];
  const badge = kind === undefined
    ? ""
    : `<span${attr("class", `badge provenance-${row.provenance}`)}${attr("title", kind.description)}>${escapeHtml(kind.mark)}<span class="visually-hidden"> ${escapeHtml(kind.label)}</span></span>`;
  return `<td class="provenance-cell" data-label="Provenance">${badge}</td>`;
}

/** The `<tr>` of one row: the same markup on the built page and for a row fetched in the browser. */
export function boardRowHtml(table: BoardTableShape, row: BoardRowShape): string {
  const sortAttrs = table.sortKeys.map((key, i) => attr(`data-sort-${key}`, row.sort[i] ?? "")).join("");
  const open =
    `<tr${row.reference ? ' class="reference"' : ""}${attr("data-entry", row.id)}${attr("data-group", row.group)}` +
    `${attr("data-provenance", row.provenance)}${row.trained ? ' data-trained="yes"' : ""}${attr("data-search", row.name.toLowerCase())}${sortAttrs}>`;
  const cells = table.columns.map((column, i) => valueCell(table, column, row.cells[i] ?? null)).join("");
  return `${open}${rankCell(table, row)}${nameCell(table, row)}${cells}<td class="group"${attr("data-label", table.groupHeading)}>${escapeHtml(row.groupLabel)}</td>${provenanceCell(table, row)}</tr>`;
}
