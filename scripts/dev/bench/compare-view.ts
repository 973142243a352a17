/**
 * The compare view of a site of copies (copies-site.ts): the page opened in Chromium with four entries (three of
 * FETV's own and the last copy), timed from navigation until its pairwise verdicts show, five times in fresh contexts;
 * the verdicts shown are checked against the engine's `pairedDifference` on the store's draws. Also reports the bytes
 * of the compare files per entry.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { decodeDraws } from "../../../db/draws.ts";
import { formatSigned, formatSignedRange } from "../../../src/components/compare/compare-format.ts";
import { pairedDifference } from "../../../src/engine/index.ts";
import { RANK_SUM_DRAWS_KEY } from "../../../src/schemas/board.ts";
import { launchChromium } from "../../../tests/support/browser.ts";
import { serveStatic } from "../../../tests/support/static-server.ts";
import { copyId, type CopiesSite } from "./copies-site.ts";
import type { BenchRow } from "./table.ts";

/** The entries compared besides the last copy: three of FETV's own. */
const ORIGINALS = ["umtscore", "blipscore", "clipscore"] as const;

/**
 * The pair table's cells of the overall scope as the page should show them, pair by pair in letter order: the rank
 * sum's, then each ranked column's verdict, from the engine on the store's draws.
 */
function expectedCells(store: string, ids: readonly string[]): string[] {
  const letters = ["A", "B", "C", "D"];
  const db = new Database(store, { readonly: true });
  const marks = ids.map(() => "?").join(",");
  const rowsOf = <T>(sql: string) => db.prepare(sql).all(...ids) as T[];
  const confidence = (JSON.parse((db.prepare(`SELECT value FROM meta WHERE key = 'bootstrap'`).get() as { value: string }).value) as { confidence: number }).confidence;
  const stored = rowsOf<{ entry_id: string; column_key: string; values: Buffer }>(`SELECT entry_id, column_key, "values" FROM draws WHERE benchmark_id = 'fetv' AND board = 'v2t-instance' AND dimension = 'overall' AND entry_id IN (${marks})`);
  const draws = new Map(stored.map((d) => [`${d.entry_id}|${d.column_key}`, decodeDraws(d.values)]));
  const results = rowsOf<{ entry_id: string; perspective_id: string; metric: string; value: number }>(`SELECT entry_id, perspective_id, metric, value FROM results WHERE benchmark_id = 'fetv' AND direction = 'v2t' AND level = 'instance' AND dimension = 'overall' AND entry_id IN (${marks})`);
  const value = new Map(results.map((r) => [`${r.entry_id}|${r.perspective_id}_${r.metric}`, r.value]));
  const rankings = rowsOf<{ entry_id: string; rank_sum: number }>(`SELECT entry_id, rank_sum FROM rankings WHERE benchmark_id = 'fetv' AND board = 'v2t-instance' AND dimension = 'overall' AND entry_id IN (${marks})`);
  const rankSum = new Map(rankings.map((r) => [r.entry_id, r.rank_sum]));
  db.close();
  const columns = ["static_quality_srcc", "temporal_quality_srcc", "alignment_srcc"];
  const cells: string[] = [];
  ids.forEach((first, i) => {
    ids.forEach((second, j) => {
      if (j <= i) return;
      const cell = (key: string, a: number, b: number, higher: boolean, digits: number) => {
        const found = pairedDifference({ value: a, draws: draws.get(`${first}|${key}`) as Float64Array }, { value: b, draws: draws.get(`${second}|${key}`) as Float64Array }, confidence);
        if (found === null) return "—";
        const ahead = found.separable ? `${(higher ? found.difference > 0 : found.difference < 0) ? letters[i] : letters[j]} ahead` : "≈ not separable";
        return `${ahead}${letters[i]} − ${letters[j]}: ${formatSigned(found.difference, digits)} ${formatSignedRange(found.low, found.high, digits)}`;
      };
      cells.push(cell(RANK_SUM_DRAWS_KEY, rankSum.get(first) as number, rankSum.get(second) as number, false, 0));
      for (const key of columns) cells.push(cell(key, value.get(`${first}|${key}`) as number, value.get(`${second}|${key}`) as number, true, 4));
    });
  });
  return cells;
}

/** Loads the compare view in a fresh context (no cache) and returns ms from navigation until the verdicts show, and the cells shown. */
async function timeVerdicts(page: Page, url: string, pairs: number): Promise<{ ms: number; cells: string[] }> {
  await page.goto(url, { waitUntil: "commit" });
  const handle = await page.waitForFunction(
    (n) => {
      const rows = document.querySelectorAll(".compare-table")[1]?.querySelectorAll("tbody tr") ?? [];
      return rows.length === n ? performance.now() : false;
    },
    pairs,
    { timeout: 60_000, polling: "raf" },
  );
  const ms = (await handle.jsonValue()) as number;
  const cells = await page.$$eval(".compare-table", (tables) => [...(tables[1]?.querySelectorAll("tbody td") ?? [])].map((td) => td.textContent?.trim() ?? ""));
  return { ms, cells };
}

/** Bytes of the compare files per entry (the last copy's, as every copy's): its JSON and its two resamples parts. */
function bytesPerEntry(dist: string, count: number): { json: number; overall: number; dimensions: number; index: number } {
  const folder = path.join(dist, "fetv", "compare", "v2t");
  return {
    json: fs.statSync(path.join(folder, `${copyId(count)}.json`)).size,
    overall: fs.statSync(path.join(folder, `${copyId(count)}.v2t-instance.overall.bin`)).size,
    dimensions: fs.statSync(path.join(folder, `${copyId(count)}.v2t-instance.dimensions.bin`)).size,
    index: fs.statSync(path.join(dist, "fetv", "compare", "v2t.json")).size,
  };
}

/** The compare view's row for a site of `count` copies: time to verdicts with four entries, and whether they are the engine's. */
export async function measureCompareView(site: CopiesSite, count: number): Promise<BenchRow> {
  const ids = [...ORIGINALS, copyId(count)];
  const expected = expectedCells(site.store, ids);
  const server = await serveStatic(site.dist);
  const browser = await launchChromium();
  const times: number[] = [];
  let agrees = true;
  try {
    for (let k = 0; k < 5; k++) {
      // A fresh context each time: nothing cached, and a viewport tall enough that the view is visible on load.
      const context = await browser.newContext({ viewport: { width: 1280, height: 2000 } });
      const page = await context.newPage();
      const shown = await timeVerdicts(page, `${server.url}/fetv/compare/?entries=${ids.join(",")}&direction=v2t`, 6);
      times.push(shown.ms);
      agrees &&= JSON.stringify(shown.cells) === JSON.stringify(expected);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const bytes = bytesPerEntry(site.dist, count);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const files = `${kb(bytes.json)} JSON + ${kb(bytes.overall)} overall + ${kb(bytes.dimensions)} dimensions resamples; index ${kb(bytes.index)}`;
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
  return {
    figure: `compare view · 4 of ${(count + 5).toLocaleString("en")} FETV V2T entries · navigation to overall verdicts shown, equal to the engine's (median of 5: ${times.map((t) => t.toFixed(0)).join(", ")} ms; files per entry ${files})`,
    target: { kind: "time", maxMs: 1000 },
    oursMs: median,
    baseline: null,
    agrees,
  };
}
