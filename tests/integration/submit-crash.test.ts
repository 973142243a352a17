/**
 * One writer, and every crash converges: `npm run submit` killed (SIGKILL, as by `kill -9`) at each named step,
 * then run again, stores the entry exactly once and leaves data/ and the store agreeing: the store, written in
 * place, has the canonical dump of a fresh rebuild of data/ (the same rows; pages may be laid out differently);
 * two submits started at once both land, one after the other.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { WRITE_STEPS } from "../../scripts/store/checkpoint.ts";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import { dumpDifference } from "../../scripts/store/dump.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import { copyData, formulaPredictions, tempDataDir, tempDir, tvgeContent, v2tManifest, writeBundleDir } from "../support/bundles.ts";
import { datasetDir, describeWithDatasets } from "../support/datasets.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NODE = path.join(ROOT, "node_modules/.bin/node");
const RESAMPLES = 20;

/** Runs the submit command; resolves with its exit code, the signal that ended it, and its output. */
async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(NODE, ["scripts/submit.ts", ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (out += chunk));
    child.on("close", (code, signal) => resolve({ code, signal, out }));
  });
}

/** Every file and folder under a folder whose name a write in progress uses. */
function temporaries(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (/\.tmp(-journal)?$/.test(entry.name)) found.push(path.join(d, entry.name));
      if (entry.isDirectory()) walk(path.join(d, entry.name));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return found;
}

describeWithDatasets("tvge", "submit under kill -9 and two at once", () => {
  let root: string;
  let baseData: string;
  let baseStore: Buffer;
  let videos: string[];

  /** A fresh copy of the data folder and store, as before any submission. */
  function fresh(name: string): { dataDir: string; store: string } {
    const dir = path.join(root, name);
    const dataDir = path.join(dir, "data");
    copyData(baseData, dataDir);
    const store = path.join(dir, "store.sqlite");
    fs.writeFileSync(store, baseStore);
    return { dataDir, store };
  }

  const bundle = (name: string) =>
    writeBundleDir(path.join(root, "bundles", name), {
      "manifest.json": JSON.stringify(v2tManifest("tvge", name)),
      "predictions.jsonl": formulaPredictions(videos),
    });

  /** The store agrees with data/: its canonical dump is that of a rebuild of data/. */
  async function agreesWithRebuild(where: { dataDir: string; store: string }): Promise<void> {
    const rebuilt = path.join(path.dirname(where.store), "rebuilt.sqlite");
    writeStore(await buildContent({ dataDir: where.dataDir, resamples: RESAMPLES }), rebuilt);
    expect(dumpDifference(where.store, rebuilt), "the store has the rows of a rebuild of data/").toEqual([]);
  }

  const count = (store: string, sql: string) => {
    const db = new Database(store, { readonly: true });
    try {
      return (db.prepare(sql).get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    root = tempDir("crash");
    baseData = tempDataDir(["tvge"]);
    const store = path.join(root, "base.sqlite");
    writeStore(await buildContent({ dataDir: baseData, resamples: RESAMPLES }), store);
    baseStore = fs.readFileSync(store);
    videos = tvgeContent(datasetDir("tvge")).videos.map((v) => v.id);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  for (const step of WRITE_STEPS) {
    it(`killed at "${step}", a rerun stores the entry exactly once and leaves data/ and the store agreeing`, { timeout: 120_000 }, async () => {
      const where = fresh(`kill-${step}`);
      const source = bundle(`Killed At ${step}`);
      const args = [source, "--data", where.dataDir, "--store", where.store];
      const killed = await run(args, { AIGVE_KILL_AT: step });
      expect(killed.signal, killed.out).toBe("SIGKILL");
      const inode = fs.statSync(where.store).ino;
      const rerun = await run(args);
      expect(rerun.code, rerun.out).toBe(0);
      // The rerun finds the old store intact (a killed in-place write rolled back) and changes it in place.
      expect(rerun.out).not.toMatch(/Rebuilding the store/);
      expect(fs.statSync(where.store).ino).toBe(inode);
      expect(fs.existsSync(`${where.store}-journal`)).toBe(false);
      // Killed after the store was written, the rerun finds nothing to do; before, it finishes the job.
      expect(rerun.out).toMatch(step === "stored" ? /is a duplicate of submission [0-9a-f]{64}.*Nothing to do\./ : /Stored\. V2T entry "Killed At/);
      const id = `killed-at-${step}`;
      expect(count(where.store, `select count(*) as n from v2t_entries where id = '${id}'`)).toBe(1);
      expect(count(where.store, `select count(*) as n from submissions where entry_id = '${id}'`)).toBe(1);
      expect(fs.readdirSync(path.join(where.dataDir, "submissions", "tvge", "v2t"))).toEqual([id]);
      expect(temporaries(path.dirname(where.store))).toEqual([]);
      await agreesWithRebuild(where);
    });
  }

  it("takes two submits started at once one after the other: each waits for the writer before it, both land", { timeout: 180_000 }, async () => {
    const where = fresh("concurrent");
    // A writer holds the lock first, so that both submits meet a held lock whatever the machine's speed.
    const holder = spawn(NODE, ["-e", `
      const { acquireWriteLock } = await import(${JSON.stringify(path.join(ROOT, "scripts/store/write-lock.ts"))});
      globalThis.held = acquireWriteLock(${JSON.stringify(where.dataDir)}, () => {});
      console.log("holding");
      setTimeout(() => {}, 120000);
    `], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    const outputs = ["", ""];
    const waiting = () => outputs.every((out) => /Waiting for process \d+ .* to finish writing to /.test(out));
    let released = false;
    const release = () => {
      if (!released && waiting()) {
        released = true;
        holder.kill("SIGKILL");
      }
    };
    const runs = ["First Together", "Second Together"].map(
      (name, i) =>
        new Promise<{ code: number | null; out: string }>((resolve) => {
          const child = spawn(NODE, ["scripts/submit.ts", bundle(name), "--data", where.dataDir, "--store", where.store], { cwd: ROOT, env: process.env });
          const take = (chunk: Buffer) => {
            outputs[i] += chunk.toString();
            release();
          };
          child.stdout.on("data", take);
          child.stderr.on("data", take);
          child.on("close", (code) => resolve({ code, out: outputs[i] as string }));
        }),
    );
    try {
      const [a, b] = (await Promise.all(runs)) as [{ code: number | null; out: string }, { code: number | null; out: string }];
      expect(released, "both submits said they were waiting for the writer before them").toBe(true);
      expect([a.code, b.code], `${a.out}${b.out}`).toEqual([0, 0]);
    } finally {
      holder.kill("SIGKILL");
    }
    expect(count(where.store, "select count(*) as n from v2t_entries where id in ('first-together', 'second-together')")).toBe(2);
    await agreesWithRebuild(where);
  });

  it("stops with \"busy, try again\" and exit code 75 when another writer holds the lock too long", { timeout: 120_000 }, async () => {
    const where = fresh("busy");
    const holder = spawn(NODE, ["-e", `
      const { acquireWriteLock } = await import(${JSON.stringify(path.join(ROOT, "scripts/store/write-lock.ts"))});
      globalThis.held = acquireWriteLock(${JSON.stringify(where.dataDir)}, () => {});
      console.log("holding");
      setTimeout(() => {}, 60000);
    `], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    try {
      const busy = await run([bundle("Too Late"), "--data", where.dataDir, "--store", where.store], { AIGVE_LOCK_WAIT: "1" });
      expect(busy.code, busy.out).toBe(75);
      expect(busy.out).toMatch(/busy, try again: process \d+ .* is still writing to /);
    } finally {
      holder.kill("SIGKILL");
    }
  });
});
