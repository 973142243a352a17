/**
 * The store's facts about itself (the meta table): the bootstrap settings, the fingerprint of its inputs, and the
 * history the writer read once (the changelog of data/ and the release), so no page reads git or data/.
 */
import * as t from "../../db/schema.ts";
import type { BootstrapSettings } from "../engine/index.ts";
import { ChangelogSchema, HISTORY_KEYS, ReleaseSchema, type Changelog, type Release } from "../schemas/history.ts";
import { store } from "./store.ts";

/** What the store says about how it was built. */
export interface StoreMeta {
  /** The settings every stored interval and resample was made with. */
  readonly bootstrap: BootstrapSettings | null;
  /** The fingerprint of the code, benchmark definitions and datasets the store was built from. */
  readonly inputs: string | null;
  /** The changelog of data/ as the writer read it, or null from a store written before it was kept. */
  readonly changelog: Changelog | null;
  /** The release the store is, or null from a store written before it was kept. */
  readonly release: Release | null;
}

/** A meta value parsed as JSON and checked by its schema, naming the key when it is not what the writer writes. */
function parsed<T>(key: string, text: string | undefined, schema: { parse(value: unknown): T }): T | null {
  if (text === undefined) return null;
  try {
    return schema.parse(JSON.parse(text));
  } catch (error) {
    throw new Error(`The store's meta row "${key}" is not what the writer writes (rebuild the store: npm run rebuild): ${(error as Error).message}`);
  }
}

/** Reads the meta table. */
export function storeMeta(): StoreMeta {
  const rows = new Map(store().select().from(t.meta).all().map((row) => [row.key, row.value]));
  const bootstrap = rows.get("bootstrap");
  return {
    bootstrap: bootstrap === undefined ? null : (JSON.parse(bootstrap) as BootstrapSettings),
    inputs: rows.get("inputs") ?? null,
    changelog: parsed(HISTORY_KEYS.changelog, rows.get(HISTORY_KEYS.changelog), ChangelogSchema),
    release: parsed(HISTORY_KEYS.release, rows.get(HISTORY_KEYS.release), ReleaseSchema),
  };
}
