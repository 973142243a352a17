/**
 * The store is the only seam: the writer reads git once and keeps the changelog and the release in the store; the
 * site's loaders make the same downloads from one store whether they run in the repository or in a folder without
 * `.git`, with git on the PATH or not.
 */
import type { Changelog } from "../../src/schemas/history.ts";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tempDir } from "../support/bundles.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

interface Digest {
  readonly release: { readonly release: string; readonly date: string | null; readonly files: readonly string[] };
  readonly changelog: Changelog;
  readonly downloads: Readonly<Record<string, string>>;
}

/**
 * Every board download (CSV and JSON), release.json and the changelog the loaders make from `store`, from freshly
 * loaded modules (the loaders memoise), run in `cwd` with `env` in force: what a site build would write.
 */
async function digest(store: string, cwd: string, env: Readonly<Record<string, string>>): Promise<Digest> {
  const saved = { cwd: process.cwd(), env: { ...process.env } };
  process.chdir(cwd);
  Object.assign(process.env, env, { AIGVE_STORE: store });
  vi.resetModules();
  try {
    const { listBenchmarks } = await import("../../src/lib/benchmarks.ts");
    const { loadChangelog } = await import("../../src/lib/changelog.ts");
    const { boardDownload } = await import("../../src/lib/downloads.ts");
    const { currentRelease, releaseManifest } = await import("../../src/lib/release.ts");
    const { releaseFiles } = await import("../../src/lib/release-files.ts");
    const { BoardIdSchema } = await import("../../src/schemas/board.ts");
    const release = currentRelease().id;
    const downloads: Record<string, string> = {};
    for (const benchmark of listBenchmarks()) {
      for (const board of BoardIdSchema.options) {
        for (const format of ["csv", "json"] as const) downloads[`${benchmark.id}/${board}.${format}`] = await boardDownload(benchmark.id, board, format, release).text();
      }
    }
    return { release: releaseManifest(releaseFiles(release)), changelog: loadChangelog(), downloads };
  } finally {
    process.chdir(saved.cwd);
    for (const key of Object.keys(process.env)) if (!(key in saved.env)) delete process.env[key];
    Object.assign(process.env, saved.env);
  }
}

describe("a store and the downloads made from it", () => {
  let work: string;
  let store: string;
  let inRepo: Digest;

  beforeAll(async () => {
    work = tempDir("store-seam");
    // Without datasets: the published figures only, which is quick and enough to carry the history.
    const datasets = path.join(work, "no-datasets");
    fs.mkdirSync(datasets);
    store = path.join(work, "store.sqlite");
    execFileSync(process.execPath, ["scripts/rebuild.ts", "--store", store, "--datasets", datasets], { cwd: ROOT, stdio: "pipe" });
    inRepo = await digest(store, ROOT, {});
  }, 300_000);

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it("holds the changelog and the release the writer read from this repository's git history", () => {
    const newest = execFileSync("git", ["-C", ROOT, "log", "--no-merges", "-1", "--format=%cs", "--", "data/benchmarks", "data/submissions"], { encoding: "utf8" }).trim();
    expect(inRepo.changelog.source).toMatch(/^(git|shallow)$/);
    expect(inRepo.changelog.items.some((item) => "commit" in item && item.commit !== null)).toBe(true);
    expect(inRepo.release.release.startsWith(`${newest}-`)).toBe(true);
    expect(Object.keys(inRepo.downloads).length).toBeGreaterThan(0);
    // Every JSON download names its release at the top, even a board without entries (no datasets here).
    for (const [file, body] of Object.entries(inRepo.downloads)) if (file.endsWith(".json")) expect(JSON.parse(body).release, file).toBe(inRepo.release.release);
  });

  it("gives identical downloads from a copy of the store in a folder without .git and with no git on the PATH", async () => {
    const elsewhere = path.join(work, "no-git");
    fs.mkdirSync(elsewhere);
    const copy = path.join(elsewhere, "store.sqlite");
    fs.copyFileSync(store, copy);
    // Only node's own folder on the PATH and a GIT_DIR that does not exist: a loader that ran git would see no history.
    const withoutGit = await digest(copy, elsewhere, { PATH: path.dirname(process.execPath), GIT_DIR: path.join(elsewhere, "absent") });
    expect(withoutGit).toEqual(inRepo);
  });
});
