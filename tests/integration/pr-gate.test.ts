/**
 * The submission gate end to end, as CI runs it: on fixture pull requests (a folder of changed files) and on a real
 * git repository whose head adds a symbolic link, nothing of the pull request is run and every refusal names its path.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { changesFromGit } from "../../scripts/pr-gate/changes.ts";
import { tempDir } from "../support/bundles.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "tests/fixtures/pull-requests");
const B = "data/submissions/tvge/v2t/my-metric";

function gate(args: readonly string[]) {
  const out = path.join(tempDir("pr-gate-"), "out");
  const run = spawnSync(process.execPath, [path.join(ROOT, "scripts/pr-gate.ts"), ...args, "--out", out], { encoding: "utf8" });
  const verdict = JSON.parse(fs.readFileSync(path.join(out, "gate.json"), "utf8"));
  return { status: run.status, stderr: run.stderr, verdict, out };
}

describe("pr-gate on fixture pull requests", () => {
  it("accepts the one-bundle change and copies exactly its files out as data", () => {
    const { status, verdict, out } = gate(["--fixture", path.join(FIXTURES, "one-bundle")]);
    expect(status).toBe(0);
    expect(verdict).toEqual({ accepted: true, bundle: B, refusals: [] });
    expect(fs.readdirSync(path.join(out, "bundle")).sort()).toEqual(["README.md", "manifest.json", "predictions.jsonl"]);
  });

  it.each([
    ["code-touched", [], '"scripts/submissions/check-bundle.ts" touches code'],
    ["two-bundles", [], `2 bundle folders ("${B}", "data/submissions/fetv/t2v/my-gen")`],
    ["outside-folder", [], '"data/benchmarks/tvge/anchors.json" is outside data/submissions/'],
    ["symlink", [], `"${B}/predictions.jsonl" is a symbolic link`],
    ["oversized", ["--limit-bytes", "4000"], `"${B}/predictions.jsonl" is 4096 bytes, more than a bundle's limit of 4000 bytes`],
    ["existing-bundle", [], `"${B}" is an accepted bundle already`],
  ])("refuses the %s fixture, naming the offending path", (name, extra, message) => {
    const { status, stderr, verdict, out } = gate(["--fixture", path.join(FIXTURES, name), ...extra]);
    expect(status).toBe(1);
    expect(verdict.accepted).toBe(false);
    expect(verdict.refusals.join("\n")).toContain(message);
    expect(stderr).toContain(message);
    expect(fs.existsSync(path.join(out, "bundle"))).toBe(false);
  });
});

describe("pr-report on a refused fixture pull request", () => {
  it("writes a comment listing every refusal, runs no dry run and fails the check", () => {
    const { out } = gate(["--fixture", path.join(FIXTURES, "two-bundles")]);
    const report = path.join(path.dirname(out), "report");
    const run = spawnSync(process.execPath, [path.join(ROOT, "scripts/pr-report.ts"), "--gate", out, "--out", report, "--pr", "3", "--head-sha", "a".repeat(40), "--run-id", "9"], { encoding: "utf8" });
    expect(run.status).toBe(1);
    const comment = fs.readFileSync(path.join(report, "comment.md"), "utf8");
    expect(comment.startsWith("<!-- aigve-submission-check -->\n### Submission check: refused\n")).toBe(true);
    expect(comment).toContain(`- the pull request adds 2 bundle folders ("${B}", "data/submissions/fetv/t2v/my-gen")`);
    expect(comment).not.toContain("Dry-run report");
    expect(JSON.parse(fs.readFileSync(path.join(report, "meta.json"), "utf8"))).toEqual({ pullRequest: 3, headSha: "a".repeat(40), runId: "9" });
  });
});

describe("pr-gate on git objects", () => {
  const git = (repo: string, ...args: string[]) => execFileSync("git", ["-C", repo, "-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { encoding: "utf8" }).trim();

  it("reads a fetched head's changes from the object database: a symbolic link is seen as one, never followed", () => {
    const repo = tempDir("pr-gate-git-");
    git(repo, "init", "-q", "-b", "main");
    fs.writeFileSync(path.join(repo, "README.md"), "base\n");
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "base");
    const base = git(repo, "rev-parse", "HEAD");
    fs.mkdirSync(path.join(repo, B), { recursive: true });
    fs.writeFileSync(path.join(repo, B, "manifest.json"), "{}\n");
    fs.symlinkSync("/etc/passwd", path.join(repo, B, "predictions.jsonl"));
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "head");
    const head = git(repo, "rev-parse", "HEAD");
    const changes = changesFromGit(repo, base, head);
    expect(changes.map((c) => [c.status, c.mode, c.path])).toEqual([
      ["A", "100644", `${B}/manifest.json`],
      ["A", "120000", `${B}/predictions.jsonl`],
    ]);
    expect(changes[1]?.read().toString()).toBe("/etc/passwd");
    const { status, verdict } = gate(["--git", base, head, "--repo", repo]);
    expect(status).toBe(1);
    expect(verdict.refusals).toEqual([`"${B}/predictions.jsonl" is a symbolic link; a bundle holds plain files only`]);
  });
});
