/**
 * `npm run verify -- <benchmark>/<direction>/<entry> …`: a maintainer's verification of a submitted entry (see
 * scripts/verification/verify-entry.ts); `--print-sample` first, to learn which videos to re-run.
 */
import "./check-node.mjs";
import path from "node:path";
import { parseArgs } from "node:util";
import { storePath } from "../db/file.ts";
import { DEFAULT_CACHE_DIR } from "./scoring/cache.ts";
import { verifyEntry } from "./verification/verify-entry.ts";

const USAGE = `usage: npm run verify -- <benchmark>/<t2v|v2t>/<entry> --print-sample [--date YYYY-MM-DD] [--sample N]
       npm run verify -- <benchmark>/<t2v|v2t>/<entry> --evidence <file> --by "<who>" --checked "<what was checked>"
                         [--date YYYY-MM-DD] [--sample N] [--tolerance X] [--data <dir>] [--store <file>] [--datasets <dir>]
The sample is drawn by a seeded rule from the entry's submission and the date. V2T: the evidence holds the method's
re-run scores of exactly the sampled videos (predictions.jsonl format), each within --tolerance of the submitted one.
T2V (human-rated): the evidence holds a trusted panel's ratings (ratings.csv format) of the entry's videos of the
sampled prompts and of the anchors; the anchored mean difference must be consistent with zero.
Exit codes: 0 done, 1 refused, 2 usage, 75 busy.`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      evidence: { type: "string" },
      by: { type: "string" },
      checked: { type: "string" },
      date: { type: "string" },
      sample: { type: "string" },
      tolerance: { type: "string" },
      "print-sample": { type: "boolean", default: false },
      data: { type: "string", default: path.resolve(import.meta.dirname, "../data") },
      store: { type: "string" },
      datasets: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const [benchmark, direction, entry, ...rest] = (positionals[0] ?? "").split("/");
if (values.help || positionals.length !== 1 || !benchmark || !entry || rest.length > 0 || (direction !== "t2v" && direction !== "v2t")) {
  (values.help ? console.log : console.error)(USAGE);
  process.exit(values.help ? 0 : 2);
}
const number = (text: string | undefined, name: string): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) {
    console.error(`--${name} must be a number, got "${text}"\n${USAGE}`);
    process.exit(2);
  }
  return value;
};
const outcome = await verifyEntry({
  entry: { benchmark, direction, entry },
  ...(values.evidence ? { evidence: path.resolve(values.evidence) } : {}),
  ...(values.by ? { verifiedBy: values.by } : {}),
  ...(values.checked ? { checked: values.checked } : {}),
  ...(values.date ? { date: values.date } : {}),
  ...(values.sample ? { sampleSize: number(values.sample, "sample") as number } : {}),
  ...(values.tolerance ? { tolerance: number(values.tolerance, "tolerance") as number } : {}),
  printSample: values["print-sample"],
  dataDir: path.resolve(values.data),
  store: values.store ? path.resolve(values.store) : storePath(),
  ...(values.datasets ? { datasetsDir: path.resolve(values.datasets) } : {}),
  cacheDir: DEFAULT_CACHE_DIR,
});
process.exitCode = outcome.exitCode;
