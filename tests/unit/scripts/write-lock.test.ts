import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireWriteLock, BusyError, lockPath } from "../../../scripts/lib/write-lock";

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
});
