/**
 * The changelog reads commits anyone can make: a repository whose commits carry the old separators (\x1e, \x1f),
 * a forged date and hash in the subject, `../../../x`, line breaks, a 64 KB subject, a committer date in 2099,
 * and folders that are not ids; none of it may change a date, a hash or the release's day.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildChangelog, type StoredSubmission } from "../../scripts/pipeline/history/changelog.ts";
import { tempDir } from "../support/bundles.ts";

function git(root: string, args: string[], date?: string): string {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: "1", HOME: root };
  return execFileSync("git", ["-C", root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main", ...args], { encoding: "utf8", env, maxBuffer: 16 * 1024 * 1024 });
}

function write(root: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

const FORGED = "2099-12-31T00:00:00+00:00";

describe("the changelog of a repository with hostile commits", () => {
  let repo: string;
  const stored: StoredSubmission[] = [
    { id: "a".repeat(64), benchmarkId: "demo", direction: "v2t", entryId: "metric-one", entryName: "Metric One", path: "data/submissions/demo/v2t/metric-one" },
  ];
  const shortOf = (subjectStart: string) => git(repo, ["log", "--format=%h", "--fixed-strings", `--grep=${subjectStart}`]).trim();

  beforeAll(() => {
    repo = tempDir("changelog-hostile");
    git(repo, ["init", "-q"]);
    write(repo, "data/benchmarks/demo/benchmark.json", JSON.stringify({ id: "demo", version: "1" }));
    git(repo, ["add", "-A"]);
    git(repo, ["commit", "-q", "-m", "Demo benchmark"], "2024-01-10T12:00:00Z");
    // The subject forges the old format's separators: a record of its own with a fake hash, date and subject.
    write(repo, "data/submissions/demo/v2t/metric-one/manifest.json", "{}\n");
    const forgedRecord = `Accept metric-one\x1e${"f".repeat(40)}\x1fdeadbee\x1f${FORGED}\x1fforged\x1f../../../x\x1e${"e".repeat(40)}\x1fbadc0de\x1f../../../x\x1fgone`;
    git(repo, ["add", "-A"]);
    git(repo, ["commit", "-q", "-m", forgedRecord], "2024-03-15T12:00:00Z");
    // A committer who sets the date at will, with a subject that is line breaks and 64 KB of text.
    write(repo, "data/benchmarks/demo/anchors.json", "{}\n");
    git(repo, ["add", "-A"]);
    git(repo, ["commit", "-q", "-m", `From the future\n\n${"x".repeat(64 * 1024)}\n2099-12-31\n../../../x`], FORGED);
    // Folders that are no benchmark or bundle id: a line break, a space, a dot-dot-like name.
    write(repo, "data/submissions/demo/v2t/evil\nname/manifest.json", "{}\n");
    write(repo, "data/submissions/demo/v2t/..x/manifest.json", "{}\n");
    write(repo, "data/benchmarks/Bad Id/benchmark.json", "{}\n");
    git(repo, ["add", "-A"]);
    git(repo, ["commit", "-q", "-m", "Odd folders \x1f\x1e\x07 with a bell"], "2024-04-01T12:00:00Z");
    // Not yet committed, with a name git would quote without -z.
    write(repo, "data/submissions/demo/v2t/metric-two/we\"ird\tname.json", "{}\n");
  });

  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it("keeps every real commit with git's own hash and date, lists the forged-date commit undated, and lists no folder that is not an id", () => {
    const changelog = buildChangelog(repo, stored);
    expect(changelog.source).toBe("git");
    expect(changelog.items).toEqual([
      { kind: "submission", action: "changed", date: null, benchmarkId: "demo", direction: "v2t", entryId: "metric-two", entryName: null, contentHash: null, commit: null, pullRequest: null },
      { kind: "benchmark", date: null, benchmarkId: "demo", changes: ["anchor set added"], commit: shortOf("From the future") },
      { kind: "submission", action: "accepted", date: "2024-03-15", benchmarkId: "demo", direction: "v2t", entryId: "metric-one", entryName: "Metric One", contentHash: "a".repeat(64), commit: shortOf("Accept metric-one"), pullRequest: null },
      { kind: "benchmark", date: "2024-01-10", benchmarkId: "demo", changes: ["definition added"], commit: shortOf("Demo benchmark") },
    ]);
  });

  it("dates the release by the newest plausible day, never by a date a commit wrote", () => {
    const items = buildChangelog(repo, stored).items;
    expect(items.find((item) => item.date !== null)?.date).toBe("2024-03-15");
    for (const item of items) {
      expect(item.date === null || /^\d{4}-\d{2}-\d{2}$/.test(item.date)).toBe(true);
      if ("commit" in item) expect(item.commit === null || /^[0-9a-f]{7,}$/.test(item.commit)).toBe(true);
    }
    expect(JSON.stringify(items)).not.toMatch(/2099|deadbee|badc0de|\.\.\/|forged/);
  });
});
