import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireReadLock, acquireWriteLock, BusyError, LockFileError, lockPath } from "../../../../scripts/store/write-lock";

/** Starts a process that takes the lock file's exclusive transaction, optionally names itself after `nameAfterMs`, then holds on. */
function holdLock(dataDir: string, nameAfterMs: number | null): Promise<ChildProcess> {
  const file = lockPath(dataDir);
  const script = `
    const Database = require("better-sqlite3");
    const fs = require("node:fs");
    const db = new Database(${JSON.stringify(file)});
    db.exec("BEGIN EXCLUSIVE");
    process.stdout.write("held\\n");
    ${nameAfterMs === null ? "" : `setTimeout(() => fs.writeFileSync(${JSON.stringify(`${file}.owner`)}, "process 4242 (holder)\\n"), ${nameAfterMs});`}
    setInterval(() => {}, 1000);
  `;
  fs.mkdirSync(dataDir, { recursive: true });
  const child = spawn(process.execPath, ["-e", script], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.stdout!.once("data", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
}

describe("acquireWriteLock", () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const tempData = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-lock-"));
    dirs.push(dir);
    return dir;
  };

  it("names a holder that writes its name a moment after taking the lock", async () => {
    const dataDir = tempData();
    children.push(await holdLock(dataDir, 300));
    const told: string[] = [];
    expect(() => acquireWriteLock(dataDir, (m) => told.push(m), 1)).toThrow(BusyError);
    expect(told).toEqual([`Waiting for process 4242 (holder) to finish writing to ${dataDir}…`]);
  });

  it("says \"another process\" when the holder never names itself, and reports busy after the wait", async () => {
    const dataDir = tempData();
    children.push(await holdLock(dataDir, null));
    const told: string[] = [];
    expect(() => acquireWriteLock(dataDir, (m) => told.push(m), 3)).toThrow(/busy, try again: another process is still writing/);
    expect(told).toEqual([`Waiting for another process to finish writing to ${dataDir}…`]);
  });

  it("writes the holder's name while held and removes it on release, so the next waiter never reads a finished holder", () => {
    const dataDir = tempData();
    const lock = acquireWriteLock(dataDir, () => undefined, 1);
    expect(fs.readFileSync(`${lockPath(dataDir)}.owner`, "utf8")).toMatch(new RegExp(`^process ${process.pid} `));
    lock.release();
    expect(fs.existsSync(`${lockPath(dataDir)}.owner`)).toBe(false);
    acquireWriteLock(dataDir, () => undefined, 1).release();
  });

  it("hides an owner file's raw control characters and never reads an owner file that is a link", async () => {
    const dataDir = tempData();
    const secret = path.join(tempData(), "secret.txt");
    fs.writeFileSync(secret, "root:x:0:0:root:/root:/bin/bash\n");
    children.push(await holdLock(dataDir, null));
    fs.writeFileSync(`${lockPath(dataDir)}.owner`, "process 1 (\u001b[2J\u001b[31mred)\n");
    const told: string[] = [];
    expect(() => acquireWriteLock(dataDir, (m) => told.push(m), 1)).toThrow(/busy, try again: process 1 \(\\u001b\[2J\\u001b\[31mred\) is still writing/);
    expect(told.join("")).not.toMatch(/\u001b/);
    fs.rmSync(`${lockPath(dataDir)}.owner`);
    fs.symlinkSync(secret, `${lockPath(dataDir)}.owner`);
    expect(() => acquireWriteLock(dataDir, () => undefined, 1)).toThrow(/busy, try again: another process is still writing/);
  });
});

describe("a write-lock path that is not a lock", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const tempData = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-lock-"));
    dirs.push(dir);
    return dir;
  };
  const listing = (dir: string) => fs.readdirSync(dir).sort();

  const cases: [string, (file: string, outside: string) => void, string][] = [
    ["a text file", (file) => fs.writeFileSync(file, "do not delete: notes about the lock\n"), "it holds text"],
    ["a file of binary data", (file) => fs.writeFileSync(file, Buffer.from([0, 1, 2, 255, 254, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])), "it holds data that is not a lock"],
    ["a directory", (file) => fs.mkdirSync(file), "it is a directory"],
    ["a symbolic link to a file elsewhere", (file, outside) => fs.symlinkSync(outside, file), "it is a symbolic link"],
    ["a dangling symbolic link", (file, outside) => fs.symlinkSync(path.join(outside, "missing"), file), "it is a symbolic link"],
    ["a named pipe (which an open would block on)", (file) => execFileSync("mkfifo", [file]), "it is a special file (a pipe, socket or device)"],
  ];
  for (const [what, make, says] of cases) {
    it(`is refused when it is ${what}, for writers and dry runs alike, naming it and what to do, and left as it was`, () => {
      const dataDir = tempData();
      const outside = path.join(tempData(), "outside.db");
      fs.writeFileSync(outside, "someone else's file\n");
      make(lockPath(dataDir), outside);
      const before = listing(dataDir);
      for (const take of [acquireWriteLock, acquireReadLock]) {
        let error: unknown;
        try {
          take(dataDir, () => undefined, 1).release();
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(LockFileError);
        expect((error as Error).message).toBe(`${lockPath(dataDir)} is not a lock file (${says}): remove it if no submit or rebuild is running, then run the command again.`);
      }
      expect(listing(dataDir)).toEqual(before);
      expect(fs.readFileSync(outside, "utf8")).toBe("someone else's file\n");
    });
  }

  it("refuses an owner file that is a directory, and leaves it and what it holds", () => {
    const dataDir = tempData();
    fs.mkdirSync(`${lockPath(dataDir)}.owner`);
    fs.writeFileSync(path.join(`${lockPath(dataDir)}.owner`, "keep.txt"), "keep\n");
    expect(() => acquireWriteLock(dataDir, () => undefined, 1)).toThrow(`${lockPath(dataDir)}.owner is not the lock's owner file (it is a directory): remove it if no submit or rebuild is running, then run the command again.`);
    expect(fs.readFileSync(path.join(`${lockPath(dataDir)}.owner`, "keep.txt"), "utf8")).toBe("keep\n");
    // The lock was let go: a reader gets it at once.
    acquireReadLock(dataDir, () => undefined, 0).release();
  });

  it("writes the holder's name as a new file, never through a link left in its place", () => {
    const dataDir = tempData();
    const target = path.join(tempData(), "victim.txt");
    fs.writeFileSync(target, "precious\n");
    fs.symlinkSync(target, `${lockPath(dataDir)}.owner`);
    const lock = acquireWriteLock(dataDir, () => undefined, 1);
    expect(fs.lstatSync(`${lockPath(dataDir)}.owner`).isFile()).toBe(true);
    lock.release();
    expect(fs.readFileSync(target, "utf8")).toBe("precious\n");
  });
});

describe("acquireReadLock (a dry run's lock)", () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const tempData = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-lock-"));
    dirs.push(dir);
    return dir;
  };

  it("makes nothing where no writer ever made the lock file", () => {
    const dataDir = tempData();
    acquireReadLock(dataDir, () => undefined, 1).release();
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("is shared with other readers, keeps writers out while held, and lets them in once released", () => {
    const dataDir = tempData();
    acquireWriteLock(dataDir, () => undefined, 1).release();
    const first = acquireReadLock(dataDir, () => undefined, 1);
    const second = acquireReadLock(dataDir, () => undefined, 1);
    expect(() => acquireWriteLock(dataDir, () => undefined, 1)).toThrow(BusyError);
    first.release();
    second.release();
    acquireWriteLock(dataDir, () => undefined, 1).release();
  });

  it("waits for a writer and reports busy like a writer does", async () => {
    const dataDir = tempData();
    children.push(await holdLock(dataDir, 0));
    expect(() => acquireReadLock(dataDir, () => undefined, 1)).toThrow(/busy, try again: process 4242 \(holder\) is still writing/);
  });
});

describe("a data folder the user cannot write to", () => {
  // Root writes through any permission bits, so as root the check runs as the unprivileged user `nobody`.
  const asUnprivileged = (script: string) => {
    const runAsRoot = process.getuid?.() === 0;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      ...(runAsRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    return result;
  };
  const LOCK_MODULE = path.resolve(import.meta.dirname, "../../../../scripts/store/write-lock.ts");
  let dataDir: string;
  afterEach(() => {
    fs.chmodSync(dataDir, 0o755);
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it("refuses a writer with what to do, and lets a dry run's read lock through", () => {
    dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "aigve-lock-ro-")), "data");
    fs.mkdirSync(dataDir);
    acquireWriteLock(dataDir, () => undefined, 1).release();
    fs.chmodSync(path.dirname(dataDir), 0o755);
    fs.chmodSync(lockPath(dataDir), 0o444);
    fs.chmodSync(dataDir, 0o555);
    const script = `
      const { acquireReadLock, acquireWriteLock } = await import(${JSON.stringify(LOCK_MODULE)});
      acquireReadLock(${JSON.stringify(dataDir)}, () => {}, 1).release();
      console.log("read lock taken and released");
      try { acquireWriteLock(${JSON.stringify(dataDir)}, () => {}, 1); console.log("write lock taken"); }
      catch (error) { console.log(error.name + ": " + error.message); }
    `;
    const result = asUnprivileged(script);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(
      "read lock taken and released\n" +
        `LockFileError: cannot take the write lock in ${dataDir} (EACCES): submit and rebuild write data/ and the store, so they need write access there; a submit's --dry-run needs none.\n`,
    );
    expect(fs.readdirSync(dataDir)).toEqual([".write.lock"]);
  });
});
