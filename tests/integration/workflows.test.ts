/**
 * The GitHub Actions workflows pass a maintained schema linter (@action-validator/core, from npm, offline) and the
 * repository's policy: actions pinned by commit, no pull_request_target, no checkout where a write token is granted.
 * Both checks are shown to fail on fixture workflows.
 */
import fs from "node:fs";
import path from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { describe, expect, it } from "vitest";
import { workflowProblems } from "../../scripts/pr-gate/workflow-policy.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORKFLOWS = path.join(ROOT, ".github/workflows");
const FIXTURES = path.join(ROOT, "tests/fixtures/workflows");
const files = fs.readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name)).sort();

function lint(file: string): unknown[] {
  return (validateWorkflow(fs.readFileSync(file, "utf8")) as { errors: unknown[] }).errors;
}

describe("workflow files", () => {
  it("exist: the submission check, its comment, the deploy and the tests", () => {
    expect(files).toEqual(["deploy.yml", "submission-check.yml", "submission-comment.yml", "tests.yml"]);
  });

  it.each(files)("%s passes the linter", (name) => {
    expect(lint(path.join(WORKFLOWS, name))).toEqual([]);
  });

  it.each(files)("%s keeps the repository's policy", (name) => {
    expect(workflowProblems(fs.readFileSync(path.join(WORKFLOWS, name), "utf8"))).toEqual([]);
  });

  it("the linter refuses a broken workflow", () => {
    expect(lint(path.join(FIXTURES, "broken.yml")).length).toBeGreaterThan(0);
  });

  it("the policy refuses pull_request_target, an unpinned action and a checkout beside a write token", () => {
    const problems = workflowProblems(fs.readFileSync(path.join(FIXTURES, "unsafe.yml"), "utf8"));
    expect(problems.map((p) => p.line)).toEqual([4, 11, 11]);
    expect(problems.map((p) => p.message).join("\n")).toMatch(/pull_request_target[\s\S]*not pinned[\s\S]*must not check out/);
  });

  it("the comment workflow, the only one with a write token, checks out nothing and reads the report as text", () => {
    const text = fs.readFileSync(path.join(WORKFLOWS, "submission-comment.yml"), "utf8");
    expect(text).not.toMatch(/actions\/checkout|npm |node_modules|scripts\//);
    expect(text).toContain("run-id: ${{ github.event.workflow_run.id }}");
    const check = fs.readFileSync(path.join(WORKFLOWS, "submission-check.yml"), "utf8");
    expect(check).toMatch(/permissions:\n {2}contents: read\n/);
    expect(check).toContain("ref: ${{ github.event_name == 'pull_request' && github.event.pull_request.base.sha");
  });
});
