/**
 * CONTRIBUTING.md's worked examples, end to end on FETV's real data as a new user and CI would run them: the files
 * downloaded from the site (prompt list, anchors, ground truth) → `scripts/make-worked-example.ts` → a pull request
 * adding the bundle (a fixture folder of changed files) → `scripts/pr-gate.ts` → `scripts/pr-report.ts`, whose comment
 * body is the dry-run report `node scripts/submit.ts <bundle> --dry-run` prints.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import { commentBody } from "../../scripts/pr-gate/comment.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import { anchorRecords } from "../../src/lib/anchors.ts";
import { toCsv } from "../../src/lib/csv.ts";
import { loadPublicGroundTruth } from "../../src/lib/ground-truth.ts";
import { loadPromptList, promptListCsv } from "../../src/lib/prompt-list.ts";
import { tempDataDir, tempDir } from "../support/bundles.ts";
import { DATASETS_DIR, describeWithDatasets } from "../support/datasets.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const RESAMPLES = 20;
const HEAD_SHA = "0123456789abcdef0123456789abcdef01234567";

describeWithDatasets("fetv", "CONTRIBUTING.md's worked examples on FETV, through the pull request check", () => {
  let root: string;
  let dataDir: string;
  let store: string;
  let env: NodeJS.ProcessEnv;

  const node = (script: string, args: readonly string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, "scripts", script), ...args], { encoding: "utf8", env, cwd: root });

  beforeAll(async () => {
    root = tempDir("worked-example-");
    dataDir = tempDataDir(["fetv"]);
    store = path.join(root, "store.sqlite");
    writeStore(await buildContent({ dataDir, resamples: RESAMPLES }), store);
    env = { ...process.env, AIGVE_STORE: store, AIGVE_CACHE: path.join(root, "cache"), AIGVE_DATASETS: DATASETS_DIR };
    // The downloads, as the site renders them from this store (/downloads/fetv/prompts.csv, anchors.csv, ground-truth.csv).
    process.env.AIGVE_STORE = store;
    const anchors = anchorRecords("fetv");
    const truth = loadPublicGroundTruth("fetv");
    if (!truth) throw new Error("FETV's ground truth is public");
    fs.writeFileSync(path.join(root, "prompts.csv"), promptListCsv(loadPromptList("fetv", "test-release")));
    fs.writeFileSync(path.join(root, "anchors.csv"), toCsv(anchors.header, anchors.rows));
    fs.writeFileSync(path.join(root, "ground-truth.csv"), toCsv(truth.header, truth.rows));
  }, 300_000);

  /** A fixture pull request adding `bundle`'s files under data/submissions/fetv/<direction>/<entry>/. */
  function pullRequest(name: string, bundle: string, direction: string, entry: string): string {
    const dir = path.join(root, "pull-requests", name);
    const folder = `data/submissions/fetv/${direction}/${entry}`;
    fs.mkdirSync(path.join(dir, "head", folder), { recursive: true });
    const files = fs.readdirSync(bundle).sort();
    for (const file of files) fs.copyFileSync(path.join(bundle, file), path.join(dir, "head", folder, file));
    fs.writeFileSync(path.join(dir, "changes.txt"), files.map((file) => `A\t100644\t${folder}/${file}\n`).join(""));
    return dir;
  }

  function checkAndCompare(name: string, makeArgs: readonly string[], direction: string, entry: string) {
    const bundle = path.join(root, `${name}-bundle`);
    const made = node("make-worked-example.ts", [...makeArgs, "--out", bundle]);
    expect(made.status, made.stderr).toBe(0);
    const gateDir = path.join(root, `${name}-gate`);
    const gate = node("pr-gate.ts", ["--fixture", pullRequest(name, bundle, direction, entry), "--out", gateDir]);
    expect(gate.stdout).toBe(`accepted: one bundle, data/submissions/fetv/${direction}/${entry}\n`);
    const reportDir = path.join(root, `${name}-report`);
    const common = ["--store", store, "--data", dataDir, "--datasets", DATASETS_DIR];
    const report = node("pr-report.ts", ["--gate", gateDir, "--out", reportDir, "--pr", "7", "--head-sha", HEAD_SHA, "--run-id", "42", ...common]);
    expect(report.status, report.stdout + report.stderr).toBe(0);
    // The same dry run by hand, on the bundle the gate copied out.
    const dryRun = node("submit.ts", [path.join(gateDir, "bundle"), "--dry-run", ...common]);
    expect(dryRun.status, dryRun.stderr).toBe(0);
    expect(dryRun.stderr).toBe("");
    expect(dryRun.stdout).toContain("Dry run, nothing stored.");
    const comment = fs.readFileSync(path.join(reportDir, "comment.md"), "utf8");
    const verdict = { accepted: true, bundle: `data/submissions/fetv/${direction}/${entry}`, refusals: [] };
    expect(comment).toBe(commentBody({ verdict, dryRun: { output: dryRun.stdout, exitCode: 0 } }));
    expect(JSON.parse(fs.readFileSync(path.join(reportDir, "meta.json"), "utf8"))).toEqual({ pullRequest: 7, headSha: HEAD_SHA, runId: "42" });
    return dryRun.stdout;
  }

  it("T2V: prompts.csv and anchors.csv → ratings.csv bundle → accepted, dry-run figures for every perspective, no flags", () => {
    const out = checkAndCompare("t2v", ["t2v", "fetv", "--prompts", path.join(root, "prompts.csv"), "--anchors", path.join(root, "anchors.csv")], "t2v", "example-generator");
    expect(out).toMatch(/^t2v\s+static_quality_mos\s+\d/m);
    expect(out).toMatch(/^t2v\s+alignment_mos\s+\d/m);
    expect(out).not.toContain("FLAG");
  }, 300_000);

  it("V2T: ground-truth.csv → predictions.jsonl bundle → accepted, dry-run agreement figures", () => {
    const out = checkAndCompare("v2t", ["v2t", "fetv", "--ground-truth", path.join(root, "ground-truth.csv"), "--with-references"], "v2t", "example-metric");
    expect(out).toMatch(/^v2t-instance\s+static_quality_srcc\s+-?\d/m);
  }, 300_000);
});
