/** Every entry of a benchmark and direction, read from the store once per build: one loader for every page that lists or shows entries. */
import { eq } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import { store } from "./store.ts";

/** An entry's metadata, common to both directions. */
export interface EntryInfo {
  readonly id: string;
  readonly name: string;
  readonly direction: "t2v" | "v2t";
  readonly url: string | null;
  readonly organization: string | null;
  readonly access: string | null;
  readonly kind: string | null;
  readonly size: string | null;
  readonly license: string | null;
  /** How the outputs were produced, from the submission's manifest. */
  readonly method: string | null;
  readonly isReference: boolean;
  readonly source: string | null;
  readonly evaluatorId: string | null;
  readonly submissionId: string | null;
}

/**
 * A benchmark's entries of one direction by id (cached), read once per build: every entry page reads its own, and one query
 * per direction rather than one per page keeps the store's per-query cost out of the build's per-page cost.
 */
const entriesOf = new Map<string, ReadonlyMap<string, EntryInfo>>();

export function entriesByDirection(benchmarkId: string, direction: "t2v" | "v2t"): ReadonlyMap<string, EntryInfo> {
  const key = `${benchmarkId}\u0000${direction}`;
  let entries = entriesOf.get(key);
  if (!entries) {
    const db = store();
    const rows: EntryInfo[] =
      direction === "t2v"
        ? db
            .select()
            .from(t.t2vEntries)
            .where(eq(t.t2vEntries.benchmarkId, benchmarkId))
            .all()
            .map((e) => ({ ...e, direction, kind: null, size: null }))
        : db
            .select()
            .from(t.v2tEntries)
            .where(eq(t.v2tEntries.benchmarkId, benchmarkId))
            .all()
            .map((e) => ({ ...e, direction, access: null, isReference: false, source: null, evaluatorId: null }));
    entries = new Map(rows.map((e) => [e.id, e]));
    entriesOf.set(key, entries);
  }
  return entries;
}

