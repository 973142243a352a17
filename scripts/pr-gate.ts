/**
 * `node scripts/pr-gate.ts (--git <base> <head> | --fixture <dir>) --out <dir>`: checks that a pull request adds
 * exactly one submission bundle and nothing else, reading its files as data only (git objects or a fixture folder),
 * and writes `<out>/gate.json` and, when accepted, the bundle's files to `<out>/bundle/`. Exit 0 accepted, 1 refused.
 */
import "./check-node.mjs";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { BUNDLE_LIMITS } from "../src/schemas/submission/limits.ts";
import { changesFromFolder, changesFromGit, folderInFixtureBase, folderInGit } from "./pr-gate/changes.ts";
import { checkChanges } from "./pr-gate/check-changes.ts";
import { extractBundle } from "./pr-gate/extract-bundle.ts";
import { escapeLines } from "./io/terminal-text.ts";

const USAGE = "usage: node scripts/pr-gate.ts (--git <base> <head> [--repo <dir>] | --fixture <dir>) --out <dir> [--limit-bytes <n>]";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    git: { type: "boolean", default: false },
    repo: { type: "string", default: "." },
    fixture: { type: "string" },
    out: { type: "string" },
    // A smaller size limit, for the oversized fixture pull request (tests only).
    "limit-bytes": { type: "string" },
  },
});
if (!values.out || (values.git ? positionals.length !== 2 || values.fixture : !values.fixture || positionals.length > 0)) {
  console.error(USAGE);
  process.exit(2);
}
const changes = values.git ? changesFromGit(path.resolve(values.repo), positionals[0] ?? "", positionals[1] ?? "") : changesFromFolder(path.resolve(values.fixture ?? ""));
const limitBytes = values["limit-bytes"] === undefined ? BUNDLE_LIMITS.totalBytes : Number(values["limit-bytes"]);
const inBase = values.git
  ? (folder: string) => folderInGit(path.resolve(values.repo), positionals[0] ?? "", folder)
  : (folder: string) => folderInFixtureBase(path.resolve(values.fixture ?? ""), folder);
const verdict = checkChanges(changes, { ...BUNDLE_LIMITS, totalBytes: limitBytes }, inBase);
const out = path.resolve(values.out);
fs.mkdirSync(out, { recursive: true });
if (verdict.accepted && verdict.bundle) extractBundle(changes.filter((c) => c.path.startsWith(`${verdict.bundle}/`)), verdict.bundle, path.join(out, "bundle"));
fs.writeFileSync(path.join(out, "gate.json"), `${JSON.stringify(verdict, null, 2)}\n`);
if (verdict.accepted) console.log(`accepted: one bundle, ${verdict.bundle}`);
else console.error(escapeLines(`refused:\n${verdict.refusals.map((r) => `  ${r}`).join("\n")}`));
process.exitCode = verdict.accepted ? 0 : 1;
