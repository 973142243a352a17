/**
 * Submits write in place only what they change, and converge: after real FETV submits in sequence (two V2T
 * methods and a T2V model), the store's canonical dump equals that of a rebuild of the same data/ into another
 * file; so it does after a submit killed (kill -9) in the middle of its in-place write and run again.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import { dumpDifference } from "../../scripts/store/dump.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import { submitBundle } from "../../scripts/submissions/submit-bundle.ts";
import type { StoreContent } from "../../scripts/store/store-content.ts";
import { capture, tempDataDir, tempDir, v2tManifest, writeBundleDir, type BundleContents } from "../support/bundles.ts";
import { describeWithDatasets } from "../support/datasets.ts";
import { againBundle, fetvContent } from "../support/fetv-bundles.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NODE = path.join(ROOT, "node_modules/.bin/node");
const RESAMPLES = 50;

/** A V2T bundle for FETV: a deterministic formula of each labelled video's position, varied by `salt`. */
function v2tBundle(fetv: StoreContent, name: string, salt: number): BundleContents {
  const labelled = fetv.videos.filter((v) => v.benchmarkId === "fetv" && v.labelled).map((v) => v.id).sort();
  return {
    "manifest.json": JSON.stringify(v2tManifest("fetv", name)),
    "predictions.jsonl": labelled.map((video, i) => `${JSON.stringify({ video, scores: { static_quality: (i * (37 + salt)) % 101, temporal_quality: (i * 53) % (103 + salt), alignment: (i * 71 + salt) % 107 } })}\n`).join(""),
  };
}

describeWithDatasets("fetv", "submits written in place converge with a rebuild", () => {
  let root: string;
  let fetv: StoreContent;
  let n = 0;
  const bundle = (files: BundleContents) => writeBundleDir(path.join(root, "bundles", String((n += 1))), files);

  /** A fresh data/ copy and a store rebuilt from it. */
  async function fresh(name: string): Promise<{ dataDir: string; store: string }> {
    const dataDir = tempDataDir(["fetv"]);
    const store = path.join(root, `${name}.sqlite`);
    writeStore(await buildContent({ dataDir, resamples: RESAMPLES }), store);
    return { dataDir, store };
  }

  /** The lines in which the store's dump and that of a rebuild of its data/ differ (none: the same rows). */
  async function differenceFromRebuild(where: { dataDir: string; store: string }): Promise<string[]> {
    const rebuilt = `${where.store}.rebuilt.sqlite`;
    writeStore(await buildContent({ dataDir: where.dataDir, resamples: RESAMPLES }), rebuilt);
    return dumpDifference(where.store, rebuilt);
  }

  beforeAll(() => {
    root = tempDir("submit-converges");
    fetv = fetvContent();
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("after a V2T, a T2V and another V2T submit, the store holds exactly the rows of a rebuild", { timeout: 600_000 }, async () => {
    const where = await fresh("sequence");
    const inode = fs.statSync(where.store).ino;
    for (const files of [v2tBundle(fetv, "First Judge", 0), againBundle(fetv, "zeroscope", "zeroscope again"), v2tBundle(fetv, "Second Judge", 5)]) {
      const stdout = capture();
      const stderr = capture();
      const outcome = await submitBundle({ bundle: bundle(files), ...where, stdout, stderr });
      expect(outcome.status, stderr.text() + stdout.text()).toBe("stored");
      expect(stdout.text()).not.toMatch(/Rebuilding the store/);
    }
    // Changed in place: the same file, never replaced by a rewritten one.
    expect(fs.statSync(where.store).ino).toBe(inode);
    expect(await differenceFromRebuild(where)).toEqual([]);
  });

  it("killed in the middle of its in-place write and run again, a submit leaves the store a rebuild's", { timeout: 600_000 }, async () => {
    const where = await fresh("killed");
    const args = ["scripts/submit.ts", bundle(v2tBundle(fetv, "Killed Judge", 3)), "--data", where.dataDir, "--store", where.store];
    const run = (env: Record<string, string>) =>
      new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }>((resolve) => {
        const child = spawn(NODE, args, { cwd: ROOT, env: { ...process.env, ...env } });
        let out = "";
        child.stdout.on("data", (chunk) => (out += chunk));
        child.stderr.on("data", (chunk) => (out += chunk));
        child.on("close", (code, signal) => resolve({ code, signal, out }));
      });
    const killed = await run({ AIGVE_KILL_AT: "storing" });
    expect(killed.signal, killed.out).toBe("SIGKILL");
    // Killed inside the transaction: its journal is left beside the store, to be rolled back by the next writer.
    expect(fs.existsSync(`${where.store}-journal`)).toBe(true);
    const rerun = await run({});
    expect(rerun.code, rerun.out).toBe(0);
    expect(rerun.out).toMatch(/Stored\. V2T entry "Killed Judge"/);
    expect(fs.existsSync(`${where.store}-journal`)).toBe(false);
    expect(await differenceFromRebuild(where)).toEqual([]);
  });
});
