/** `node scripts/make-metric-bundles.ts --out <dir> [--datasets <dir>]`: writes the FETV/TVGE metric bundles to inspect or submit by hand. */
import "./check-node.mjs";
import path from "node:path";
import { parseArgs } from "node:util";
import { datasetsRoot } from "./benchmarks/registry.ts";
import { readBenchmarks } from "./lib/build-content.ts";
import { writeMetricBundles } from "./lib/metric-bundles.ts";
import { displayPath } from "./lib/read-data.ts";

const { values } = parseArgs({ options: { out: { type: "string" }, datasets: { type: "string" } } });
if (!values.out) {
  console.error("usage: node scripts/make-metric-bundles.ts --out <dir> [--datasets <dir>]");
  process.exit(2);
}
const benchmarks = readBenchmarks(path.resolve(import.meta.dirname, "../data")).map((b) => b.benchmark);
const written = writeMetricBundles(datasetsRoot(values.datasets), path.resolve(values.out), benchmarks);
if (written.length === 0) console.warn(`No dataset found under ${datasetsRoot(values.datasets)}; no bundles written.`);
for (const dir of written) console.log(displayPath(dir));
