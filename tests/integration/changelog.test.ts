/**
 * The changelog: built from a scratch repository's git history (submissions accepted, protocols changed, work not
 * yet committed), from a shallow clone, and from a copy without history; and the built /changelog/ page against
 * this repository's own `git log`, with the release every download carries.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildChangelog, type StoredSubmission } from "../../scripts/pipeline/history/changelog.ts";
import { tempDir } from "../support/bundles.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIST = process.env.AIGVE_DIST ? path.resolve(process.env.AIGVE_DIST) : path.join(ROOT, "dist");

function git(root: string, args: string[], date?: string): string {
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: "1", HOME: root };
  return execFileSync("git", ["-C", root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "init.defaultBranch=main", ...args], { encoding: "utf8", env });
}

function write(root: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

const definition = (version: string, humanScore: string) => JSON.stringify({ id: "demo", title: "Demo", version, protocol: { humanScore }, boards: { t2v: [] } }, null, 2);

const submission = (entry: string, hash: string, direction: "t2v" | "v2t" = "v2t"): StoredSubmission => ({
  id: hash,
  benchmarkId: "demo",
  direction,
  entryId: entry,
  entryName: entry.toUpperCase(),
  path: `data/submissions/demo/${direction}/${entry}`,
});

describe("the changelog of a repository's data/", () => {
  let repo: string;
  const stored = [submission("metric-one", "a".repeat(64)), submission("metric-two", "b".repeat(64))];

  beforeAll(() => {
    repo = tempDir("changelog");
    git(repo, ["init", "-q"]);
    write(repo, "data/benchmarks/demo/benchmark.json", definition("1", "rater-mean"));
    write(repo, "README.md", "not data\n");
    git(repo, ["add", "-A"]);
    git(repo, ["commit", "-q", "-m", "Demo benchmark"], "2024-01-10T12:00:00Z");
    write(repo, "data/benchmarks/demo/benchmark.json", definition("2", "bt500-zscore"));
    write(repo, "data/benchmarks/demo/anchors.json", "{}\n");
    git(repo, ["add", "-A"]);
    git(repo, ["commit", "-q", "-m", "New protocol"], "2024-02-20T12:00:00Z");
    write(repo, "README.md", "still not data\n");
    git(repo, ["commit", "-q", "-am", "Docs only"], "2024-03-01T12:00:00Z");
    write(repo, "data/submissions/demo/v2t/metric-one/manifest.json", "{}\n");
    write(repo, "data/submissions/demo/v2t/metric-one/predictions.jsonl", "\n");
    git(repo, ["add", "-A"]);
    git(repo, ["commit", "-q", "-m", "Accept metric-one"], "2024-03-15T12:00:00Z");
    // Accepted by `npm run submit` but not committed yet.
    write(repo, "data/submissions/demo/v2t/metric-two/manifest.json", "{}\n");
  });

  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it("lists, newest first, the uncommitted submission, the accepted one and each change to the benchmark, in words", () => {
    const changelog = buildChangelog(repo, stored);
    expect(changelog.source).toBe("git");
    expect(changelog.note).toBeNull();
    const commitOf = (subject: string) => git(repo, ["log", "--format=%h", `--grep=${subject}`]).trim();
    expect(changelog.items).toEqual([
      { kind: "submission", action: "accepted", date: null, benchmarkId: "demo", direction: "v2t", entryId: "metric-two", entryName: "METRIC-TWO", contentHash: "b".repeat(64), commit: null, pullRequest: null },
      { kind: "submission", action: "accepted", date: "2024-03-15", benchmarkId: "demo", direction: "v2t", entryId: "metric-one", entryName: "METRIC-ONE", contentHash: "a".repeat(64), commit: commitOf("Accept metric-one"), pullRequest: null },
      { kind: "benchmark", date: "2024-02-20", benchmarkId: "demo", changes: ["anchor set added", "version 1 → 2", "protocol changed"], commit: commitOf("New protocol") },
      { kind: "benchmark", date: "2024-01-10", benchmarkId: "demo", changes: ["definition added"], commit: commitOf("Demo benchmark") },
    ]);
  });

  it("lists a withdrawn submission without a content hash", () => {
    const fork = tempDir("changelog-fork");
    try {
      fs.cpSync(repo, fork, { recursive: true });
      fs.rmSync(path.join(fork, "data/submissions/demo/v2t/metric-two"), { recursive: true });
      git(fork, ["rm", "-q", "-r", "data/submissions/demo/v2t/metric-one"]);
      git(fork, ["commit", "-q", "-m", "Withdraw metric-one"], "2024-04-01T12:00:00Z");
      const [first, second] = buildChangelog(fork, []).items;
      expect(first).toMatchObject({ kind: "submission", action: "withdrawn", date: "2024-04-01", entryId: "metric-one", contentHash: null });
      expect(second).toMatchObject({ kind: "submission", action: "accepted", date: "2024-03-15", entryId: "metric-one", contentHash: null });
    } finally {
      fs.rmSync(fork, { recursive: true, force: true });
    }
  });

  it("links an accepted submission to the pull request its squash or merge commit names", () => {
    const fork = tempDir("changelog-pulls");
    try {
      fs.cpSync(repo, fork, { recursive: true });
      fs.rmSync(path.join(fork, "data/submissions/demo/v2t/metric-two"), { recursive: true });
      write(fork, "data/submissions/demo/v2t/metric-three/manifest.json", "{}\n");
      git(fork, ["add", "-A"]);
      git(fork, ["commit", "-q", "-m", "Add metric-three on Demo (#12)"], "2024-04-01T12:00:00Z");
      git(fork, ["checkout", "-q", "-b", "someone/metric-four"]);
      write(fork, "data/submissions/demo/v2t/metric-four/manifest.json", "{}\n");
      git(fork, ["add", "-A"]);
      git(fork, ["commit", "-q", "-m", "Add metric-four (#99) but not merged as such: see the merge"], "2024-04-02T12:00:00Z");
      git(fork, ["checkout", "-q", "-"]);
      git(fork, ["merge", "-q", "--no-ff", "-m", "Merge pull request #34 from someone/metric-four", "someone/metric-four"], "2024-04-03T12:00:00Z");
      const byEntry = new Map(buildChangelog(fork, []).items.flatMap((i) => (i.kind === "submission" ? [[i.entryId, i.pullRequest]] : [])));
      expect(Object.fromEntries(byEntry)).toEqual({ "metric-four": 34, "metric-three": 12, "metric-one": null });
    } finally {
      fs.rmSync(fork, { recursive: true, force: true });
    }
  });

  it("says where a shallow clone's history begins", () => {
    const clone = path.join(tempDir("changelog-shallow"), "clone");
    try {
      execFileSync("git", ["clone", "-q", "--depth", "2", `file://${repo}`, clone]);
      const changelog = buildChangelog(clone, [stored[0] as StoredSubmission]);
      expect(changelog.source).toBe("shallow");
      expect(changelog.note).toBe("This site was built from a shallow clone whose history begins on 2024-03-01: changes up to that day are not listed.");
      // Only the submission's commit touched data/ among the two the clone holds.
      expect(changelog.items.map((i) => [i.kind, i.date])).toEqual([["submission", "2024-03-15"]]);
    } finally {
      fs.rmSync(path.dirname(clone), { recursive: true, force: true });
    }
  });

  it("without history lists the accepted submissions dated by their files, and says what it cannot list", () => {
    const copy = tempDir("changelog-tarball");
    try {
      fs.cpSync(path.join(repo, "data"), path.join(copy, "data"), { recursive: true });
      fs.utimesSync(path.join(copy, "data/submissions/demo/v2t/metric-one/manifest.json"), new Date("2024-03-15T08:00:00Z"), new Date("2024-03-15T08:00:00Z"));
      fs.utimesSync(path.join(copy, "data/submissions/demo/v2t/metric-two/manifest.json"), new Date("2024-05-02T08:00:00Z"), new Date("2024-05-02T08:00:00Z"));
      const changelog = buildChangelog(copy, stored);
      expect(changelog.source).toBe("files");
      expect(changelog.note).toMatch(/^This site was built without the git history of its data \(.+\), for instance from a tarball: changes to the benchmarks' data and protocols cannot be listed/);
      expect(changelog.items.map((i) => [i.kind, i.date, i.kind === "submission" ? i.contentHash : null])).toEqual([
        ["submission", "2024-05-02", "b".repeat(64)],
        ["submission", "2024-03-15", "a".repeat(64)],
      ]);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe("the built /changelog/ and the release of the downloads", () => {
  let html: string;
  let text: string;
  let release: { release: string; date: string | null; fingerprint: string; files: string[] };

  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, "changelog", "index.html"))) throw new Error(`${DIST} has no /changelog/: run npm run build first (npm test does).`);
    html = fs.readFileSync(path.join(DIST, "changelog", "index.html"), "utf8");
    text = html.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");
    release = JSON.parse(fs.readFileSync(path.join(DIST, "downloads", "release.json"), "utf8"));
  });

  it("names every commit that changed a benchmark's data, newest first, per this repository's git log", () => {
    // Files inside a benchmark's folder (data/benchmarks/order.json, the site's order of benchmarks, is not one).
    // A merge lists no files of its own (its branch's commits carry them), so the changelog names the branch's commits.
    const commits = execFileSync("git", ["-C", ROOT, "log", "--no-merges", "--format=%h %cs", "--", "data/benchmarks/*/*"], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
    expect(commits.length).toBeGreaterThan(0);
    const positions = commits.map((line) => {
      const [short = "", day = ""] = line.split(" ");
      expect(text, `commit ${short}`).toContain(`commit ${short}`);
      expect(html, `day ${day}`).toMatch(new RegExp(`<time datetime="${day}"`));
      return text.indexOf(`commit ${short}`);
    });
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("names the release, the day of the newest data change and a hash of the inputs, which every board download carries", () => {
    const newest = execFileSync("git", ["-C", ROOT, "log", "--no-merges", "-1", "--format=%cs", "--", "data/benchmarks", "data/submissions"], { encoding: "utf8" }).trim();
    expect(release.release).toBe(`${newest}-${release.fingerprint.slice(0, 8)}`);
    expect(release.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(text).toContain(`This build is release ${release.release}:`);
    const csv = fs.readFileSync(path.join(DIST, "downloads", "fetv", "t2v.csv"), "utf8").trim().split("\r\n");
    expect(csv[0]?.split(",").at(-1)).toBe("release");
    for (const line of csv.slice(1)) expect(line.endsWith(`,${release.release}`)).toBe(true);
    const json = JSON.parse(fs.readFileSync(path.join(DIST, "downloads", "fetv", "v2t-model.json"), "utf8")) as { release: string; rows: { release: string }[] };
    expect(json.release).toBe(release.release);
    expect(json.rows.every((row) => row.release === release.release)).toBe(true);
  });

  it("keeps the release's downloads at its own URLs, identical to the latest ones", () => {
    expect(release.files.length).toBeGreaterThan(0);
    for (const file of release.files) {
      expect(file.startsWith(`/downloads/releases/${release.release}/`), file).toBe(true);
      const latest = file.replace(`/releases/${release.release}`, "");
      expect(fs.readFileSync(path.join(DIST, file), "utf8"), file).toBe(fs.readFileSync(path.join(DIST, latest), "utf8"));
    }
  });
});
