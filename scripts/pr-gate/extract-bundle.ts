/** Writes the files of the bundle the gate accepted into a fresh folder, as data: names were checked, bytes are copied. */
import fs from "node:fs";
import path from "node:path";
import type { Change } from "./changes.ts";

/** Copies the accepted bundle's files (flat, by their checked names) into `outDir`, which must not exist yet. */
export function extractBundle(changes: readonly Change[], bundleFolder: string, outDir: string): string {
  fs.mkdirSync(outDir, { recursive: false });
  for (const change of changes) {
    if (path.posix.dirname(change.path) !== bundleFolder) throw new Error(`${JSON.stringify(change.path)} is not in the accepted bundle ${bundleFolder}`);
    // "wx": never follow or overwrite anything already there.
    fs.writeFileSync(path.join(outDir, path.posix.basename(change.path)), change.read(), { flag: "wx" });
  }
  return outDir;
}
