/**
 * The git history of some folders of the repository, read at build time with the `git` command: the commits
 * that touched them (newest first) with the files each changed, and what is changed but not yet committed.
 * Where there is no history to read (git missing, a tarball, not a repository) it says so instead of failing.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { pullRequestOf } from "../../../src/lib/pull-request.ts";

/** A file a commit (or the working tree) added, modified or deleted, relative to the queried root. */
export interface FileChange {
  readonly status: "A" | "M" | "D";
  readonly path: string;
}

/** A commit that touched the folders. */
export interface Commit {
  /** Full hash (40 hex, or 64 in a SHA-256 repository), as git computed it. */
  readonly hash: string;
  /** git's abbreviation of it. */
  readonly short: string;
  /** Committer date, ISO 8601; null when it is not a plausible one (the committer writes it: see plausibleDate). */
  readonly date: string | null;
  readonly files: readonly FileChange[];
}

/** What the history says, or why there is none. */
export type History =
  | {
      readonly available: true;
      /** A shallow clone: commits before the oldest listed are missing. */
      readonly shallow: boolean;
      /** In a shallow clone, the day its history begins (the oldest commit it holds), else null. */
      readonly since: string | null;
      readonly commits: readonly Commit[];
      readonly uncommitted: readonly FileChange[];
    }
  | { readonly available: false; readonly reason: string };

function git(root: string, args: readonly string[]): string {
  return execFileSync("git", ["-C", root, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 });
}

function status(code: string): FileChange["status"] {
  return code === "A" || code === "?" ? "A" : code === "D" ? "D" : "M";
}

const HASH = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const SHORT_HASH = /^[0-9a-f]{4,64}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:Z|[+-]\d{2}:\d{2})$/;
/** git's first release: no commit of this repository's history is older. */
const EARLIEST = Date.parse("2005-04-07T00:00:00Z");
/** How far ahead of the build's clock a commit may be dated (clock skew, time zones). */
const AHEAD_MS = 2 * 24 * 3600 * 1000;

/**
 * An ISO 8601 timestamp as git prints it (`%cI`) that names a real moment between git's first release and two
 * days from now, or null. A committer sets its commit's date at will: one in 2099 would date the changelog and
 * name every release; an undated commit is listed without a day instead.
 */
export function plausibleDate(text: string, now = Date.now()): string | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const calendar = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0, hour ?? 0, minute ?? 0, second ?? 0));
  // Date.UTC rolls 2024-02-31 over to March: a date that does not come back unchanged is not a calendar date.
  if (calendar.getUTCMonth() !== (month ?? 0) - 1 || calendar.getUTCDate() !== day || (hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return null;
  const time = Date.parse(text);
  return Number.isFinite(time) && time >= EARLIEST && time <= now + AHEAD_MS ? text : null;
}

// A marker that opens each commit's record. Under -z every field and path ends with NUL and no field of the
// format is free text (hashes and a date only: no subject, no author), so nothing a commit says can open,
// close or fill a record; a path follows its status letter, so a path named like the marker is still a path.
const RECORD = "commit";
const LOG_FORMAT = `--format=%x00${RECORD}%x00%H%x00%h%x00%cI`;

/** Thrown by parseLog on output it cannot read: the history is then reported unavailable, never half-read. */
class UnreadableLog extends Error {}

/** Parses `git log -z --name-status` output in LOG_FORMAT into commits (before any shallow boundary is applied). */
export function parseLog(output: string): Commit[] {
  const tokens = output.split("\0");
  const commits: { hash: string; short: string; date: string | null; files: FileChange[] }[] = [];
  for (let i = 0; i < tokens.length; ) {
    const token = (tokens[i] ?? "").replace(/^\n/, "");
    if (token === "") {
      i += 1;
    } else if (token === RECORD) {
      const [hash = "", short = "", date = ""] = tokens.slice(i + 1, i + 4);
      if (!HASH.test(hash) || !SHORT_HASH.test(short) || !hash.startsWith(short)) throw new UnreadableLog(`a commit hash git printed is not one (${JSON.stringify(hash.slice(0, 80))})`);
      commits.push({ hash, short, date: plausibleDate(date), files: [] });
      i += 4;
    } else {
      const commit = commits.at(-1);
      const path = tokens[i + 1];
      if (commit === undefined || !/^[A-Z]$/.test(token) || path === undefined || path === "") throw new UnreadableLog("a file change git printed has no commit or no status");
      commit.files.push({ status: status(token), path });
      i += 2;
    }
  }
  return commits;
}

/** Parses `git status --porcelain=v1 -z` output: `XY path` records, NUL-terminated, paths unquoted. */
export function parseStatus(output: string): FileChange[] {
  return output
    .split("\0")
    .filter((record) => record.length > 3)
    .map((record) => ({ status: status(record.slice(0, 2).trim().charAt(0)), path: record.slice(3) }));
}

/** The history of `folders` (paths relative to `root`, e.g. "data/benchmarks"). */
export function readHistory(root: string, folders: readonly string[]): History {
  let prefix: string;
  let shallow: boolean;
  try {
    if (git(root, ["rev-parse", "--is-inside-work-tree"]).trim() !== "true") return { available: false, reason: "not a git working tree" };
    prefix = git(root, ["rev-parse", "--show-prefix"]).trim();
    shallow = git(root, ["rev-parse", "--is-shallow-repository"]).trim() === "true";
  } catch {
    return { available: false, reason: "no git repository (or no git) here" };
  }
  let log: string;
  try {
    log = git(root, ["log", "-z", LOG_FORMAT, "--name-status", "--no-renames", "--relative", "--", ...folders]);
  } catch {
    // A repository without any commit yet has no history to list.
    log = "";
  }
  let parsed: Commit[];
  try {
    parsed = parseLog(log);
  } catch (error) {
    if (error instanceof UnreadableLog) return { available: false, reason: `git log printed what this site cannot read: ${error.message}` };
    throw error;
  }
  // A shallow clone's oldest commits have no parents to diff against: git would list all their files as new.
  const boundary = shallow ? shallowBoundary(root) : new Set<string>();
  const commits = parsed.map((commit) => (boundary.has(commit.hash) ? { ...commit, files: [] } : commit));
  // Porcelain paths are relative to the repository's top level; the queried root may sit below it.
  const uncommitted = parseStatus(git(root, ["status", "--porcelain=v1", "-z", "--no-renames", "--untracked-files=all", "--", ...folders])).map((change) =>
    change.path.startsWith(prefix) ? { ...change, path: change.path.slice(prefix.length) } : change,
  );
  const since = shallow ? (boundary.size > 0 ? oldestDate(root, [...boundary]) : null) : null;
  return { available: true, shallow, since, commits: commits.filter((c) => c.files.length > 0), uncommitted };
}

/** The commits where a shallow clone's history is cut off. */
function shallowBoundary(root: string): Set<string> {
  try {
    const file = git(root, ["rev-parse", "--path-format=absolute", "--git-path", "shallow"]).trim();
    return new Set(fs.readFileSync(file, "utf8").split("\n").filter((line) => HASH.test(line)));
  } catch {
    return new Set();
  }
}

/** The committer date (ISO) of the oldest of some commits, among those with a plausible date. */
function oldestDate(root: string, hashes: readonly string[]): string | null {
  try {
    const dates = git(root, ["show", "-s", "--format=%cI", ...hashes]).split("\n").map((line) => plausibleDate(line)).filter((d): d is string => d !== null).sort();
    return dates[0] ?? null;
  } catch {
    return null;
  }
}

/** A file as a commit left it (`<commit>:<path>`), or null when it did not exist there. */
export function fileAt(root: string, commit: string, path: string): string | null {
  // Only a validated hash or HEAD, optionally with ^: never text that could be read as an option or a range.
  if (!/^(?:HEAD|[0-9a-f]{40}|[0-9a-f]{64})\^?$/.test(commit)) return null;
  try {
    return git(root, ["show", `${commit}:./${path}`]);
  } catch {
    return null;
  }
}

/**
 * The pull request that brought a commit into the checked-out branch: named by the commit's own subject (a squash
 * merge), else by the first merge commit after it on the way to HEAD (a merge commit); null when none names one.
 * Each subject is read alone (`%s` of one validated hash), so no commit text is parsed as a record.
 */
export function mergedPullRequest(root: string, hash: string): number | null {
  if (!HASH.test(hash)) return null;
  try {
    const own = pullRequestOf(git(root, ["show", "-s", "--format=%s", hash]).replace(/\n$/, ""));
    if (own !== null) return own;
    const merge = git(root, ["rev-list", "--ancestry-path", "--merges", "--reverse", `${hash}..HEAD`]).split("\n")[0] ?? "";
    if (!HASH.test(merge)) return null;
    // A commit already on the mainline (an ancestor of the merge's first parent) was not brought in by that merge.
    if (isAncestor(root, hash, `${merge}^1`)) return null;
    return pullRequestOf(git(root, ["show", "-s", "--format=%s", merge]).replace(/\n$/, ""));
  } catch {
    return null;
  }
}

/** Whether `ancestor` is an ancestor of `commit` (both validated hashes, `commit` optionally with ^1). */
function isAncestor(root: string, ancestor: string, commit: string): boolean {
  try {
    execFileSync("git", ["-C", root, "merge-base", "--is-ancestor", ancestor, commit], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
