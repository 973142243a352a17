/**
 * Boards that stay light (issue 18, item 3): FETV (from its dataset) with N synthetic published V2T entries besides its
 * own (the site-build bench's writer), the site built, then the V2T board page weighed as it loads before interaction (HTML, CSS, scripts and
 * their imports, gzipped) and the largest file in dist/. N is 10,000 (1,000 with BENCH_QUICK=1, or
 * BENCH_BOARD_ENTRIES).
 */
import fs from "node:fs";
import { datasetsRoot } from "../../benchmarks/registry.ts";
import { pageWeight } from "./page-weight.ts";
import { filesUnder, makeSyntheticSite } from "./site-build.ts";
import { formatBytes, type BenchRow } from "./table.ts";

/** The board page at most 150 KB gzipped before interaction, no file over 5 MB (issue 18, "Done when"). */
const PAGE_LIMIT = 150 * 1024;
const FILE_LIMIT = 5 * 1024 * 1024;

/** The entries the case builds with. */
function entries(): number {
  const asked = Number(process.env.BENCH_BOARD_ENTRIES);
  if (Number.isInteger(asked) && asked > 0) return asked;
  return process.env.BENCH_QUICK === "1" ? 1000 : 10_000;
}

/** Builds the site with N V2T entries on FETV and returns the board-weight rows. */
export async function boardWeightRows(): Promise<BenchRow[]> {
  const count = entries();
  // FETV's own methods come from its dataset (its training-data.json names them), so the store is built with it.
  const site = makeSyntheticSite(count, { benchmarks: ["fetv"], directions: ["v2t"], datasets: datasetsRoot() });
  try {
    const weight = pageWeight(site.dist, "/fetv/v2t/");
    const sizes = filesUnder(site.dist).map((file) => ({ file, bytes: fs.statSync(file).size }));
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a), { file: "", bytes: 0 });
    const total = sizes.reduce((sum, f) => sum + f.bytes, 0);
    console.log(
      `\nBoard weight, FETV with ${count.toLocaleString("en")} V2T entries: /fetv/v2t/ HTML ${formatBytes(weight.htmlBytes)} ` +
        `(${formatBytes(weight.beforeInteractionGzip)} gzipped with its CSS and scripts; chart islands, loaded on scroll, ` +
        `${formatBytes(weight.islandsGzip)} more); largest file ${largest.file.slice(site.dist.length)} ${formatBytes(largest.bytes)}; ` +
        `dist/ ${formatBytes(total)} in ${sizes.length.toLocaleString("en")} files.\n`,
    );
    return [
      { figure: `FETV V2T board page · ${count.toLocaleString("en")} entries · gzipped before interaction`, target: { kind: "size", maxBytes: PAGE_LIMIT }, oursMs: weight.beforeInteractionGzip, unit: "bytes", baseline: null },
      { figure: `largest file in dist/ · ${count.toLocaleString("en")} V2T entries on FETV (${largest.file.slice(site.dist.length)})`, target: { kind: "size", maxBytes: FILE_LIMIT }, oursMs: largest.bytes, unit: "bytes", baseline: null },
    ];
  } finally {
    fs.rmSync(site.root, { recursive: true, force: true });
  }
}
