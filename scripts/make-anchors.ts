/**
 * `node scripts/make-anchors.ts [--count 60] [--datasets <dir>]`: writes data/benchmarks/<id>/anchors.json for
 * every benchmark that declares anchoring and whose dataset is present. Run once per benchmark version: the
 * anchor set is part of the benchmark's definition, and submitted ratings refer to it.
 */
import "./check-node.mjs";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ADAPTERS, datasetsRoot, locateDataset } from "./benchmarks/registry.ts";
import { readBenchmarks } from "./lib/build-content.ts";
import { chooseAnchors } from "./lib/choose-anchors.ts";
import { anchorsFile } from "./lib/import-anchors.ts";
import { displayPath } from "./lib/read-data.ts";
import { emptyContent } from "./lib/store-content.ts";

const { values } = parseArgs({ options: { count: { type: "string", default: "60" }, datasets: { type: "string" } } });
const count = Number(values.count);
for (const { dir, benchmark } of readBenchmarks(path.resolve(import.meta.dirname, "../data"))) {
  const adapter = ADAPTERS[benchmark.id];
  const location = locateDataset(benchmark.id, datasetsRoot(values.datasets));
  if (benchmark.anchoring === null || adapter === undefined || location.dir === null) continue;
  const content = emptyContent();
  adapter.importDataset(content, benchmark, location.dir);
  const perspectives = benchmark.perspectives.filter((p) => p.kind === "mos").map((p) => p.id);
  const scores = new Map<string, number[]>();
  for (const g of content.groundTruth) if (g.mos !== null && g.mos !== undefined && perspectives.includes(g.perspectiveId)) scores.set(g.videoId, [...(scores.get(g.videoId) ?? []), g.mos]);
  const candidates = content.videos
    .filter((v) => v.labelled && !v.isReference && (scores.get(v.id)?.length ?? 0) === perspectives.length)
    .map((v) => ({ id: v.id, model: v.t2vEntryId, prompt: v.promptId, score: (scores.get(v.id) ?? []).reduce((a, b) => a + b, 0) / perspectives.length }));
  const videos = chooseAnchors(candidates, count);
  const list = {
    method:
      `scripts/make-anchors.ts: ${count} labelled videos of the T2V models, the same number from each model; within a model, its videos ranked by ` +
      `their human score (mean over ${perspectives.join(", ")}) and split into equal shares, the median video of each share, no prompt used twice.`,
    videos,
  };
  const file = anchorsFile(dir);
  fs.writeFileSync(file, `${JSON.stringify(list, null, 2)}\n`);
  console.log(`${displayPath(file)}: ${videos.length} anchors`);
}
