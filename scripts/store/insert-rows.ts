/** Inserting a table's rows into an open store, in canonical order, with prepared multi-row statements. */
import type Database from "better-sqlite3";
import { getTableName } from "drizzle-orm/table";
import { canonicalOrder } from "./canonical-order.ts";
import { columnsOf } from "./row-codec.ts";
import type { StoreTable } from "./tables.ts";

/** Rows per multi-row INSERT: fewer calls into SQLite, within its limit of 32,766 bound values. */
const BATCH = 100;

/** Statements kept per table for batches with different columns of one value (enough for any real table's runs). */
const SHAPES = 64;

/**
 * Inserts a table's rows in canonical order with prepared multi-row statements (drizzle's inserts cost far more
 * at a million rows). Binding a value costs about as much as SQLite's insert of it, and in canonical order most
 * columns hold one value over a whole batch (benchmark, direction, entry, provenance...): such a column is bound
 * once, as a named parameter every row of the statement refers to. The rows stored are the same either way.
 */
export function insertAll(db: Database.Database, table: StoreTable, rows: readonly Record<string, unknown>[]): void {
  if (rows.length === 0) return;
  const order = canonicalOrder(table, rows);
  const columns = columnsOf(table);
  const keys = columns.map((c) => c.key);
  const conversions = columns.map((c) => c.toDriver);
  // Text and numbers pass as they are: calling a conversion for each of millions of cells is a measurable cost.
  const plain = columns.map((c) => c.plain);
  const width = columns.length;
  const into = `INSERT INTO "${getTableName(table)}" (${columns.map((c) => `"${c.name}"`).join(", ")}) VALUES `;
  const batch = Math.max(1, Math.min(BATCH, Math.floor(32_766 / width)));
  const cells: unknown[] = new Array(batch * width);
  // Generated code, so that each column's read has one property name: one loop over the names makes every read
  // a megamorphic lookup (measured again when the writer was split: a plain loop wrote a million rows 10-40% slower). Names are quoted by JSON.stringify.
  const body = keys.map((key, c) => (plain[c] ? `v = row[${JSON.stringify(key)}]; cells[at + ${c}] = v === undefined ? null : v;` : `cells[at + ${c}] = conversions[${c}](row[${JSON.stringify(key)}]);`));
  const fill = new Function("cells", "conversions", `return (row, at) => { let v; ${body.join(" ")} };`)(cells, conversions) as (row: Record<string, unknown>, at: number) => void;
  // One statement per set of single-valued columns (a bit mask), each with its array of the other cells.
  const shapes = new Map<number, { statement: Database.Statement; values: unknown[] }>();
  const shape = (mask: number) => {
    let found = shapes.get(mask);
    if (found === undefined) {
      const row = `(${columns.map((_, c) => (mask & (1 << c) ? `@c${c}` : "?")).join(", ")})`;
      const varying = columns.filter((_, c) => !(mask & (1 << c))).length;
      found = { statement: db.prepare(into + Array.from({ length: batch }, () => row).join(", ")), values: new Array(batch * varying) };
      shapes.set(mask, found);
    }
    return found;
  };
  const full = shape(0);
  let start = 0;
  for (; start + batch <= rows.length; start += batch) {
    for (let r = 0; r < batch; r++) fill(rows[order[start + r] as number] as Record<string, unknown>, r * width);
    let mask = 0;
    // Masks are 31 bits; wider tables bind every cell (none is that wide).
    if (batch > 1 && width <= 31) {
      for (let c = 0; c < width; c++) {
        const first = cells[c];
        let r = 1;
        // Object.is, not ===: 0 and -0 are different values to store.
        while (r < batch && Object.is(cells[r * width + c], first)) r++;
        if (r === batch) mask |= 1 << c;
      }
      if (mask !== 0 && !shapes.has(mask) && shapes.size >= SHAPES) mask = 0;
    }
    if (mask === 0) {
      full.statement.run(cells);
      continue;
    }
    const { statement, values } = shape(mask);
    const shared: Record<string, unknown> = {};
    for (let c = 0; c < width; c++) if (mask & (1 << c)) shared[`c${c}`] = cells[c];
    let j = 0;
    for (let r = 0; r < batch; r++) for (let c = 0; c < width; c++) if (!(mask & (1 << c))) values[j++] = cells[r * width + c];
    statement.run(values, shared);
  }
  const one = db.prepare(into + `(${columns.map(() => "?").join(", ")})`);
  cells.length = width;
  for (; start < rows.length; start++) {
    fill(rows[order[start] as number] as Record<string, unknown>, 0);
    one.run(cells);
  }
}
