/**
 * The changelog, read by the writer (rebuild, submit) and kept in the store: every accepted submission and every
 * change to a benchmark's data or protocol, newest first, from the git history of data/ (git is the audit log,
 * DESIGN.md). Without history (a tarball, git missing) it lists the accepted submissions dated by their files and
 * says why the rest is missing; from a shallow clone it says where the history it saw begins.
 */
import fs from "node:fs";
import path from "node:path";
import { IdSchema } from "../../../src/schemas/ids.ts";
import type { Changelog, ChangelogItem, RecordItem, SubmissionItem } from "../../../src/schemas/history.ts";
import { fileAt, mergedPullRequest, plausibleDate, readHistory, type Commit, type FileChange } from "./git-history.ts";

const BENCHMARKS = "data/benchmarks";
const SUBMISSIONS = "data/submissions";

/** An accepted submission as the store holds it. */
export interface StoredSubmission {
  /** The content hash (SHA-256 of the bundle). */
  readonly id: string;
  readonly benchmarkId: string;
  readonly direction: "t2v" | "v2t";
  readonly entryId: string;
  readonly entryName: string;
  /** The bundle's folder relative to the repository, e.g. data/submissions/fetv/v2t/my-metric. */
  readonly path: string;
}

const FILE_NAMES: Readonly<Record<string, string>> = {
  "benchmark.json": "definition",
  "audit.csv": "published figures checked by the audit",
  "anchors.json": "anchor set",
};

const DEFINITION_PARTS: Readonly<Record<string, string>> = {
  protocol: "protocol",
  anchoring: "anchoring rules",
  perspectives: "perspectives",
  dimensions: "task dimensions",
  boards: "board columns",
  counts: "declared counts",
  paper: "paper",
};

const VERBS: Readonly<Record<FileChange["status"], string>> = { A: "added", M: "changed", D: "removed" };

function parseJson(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** What a change to benchmark.json changed: its protocol, version, boards, … (by comparing the two versions). */
function definitionChanges(root: string, commit: string | null, file: string): string[] {
  const before = parseJson(fileAt(root, commit === null ? "HEAD" : `${commit}^`, file));
  const after = parseJson(commit === null ? (fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), "utf8") : null) : fileAt(root, commit, file));
  if (before === null || after === null) return ["definition changed"];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  if (keys.length === 0) return ["definition reformatted"];
  return keys.map((key) => {
    if (key === "version") return `version ${String(before.version ?? "—")} → ${String(after.version ?? "—")}`;
    const part = DEFINITION_PARTS[key] ?? key;
    return !(key in before) ? `${part} added` : !(key in after) ? `${part} removed` : `${part} changed`;
  });
}

/** The changes one commit (or the working tree) made to one benchmark's folder, in words. */
function benchmarkChanges(root: string, commit: string | null, files: readonly FileChange[]): string[] {
  return files.flatMap((file) => {
    const name = file.path.split("/").slice(3).join("/");
    if (name === "benchmark.json" && file.status === "M") return definitionChanges(root, commit, file.path);
    const what = FILE_NAMES[name] ?? (name.startsWith("published/") ? `published figures (${name.slice("published/".length)})` : name);
    return [`${what} ${VERBS[file.status]}`];
  });
}

/** Whether a folder name from git is one the site can show and link: an id, or for directions t2v/v2t. */
function isId(name: string): boolean {
  return IdSchema.safeParse(name).success;
}

/**
 * Groups a commit's files by the benchmark or bundle folder they belong to, in order of first appearance. Paths
 * come from commits, which anyone can make: a folder that is not an id (`..`, a name with spaces or controls) is
 * no benchmark or bundle the rebuild would accept, so it is not listed, nor made a link or a path.
 */
function groupBy(files: readonly FileChange[], depth: number, under: string): Map<string, FileChange[]> {
  const groups = new Map<string, FileChange[]>();
  for (const file of files) {
    if (!file.path.startsWith(`${under}/`)) continue;
    const parts = file.path.split("/");
    if (parts.length <= depth) continue;
    const named = parts.slice(under.split("/").length, depth);
    if (!named.every((part, i) => (depth === 5 && i === 1 ? part === "t2v" || part === "v2t" : isId(part)))) continue;
    const key = parts.slice(0, depth).join("/");
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  return groups;
}

/** A day as YYYY-MM-DD from an ISO timestamp (the committer's own calendar day). */
function day(iso: string): string {
  return iso.slice(0, 10);
}

function itemsOf(root: string, commit: Commit | null, files: readonly FileChange[], submissions: ReadonlyMap<string, StoredSubmission>, claimed: Set<string>): ChangelogItem[] {
  // A commit whose date is not plausible (see plausibleDate) is listed undated, with its hash.
  const date = commit === null || commit.date === null ? null : day(commit.date);
  const short = commit?.short ?? null;
  const items: ChangelogItem[] = [];
  for (const [folder, changed] of groupBy(files, 5, SUBMISSIONS)) {
    const [, , benchmarkId = "", direction = "", entryId = ""] = folder.split("/");
    const manifest = changed.find((f) => f.path.endsWith("/manifest.json"));
    const action = manifest?.status === "A" ? "accepted" : manifest?.status === "D" ? "withdrawn" : "changed";
    // The stored hash belongs to the bundle as it is now: to its newest acceptance only.
    const stored = action === "accepted" && !claimed.has(folder) ? submissions.get(folder) : undefined;
    if (stored) claimed.add(folder);
    // The pull request that added it, when the merge commit names one (untrusted text: see pullRequestOf).
    const pullRequest = action === "accepted" && commit !== null ? mergedPullRequest(root, commit.hash) : null;
    items.push({ kind: "submission", action, date, benchmarkId, direction, entryId, entryName: stored?.entryName ?? null, contentHash: stored?.id ?? null, commit: short, pullRequest });
  }
  for (const [folder, changed] of groupBy(files, 3, BENCHMARKS)) {
    const benchmarkId = folder.split("/")[2] ?? "";
    items.push({ kind: "benchmark", date, benchmarkId, changes: benchmarkChanges(root, commit?.hash ?? null, changed), commit: short });
  }
  return items;
}

/** Accepted submissions dated by their manifest's modification time, newest first: all there is without history. */
function fromFiles(root: string, submissions: readonly StoredSubmission[]): SubmissionItem[] {
  return submissions
    .map((s) => {
      const manifest = path.join(root, s.path, "manifest.json");
      const mtime = fs.existsSync(manifest) ? fs.statSync(manifest).mtime : null;
      // A file's time is set at will (touch -d 2099-12-31) like a commit's: an implausible one dates nothing.
      const time = mtime === null ? null : plausibleDate(mtime.toISOString().replace(/\.\d{3}Z$/, "Z"));
      return { s, time };
    })
    .sort((a, b) => (b.time ?? "").localeCompare(a.time ?? "") || a.s.path.localeCompare(b.s.path))
    .map(({ s, time }) => ({
      kind: "submission",
      action: "accepted",
      date: time === null ? null : day(time),
      benchmarkId: s.benchmarkId,
      direction: s.direction,
      entryId: s.entryId,
      entryName: s.entryName,
      contentHash: s.id,
      commit: null,
      pullRequest: null,
    }));
}

/**
 * Puts maintainers' records among the dated items, newest first (a record before items of an earlier day); the
 * undated items (not yet committed) stay on top.
 */
function withRecords(items: readonly ChangelogItem[], records: readonly RecordItem[]): ChangelogItem[] {
  const out = [...items];
  const sorted = [...records].sort((a, b) => a.date.localeCompare(b.date) || a.path.localeCompare(b.path));
  for (const record of sorted) {
    const at = out.findIndex((item) => item.date !== null && item.date <= record.date);
    out.splice(at === -1 ? out.length : at, 0, record);
  }
  return out;
}

/** Builds the changelog of the repository at `root` for the accepted submissions and maintainers' records the store holds. */
export function buildChangelog(root: string, submissions: readonly StoredSubmission[], records: readonly RecordItem[] = []): Changelog {
  const built = changelogOf(root, submissions);
  return { ...built, items: withRecords(built.items, records) };
}

function changelogOf(root: string, submissions: readonly StoredSubmission[]): Changelog {
  const history = readHistory(root, [BENCHMARKS, SUBMISSIONS]);
  if (!history.available) {
    return {
      source: "files",
      items: fromFiles(root, submissions),
      note:
        `This site was built without the git history of its data (${history.reason}), for instance from a tarball: changes to the ` +
        "benchmarks' data and protocols cannot be listed, and accepted submissions are dated by their files' modification times.",
    };
  }
  const byFolder = new Map(submissions.map((s) => [s.path, s]));
  const claimed = new Set<string>();
  const items = [
    ...itemsOf(root, null, history.uncommitted, byFolder, claimed),
    ...history.commits.flatMap((commit) => itemsOf(root, commit, commit.files, byFolder, claimed)),
  ];
  // Accepted bundles git knows nothing of (neither committed nor seen as new, e.g. ignored) are still listed, undated.
  const unlisted = submissions.filter((s) => !claimed.has(s.path) && !items.some((i) => i.kind === "submission" && `${SUBMISSIONS}/${i.benchmarkId}/${i.direction}/${i.entryId}` === s.path));
  return {
    source: history.shallow ? "shallow" : "git",
    items: [...fromFiles(root, unlisted).map((item) => ({ ...item, date: null })), ...items],
    note: history.shallow
      ? `This site was built from a shallow clone whose history begins on ${history.since ? day(history.since) : "an unknown day"}: changes up to that day are not listed.`
      : null,
  };
}
