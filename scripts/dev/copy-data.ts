/** Copies a data folder for a run that changes it (tests, benches): files are copied, benchmark code is linked. */
import fs from "node:fs";
import path from "node:path";

/**
 * Copies `from` to `to`. A benchmark's code (adapter.ts and what it imports) is linked to the original rather
 * than copied, so that its imports of the project's modules still resolve from the repository.
 */
export function copyData(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  fs.cpSync(from, to, { recursive: true, filter: (source) => !source.endsWith(".ts") });
  for (const entry of fs.readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!(entry.isFile() || entry.isSymbolicLink()) || !entry.name.endsWith(".ts")) continue;
    const source = path.join(entry.parentPath, entry.name);
    fs.symlinkSync(fs.realpathSync(source), path.join(to, path.relative(from, source)));
  }
}
