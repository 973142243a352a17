/**
 * `node scripts/pr-report.ts --gate <dir> --out <dir> [--pr <n> --head-sha <sha> --run-id <id>] [--data <dir>]
 * [--store <file>] [--datasets <dir>]`: dry-runs the bundle pr-gate.ts accepted and writes the pull request's comment
 * (`<out>/comment.md`: the gate's verdict and the dry-run report) and, given the pull request, `<out>/meta.json`.
 * Exit 0 when the gate accepted and the dry run passed, 1 otherwise.
 */
import "./check-node.mjs";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { storePath } from "../db/file.ts";
import { commentBody } from "./pr-gate/comment.ts";
import { ReportMetaSchema, runCheck } from "./pr-gate/run-report.ts";
import { DEFAULT_CACHE_DIR } from "./scoring/cache.ts";

const USAGE = "usage: node scripts/pr-report.ts --gate <dir> --out <dir> [--pr <n> --head-sha <sha> --run-id <id>] [--data <dir>] [--store <file>] [--datasets <dir>]";

const { values } = parseArgs({
  options: {
    gate: { type: "string" },
    out: { type: "string" },
    pr: { type: "string" },
    "head-sha": { type: "string" },
    "run-id": { type: "string" },
    data: { type: "string", default: path.resolve(import.meta.dirname, "../data") },
    store: { type: "string" },
    datasets: { type: "string" },
  },
});
if (!values.gate || !values.out) {
  console.error(USAGE);
  process.exit(2);
}
const report = await runCheck({
  gateDir: path.resolve(values.gate),
  dataDir: path.resolve(values.data),
  store: values.store ? path.resolve(values.store) : storePath(),
  cacheDir: DEFAULT_CACHE_DIR,
  ...(values.datasets ? { datasetsDir: path.resolve(values.datasets) } : {}),
});
const out = path.resolve(values.out);
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "comment.md"), commentBody(report));
if (values.pr !== undefined) {
  const meta = ReportMetaSchema.parse({ pullRequest: Number(values.pr), headSha: values["head-sha"], runId: values["run-id"] });
  fs.writeFileSync(path.join(out, "meta.json"), `${JSON.stringify(meta, null, 2)}\n`);
}
process.stdout.write(report.dryRun?.output ?? "");
process.exitCode = report.verdict.accepted && report.dryRun?.exitCode === 0 ? 0 : 1;
