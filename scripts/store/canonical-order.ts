/**
 * A table's rows in one canonical order, by every column up to the last primary-key column in the schema's
 * column order, so that the same content gives the same file whether a rebuild made it or a submit extended it.
 */
import { columnsOf, lastKeyIndex, type Cell } from "./row-codec.ts";
import type { StoreTable } from "./tables.ts";

const numberBits = new Float64Array(1);
const numberWords = new Uint32Array(numberBits.buffer);

/** A number as 16 hex digits whose text order is the numeric order (IEEE 754 bits, sign-adjusted). */
function numberKey(x: number): string {
  numberBits[0] = x;
  let high = numberWords[1] as number;
  let low = numberWords[0] as number;
  if (high >>> 31) {
    high = ~high >>> 0;
    low = ~low >>> 0;
  } else high = (high | 0x80000000) >>> 0;
  return high.toString(16).padStart(8, "0") + low.toString(16).padStart(8, "0");
}

/** A cell as text whose order is the cells' order: nulls first, numbers numerically, text by code unit, bytes bytewise. */
export function cellKey(cell: Cell): string {
  if (cell === null || cell === undefined) return "\u0001";
  if (typeof cell === "number") return `\u0002${numberKey(cell)}`;
  if (typeof cell === "boolean") return `\u0002${numberKey(cell ? 1 : 0)}`;
  if (typeof cell === "string") return `\u0003${cell}`;
  return `\u0004${Buffer.from(cell).toString("hex")}`;
}

/** Two cells in the order of their keys (`cellKey`), comparing text directly: the common case needs no key. */
export function compareCells(a: Cell, b: Cell): number {
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  const x = cellKey(a);
  const y = cellKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Each cell's rank among the column's distinct values (equal cells, equal ranks), and how many distinct there are. */
function ranksOf(cells: readonly Cell[]): { ranks: Uint32Array; count: number } {
  const ranks = new Uint32Array(cells.length);
  const texts = new Map<string, number>();
  const others = new Map<string, number>();
  const distinct: Cell[] = [];
  // Sorted or grouped input repeats a value over long runs: one comparison instead of a lookup.
  let previous: string | undefined;
  let previousId = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    let id: number | undefined;
    if (typeof cell === "string") {
      if (cell === previous) id = previousId;
      else {
        id = texts.get(cell);
        if (id === undefined) texts.set(cell, (id = distinct.push(cell) - 1));
        previous = cell;
        previousId = id;
      }
    } else {
      // Keyed by text so that -0 and 0, or equal bytes in different arrays, compare as the key order does.
      const key = cellKey(cell);
      id = others.get(key);
      if (id === undefined) others.set(key, (id = distinct.push(cell) - 1));
    }
    ranks[i] = id;
  }
  const order = Array.from(distinct.keys()).sort((a, b) => compareCells(distinct[a], distinct[b]));
  const rankOfId = new Uint32Array(distinct.length);
  for (let r = 0; r < order.length; r++) rankOfId[order[r] as number] = r;
  for (let i = 0; i < ranks.length; i++) ranks[i] = rankOfId[ranks[i] as number] as number;
  return { ranks, count: distinct.length };
}

/** `order` stably re-sorted by each row's rank (a counting sort: two passes, no comparisons). */
function countingSort(order: Uint32Array, ranks: Uint32Array, count: number): Uint32Array {
  const starts = new Uint32Array(count + 1);
  for (let i = 0; i < ranks.length; i++) (starts[(ranks[i] as number) + 1] as number)++;
  for (let r = 1; r <= count; r++) (starts[r] as number) += starts[r - 1] as number;
  const sorted = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const row = order[i] as number;
    sorted[(starts[ranks[row] as number] as number)++] = row;
  }
  return sorted;
}

/** A function reading one property: its own code, so the read stays monomorphic (a shared `row[key]` does not). */
function reader(key: string): (row: Record<string, unknown>) => Cell {
  return new Function("row", `return row[${JSON.stringify(key)}];`) as (row: Record<string, unknown>) => Cell;
}

/**
 * A table's rows in one canonical order (by every column, in the table's column order), as row indices, so that
 * the same content gives the same file whether a rebuild made it or a submission extended a read-back store.
 * Rows are unique on their primary key, so the columns up to the last key column decide the order. All but the
 * last of those are ranked and radix-sorted (no key text per row: at a million rows the keys and their garbage
 * cost more than the inserts); rows that tie on them are then sorted by the last column, usually a handful each.
 */
export function canonicalOrder(table: StoreTable, rows: readonly Record<string, unknown>[]): Uint32Array {
  const keys = columnsOf(table)
    .slice(0, lastKeyIndex(table) + 1)
    .map((c) => c.key);
  let order: Uint32Array = new Uint32Array(rows.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  if (rows.length < 2) return order;
  // A column with one value orders nothing; skipping it saves a pass.
  const ranked = keys.slice(0, -1).map((key) => ranksOf(rows.map(reader(key)))).filter((r) => r.count > 1);
  for (let c = ranked.length - 1; c >= 0; c--) order = countingSort(order, (ranked[c] as (typeof ranked)[number]).ranks, (ranked[c] as (typeof ranked)[number]).count);
  const lastKey = keys[keys.length - 1] as string;
  const byLast = (a: number, b: number) => compareCells(rows[a]?.[lastKey] as Cell, rows[b]?.[lastKey] as Cell);
  const tied = (a: number, b: number) => {
    for (let c = 0; c < ranked.length; c++) if ((ranked[c] as (typeof ranked)[number]).ranks[a] !== (ranked[c] as (typeof ranked)[number]).ranks[b]) return false;
    return true;
  };
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    if (i < order.length && tied(order[start] as number, order[i] as number)) continue;
    if (i - start > 1) order.subarray(start, i).sort(byLast);
    start = i;
  }
  return order;
}
