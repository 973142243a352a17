/** `node scripts/make-metric-bundles.ts [--out <dir>] [--datasets <dir>]`: writes the FETV/TVGE metric bundles to inspect or submit by hand. */
import "./check-node.mjs";
import path from "node:path";
import { parseArgs } from "node:util";
import { datasetsRoot } from "./lib/datasets.ts";
import { writeMetricBundles } from "./lib/metric-bundles.ts";
import { displayPath } from "./lib/read-data.ts";
import { METRIC_BUNDLES_DIR } from "./lib/submissions/import-submissions.ts";

const { values } = parseArgs({ options: { out: { type: "string" }, datasets: { type: "string" } } });
const out = values.out ? path.resolve(values.out) : METRIC_BUNDLES_DIR;
const written = writeMetricBundles(datasetsRoot(values.datasets), out);
if (written.length === 0) console.warn(`No dataset found under ${datasetsRoot(values.datasets)}; no bundles written.`);
for (const dir of written) console.log(displayPath(dir));
