/** `node scripts/dev/make-metric-bundles.ts --out <dir> [--datasets <dir>]`: writes the datasets' metric scores as V2T bundles, to inspect or submit by hand. */
import "../check-node.mjs";
import path from "node:path";
import { parseArgs } from "node:util";
import { datasetsRoot, loadBenchmarks, locateDataset, readDataset } from "../benchmarks/registry.ts";
import { metricBundles, writeMetricBundles } from "../pipeline/metric-bundles.ts";
import { readTrainingRecords } from "../pipeline/training-rows.ts";
import { displayPath } from "../io/read-data.ts";
import { escapeTerminal } from "../io/terminal-text.ts";

const { values } = parseArgs({ options: { out: { type: "string" }, datasets: { type: "string" } } });
if (!values.out) {
  console.error("usage: node scripts/dev/make-metric-bundles.ts --out <dir> [--datasets <dir>]");
  process.exit(2);
}
const root = datasetsRoot(values.datasets);
const written: string[] = [];
for (const folder of await loadBenchmarks(path.resolve(import.meta.dirname, "../../data"))) {
  const location = locateDataset(folder, root);
  if (location.dir !== null) written.push(...writeMetricBundles(metricBundles(folder.benchmark, readDataset(folder, location.dir), readTrainingRecords(folder.dir)), path.resolve(values.out)));
}
if (written.length === 0) console.warn(`No dataset with metric scores found under ${root}; no bundles written.`);
for (const dir of written) console.log(escapeTerminal(displayPath(dir)));
