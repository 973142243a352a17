/** `npm run submit -- <bundle> [--dry-run] [--data <dir>] [--store <file>] [--datasets <dir>]`. */
import "./check-node.mjs";
import path from "node:path";
import { parseArgs } from "node:util";
import { storePath } from "../db/file.ts";
import { DEFAULT_CACHE_DIR } from "./scoring/cache.ts";
import { submitBundle } from "./submissions/submit-bundle.ts";
import { escapeLines } from "./io/terminal-text.ts";

const USAGE = "usage: npm run submit -- <bundle folder or .zip> [--dry-run] [--data <dir>] [--store <file>] [--datasets <dir>]";

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      data: { type: "string", default: path.resolve(import.meta.dirname, "../data") },
      store: { type: "string" },
      datasets: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  console.error(`${escapeLines((error as Error).message)}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help || positionals.length !== 1) {
  (values.help ? console.log : console.error)(USAGE);
  process.exit(values.help ? 0 : 2);
}

const outcome = await submitBundle({
  bundle: path.resolve(positionals[0] ?? ""),
  dataDir: path.resolve(values.data),
  store: values.store ? path.resolve(values.store) : storePath(),
  dryRun: values["dry-run"],
  ...(values.datasets ? { datasetsDir: path.resolve(values.datasets) } : {}),
  cacheDir: DEFAULT_CACHE_DIR,
  workers: true,
});
process.exitCode = outcome.exitCode;
