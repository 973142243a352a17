/**
 * `astro build` of the site from a given store into a given folder, one build at a time in this checkout. Astro
 * writes the pages it prerenders for an outDir outside the checkout into the checkout's own `.astro/.prerender/`,
 * so two such builds at once (test files run in parallel; a bench beside them) would overwrite each other's chunks
 * and fail with ERR_MODULE_NOT_FOUND. A lock folder under `.astro/` makes them take turns.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const REPO = path.resolve(import.meta.dirname, "../..");
const LOCK = path.join(REPO, ".astro", "out-of-tree-build.lock");
/** The most output a build may print (kept in memory until it ends, and shown when it fails). */
const LOG_BYTES = 256 * 1024 * 1024;
/** How long a build waits for another to finish before it gives up. */
const WAIT_MS = 30 * 60_000;

/** Builds the site from `store` into `dist` (emptied first), after any other out-of-tree build of this checkout. */
export function buildSiteInto(store: string, dist: string, env: Readonly<Record<string, string>> = {}): void {
  const release = acquire();
  try {
    fs.rmSync(dist, { recursive: true, force: true });
    // Astro logs a line per file written: 1.5 MB at 3,000 FETV V2T entries, past execFileSync's default 1 MB, at which it kills the build.
    execFileSync(process.execPath, ["node_modules/astro/bin/astro.mjs", "build", "--outDir", dist], { cwd: REPO, stdio: "pipe", maxBuffer: LOG_BYTES, env: { ...process.env, ...env, AIGVE_STORE: store } });
  } finally {
    release();
  }
}

/** Whether the process that holds the lock has gone (a killed test run leaves its lock behind). */
function holderGone(): boolean {
  try {
    const pid = Number(fs.readFileSync(path.join(LOCK, "pid"), "utf8"));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // No pid yet: the holder is between making the folder and writing it.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function acquire(): () => void {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + WAIT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, "pid"), String(process.pid));
      return () => fs.rmSync(LOCK, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (holderGone()) fs.rmSync(LOCK, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`another astro build of this checkout held ${LOCK} for ${WAIT_MS / 60_000} minutes`);
    else Atomics.wait(pause, 0, 0, 250);
  }
}
