/**
 * `node scripts/make-worked-example.ts t2v <benchmark> --prompts prompts.csv --anchors anchors.csv --out <dir>` or
 * `node scripts/make-worked-example.ts v2t <benchmark> --ground-truth ground-truth.csv [--with-references] --out <dir>`:
 * writes CONTRIBUTING.md's example bundle from the files downloaded from the site (placeholder numbers, real format).
 */
import "./check-node.mjs";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { workedT2vBundle, workedV2tBundle } from "./submissions/worked-example.ts";

const USAGE =
  "usage: node scripts/make-worked-example.ts t2v <benchmark> --prompts <prompts.csv> --anchors <anchors.csv> --out <dir>\n" +
  "       node scripts/make-worked-example.ts v2t <benchmark> --ground-truth <ground-truth.csv> [--with-references] --out <dir>";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    prompts: { type: "string" },
    anchors: { type: "string" },
    "ground-truth": { type: "string" },
    "with-references": { type: "boolean", default: false },
    out: { type: "string" },
  },
});
const [direction, benchmark] = positionals;
const read = (file: string | undefined) => fs.readFileSync(path.resolve(file ?? ""), "utf8");
if (!benchmark || !values.out || (direction === "t2v" ? !values.prompts || !values.anchors : direction !== "v2t" || !values["ground-truth"])) {
  console.error(USAGE);
  process.exit(2);
}
const files =
  direction === "t2v"
    ? workedT2vBundle(benchmark, read(values.prompts), read(values.anchors))
    : workedV2tBundle(benchmark, read(values["ground-truth"]), values["with-references"]);
const out = path.resolve(values.out);
fs.mkdirSync(out, { recursive: true });
for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(out, name), text);
console.log(`wrote ${Object.keys(files).join(", ")} to ${out}`);
