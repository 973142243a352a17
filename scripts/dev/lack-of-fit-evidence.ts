/**
 * `node scripts/dev/lack-of-fit-evidence.ts [--datasets <dir>]`: the evidence behind FETV's lack-of-fit thresholds
 * (anchoring.lackOfFit; see /methodology/#anchor-diagnostics). For each FETV model, the 45 anchors that are not
 * its own: each of FETV's raters alone as the panel (honest), and the three raters' ratings passed through a
 * curve. Prints the quadratic term's p-value per model × perspective cell, and how many cells fall below the thresholds.
 */
import "../check-node.mjs";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { quadraticLackOfFit } from "../../src/engine/index.ts";
import { datasetsRoot, loadBenchmarks, locateDataset, readDataset } from "../benchmarks/registry.ts";
import { anchorsFile } from "../pipeline/import-anchors.ts";
import { importPackage } from "../pipeline/import-package.ts";
import { emptyContent } from "../store/store-content.ts";

const { values } = parseArgs({ options: { datasets: { type: "string" } } });
const folder = (await loadBenchmarks(path.resolve(import.meta.dirname, "../../data"))).find((f) => f.benchmark.id === "fetv");
const location = folder && locateDataset(folder, datasetsRoot(values.datasets));
if (!folder || !location?.dir || !folder.benchmark.anchoring) throw new Error("needs FETV's dataset (see README: datasets)");
const content = emptyContent();
importPackage(content, folder.benchmark, readDataset(folder, location.dir));
const anchors = (JSON.parse(fs.readFileSync(anchorsFile(folder.dir), "utf8")) as { videos: string[] }).videos;
const raters = [...new Set(content.ratings.map((r) => r.rater))].sort();
const models = [...new Set(content.videos.filter((v) => v.labelled && !v.isReference).map((v) => v.t2vEntryId))].sort();
const perspectives = folder.benchmark.perspectives.filter((p) => p.kind === "mos").map((p) => p.id);
const rating = new Map(content.ratings.map((r) => [`${r.videoId}\u0000${r.perspectiveId}\u0000${r.rater}`, r.score]));
const of = (video: string, perspective: string, rater: string) => rating.get(`${video}\u0000${perspective}\u0000${rater}`) as number;
const truth = (video: string, perspective: string) => raters.reduce((sum, r) => sum + of(video, perspective, r), 0) / raters.length;
const curves: Record<string, (x: number) => number> = {
  lenient: (x) => Math.min(5, x + 1),
  convex: (x) => Math.round(1 + 4 * ((x - 1) / 4) ** 2),
  concave: (x) => Math.round(1 + 4 * Math.sqrt((x - 1) / 4)),
  "three levels": (x) => (x >= 4 ? 5 : x <= 2 ? 1 : 3),
};
const { flagBelowP, refuseBelowP } = folder.benchmark.anchoring.lackOfFit;
const panels: { name: string; raters: string[]; curve: (x: number) => number }[] = [
  ...raters.map((r) => ({ name: `honest: ${r} alone`, raters: [r], curve: (x: number) => x })),
  ...Object.entries(curves).map(([name, curve]) => ({ name: `curved: ${name}, all raters`, raters, curve })),
];
for (const panel of panels) {
  const ps: number[] = [];
  for (const model of models) {
    const set = anchors.filter((a) => !a.startsWith(`${model}/`));
    for (const perspective of perspectives) {
      const x = set.map((a) => truth(a, perspective));
      const y = set.map((a) => panel.raters.reduce((sum, r) => sum + panel.curve(of(a, perspective, r)), 0) / panel.raters.length);
      const fit = quadraticLackOfFit(x, y);
      if (fit === null) throw new Error(`no lack-of-fit test for ${model} ${perspective}`);
      ps.push(fit.p);
    }
  }
  const below = (t: number) => ps.filter((p) => p < t).length;
  console.log(`${panel.name}: ${ps.length} cells, min p ${Math.min(...ps).toExponential(1)}, max p ${Math.max(...ps).toExponential(1)}; flagged (p < ${flagBelowP}) ${below(flagBelowP)}, refused (p < ${refuseBelowP}) ${below(refuseBelowP)}`);
}
