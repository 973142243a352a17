/**
 * The git history of some folders of the repository, read at build time with the `git` command: the commits
 * that touched them (newest first) with the files each changed, and what is changed but not yet committed.
 * Where there is no history to read (git missing, a tarball, not a repository) it says so instead of failing.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";

/** A file a commit (or the working tree) added, modified or deleted, relative to the queried root. */
export interface FileChange {
  readonly status: "A" | "M" | "D";
  readonly path: string;
}

/** A commit that touched the folders. */
export interface Commit {
  readonly hash: string;
  readonly short: string;
  /** Committer date, ISO 8601. */
  readonly date: string;
  readonly subject: string;
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
    log = git(root, ["log", "--format=%x1e%H%x1f%h%x1f%cI%x1f%s", "--name-status", "--no-renames", "--relative", "--", ...folders]);
  } catch {
    // A repository without any commit yet has no history to list.
    log = "";
  }
  // A shallow clone's oldest commits have no parents to diff against: git would list all their files as new.
  const boundary = shallow ? shallowBoundary(root) : new Set<string>();
  const commits: Commit[] = log
    .split("\x1e")
    .filter((chunk) => chunk.trim() !== "")
    .map((chunk) => {
      const [head = "", ...lines] = chunk.split("\n");
      const [hash = "", short = "", date = "", subject = ""] = head.split("\x1f");
      const files = lines
        .filter((line) => line.includes("\t"))
        .map((line) => {
          const [code = "", path = ""] = line.split("\t");
          return { status: status(code.charAt(0)), path };
        });
      return { hash, short, date, subject, files: boundary.has(hash) ? [] : files };
    });
  // Porcelain paths are relative to the repository's top level; the queried root may sit below it.
  const uncommitted = git(root, ["status", "--porcelain=v1", "--untracked-files=all", "--", ...folders])
    .split("\n")
    .filter((line) => line.length > 3)
    .map((line) => {
      const code = line.slice(0, 2).trim().charAt(0);
      const path = line.slice(3).replace(/^"|"$/g, "");
      return { status: status(code), path: path.startsWith(prefix) ? path.slice(prefix.length) : path };
    });
  const since = shallow ? (boundary.size > 0 ? oldestDate(root, [...boundary]) : null) : null;
  return { available: true, shallow, since, commits: commits.filter((c) => c.files.length > 0), uncommitted };
}

/** The commits where a shallow clone's history is cut off. */
function shallowBoundary(root: string): Set<string> {
  try {
    const file = git(root, ["rev-parse", "--path-format=absolute", "--git-path", "shallow"]).trim();
    return new Set(fs.readFileSync(file, "utf8").split("\n").filter(Boolean));
  } catch {
    return new Set();
  }
}

/** The committer date (ISO) of the oldest of some commits. */
function oldestDate(root: string, hashes: readonly string[]): string | null {
  try {
    const dates = git(root, ["show", "-s", "--format=%cI", ...hashes]).split("\n").filter(Boolean).sort();
    return dates[0] ?? null;
  } catch {
    return null;
  }
}

/** A file as a commit left it (`<commit>:<path>`), or null when it did not exist there. */
export function fileAt(root: string, commit: string, path: string): string | null {
  try {
    return git(root, ["show", `${commit}:./${path}`]);
  } catch {
    return null;
  }
}
