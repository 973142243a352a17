/** The store's own costs: a cold rebuild of the repository's benchmarks, and writing a million result rows. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { emptyContent } from "../../store/store-content.ts";
import { writeStore } from "../../store/write-store.ts";

const REPO = path.resolve(import.meta.dirname, "../../..");

/** Seconds of `npm run rebuild` with an empty scoring cache (every figure computed afresh) into a temporary store. */
export function timeColdRebuild(): number {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-bench-cold-"));
  try {
    const started = performance.now();
    execFileSync(process.execPath, ["scripts/rebuild.ts", "--store", path.join(root, "store.sqlite")], { cwd: REPO, stdio: "pipe", env: { ...process.env, AIGVE_CACHE: path.join(root, "cache") } });
    return (performance.now() - started) / 1000;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Seconds to write a store holding `rows` result rows (canonical order, one transaction, then the rename), in a
 * fresh process as every whole run here: the heap the earlier cases leave behind is not this write's cost.
 */
export function timeResultRowsWrite(rows: number): number {
  const out = execFileSync(process.execPath, ["scripts/dev/bench/write-rows.ts", String(rows)], { cwd: REPO, encoding: "utf8" });
  return Number(out.trim());
}

/** Seconds to write a store of `rows` result rows in this process (what write-rows.ts runs). */
export function writeResultRows(rows: number): number {
  const content = emptyContent();
  for (let i = 0; i < rows; i++) {
    content.results.push({
      benchmarkId: "bench",
      direction: i % 2 === 0 ? "t2v" : "v2t",
      entryId: `entry-${i % 5000}`,
      level: i % 3 === 0 ? "model" : "instance",
      dimension: `d${(i >> 2) % 23}`,
      perspectiveId: `p${i % 7}`,
      metric: `m${i}`,
      value: (i % 1000) / 1000,
      ciLow: 0,
      ciHigh: 1,
      ciNote: null,
      n: 100,
      provenance: "recomputed",
      source: "bench",
    });
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-bench-rows-"));
  try {
    const started = performance.now();
    writeStore(content, path.join(root, "store.sqlite"));
    return (performance.now() - started) / 1000;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
