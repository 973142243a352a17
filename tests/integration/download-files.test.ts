/**
 * The board and dimension downloads' route (`src/pages/downloads/[...file].ts`, listing from
 * `src/lib/download-files.ts`): every file at its latest and its release path, next to each other, with the parts the
 * pages and release.json list; the two paths get the same bytes, and the second is not formatted again. From a store
 * of FETV, TVGE and AIGVE-60K's published figures, with parts cut at 32 KB so that several downloads are split.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { tempDir } from "../support/bundles.ts";
import { describeWithDatasets } from "../support/datasets.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

vi.mock("../../src/lib/download-parts.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/lib/download-parts.ts")>();
  return { ...actual, partCount: (jsonBytes: number) => actual.partCount(jsonBytes, 32 * 1024) };
});

// Counts the formatting of a file's text, the work a pair's second path must not do again.
vi.mock("../../src/lib/download-body.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/lib/download-body.ts")>();
  return { ...actual, downloadText: vi.fn(actual.downloadText) };
});

interface Listed {
  readonly params: { readonly file: string };
  readonly props: Readonly<Record<string, unknown>>;
}

describeWithDatasets("fetv", "each board and dimension download, written once for its two URLs", () => {
  let work: string;
  let listed: Listed[];
  let release: string;

  beforeAll(async () => {
    work = tempDir("download-files");
    const store = path.join(work, "store.sqlite");
    execFileSync(process.execPath, ["scripts/rebuild.ts", "--store", store, "--resamples", "20"], { cwd: ROOT, stdio: "pipe" });
    // The loaders open the store named here on first use.
    process.env.AIGVE_STORE = store;
    const route = await import("../../src/pages/downloads/[...file].ts");
    const { currentRelease } = await import("../../src/lib/release.ts");
    release = currentRelease().id;
    listed = (await route.getStaticPaths({} as never)) as unknown as Listed[];
  }, 300_000);

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it("lists every file at its latest path, then at the same path under the release, with the same file", () => {
    expect(listed.length % 2).toBe(0);
    for (let i = 0; i < listed.length; i += 2) {
      const [latest, kept] = [listed[i] as Listed, listed[i + 1] as Listed];
      expect(kept.params.file).toBe(`releases/${release}/${latest.params.file}`);
      expect(kept.props).toEqual(latest.props);
    }
    // Boards whole and in parts, dimensions in parts.
    const files = listed.map((l) => l.params.file);
    expect(files).toContain("aigve-60k/v2t-instance.part-2.csv");
    expect(files).toContain("fetv/t2v.json");
    expect(files).toContain("fetv/dimensions/complexity-medium.part-2.json");
  });

  it("lists at the latest paths the parts the pages link, and at the release paths those release.json names", async () => {
    const { listBenchmarks, listDimensions } = await import("../../src/lib/benchmarks.ts");
    const { boardDownloadParts, dimensionDownloadParts } = await import("../../src/lib/downloads.ts");
    const { releaseFiles } = await import("../../src/lib/release-files.ts");
    const { dimensionDownloadUrl, downloadUrl } = await import("../../src/lib/urls.ts");
    const { BoardIdSchema } = await import("../../src/schemas/board.ts");
    const linked = listBenchmarks().flatMap((b) =>
      (["csv", "json"] as const).flatMap((format) => [
        ...BoardIdSchema.options.flatMap((board) => boardDownloadParts(b.id, board, release).map((part) => downloadUrl(b.id, board, format, part))),
        ...listDimensions(b.id).flatMap((d) => dimensionDownloadParts(b.id, d.id, release).map((part) => dimensionDownloadUrl(b.id, d.id, format, part))),
      ]),
    );
    const urls = listed.map((l) => `/downloads/${l.params.file}`);
    expect(urls.filter((_, i) => i % 2 === 0).sort()).toEqual([...linked].sort());
    expect(urls.filter((_, i) => i % 2 === 1).sort()).toEqual([...releaseFiles(release)].sort());
  });

  it("gives both paths of a file the same bytes and formats each file once, four in flight in any order", async () => {
    const route = await import("../../src/pages/downloads/[...file].ts");
    const { downloadText } = await import("../../src/lib/download-body.ts");
    const formatted = vi.mocked(downloadText);
    formatted.mockClear();
    const bodies = new Map<string, string>();
    // Astro renders a route's paths four at a time; within each four the calls may come in any order: the last first here.
    for (let from = 0; from < listed.length; from += 4) {
      for (const item of listed.slice(from, from + 4).reverse()) {
        const response = await route.GET({ props: item.props } as unknown as Parameters<typeof route.GET>[0]);
        bodies.set(item.params.file, await response.text());
      }
    }
    for (let i = 0; i < listed.length; i += 2) {
      const [latest, kept] = [listed[i] as Listed, listed[i + 1] as Listed];
      expect(bodies.get(kept.params.file), kept.params.file).toBe(bodies.get(latest.params.file));
    }
    expect(formatted).toHaveBeenCalledTimes(listed.length / 2);
    // The bytes are the download's own: the JSON of a part says which part it is, and every record carries the release.
    const part = JSON.parse(bodies.get("aigve-60k/v2t-instance.part-2.json") as string) as { part: number; parts: number; release: string; rows: { release: string }[] };
    expect(part).toMatchObject({ part: 2, release });
    expect(part.parts).toBeGreaterThan(1);
    expect(part.rows.every((row) => row.release === release)).toBe(true);
  });
});
