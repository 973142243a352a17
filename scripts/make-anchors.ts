/**
 * `node scripts/make-anchors.ts [--count 60] [--datasets <dir>]`: writes data/benchmarks/<id>/anchors.json for
 * every benchmark that declares anchoring and whose dataset is present. Run once per benchmark version: the
 * anchor set is part of the benchmark's definition, and submitted ratings refer to it. (A benchmark without
 * the file takes the same rule's choice from its dataset on every build.)
 */
import "./check-node.mjs";
import path from "node:path";
import { parseArgs } from "node:util";
import { datasetsRoot, loadBenchmarks, locateDataset, readDataset } from "./benchmarks/registry.ts";
import { anchorsFile, chosenAnchorList } from "./pipeline/import-anchors.ts";
import { importPackage } from "./pipeline/import-package.ts";
import { displayPath } from "./io/read-data.ts";
import { emptyContent } from "./store/store-content.ts";
import { writeFileAtomic } from "./io/write-file.ts";
import { escapeTerminal } from "./io/terminal-text.ts";

const { values } = parseArgs({ options: { count: { type: "string", default: "60" }, datasets: { type: "string" } } });
for (const folder of await loadBenchmarks(path.resolve(import.meta.dirname, "../data"))) {
  const location = locateDataset(folder, datasetsRoot(values.datasets));
  if (folder.benchmark.anchoring === null || location.dir === null) continue;
  const content = emptyContent();
  importPackage(content, folder.benchmark, readDataset(folder, location.dir));
  const list = chosenAnchorList(content, folder.benchmark, Number(values.count));
  const file = anchorsFile(folder.dir);
  writeFileAtomic(file, `${JSON.stringify({ ...list, method: `scripts/make-anchors.ts: ${list.method}` }, null, 2)}\n`);
  console.log(`${escapeTerminal(displayPath(file))}: ${list.videos.length} anchors`);
}
