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

/** Who holds the lock, as its holder wrote it, or null while unknown (the holder may just be starting or ending). */
function holder(file: string): string | null {
  try {
    return fs.readFileSync(`${file}.owner`, "utf8").trim() || null;
  } catch {
    return null;
  }
}

/** How long a waiter gives a fresh holder to write its name before saying "another process". */
const NAME_GRACE_MS = 2000;

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
        throw new BusyError(`busy, try again: ${holder(file) ?? "another process"} is still writing to ${dataDir} (waited ${waitSeconds} s)`);
      }
      // The holder writes its name just after taking the lock; wait a moment for it rather than say "another process".
      const who = holder(file);
      if (!told && (who !== null || Date.now() - started > NAME_GRACE_MS)) {
        notify(`Waiting for ${who ?? "another process"} to finish writing to ${dataDir}…`);
        told = true;
      }
      sleep(200);
    }
  }
  fs.writeFileSync(`${file}.owner`, `process ${process.pid} (${process.argv.slice(1).map((a) => path.basename(a)).join(" ")}; started ${new Date().toISOString()})\n`);
  return {
    release() {
      if (!db.open) return;
      // The name goes first, so a waiter never reads a holder that has gone; after kill -9 the next holder overwrites it.
      fs.rmSync(`${file}.owner`, { force: true });
      db.exec("ROLLBACK");
      db.close();
    },
  };
}
