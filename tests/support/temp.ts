/**
 * Test temporary folders. Each test file runs with its own temp root: `tests/support/temp-setup.ts` (vitest's
 * `setupFiles`) opens one before the file and closes it after, so `os.tmpdir()` — in the test, in the scripts it
 * calls and in the child processes it starts, which inherit TMPDIR — points into a folder that is removed with
 * everything in it when the file ends, whether its tests passed or failed. No caller has to remember a cleanup.
 * Nothing here imports vitest, so dev scripts under tests/support can use `tempDir` too (outside vitest its folder is
 * the caller's to remove).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A fresh temporary folder; under vitest it sits in the test file's temp root and goes when the file ends. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `aigve-${prefix}-`));
}

/** A test file's temp root: the folder made for it and the TMPDIR it replaced (undefined when none was set). */
export interface TempRoot {
  dir: string;
  previousTmpdir: string | undefined;
}

/** Makes a fresh temp root, open to every user as /tmp is, in the current temporary folder and points `os.tmpdir()` (TMPDIR) into it. */
export function openTempRoot(): TempRoot {
  const previousTmpdir = process.env.TMPDIR;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-test-"));
  // Open like /tmp (mkdtemp makes it 0700): tests run child processes as another user, who must reach their folders.
  fs.chmodSync(dir, 0o1777);
  process.env.TMPDIR = dir;
  return { dir, previousTmpdir };
}

/** Restores the TMPDIR a temp root replaced, then removes the root with everything in it. */
export function closeTempRoot(root: TempRoot): void {
  if (root.previousTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = root.previousTmpdir;
  try {
    // Retries: a child process the file started may still be finishing a write when the file ends.
    fs.rmSync(root.dir, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    throw new Error(`Could not remove the test file's temporary folder ${root.dir}: ${(error as Error).message}`, { cause: error });
  }
}
