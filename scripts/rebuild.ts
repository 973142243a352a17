/** `npm run rebuild`: derives the SQLite store from data/ (deterministically, atomically, one writer at a time). */
import "./check-node.mjs";
import path from "node:path";
import { parseArgs } from "node:util";
import { storePath } from "../db/file.ts";
import { buildContent } from "./pipeline/build-content.ts";
import { InputError } from "./io/input-error.ts";
import { displayPath } from "./io/read-data.ts";
import { DEFAULT_CACHE_DIR } from "./scoring/cache.ts";
import { workerPool } from "./scoring/worker-pool.ts";
import { removeStaleTemporaries } from "./store/temporaries.ts";
import { escapeLines } from "./io/terminal-text.ts";
import { acquireWriteLock, BusyError, LockFileError } from "./store/write-lock.ts";
import { writeStore } from "./store/write-store.ts";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: path.resolve(import.meta.dirname, "../data") },
    store: { type: "string" },
    datasets: { type: "string" },
    resamples: { type: "string" },
  },
});

const dataDir = path.resolve(values.data);
const target = values.store ? path.resolve(values.store) : storePath();
let lock;
try {
  lock = acquireWriteLock(dataDir, (message) => console.log(message));
} catch (error) {
  if (error instanceof LockFileError) {
    console.error(error.message);
    process.exit(1);
  }
  if (!(error instanceof BusyError)) throw error;
  console.error(error.message);
  process.exit(75);
}
// Started first, the workers load their modules while this thread reads the datasets.
const pool = workerPool();
try {
  for (const file of removeStaleTemporaries(dataDir, target)) console.log(escapeLines(`Removed ${displayPath(file)}, left by an interrupted run.`));
  const started = performance.now();
  const content = await buildContent({
    dataDir,
    ...(values.datasets ? { datasetsDir: path.resolve(values.datasets) } : {}),
    ...(values.resamples ? { resamples: Number(values.resamples) } : {}),
    cacheDir: DEFAULT_CACHE_DIR,
    // Progress names files and entries from data/ and the datasets: printed escaped (terminal-text.ts).
    progress: (message) => console.log(escapeLines(message)),
    ...(pool ? { run: pool.run, rank: pool.rank } : {}),
  });
  writeStore(content, target);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Store ${displayPath(target)} rebuilt in ${seconds} s: ${content.benchmarks.length} benchmark(s), ` +
      `${content.t2vEntries.length} T2V and ${content.v2tEntries.length} V2T entries, ${content.results.length} results.`,
  );
} catch (error) {
  if (error instanceof InputError) {
    console.error(escapeLines(error.message));
    process.exitCode = 1;
  } else throw error;
} finally {
  await pool?.close();
  lock.release();
}
