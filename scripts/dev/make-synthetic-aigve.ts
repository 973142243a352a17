/**
 * `node scripts/dev/make-synthetic-aigve.ts --out <dir> [--videos 58500 --models 30 --prompts 3050 --dimensions 20]
 * [--seed 1] [--bundle <dir> [--bundle-all]]`: writes a synthetic AIGVE-60K release (the real release's format,
 * planted structure; see scripts/dev/synthetic-aigve-release.ts), and with --bundle the planted V2T method's bundle
 * (predictions for the test split, or with --bundle-all for every video).
 * To build the site from it: AIGVE_DATASETS=<parent of dir> with dir named aigve-60k.
 */
import "../check-node.mjs";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeSyntheticRelease } from "./synthetic-aigve-release.ts";

const { values } = parseArgs({
  options: {
    out: { type: "string" },
    videos: { type: "string", default: "58500" },
    models: { type: "string", default: "30" },
    prompts: { type: "string", default: "3050" },
    dimensions: { type: "string", default: "20" },
    seed: { type: "string", default: "1" },
    bundle: { type: "string" },
    "bundle-all": { type: "boolean", default: false },
  },
});
if (!values.out) {
  console.error("usage: node scripts/dev/make-synthetic-aigve.ts --out <dir> [--videos N --models N --prompts N --dimensions N --seed N --bundle <dir> [--bundle-all]]");
  process.exit(2);
}
const options = { videos: Number(values.videos), models: Number(values.models), prompts: Number(values.prompts), dimensions: Number(values.dimensions), seed: Number(values.seed) };
for (const [name, value] of Object.entries(options)) {
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a whole number, got ${String(values[name as keyof typeof values])}`);
    process.exit(2);
  }
}
let planted;
try {
  planted = writeSyntheticRelease(path.resolve(values.out), options, values.bundle ? path.resolve(values.bundle) : undefined, values["bundle-all"] ? "all" : "test");
} catch (error) {
  // Sizes that cannot make a release (fewer than 2 models, too few prompts) are a usage error, not a crash.
  if (!(error instanceof RangeError)) throw error;
  console.error(`Cannot write that release: ${error.message}.`);
  process.exit(2);
}
console.log(`Wrote a synthetic AIGVE-60K release to ${values.out}: ${options.videos} videos of ${options.models} models, ${options.prompts} prompts, ${options.dimensions} dimensions; ${planted.testVideos} videos in the test split.`);
if (values.bundle) console.log(`Planted V2T bundle: ${values.bundle} (QA accuracy ${planted.methodQaAccuracy.toFixed(2)}%, perception SRCC 1).`);
