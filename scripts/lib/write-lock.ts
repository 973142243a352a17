/**
 * One writer at a time: submits and rebuilds hold an exclusive lock on `<data>/.write.lock` while they read
 * and write data/ and the store. The lock is SQLite's own file lock, which the operating system drops when
 * the process ends, even by `kill -9`: a crashed writer never leaves a stale lock behind.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** Thrown when the lock stayed taken for longer than the caller was willing to wait. */
export class BusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BusyError";
  }
}

/** A held lock. */
export interface WriteLock {
  release(): void;
}

/** The lock file of a data folder. */
export function lockPath(dataDir: string): string {
  return path.join(dataDir, ".write.lock");
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Who holds the lock, as its holder wrote it (best effort: the holder may just be starting or ending). */
function holder(file: string): string {
  try {
    return fs.readFileSync(`${file}.owner`, "utf8").trim() || "another process";
  } catch {
    return "another process";
  }
}

/**
 * Takes the write lock of a data folder, waiting for another holder (saying so once through `notify`) for at
 * most `waitSeconds` (default $AIGVE_LOCK_WAIT, else 600); then throws a BusyError.
 */
export function acquireWriteLock(dataDir: string, notify: (message: string) => void, waitSeconds = Number(process.env.AIGVE_LOCK_WAIT ?? 600)): WriteLock {
  const file = lockPath(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(file);
  db.pragma("busy_timeout = 0");
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      db.exec("BEGIN EXCLUSIVE");
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY") {
        db.close();
        throw error;
      }
      if (Date.now() - started > waitSeconds * 1000) {
        db.close();
        throw new BusyError(`busy, try again: ${holder(file)} is still writing to ${dataDir} (waited ${waitSeconds} s)`);
      }
      if (!told) {
        notify(`Waiting for ${holder(file)} to finish writing to ${dataDir}…`);
        told = true;
      }
      sleep(200);
    }
  }
  fs.writeFileSync(`${file}.owner`, `process ${process.pid} (${process.argv.slice(1).map((a) => path.basename(a)).join(" ")}; started ${new Date().toISOString()})\n`);
  return {
    release() {
      if (!db.open) return;
      db.exec("ROLLBACK");
      db.close();
    },
  };
}
