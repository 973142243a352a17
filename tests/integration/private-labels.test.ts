import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithDatasets } from "../support/datasets.ts";
import { copyData } from "../support/bundles.ts";
import { buildSiteInto } from "../../scripts/dev/astro-build.ts";

const repo = path.resolve(import.meta.dirname, "../..");

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describeWithDatasets("fetv", "a benchmark whose labels are private", () => {
  let work: string;
  let dist: string;
  let perVideoMos: string[];

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "aigve-private-"));
    const data = path.join(work, "data");
    copyData(path.join(repo, "data"), data);
    const definition = path.join(data, "benchmarks/fetv/benchmark.json");
    const benchmark = JSON.parse(fs.readFileSync(definition, "utf8"));
    // BT.500 z-scores give many distinct full-precision values, so a leak of any of them would be seen below.
    fs.writeFileSync(definition, JSON.stringify({ ...benchmark, labelsPublic: false, protocol: { ...benchmark.protocol, humanScore: "bt500-zscore" } }, null, 2));
    const store = path.join(work, "store.sqlite");
    execFileSync(process.execPath, ["scripts/rebuild.ts", "--data", data, "--store", store], { cwd: repo, stdio: "pipe" });
    dist = path.join(work, "dist");
    buildSiteInto(store, dist);
    const db = new Database(store, { readonly: true });
    perVideoMos = (db.prepare("SELECT mos FROM ground_truth WHERE benchmark_id = 'fetv' AND mos IS NOT NULL").all() as { mos: number }[]).map(
      (row) => String(row.mos),
    );
    db.close();
  }, 300_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("still has per-video ground truth in its store, so the check below means something", () => {
    expect(perVideoMos.length).toBe(9051);
  });

  it("publishes no per-video ground-truth download, and its anchor list without the anchors' scores", () => {
    expect(fs.existsSync(path.join(dist, "downloads/fetv/ground-truth.csv"))).toBe(false);
    expect(fs.existsSync(path.join(dist, "downloads/tvge/ground-truth.csv"))).toBe(true);
    const anchors = fs.readFileSync(path.join(dist, "downloads/fetv/anchors.csv"), "utf8");
    expect(anchors.split("\r\n")[0]).toBe("video,prompt_id,prompt,model,source");
    expect(fs.readFileSync(path.join(dist, "downloads/tvge/anchors.csv"), "utf8").split("\r\n")[0]).toBe("video,prompt_id,prompt,model,quality_score,alignment_score,source");
  });

  it("lets no per-video MOS reach any file of the site", () => {
    const wanted = new Set(perVideoMos.filter((value) => value.length >= 8));
    // Three raters on a 1–5 scale give few distinct rescaled MOS values (232 here), each full-precision.
    expect(wanted.size).toBeGreaterThan(100);
    const leaks: string[] = [];
    for (const file of filesUnder(dist)) {
      const text = fs.readFileSync(file, "latin1");
      for (const match of text.matchAll(/-?\d+\.\d{5,}/g)) {
        if (wanted.has(match[0])) leaks.push(`${path.relative(dist, file)}: ${match[0]}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
