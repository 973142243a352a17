/**
 * Issue 18's site-growth target with entries that have stored resamples: the store rebuilt from data/ with the real
 * FETV dataset, then N submitted V2T entries on FETV (copies of its recomputed UMTScore entry under new ids, written
 * by SQL: `addV2tCopies`) ranked by the project's ranking step (`rerankInPlace`), both in a child process
 * (add-submitted-copies.ts), then `astro build` timed (wall and child CPU) at 100, 1,000 and 10,000 copies. Rows:
 * the largest build within 15 minutes; its wall and CPU time, and dist/'s bytes, within 1.25× of the line through
 * the two smaller builds; no file in dist/ over 5 MB. Each build is stopped at a cap (a store's making at three) and
 * then reported as failed.
 * On the largest build, with Chromium, it also measures that site as a reader meets it: the compare view with four
 * entries (compare-view.ts) and the board page's weight and a search for its last entry (board-page.ts), so that
 * issue 18's 10,000-entry rows come from one build.
 * The copies carry UMTScore's figures and resamples unchanged, so they tie with it and with each other on every
 * board: the ranking step still compares every entry on every resample, as it would distinct ones.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { datasetsRoot, locateDataset, readBenchmarkDefinitions } from "../../benchmarks/registry.ts";
import { hasChromium } from "../../../tests/support/browser.ts";
import { timedAstroBuild, type AstroBuild } from "./astro-build.ts";
import { measureBoardPage } from "./board-page.ts";
import { measureCompareView } from "./compare-view.ts";
import { predictedByTwoSmallest } from "./growth.ts";
import type { BenchRow } from "./table.ts";
import { timedRun, type TimedRun } from "./timed-run.ts";

const REPO = path.resolve(import.meta.dirname, "../../..");
/** The entry copied: FETV's recomputed UMTScore, whose figures come with intervals and stored resamples. */
const BENCHMARK = "fetv";
const SOURCE = "umtscore";
/** Issue 18's limits: the largest build's wall time, the largest file, the growth against the line. */
const MAX_BUILD_MS = 15 * 60_000;
const MAX_FILE_BYTES = 5e6;
const MAX_GROWTH = 1.25;

/** One size: the making of its store (copies written, boards ranked: a child process) and the build. */
export interface SubmittedBuild {
  readonly entries: number;
  /** The store's making, wall and CPU; its two steps' seconds when it finished. */
  readonly making: TimedRun & { readonly copySeconds: number; readonly rankSeconds: number };
  readonly storeBytes: number;
  /** The build, or null when the store could not be made. */
  readonly build: AstroBuild | null;
  /** The rows of the built site as a reader meets it (compare view, board page), when asked for and the build finished. */
  readonly siteRows: readonly BenchRow[];
}

/** Why the case cannot run here (no FETV dataset), or null. */
function missingFetv(): string | null {
  const definition = readBenchmarkDefinitions(path.join(REPO, "data")).find((d) => d.benchmark.id === BENCHMARK);
  if (definition === undefined) return "data/ has no FETV benchmark";
  return locateDataset(definition, datasetsRoot()).dir === null ? `no FETV dataset under ${datasetsRoot()}` : null;
}

/**
 * Copies `base` into `store`, adds `entries` copies, ranks FETV's V2T boards again and builds the site, timed; with
 * `measureSite`, then measures the built compare view and board page.
 */
async function timeSize(base: string, root: string, entries: number, capSeconds: number, measureSite: boolean): Promise<SubmittedBuild> {
  const store = path.join(root, `store-${entries}.sqlite`);
  const dist = path.join(root, `dist-${entries}`);
  try {
    fs.copyFileSync(base, store);
    console.error(`submitted-growth: ${entries.toLocaleString("en")} copies: writing them and ranking FETV's V2T boards…`);
    // Making the store is set-up, not the target: 10,000 copies took 21 min (130 s writing, 19 min ranking) at a load of 12 on 2 cores, hence 3 caps.
    const run = await timedRun(["scripts/dev/bench/add-submitted-copies.ts", store, BENCHMARK, SOURCE, String(entries)], {}, 3 * capSeconds);
    const steps = run.failure === null ? (JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}") as { copySeconds?: number; rankSeconds?: number }) : {};
    const making = { ...run, copySeconds: steps.copySeconds ?? Number.NaN, rankSeconds: steps.rankSeconds ?? Number.NaN };
    const storeBytes = fs.statSync(store).size;
    if (run.failure !== null) {
      console.error(`submitted-growth: the store of ${entries.toLocaleString("en")} copies was not made (${run.failure})`);
      return { entries, making, storeBytes, build: null, siteRows: [] };
    }
    console.error(`submitted-growth: copies written in ${making.copySeconds.toFixed(1)} s, ranked in ${making.rankSeconds.toFixed(1)} s; astro build…`);
    const build = await timedAstroBuild(store, dist, capSeconds);
    console.error(`submitted-growth: built in ${build.wallSeconds.toFixed(1)} s${build.failure === null ? "" : ` (${build.failure})`}`);
    const site = { root, store, dist };
    const siteRows = measureSite && build.failure === null ? [await measureCompareView(site, entries), ...(await measureBoardPage(site, entries))] : [];
    return { entries, making, storeBytes, build, siteRows };
  } finally {
    fs.rmSync(store, { force: true });
    fs.rmSync(dist, { recursive: true, force: true });
  }
}

/** Seconds to one decimal, or a dash where a stopped run left none. */
function seconds(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(1)} s` : "–";
}

/** Prints the builds as a table. */
function printBuilds(builds: readonly SubmittedBuild[]): void {
  console.log(`\nSite build with N submitted V2T entries on FETV (copies of ${SOURCE}, with stored resamples; FETV's 5 own beside them):\n`);
  console.log("| N | copies written | ranked | store | build wall | build CPU | peak memory | pages | dist/ | largest file |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const { entries, making, storeBytes, build } of builds) {
    const made = `${seconds(making.copySeconds)} | ${seconds(making.rankSeconds)}${making.failure === null ? "" : ` (${making.failure})`} | ${(storeBytes / 1e6).toFixed(0)} MB`;
    const built =
      build === null
        ? "– | – | – | – | – | –"
        : `${seconds(build.wallSeconds)}${build.failure === null ? "" : ` (${build.failure})`} | ${seconds(build.cpuSeconds)} | ${Number.isFinite(build.peakMb) ? `${build.peakMb.toFixed(0)} MB` : "–"} | ${build.pages} | ${(build.distBytes / 1e6).toFixed(1)} MB | ${build.largestFile.name} ${(build.largestFile.bytes / 1e6).toFixed(2)} MB`;
    console.log(`| ${entries.toLocaleString("en")} | ${made} | ${built} |`);
  }
  console.log("");
}

/** Why a size's figures are not those of a finished build, or null. */
function failureOf(b: SubmittedBuild): string | null {
  if (b.build === null) return `making the store of ${b.entries.toLocaleString("en")}: ${b.making.failure}`;
  return b.build.failure === null ? null : `build of ${b.entries.toLocaleString("en")}: ${b.build.failure}`;
}

/** The rows of the largest build and of the growth over all three; a build that failed makes each row it enters fail. */
function growthRows(builds: readonly SubmittedBuild[]): BenchRow[] {
  const largest = builds.reduce((a, b) => (b.entries > a.entries ? b : a));
  const sizes = builds.map((b) => b.entries.toLocaleString("en")).join(", ");
  const failed = builds.map(failureOf).find((f) => f !== null);
  const failure = failed === undefined ? {} : { failure: failed };
  const largestFailure = failureOf(largest);
  const of = (b: SubmittedBuild, value: (build: AstroBuild) => number) => (b.build === null ? Number.NaN : value(b.build));
  const line = (value: (build: AstroBuild) => number) => predictedByTwoSmallest(builds.map((b) => ({ size: b.entries, value: of(b, value) })));
  const biggestFile = builds.reduce((a, b) => ((b.build?.largestFile.bytes ?? 0) > (a.build?.largestFile.bytes ?? 0) ? b : a));
  const n = largest.entries.toLocaleString("en");
  const wall = (b: AstroBuild) => b.wallSeconds * 1000;
  const cpu = (b: AstroBuild) => b.cpuSeconds * 1000;
  const bytes = (b: AstroBuild) => b.distBytes;
  return [
    { figure: `site build · ${n} submitted V2T entries on FETV (wall)`, target: { kind: "time", maxMs: MAX_BUILD_MS }, oursMs: of(largest, wall), baseline: null, ...(largestFailure === null ? {} : { failure: largestFailure }) },
    { figure: `site build wall growth · FETV V2T entries N = ${sizes}: the largest against the line through the two smaller`, target: { kind: "ratio", max: MAX_GROWTH }, oursMs: of(largest, wall), baseline: { name: "linear", ms: line(wall) }, ...failure },
    { figure: `site build CPU growth · FETV V2T entries N = ${sizes}: the largest against the line through the two smaller`, target: { kind: "ratio", max: MAX_GROWTH }, oursMs: of(largest, cpu), baseline: { name: "linear", ms: line(cpu) }, ...failure },
    { figure: `largest file in dist/ · FETV V2T entries N = ${sizes} (${biggestFile.build?.largestFile.name ?? "–"} at ${biggestFile.entries.toLocaleString("en")})`, target: { kind: "size", maxBytes: MAX_FILE_BYTES }, oursMs: of(biggestFile, (b) => b.largestFile.bytes), baseline: null, unit: "bytes", ...failure },
    { figure: `dist/ bytes growth · FETV V2T entries N = ${sizes}: the largest against the line through the two smaller`, target: { kind: "ratio", max: MAX_GROWTH }, oursMs: of(largest, bytes), baseline: { name: "linear", ms: line(bytes) }, unit: "bytes", ...failure },
  ];
}

/**
 * Builds the site with each number of submitted FETV V2T entries (three sizes or more, ascending: 100, 1,000 and
 * 10,000 for the issue's target), each build stopped after `capSeconds`; no rows without the FETV dataset.
 */
export async function submittedGrowthRows(sizes: readonly number[] = [100, 1000, 10_000], capSeconds = 2 * 60 * 15): Promise<BenchRow[]> {
  if (sizes.length < 3 || sizes.some((n, i) => !Number.isInteger(n) || n < 1 || (i > 0 && n <= (sizes[i - 1] as number)))) {
    throw new RangeError(`the submitted-growth case takes three or more ascending whole sizes, not ${sizes.join(",")}`);
  }
  const missing = missingFetv();
  if (missing !== null) {
    console.log(`\nSubmitted-growth site builds skipped: ${missing}.`);
    return [];
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-bench-submitted-"));
  try {
    const base = path.join(root, "base.sqlite");
    console.error("submitted-growth: rebuilding the store from data/ with the FETV dataset…");
    execFileSync(process.execPath, ["scripts/rebuild.ts", "--store", base, "--datasets", datasetsRoot()], { cwd: REPO, stdio: "pipe", env: { ...process.env, AIGVE_CACHE: path.join(root, "cache") } });
    const builds: SubmittedBuild[] = [];
    const largest = sizes.at(-1);
    for (const entries of sizes) builds.push(await timeSize(base, root, entries, capSeconds, entries === largest && hasChromium()));
    printBuilds(builds);
    return [...growthRows(builds), ...builds.flatMap((b) => b.siteRows)];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
