/**
 * Every download the built site links to exists: board, dimension, entry and ground-truth files, the
 * example bundle and the schemas. A link to a file that was never generated is a broken promise.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DIST = process.env.AIGVE_DIST ? path.resolve(process.env.AIGVE_DIST) : path.join(ROOT, "dist");

function htmlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(full);
    return entry.name.endsWith(".html") ? [full] : [];
  });
}

describe("download links in the built site", () => {
  it("all point at files that exist, on every page", () => {
    if (!fs.existsSync(path.join(DIST, "index.html"))) throw new Error(`${DIST} has no site: run npm run build first`);
    const linked = new Map<string, string>();
    for (const file of htmlFiles(DIST)) {
      for (const match of fs.readFileSync(file, "utf8").matchAll(/href="(\/(?:downloads|schemas|submit)\/[^"?#]+\.(?:csv|json|zip))"/g)) {
        linked.set(match[1] as string, path.relative(DIST, file));
      }
    }
    // Board, dimension, entry and ground-truth downloads all appear somewhere.
    const kinds = [/\/downloads\/[^/]+\/t2v\.csv$/, /\/dimensions\/[^/]+\.csv$/, /\/entries\/(t2v|v2t)\/[^/]+\.json$/, /\/schemas\/[^/]+\.json$/];
    for (const kind of kinds) expect([...linked.keys()].some((url) => kind.test(url)), String(kind)).toBe(true);
    const missing = [...linked].filter(([url]) => !fs.existsSync(path.join(DIST, url))).map(([url, page]) => `${url} (linked from ${page})`);
    expect(missing).toEqual([]);
  });

  it("links per-video ground truth exactly for the benchmarks that publish it", () => {
    const downloads = fs.readFileSync(path.join(DIST, "downloads", "index.html"), "utf8");
    for (const benchmark of fs.readdirSync(path.join(DIST, "downloads"), { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const exists = fs.existsSync(path.join(DIST, "downloads", benchmark.name, "ground-truth.csv"));
      expect(downloads.includes(`/downloads/${benchmark.name}/ground-truth.csv`), benchmark.name).toBe(exists);
    }
  });
});
