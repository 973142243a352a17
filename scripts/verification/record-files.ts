/** Where maintainers' records live in data/: one JSON file per entry, data/<kind>/<benchmark>/<direction>/<entry>.json. */
import fs from "node:fs";
import path from "node:path";

/** The two kinds of maintainer record. */
export type RecordKind = "verifications" | "withdrawals";

/** An entry a record is about. */
export interface EntryKey {
  readonly benchmark: string;
  readonly direction: "t2v" | "v2t";
  readonly entry: string;
}

/** The record file of an entry. */
export function recordPath(dataDir: string, kind: RecordKind, key: EntryKey): string {
  return path.join(dataDir, kind, key.benchmark, key.direction, `${key.entry}.json`);
}

/** The evidence file a verification keeps beside its record: re-run scores (V2T, JSON lines) or a panel's ratings (T2V, CSV). */
export function evidencePath(dataDir: string, key: EntryKey): string {
  return path.join(dataDir, "verifications", key.benchmark, key.direction, `${key.entry}.evidence.${key.direction === "v2t" ? "jsonl" : "csv"}`);
}

/** Every record file of a kind (`*.json`, not evidence or temporaries), in path order. */
export function recordFiles(dataDir: string, kind: RecordKind): string[] {
  const root = path.join(dataDir, kind);
  const found: string[] = [];
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".json")) found.push(full);
    }
  };
  walk(root);
  return found;
}

/** The entry a record file's place names (`<benchmark>/<direction>/<entry>.json` under its kind), or null when misplaced. */
export function keyOfPath(dataDir: string, kind: RecordKind, file: string): EntryKey | null {
  const parts = path.relative(path.join(dataDir, kind), file).split(path.sep);
  if (parts.length !== 3) return null;
  const [benchmark, direction, name] = parts as [string, string, string];
  if (direction !== "t2v" && direction !== "v2t") return null;
  return { benchmark, direction, entry: name.replace(/\.json$/, "") };
}
