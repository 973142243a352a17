/**
 * `npm run evaluate -- --benchmark <id> --direction v2t|t2v --card <card.json> --endpoint <url>[,<url>…]
 * --videos <folder> --entry <entry.json> --out <bundle folder> [--evaluator <v2t entry id>]`: scores a folder of
 * videos with a VLM behind OpenAI-compatible endpoints into a submission bundle, then dry-runs it.
 */
import "./check-node.mjs";
import path from "node:path";
import { parseArgs } from "node:util";
import { storePath } from "../db/file.ts";
import { runEvaluation } from "./evaluate/run-evaluation.ts";

const USAGE =
  "usage: npm run evaluate -- --benchmark <id> --direction v2t|t2v --card <card.json> --endpoint <url>[,<url>…] --videos <folder> --entry <entry.json> --out <bundle folder>\n" +
  "       [--evaluator <v2t entry id> (t2v)] [--concurrency 8] [--timeout 120] [--attempts 6] [--backoff 1] [--journal <file>] [--no-dry-run]\n" +
  "       [--data <dir>] [--store <file>] [--datasets <dir>]   (API key, if any: AIGVE_API_KEY or OPENAI_API_KEY; ffmpeg: AIGVE_FFMPEG/AIGVE_FFPROBE or PATH)";

function parse() {
  return parseArgs({
    options: {
      benchmark: { type: "string" },
      direction: { type: "string" },
      card: { type: "string" },
      endpoint: { type: "string" },
      videos: { type: "string" },
      entry: { type: "string" },
      out: { type: "string" },
      evaluator: { type: "string" },
      concurrency: { type: "string", default: "8" },
      timeout: { type: "string", default: "120" },
      attempts: { type: "string", default: "6" },
      backoff: { type: "string", default: "1" },
      journal: { type: "string" },
      "no-dry-run": { type: "boolean", default: false },
      data: { type: "string", default: path.resolve(import.meta.dirname, "../data") },
      store: { type: "string" },
      datasets: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
}

let values: ReturnType<typeof parse>["values"];
try {
  ({ values } = parse());
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const usage = (message: string): never => {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
};
const required = ["benchmark", "direction", "card", "endpoint", "videos", "entry", "out"] as const;
for (const name of required) if (!values[name]) usage(`--${name} is required`);
if (values.direction !== "v2t" && values.direction !== "t2v") usage(`--direction must be v2t or t2v, got ${values.direction}`);
const positive = (name: "concurrency" | "timeout" | "attempts" | "backoff"): number => {
  const n = Number(values[name]);
  return Number.isFinite(n) && n > 0 ? n : usage(`--${name} must be a positive number, got ${values[name]}`);
};
const endpoints = (values.endpoint as string).split(",").map((e) => e.trim()).filter(Boolean);
for (const e of endpoints) if (!/^https?:\/\/[^\s]+$/.test(e)) usage(`--endpoint ${e} is not an http(s) URL (e.g. http://127.0.0.1:8000/v1)`);

const outcome = await runEvaluation({
  benchmark: values.benchmark as string,
  direction: values.direction as "v2t" | "t2v",
  card: path.resolve(values.card as string),
  endpoints,
  videos: path.resolve(values.videos as string),
  entry: path.resolve(values.entry as string),
  out: path.resolve(values.out as string),
  ...(values.evaluator ? { evaluator: values.evaluator } : {}),
  ...(values.journal ? { journal: path.resolve(values.journal) } : {}),
  concurrency: Math.floor(positive("concurrency")),
  policy: { attempts: Math.floor(positive("attempts")), timeoutMs: positive("timeout") * 1000, backoffMs: positive("backoff") * 1000 },
  dryRun: !values["no-dry-run"],
  dataDir: path.resolve(values.data),
  store: values.store ? path.resolve(values.store) : storePath(),
  ...(values.datasets ? { datasetsDir: path.resolve(values.datasets) } : {}),
});
process.exitCode = outcome.exitCode;
