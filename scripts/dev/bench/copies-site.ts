/**
 * A built site whose FETV V2T boards hold N submitted entries with stored resamples, as the submitted-growth case
 * makes them: the store rebuilt from a copy of data/ with the FETV dataset, N copies of the recomputed UMTScore entry
 * added by SQL and ranked by the project's ranking step (add-submitted-copies.ts, a process of its own), then the
 * site built from it by the locked out-of-tree build. The compare and board-weight cases measure such a site.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSiteInto } from "../astro-build.ts";
import { copyData } from "../copy-data.ts";
import { hasChromium } from "../../../tests/support/browser.ts";
import { hasFetv } from "./submissions.ts";
import type { BenchRow } from "./table.ts";

const REPO = path.resolve(import.meta.dirname, "../../..");
const DATASETS = path.resolve(REPO, "..", "shared", "datasets");

/** The benchmark and the entry whose copies the site holds. */
export const COPIED = { benchmark: "fetv", source: "umtscore" } as const;

/** The id entry-copies.ts gives copy `k` (zero-padded, so id order is copy order). */
export const copyId = (k: number): string => `bench-copy-${String(k).padStart(5, "0")}`;

/** A site of copies: its temporary folder (remove it when done), its store and its dist/. */
export interface CopiesSite {
  readonly root: string;
  readonly store: string;
  readonly dist: string;
}

/** Makes the store with `count` copies and builds the site from it (minutes at thousands of copies). */
export function makeCopiesSite(count: number): CopiesSite {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-copies-site-"));
  try {
    const data = path.join(root, "data");
    copyData(path.join(REPO, "data", "benchmarks"), path.join(data, "benchmarks"));
    const store = path.join(root, "store.sqlite");
    execFileSync(process.execPath, ["scripts/rebuild.ts", "--data", data, "--store", store, "--datasets", DATASETS], { cwd: REPO, stdio: "pipe", env: { ...process.env, AIGVE_CACHE: path.join(root, "cache") } });
    execFileSync(process.execPath, ["scripts/dev/bench/add-submitted-copies.ts", store, COPIED.benchmark, COPIED.source, String(count)], { cwd: REPO, stdio: "pipe" });
    const dist = path.join(root, "dist");
    buildSiteInto(store, dist);
    return { root, store, dist };
  } catch (error) {
    fs.rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A case's rows measured on a site of `count` copies (made, measured, removed), or none, with a line saying why,
 * where the FETV dataset or Chromium is missing. `count` is the environment variable `sizeVariable` if set, else
 * 1,000 (100 with BENCH_QUICK=1).
 */
export async function rowsOnCopiesSite(what: string, sizeVariable: string, measure: (site: CopiesSite, count: number) => Promise<BenchRow[]>): Promise<BenchRow[]> {
  if (!hasFetv() || !hasChromium()) {
    console.log(`${what} bench skipped: it needs the FETV dataset and Chromium.\n`);
    return [];
  }
  const asked = Number(process.env[sizeVariable]);
  const count = Number.isInteger(asked) && asked > 0 ? asked : process.env.BENCH_QUICK === "1" ? 100 : 1000;
  const site = makeCopiesSite(count);
  try {
    return await measure(site, count);
  } finally {
    fs.rmSync(site.root, { recursive: true, force: true });
  }
}
