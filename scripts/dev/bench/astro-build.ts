/**
 * One `astro build` of a store into a folder, timed (`timedRun`: wall and child CPU seconds, stopped at a cap), and
 * what it wrote: pages, bytes, the largest file.
 */
import fs from "node:fs";
import path from "node:path";
import { timedRun, type TimedRun } from "./timed-run.ts";

/** What one build cost and wrote (the sizes are of what it wrote, also when it failed). */
export interface AstroBuild extends TimedRun {
  readonly pages: number;
  readonly distBytes: number;
  readonly largestFile: { readonly name: string; readonly bytes: number };
}

/** The files under `dir` with their sizes, paths relative to it (none when it does not exist). */
export function distFiles(dir: string): { name: string; bytes: number }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return { name: path.relative(dir, file), bytes: fs.statSync(file).size };
    });
}

/** Builds the site from `store` into `dist` (emptied first), stopping it after `capSeconds`. */
export async function timedAstroBuild(store: string, dist: string, capSeconds: number): Promise<AstroBuild> {
  fs.rmSync(dist, { recursive: true, force: true });
  const run = await timedRun(["node_modules/astro/bin/astro.mjs", "build", "--outDir", dist], { AIGVE_STORE: store }, capSeconds);
  const files = distFiles(dist);
  return {
    ...run,
    pages: files.filter((f) => f.name.endsWith(".html")).length,
    distBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    largestFile: files.reduce((a, b) => (b.bytes > a.bytes ? b : a), { name: "–", bytes: 0 }),
  };
}
