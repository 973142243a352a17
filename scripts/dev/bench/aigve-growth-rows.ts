/**
 * Issue 18's AIGVE-60K growth target: the full-size synthetic AIGVE-60K release (58,500 videos, as
 * the aigve-submit case makes it, aigve-submit.ts) with 250 and then 1,000 extra published V2T rows (published files, as
 * site-build.ts writes them); the build's CPU (the store's rebuild plus `astro build`, each a child process, user +
 * system seconds) may grow at most 4.5× for the 4× rows. Each build starts from an empty scoring cache, so the
 * second does not reuse the first's work.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openStoreFile } from "../../../db/file.ts";
import { createRandom } from "../../../src/engine/index.ts";
import { columnKey } from "../../../src/schemas/board.ts";
import { readBenchmarkDefinitions } from "../../benchmarks/registry.ts";
import { copyData } from "../copy-data.ts";
import { writeSyntheticRelease } from "../synthetic-aigve-release.ts";
import { FULL_SIZE } from "./aigve-submit.ts";
import { timedAstroBuild, type AstroBuild } from "./astro-build.ts";
import { figure } from "./site-build.ts";
import type { BenchRow } from "./table.ts";
import { timedRun, type TimedRun } from "./timed-run.ts";

const REPO = path.resolve(import.meta.dirname, "../../..");

/** The release's size, as the full-size submit bench makes it. */
const RELEASE = FULL_SIZE;

/** One build with some extra published rows: the rebuild's and the site build's costs. */
export interface AigveBuild {
  readonly extra: number;
  readonly rebuild: TimedRun;
  /** AIGVE-60K's videos in the rebuilt store: the release's 58,500 when the rebuild read it. */
  readonly storedVideos: number;
  /** The site build, or null when the rebuild failed. */
  readonly site: AstroBuild | null;
}

/** Appends `count` published V2T rows (random figures in each column's range, seeded by the count) to AIGVE-60K's v2t-methods.csv. */
function appendPublishedRows(data: string, count: number): void {
  const definition = readBenchmarkDefinitions(data).find((d) => d.benchmark.id === "aigve-60k");
  if (definition === undefined) throw new Error(`${data}: no aigve-60k benchmark to add rows to`);
  const { dir, benchmark } = definition;
  const metricOf = new Map<string, string>([...benchmark.boards["v2t-instance"].map((c) => [`instance_${columnKey(c)}`, c.metric] as const), ...benchmark.boards["v2t-model"].map((c) => [`model_${columnKey(c)}`, c.metric] as const)]);
  const file = path.join(dir, "published", "v2t-methods.csv");
  // The authors' file has CRLF line ends; the rows added here follow its header, not its line ends.
  const lines = fs.readFileSync(file, "utf8").trimEnd().split(/\r?\n/);
  const header = (lines[0] ?? "").split(",").map((cell) => cell.trim());
  const random = createRandom(count);
  const next = () => random.nextFloat();
  for (let i = 0; i < count; i++) {
    const cells = header.map((name) => {
      if (name === "method") return `Bench Method ${i + 1}`;
      if (name === "kind") return "lmm-metric";
      const metric = metricOf.get(name);
      if (metric === undefined) throw new Error(`${file}: column "${name}" is no V2T column of aigve-60k's boards`);
      return figure(metric, next);
    });
    lines.push(cells.join(","));
  }
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
}

/** AIGVE-60K's videos in a store. */
function countVideos(store: string): number {
  const db = openStoreFile(store);
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "videos" WHERE "benchmark_id" = 'aigve-60k'`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Rebuilds the store of the full-size release with `extra` published V2T rows and builds the site from it, both timed. */
export async function timeAigveBuild(extra: number, capSeconds: number): Promise<AigveBuild> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-bench-growth-"));
  try {
    const datasets = path.join(root, "datasets");
    writeSyntheticRelease(path.join(datasets, "aigve-60k"), RELEASE);
    const data = path.join(root, "data");
    copyData(path.join(REPO, "data", "benchmarks", "aigve-60k"), path.join(data, "benchmarks", "aigve-60k"));
    appendPublishedRows(data, extra);
    const store = path.join(root, "store.sqlite");
    const rebuild = await timedRun(["scripts/rebuild.ts", "--data", data, "--store", store, "--datasets", datasets], { AIGVE_CACHE: path.join(root, "cache") }, capSeconds);
    const storedVideos = rebuild.failure === null ? countVideos(store) : 0;
    // A store without the release's videos would time the published-only site: not what this case measures.
    const checked = rebuild.failure === null && storedVideos !== RELEASE.videos ? { ...rebuild, failure: `the store holds ${storedVideos} AIGVE-60K videos, not the release's ${RELEASE.videos}` } : rebuild;
    const site = checked.failure === null ? await timedAstroBuild(store, path.join(root, "dist"), capSeconds) : null;
    return { extra, rebuild: checked, storedVideos, site };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The growth rows: builds with `sizes[0]` and `sizes[1]` extra rows (250 and 1,000 by default), the larger's CPU
 * against the smaller's, at most 4.5× for 4× the rows (the same proportion of the ratio of sizes for others).
 */
export async function aigveGrowthRows(sizes: readonly number[] = [250, 1000], capSeconds = 30 * 60): Promise<BenchRow[]> {
  const [smaller, larger] = sizes;
  if (sizes.length !== 2 || smaller === undefined || larger === undefined || !(larger > smaller && smaller > 0)) throw new RangeError(`the AIGVE-60K growth case takes two sizes, smaller first, not ${sizes.join(",")}`);
  const builds: AigveBuild[] = [];
  for (const extra of [smaller, larger]) {
    console.error(`aigve-growth: full-size release with ${extra} extra published V2T rows…`);
    builds.push(await timeAigveBuild(extra, capSeconds));
  }
  const [small, large] = builds as [AigveBuild, AigveBuild];
  const cpu = (b: AigveBuild) => b.rebuild.cpuSeconds + (b.site?.cpuSeconds ?? Number.NaN);
  console.log(`\nFull-size synthetic AIGVE-60K (${RELEASE.videos.toLocaleString("en")} videos) with extra published V2T rows, child CPU seconds (wall):\n`);
  console.log("| extra rows | videos stored | rebuild CPU | astro build CPU | total CPU | astro build wall | pages | dist/ |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const b of builds) {
    const site = b.site === null ? `– | – | – | – | – (rebuild: ${b.rebuild.failure})` : `${b.site.cpuSeconds.toFixed(1)} s | ${cpu(b).toFixed(1)} s | ${b.site.wallSeconds.toFixed(1)} s${b.site.failure === null ? "" : ` (${b.site.failure})`} | ${b.site.pages} | ${(b.site.distBytes / 1e6).toFixed(1)} MB`;
    console.log(`| ${b.extra.toLocaleString("en")} | ${b.storedVideos.toLocaleString("en")} | ${b.rebuild.cpuSeconds.toFixed(1)} s | ${site} |`);
  }
  console.log(`\nCPU ratio ${larger}/${smaller}: total ${(cpu(large) / cpu(small)).toFixed(2)}×, astro build alone ${((large.site?.cpuSeconds ?? Number.NaN) / (small.site?.cpuSeconds ?? Number.NaN)).toFixed(2)}× (rows ${(larger / smaller).toFixed(1)}×).\n`);
  const failure = [small, large].map((b) => (b.rebuild.failure !== null ? `rebuild with ${b.extra}: ${b.rebuild.failure}` : b.site?.failure == null ? null : `build with ${b.extra}: ${b.site.failure}`)).find((f) => f !== null) ?? undefined;
  const max = (4.5 / 4) * (larger / smaller);
  return [
    {
      figure: `build CPU (rebuild + astro build) · full-size synthetic AIGVE-60K + ${larger.toLocaleString("en")} extra published V2T rows, against + ${smaller.toLocaleString("en")}`,
      target: { kind: "ratio", max },
      oursMs: cpu(large) * 1000,
      baseline: { name: `the same with ${smaller.toLocaleString("en")}`, ms: cpu(small) * 1000 },
      ...(failure === undefined ? {} : { failure }),
    },
  ];
}
