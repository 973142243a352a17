/** The site's way to read the store: a drizzle client over better-sqlite3, typed by the store's schema. */
import type Database from "better-sqlite3";
// The driver module, not the "drizzle-orm/better-sqlite3" barrel (see db/schema.ts on load time).
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3/driver";
import { openStoreFile, storePath } from "./file.ts";
import * as schema from "./schema.ts";

/** A drizzle client typed by the store's schema. */
export type Store = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens the store read-only, for loaders; fails clearly when it has not been built yet. */
export function openStoreReadonly(file: string = storePath()): Store {
  return drizzle(openStoreFile(file), { schema }) as Store;
}
