/**
 * One writer at a time: submits and rebuilds hold an exclusive lock on `<data>/.write.lock` while they read
 * and write data/ and the store; a dry run, which writes nothing, holds a shared one (or none, where no writer
 * ever made the file), so it needs no write access and many can run beside each other. The lock is SQLite's own
 * file lock, which the operating system drops when the process ends, even by `kill -9`: a crashed writer never
 * leaves a stale lock behind.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { displayPath } from "../io/read-data.ts";
import { escapeTerminal } from "../io/terminal-text.ts";

/** Thrown when the lock stayed taken for longer than the caller was willing to wait. */
export class BusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BusyError";
  }
}

/** Thrown when the lock file is not a lock (text, a folder, a link) or cannot be made: the message says what to do. */
export class LockFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LockFileError";
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

/** Longest holder name shown: the owner file is written by our writers, but it is a file anyone could fill. */
const MAX_HOLDER_LENGTH = 200;

/** Who holds the lock, as its holder wrote it, or null while unknown (the holder may just be starting or ending). */
function holder(file: string): string | null {
  try {
    // Only a plain file is read: a link could point anywhere, and what it points to would be echoed.
    if (!fs.lstatSync(`${file}.owner`).isFile()) return null;
    const first = fs.readFileSync(`${file}.owner`, "utf8").split("\n")[0]?.trim().slice(0, MAX_HOLDER_LENGTH) ?? "";
    return first === "" ? null : escapeTerminal(first);
  } catch {
    return null;
  }
}

/** How long a waiter gives a fresh holder to write its name before saying "another process". */
const NAME_GRACE_MS = 2000;

/** An empty file, or a file with SQLite's header: what this module's lock files are. */
const SQLITE_HEADER = "SQLite format 3\u0000";

/** What stands at the lock's path instead of a lock, in words, or null when it is a lock file (or nothing). */
function notALock(file: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    return `cannot be examined (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
  if (stat.isSymbolicLink()) return "it is a symbolic link";
  if (stat.isDirectory()) return "it is a directory";
  if (!stat.isFile()) return "it is a special file (a pipe, socket or device)";
  if (stat.size === 0) return null;
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString("latin1") === SQLITE_HEADER) return null;
  return [...head.subarray(0, Math.min(stat.size, head.length))].every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127)) ? "it holds text" : "it holds data that is not a lock";
}

/** Refuses a lock path that holds something else, naming it and what to do; a lock is never made by overwriting. */
function checkLockFile(file: string): "absent" | "present" {
  const what = notALock(file);
  if (what !== null) {
    throw new LockFileError(`${escapeTerminal(displayPath(file))} is not a lock file (${what}): remove it if no submit or rebuild is running, then run the command again.`);
  }
  return fs.existsSync(file) ? "present" : "absent";
}

/** Takes SQLite's lock with `begin` on `db`, waiting for another holder as acquireWriteLock describes. */
function waitFor(db: Database.Database, begin: () => void, file: string, dataDir: string, notify: (message: string) => void, waitSeconds: number): void {
  const started = Date.now();
  let told = false;
  const where = escapeTerminal(dataDir);
  for (;;) {
    try {
      begin();
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY") {
        db.close();
        if ((error as { code?: string }).code === "SQLITE_NOTADB") throw new LockFileError(`${escapeTerminal(displayPath(file))} is not a lock file (it holds data that is not a lock): remove it if no submit or rebuild is running, then run the command again.`);
        throw error;
      }
      if (Date.now() - started > waitSeconds * 1000) {
        db.close();
        throw new BusyError(`busy, try again: ${holder(file) ?? "another process"} is still writing to ${where} (waited ${waitSeconds} s)`);
      }
      // The holder writes its name just after taking the lock; wait a moment for it rather than say "another process".
      const who = holder(file);
      if (!told && (who !== null || Date.now() - started > NAME_GRACE_MS)) {
        notify(`Waiting for ${who ?? "another process"} to finish writing to ${where}…`);
        told = true;
      }
      sleep(200);
    }
  }
}

/** The default wait: $AIGVE_LOCK_WAIT seconds, else 600. */
function defaultWait(): number {
  return Number(process.env.AIGVE_LOCK_WAIT ?? 600);
}

/** Why a writer cannot make its files in a data folder, as a LockFileError. */
function notWritable(dataDir: string, error: unknown): LockFileError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new LockFileError(`cannot take the write lock in ${escapeTerminal(displayPath(dataDir))} (${escapeTerminal(code)}): submit and rebuild write data/ and the store, so they need write access there; a submit's --dry-run needs none.`);
}

/**
 * Takes the write lock of a data folder, waiting for another holder (saying so once through `notify`) for at
 * most `waitSeconds` (default $AIGVE_LOCK_WAIT, else 600); then throws a BusyError. Throws a LockFileError when
 * the lock file is not a lock or the folder is not writable.
 */
export function acquireWriteLock(dataDir: string, notify: (message: string) => void, waitSeconds = defaultWait()): WriteLock {
  const file = lockPath(dataDir);
  let db: Database.Database;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    checkLockFile(file);
    fs.accessSync(dataDir, fs.constants.W_OK);
    db = new Database(file);
  } catch (error) {
    if (error instanceof LockFileError) throw error;
    throw notWritable(dataDir, error);
  }
  db.pragma("busy_timeout = 0");
  waitFor(db, () => db.exec("BEGIN EXCLUSIVE"), file, dataDir, notify, waitSeconds);
  const owner = `${file}.owner`;
  if (fs.lstatSync(owner, { throwIfNoEntry: false })?.isDirectory()) {
    db.exec("ROLLBACK");
    db.close();
    throw new LockFileError(`${escapeTerminal(displayPath(owner))} is not the lock's owner file (it is a directory): remove it if no submit or rebuild is running, then run the command again.`);
  }
  try {
    // Made anew, never written through: an owner file that is a link must not carry our text elsewhere.
    fs.rmSync(owner, { force: true });
    fs.writeFileSync(owner, `process ${process.pid} (${process.argv.slice(1).map((a) => path.basename(a)).join(" ")}; started ${new Date().toISOString()})\n`, { flag: "wx" });
  } catch (error) {
    db.exec("ROLLBACK");
    db.close();
    throw notWritable(dataDir, error);
  }
  return {
    release() {
      if (!db.open) return;
      // The name goes first, so a waiter never reads a holder that has gone; after kill -9 the next holder overwrites it.
      fs.rmSync(owner, { force: true });
      db.exec("ROLLBACK");
      db.close();
    },
  };
}

/**
 * Takes the lock a reader that writes nothing (a dry run) holds: shared with other readers, kept from writers.
 * Opens the lock file read-only and makes nothing: without the file (no writer ever ran here, or the folder is
 * read-only), there is no writer to keep out and no lock is taken. Waits and refuses like acquireWriteLock.
 */
export function acquireReadLock(dataDir: string, notify: (message: string) => void, waitSeconds = defaultWait()): WriteLock {
  const file = lockPath(dataDir);
  if (checkLockFile(file) === "absent") return { release() {} };
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new LockFileError(`cannot open ${escapeTerminal(displayPath(file))} to read (${escapeTerminal((error as Error).message)}): remove it if no submit or rebuild is running, then run the command again.`);
  }
  db.pragma("busy_timeout = 0");
  // A read inside a transaction takes SQLite's shared lock and keeps it until the transaction ends.
  const begin = () => {
    db.exec("BEGIN");
    try {
      db.prepare("SELECT count(*) FROM sqlite_master").get();
    } catch (error) {
      db.exec("ROLLBACK");
      throw error;
    }
  };
  waitFor(db, begin, file, dataDir, notify, waitSeconds);
  return {
    release() {
      if (!db.open) return;
      db.exec("ROLLBACK");
      db.close();
    },
  };
}
