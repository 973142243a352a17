/** The store's facts about itself (the meta table): the bootstrap settings and the fingerprint of its inputs. */
import * as t from "../../db/schema.ts";
import type { BootstrapSettings } from "../engine/index.ts";
import { store } from "./store.ts";

/** What the store says about how it was built. */
export interface StoreMeta {
  /** The settings every stored interval and resample was made with. */
  readonly bootstrap: BootstrapSettings | null;
  /** The fingerprint of the code, benchmark definitions and datasets the store was built from. */
  readonly inputs: string | null;
}

/** Reads the meta table. */
export function storeMeta(): StoreMeta {
  const rows = new Map(store().select().from(t.meta).all().map((row) => [row.key, row.value]));
  const bootstrap = rows.get("bootstrap");
  return {
    bootstrap: bootstrap === undefined ? null : (JSON.parse(bootstrap) as BootstrapSettings),
    inputs: rows.get("inputs") ?? null,
  };
}
