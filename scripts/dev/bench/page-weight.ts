/**
 * What a built page weighs before the reader does anything: its HTML, its stylesheets, its module scripts and
 * every module they import statically, each gzipped as a static host serves it. Chart islands marked
 * `client:visible` load when scrolled into view, so they are counted apart.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/** A page's gzipped bytes: what loads at once (HTML, CSS, scripts and their imports) and its islands' bundles. */
export interface PageWeight {
  readonly htmlBytes: number;
  readonly beforeInteractionGzip: number;
  readonly islandsGzip: number;
  readonly files: readonly string[];
}

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** The file of a site path ("/_astro/x.js") under `dist`. */
function fileOf(dist: string, sitePath: string): string {
  return path.join(dist, decodeURIComponent(sitePath.split(/[?#]/)[0] ?? ""));
}

/** A module and every module it imports statically (`import … from "./x.js"`, `import "./x.js"`), once each. */
function withImports(dist: string, start: string, seen: Set<string>): void {
  if (seen.has(start) || !fs.existsSync(start)) return;
  seen.add(start);
  const text = fs.readFileSync(start, "utf8");
  for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
    withImports(dist, path.resolve(path.dirname(start), match[1] ?? ""), seen);
  }
}

/** Weighs the page at `pagePath` (e.g. "/fetv/v2t/") of the site built in `dist`. */
export function pageWeight(dist: string, pagePath: string): PageWeight {
  const html = path.join(dist, pagePath, "index.html");
  const text = fs.readFileSync(html, "utf8");
  const loaded = new Set<string>();
  for (const match of text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) loaded.add(fileOf(dist, match[1] ?? ""));
  const scripts = new Set<string>();
  for (const match of text.matchAll(/<script[^>]+src="([^"]+)"/g)) withImports(dist, fileOf(dist, match[1] ?? ""), scripts);
  // Inline module scripts import too.
  for (const match of text.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
    for (const specifier of (match[1] ?? "").matchAll(/(?:\bfrom|\bimport)\s*["'](\/[^"']+)["']/g)) withImports(dist, fileOf(dist, specifier[1] ?? ""), scripts);
  }
  const islands = new Set<string>();
  for (const match of text.matchAll(/(?:component|renderer)-url="([^"]+)"/g)) withImports(dist, fileOf(dist, match[1] ?? ""), islands);
  for (const file of scripts) islands.delete(file);
  const files = [html, ...loaded, ...scripts];
  return {
    htmlBytes: fs.statSync(html).size,
    beforeInteractionGzip: files.reduce((sum, file) => sum + gzipSize(file), 0),
    islandsGzip: [...islands].reduce((sum, file) => sum + gzipSize(file), 0),
    files,
  };
}
