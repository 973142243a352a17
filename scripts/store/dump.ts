/**
 * A store's canonical dump: its schema and the rows of every table, each table's rows sorted by all its columns,
 * blobs as hex, as text lines. Two stores with the same dump hold the same content, however their pages are laid
 * out (a store written in place by submits and one rebuilt from data/ differ in bytes, never in dump). Tables are
 * found in the file itself, so a table added to the schema later is dumped too.
 */
import { createHash } from "node:crypto";
import { openStoreFile } from "../../db/file.ts";

/** A cell as text that tells types apart: null, integers and reals exactly, text quoted, bytes as hex. */
function cellText(cell: unknown): string {
  if (cell === null) return "NULL";
  if (typeof cell === "number") return Object.is(cell, -0) ? "-0" : String(cell);
  if (typeof cell === "bigint") return `${cell}n`;
  if (typeof cell === "string") return JSON.stringify(cell);
  if (cell instanceof Uint8Array) return `x'${Buffer.from(cell).toString("hex")}'`;
  return JSON.stringify(cell);
}

/** The store's dump, line by line: each schema object's SQL, then each table's rows in the order of all their columns. */
export function* storeDump(file: string): Generator<string> {
  const db = openStoreFile(file);
  try {
    const objects = db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all() as { type: string; name: string; sql: string | null }[];
    for (const object of objects) yield `${object.type} ${object.name}: ${object.sql ?? ""}`;
    for (const { name } of objects.filter((o) => o.type === "table")) {
      const width = (db.prepare(`SELECT count(*) AS n FROM pragma_table_info(?)`).get(name) as { n: number }).n;
      const order = Array.from({ length: width }, (_, i) => i + 1).join(", ");
      const rows = db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}" ORDER BY ${order}`).raw(true);
      for (const row of rows.iterate() as IterableIterator<unknown[]>) yield `${name}\t${row.map(cellText).join("\t")}`;
    }
  } finally {
    db.close();
  }
}

/** The SHA-256 of a store's dump: equal digests, equal content. */
export function dumpDigest(file: string): string {
  const hash = createHash("sha256");
  for (const line of storeDump(file)) hash.update(line).update("\n");
  return hash.digest("hex");
}

/**
 * Where two stores' dumps first differ, as pairs of lines (`< ` ours, `> ` theirs; empty when the two hold the same
 * content). The dumps are read side by side a line at a time, never whole: a store of thousands of entries dumps to
 * more text than a process holds.
 */
export function dumpDifference(a: string, b: string, limit = 5): string[] {
  const [ours, theirs] = [storeDump(a), storeDump(b)];
  const differing: string[] = [];
  try {
    for (;;) {
      const [x, y] = [ours.next(), theirs.next()];
      if (x.done === true && y.done === true) break;
      if (x.done !== true && y.done !== true && x.value === y.value) continue;
      if (x.done !== true) differing.push(`< ${x.value}`);
      if (y.done !== true) differing.push(`> ${y.value}`);
      if (differing.length >= limit) break;
    }
  } finally {
    ours.return(undefined);
    theirs.return(undefined);
  }
  return differing.slice(0, limit);
}
