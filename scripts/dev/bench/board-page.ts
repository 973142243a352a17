/**
 * The FETV V2T board page of a site of copies (copies-site.ts), as a reader meets it: its weight before interaction
 * (HTML, CSS, scripts and their imports, gzipped: page-weight.ts), and a search for the board's last entry opened
 * from a fresh `?q=` URL in Chromium, timed until that entry's row shows (the page ships the first rows only and
 * fetches the rest for a search).
 */
import Database from "better-sqlite3";
import { launchChromium } from "../../../tests/support/browser.ts";
import { serveStatic } from "../../../tests/support/static-server.ts";
import { COPIED, type CopiesSite } from "./copies-site.ts";
import { pageWeight } from "./page-weight.ts";
import { formatBytes, type BenchRow } from "./table.ts";

/** Issue 18: the board page at most 150 KB gzipped before interaction. */
const PAGE_LIMIT = 150 * 1024;
/** Our own limit for the search (the issue asks only that it finds the entry): what a reader waits without doubt. */
const SEARCH_LIMIT_MS = 2000;
const TABLE = "#v2t-instance-table";

/** The board's last entry in display order (the store's overall ranking of the instance board). */
function lastEntry(store: string): { id: string; name: string } {
  const db = new Database(store, { readonly: true });
  try {
    const row = db
      .prepare(`SELECT r.entry_id AS id, e.name AS name FROM rankings r JOIN v2t_entries e ON e.benchmark_id = r.benchmark_id AND e.id = r.entry_id WHERE r.benchmark_id = ? AND r.board = 'v2t-instance' AND r.dimension = 'overall' ORDER BY r.position DESC LIMIT 1`)
      .get(COPIED.benchmark) as { id: string; name: string } | undefined;
    if (row === undefined) throw new Error(`the store ${store} ranks no V2T entry on ${COPIED.benchmark}`);
    return row;
  } finally {
    db.close();
  }
}

/** Opens the board with a search for `name` in a fresh context; ms from navigation until the row of `id` shows, or null. */
async function timeSearch(url: string, id: string): Promise<number | null> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "commit" });
    const handle = await page.waitForFunction(([table, entry]) => (document.querySelector(`${table} tbody tr[data-entry="${entry}"]`) ? performance.now() : false), [TABLE, id] as const, { timeout: 60_000, polling: "raf" }).catch(() => null);
    const ms = handle === null ? null : ((await handle.jsonValue()) as number);
    await context.close();
    return ms;
  } finally {
    await browser.close();
  }
}

/** The board page's rows for a site of `count` copies: its weight, and the search for its last entry. */
export async function measureBoardPage(site: CopiesSite, count: number): Promise<BenchRow[]> {
  const entries = (count + 5).toLocaleString("en");
  const weight = pageWeight(site.dist, `/${COPIED.benchmark}/v2t/`);
  console.log(`\nBoard page, FETV with ${entries} V2T entries: HTML ${formatBytes(weight.htmlBytes)}, ${formatBytes(weight.beforeInteractionGzip)} gzipped with its CSS and scripts; chart islands, loaded on scroll, ${formatBytes(weight.islandsGzip)} more.\n`);
  const last = lastEntry(site.store);
  const server = await serveStatic(site.dist);
  let ms: number | null;
  try {
    ms = await timeSearch(`${server.url}/${COPIED.benchmark}/v2t/?q=${encodeURIComponent(last.name)}`, last.id);
  } finally {
    await server.close();
  }
  return [
    { figure: `FETV V2T board page · ${entries} entries with stored resamples · gzipped before interaction`, target: { kind: "size", maxBytes: PAGE_LIMIT }, oursMs: weight.beforeInteractionGzip, unit: "bytes", baseline: null },
    {
      figure: `FETV V2T board page · ${entries} entries · a search for the last entry ("${last.name}") from a fresh ?q= URL, until its row shows (our limit)`,
      target: { kind: "time", maxMs: SEARCH_LIMIT_MS },
      oursMs: ms ?? Number.NaN,
      baseline: null,
      ...(ms === null ? { failure: "the row did not show within 60 s" } : {}),
    },
  ];
}
