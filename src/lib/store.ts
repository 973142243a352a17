/** The build's one read-only connection to the store, opened on first use. */
import { openStoreReadonly, type Store } from "../../db/client.ts";

let cached: Store | undefined;

/** The store for loaders; every page of one build reads the same connection. */
export function store(): Store {
  cached ??= openStoreReadonly();
  return cached;
}
