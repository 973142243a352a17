/**
 * What interrupted writes leave behind: a store written to `<store>.<pid>.tmp` that never replaced the store,
 * a bundle copied to `<entry>.<pid>.tmp` that never became its folder, a verification record or its evidence
 * written to `<file>.<pid>.tmp` that never replaced it. Only the holder of the write lock
 * writes them, so whoever holds the lock may remove every one it finds.
 */
import fs from "node:fs";
import path from "node:path";
import { isTemporaryName, submissionsDir } from "../submissions/import-submissions.ts";

function walk(dir: string, found: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (isTemporaryName(entry.name)) found.push(full);
    else if (entry.isDirectory()) walk(full, found);
  }
}

/** Removes stale temporary files of the store, of data/submissions/ and of data/verifications/; returns what it removed. Call with the write lock held. */
export function removeStaleTemporaries(dataDir: string, store: string): string[] {
  const found: string[] = [];
  walk(submissionsDir(dataDir), found);
  walk(path.join(dataDir, "verifications"), found);
  const storeDir = path.dirname(store);
  if (fs.existsSync(storeDir) && fs.statSync(storeDir).isDirectory()) {
    const prefix = `${path.basename(store)}.`;
    for (const name of fs.readdirSync(storeDir)) {
      if (name.startsWith(prefix) && isTemporaryName(name)) found.push(path.join(storeDir, name));
    }
  }
  for (const file of found) fs.rmSync(file, { recursive: true, force: true });
  return found;
}
