/**
 * A pull request's changed files as data: status, git file mode, path, size and a way to read the bytes. Made from
 * git objects (`git diff --raw -z` between the base and the fetched head, `git cat-file`) or from a fixture folder;
 * nothing of the pull request is ever checked out or run.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** One changed path of a pull request. */
export interface Change {
  /** git's status letter: A added, M modified, D deleted, T type changed (renames are reported as D + A). */
  readonly status: string;
  /** git's file mode of the new side: 100644 file, 100755 executable, 120000 symbolic link, 160000 submodule. */
  readonly mode: string;
  readonly path: string;
  /** Bytes of the new side (0 for a deletion). */
  readonly size: number;
  /** The new side's bytes; only called for files the gate accepted. */
  read(): Buffer;
}

const GIT_BUFFER = 64 * 1024 * 1024;

/** The most changed paths read from a pull request; a bundle holds at most 10 files, so more is refused anyway. */
export const MAX_CHANGES = 200;

function git(repo: string, args: readonly string[]): Buffer {
  return execFileSync("git", ["-C", repo, ...args], { maxBuffer: GIT_BUFFER });
}

/**
 * The changes from `base` to `head` as the pull request shows them (merge base to head, renames split), read from
 * the object database of `repo`. Paths come NUL-separated, so no name can forge a line.
 */
export function changesFromGit(repo: string, base: string, head: string): Change[] {
  const raw = git(repo, ["diff", "--raw", "-z", "--no-renames", "--no-abbrev", `${base}...${head}`]).toString("utf8");
  // Far more records than a bundle can hold are not sized one by one: the first MAX_CHANGES already fail the gate.
  const fields = raw.split("\0").slice(0, 2 * MAX_CHANGES);
  const changes: Change[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const meta = /^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*$/.exec(fields[i] ?? "");
    const file = fields[i + 1] ?? "";
    if (!meta) throw new Error(`unexpected git diff --raw record: ${JSON.stringify(fields[i])}`);
    const [, , mode = "", , blob = "", status = ""] = meta;
    const isBlob = status !== "D" && mode !== "160000";
    const size = isBlob ? Number(git(repo, ["cat-file", "-s", blob]).toString().trim()) : 0;
    changes.push({ status, mode, path: file, size, read: () => git(repo, ["cat-file", "blob", blob]) });
  }
  return changes;
}

/**
 * The changes of a fixture pull request: `changes.txt` with one `<status> <mode> <path>` line per changed path
 * (tab-separated) and the new sides under `head/`. A link's bytes are its target, as git stores them.
 */
export function changesFromFolder(dir: string): Change[] {
  const lines = fs.readFileSync(path.join(dir, "changes.txt"), "utf8").split("\n").filter((line) => line.trim() !== "");
  return lines.map((line, index) => {
    const [status = "", mode = "", file = "", ...rest] = line.split("\t");
    if (!status || !mode || !file || rest.length > 0) throw new Error(`${path.join(dir, "changes.txt")}, line ${index + 1}: expected <status>\\t<mode>\\t<path>`);
    const source = path.join(dir, "head", file);
    const size = status === "D" || mode === "160000" ? 0 : fs.statSync(source).size;
    return { status, mode, path: file, size, read: () => fs.readFileSync(source) };
  });
}

/** Whether a folder exists in a commit's tree (the base of a pull request), read from git objects. */
export function folderInGit(repo: string, commit: string, folder: string): boolean {
  try {
    execFileSync("git", ["-C", repo, "cat-file", "-e", `${commit}:${folder}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Whether a folder exists in a fixture pull request's base: listed in its optional `base.txt`, one path a line. */
export function folderInFixtureBase(dir: string, folder: string): boolean {
  const file = path.join(dir, "base.txt");
  return fs.existsSync(file) && fs.readFileSync(file, "utf8").split("\n").some((line) => line.trim() === folder);
}
