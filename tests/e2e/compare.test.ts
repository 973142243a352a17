/**
 * The compare view in Chromium: the entries named in the query string become its columns, choosing entries
 * rewrites the query string, and rows ticked on a board (or an entry page's link) lead to it. Expected names and
 * values are read from the board downloads, independently of the compare data.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterEach, beforeAll, expect, it } from "vitest";
import { DIST, describeBrowser, hydrateIslands, useSite, visit } from "../support/e2e.ts";

/** id → name and rounded values of a board download (its first columns hold no quoted commas). */
function boardRows(file: string): Map<string, Record<string, string>> {
  const [head = "", ...lines] = fs.readFileSync(path.join(DIST, file), "utf8").trim().split("\r\n");
  const header = head.split(",");
  return new Map(
    lines.map((line) => {
      const cells = line.split(",");
      const row = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]));
      return [row.id as string, row];
    }),
  );
}

/** Opens a compare URL and waits until its tables show. */
async function openCompare(site: ReturnType<typeof useSite>, page: Page, pathname: string): Promise<void> {
  await visit(site, page, pathname, { settle: false });
  await hydrateIslands(page);
  await page.waitForSelector(".compare-table th.compare-entry", { timeout: 10_000 });
}

/** The entry names heading the first side-by-side table, left to right. */
function columnNames(page: Page): Promise<string[]> {
  return page.$$eval(".compare-table", (tables) => [...(tables[0]?.querySelectorAll("th.compare-entry a") ?? [])].map((a) => a.textContent?.trim() ?? ""));
}

/** Waits until the first side-by-side table has `count` entry columns (a newly chosen entry's files are fetched then). */
async function waitForColumns(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelector(".compare-table")?.querySelectorAll("th.compare-entry").length === n, count, { timeout: 10_000 });
}

function query(page: Page): Record<string, string> {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

describeBrowser("compare view", () => {
  const site = useSite();
  const t2v = boardRows("downloads/fetv/t2v.csv");
  const v2t = boardRows("downloads/fetv/v2t-instance.csv");
  let page: Page;

  beforeAll(async () => {
    page = await site.newPage();
  });

  afterEach(() => {
    const { consoleErrors, pageErrors, failedRequests } = site.problems(page);
    site.resetProblems(page);
    expect([...consoleErrors, ...pageErrors, ...failedRequests]).toEqual([]);
  });

  it("shows the entries of ?entries= as its columns, in that order, with their values and the pairs between them", async () => {
    await openCompare(site, page, "/fetv/compare/?entries=zeroscope,cogvideo&direction=t2v");
    expect(await columnNames(page)).toEqual([t2v.get("zeroscope")?.model, t2v.get("cogvideo")?.model]);
    const selects = await page.$$eval(".compare-slots select", (all) => all.map((s) => (s as HTMLSelectElement).value));
    expect(selects).toEqual(["zeroscope", "cogvideo", "", ""]);
    const alignment = await page.$$eval(".compare-table", (tables) => {
      const row = [...(tables[0]?.querySelectorAll("tbody tr") ?? [])].find((r) => r.querySelector("th")?.textContent?.startsWith("Alignment"));
      return [...(row?.querySelectorAll("td") ?? [])].map((td) => td.childNodes[0]?.textContent?.trim() ?? "");
    });
    expect(alignment).toEqual([Number(t2v.get("zeroscope")?.alignment_mos).toFixed(2), Number(t2v.get("cogvideo")?.alignment_mos).toFixed(2)]);
    const pairs = await page.$$eval(".compare-table", (tables) => [...(tables[1]?.querySelectorAll("tbody th") ?? [])].map((th) => th.textContent ?? ""));
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatch(/^A vs B/);
  });

  it("fetches only the chosen entries' files, and in a task dimension compares pairs by column only", async () => {
    const fetched: string[] = [];
    const record = (request: { url(): string }) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith("/fetv/compare/")) fetched.push(pathname);
    };
    page.on("request", record);
    await openCompare(site, page, "/fetv/compare/?entries=umtscore,clipscore&direction=v2t");
    await waitForColumns(page, 2);
    await page.waitForFunction(() => !document.querySelector(".compare-view")?.textContent?.includes("follow once their resamples are fetched"));
    expect(fetched.filter((p) => p.startsWith("/fetv/compare/v2t/")).sort()).toEqual([
      "/fetv/compare/v2t/clipscore.json",
      "/fetv/compare/v2t/clipscore.v2t-instance.dimensions.bin",
      "/fetv/compare/v2t/clipscore.v2t-instance.overall.bin",
      "/fetv/compare/v2t/umtscore.json",
      "/fetv/compare/v2t/umtscore.v2t-instance.dimensions.bin",
      "/fetv/compare/v2t/umtscore.v2t-instance.overall.bin",
    ]);
    page.off("request", record);
    const headers = () => page.$$eval(".compare-table", (tables) => [...(tables[1]?.querySelectorAll("thead th") ?? [])].map((th) => th.childNodes[0]?.textContent?.trim() ?? ""));
    expect(await headers()).toContain("Rank sum");
    const dimension = await page.$eval(".compare-scope select", (select) => (select as HTMLSelectElement).options[1]?.value ?? "");
    await page.selectOption(".compare-scope select", dimension);
    await page.waitForFunction(() => location.search.includes("scope="));
    expect(await headers()).not.toContain("Rank sum");
    expect(await page.textContent(".compare-view")).toContain("In a task dimension, pairs are compared column by column only");
  });

  it("infers the direction from the entries, and reports ids it cannot use", async () => {
    await openCompare(site, page, "/fetv/compare/?entries=umtscore,clipscore,no-such-method");
    expect(await columnNames(page)).toEqual([v2t.get("umtscore")?.method, v2t.get("clipscore")?.method]);
    expect(await page.isChecked('.compare-picker input[type="radio"][value="v2t"]')).toBe(true);
    expect(await page.textContent(".compare-view [role=status]")).toContain("no-such-method");
    expect(query(page)).toEqual({ entries: "umtscore,clipscore", direction: "v2t" });
  });

  it("rewrites the query string as entries are chosen and removed, so the view can be shared", async () => {
    await openCompare(site, page, "/fetv/compare/?entries=umtscore&direction=v2t");
    await page.selectOption(".compare-slots select >> nth=1", "blipscore");
    await page.waitForFunction(() => location.search.includes("blipscore"));
    expect(query(page)).toMatchObject({ entries: "umtscore,blipscore", direction: "v2t" });
    await waitForColumns(page, 2);
    expect(await columnNames(page)).toEqual([v2t.get("umtscore")?.method, v2t.get("blipscore")?.method]);
    await page.selectOption(".compare-slots select >> nth=0", "");
    await page.waitForFunction(() => !location.search.includes("umtscore"));
    expect(query(page)).toMatchObject({ entries: "blipscore" });
    await waitForColumns(page, 1);
    const shared = page.url();
    await page.goto(shared, { waitUntil: "load" });
    await hydrateIslands(page);
    await page.waitForSelector(".compare-table th.compare-entry");
    expect(await columnNames(page)).toEqual([v2t.get("blipscore")?.method]);
  });

  it("builds the link from rows ticked on a board, at most four, and opens the comparison", async () => {
    await visit(site, page, "/fetv/t2v/");
    const link = page.locator("[data-compare-link]");
    expect(await link.getAttribute("href")).toBeNull();
    await page.check('#t2v-table input[data-compare-pick="modelscope-t2v"]');
    await page.check('#t2v-table input[data-compare-pick="cogvideo"]');
    expect(await link.getAttribute("href")).toBe("/fetv/compare/?entries=modelscope-t2v,cogvideo&direction=t2v");
    const ids = await page.$$eval("#t2v-table input[data-compare-pick]", (boxes) => boxes.map((b) => (b as HTMLInputElement).dataset.comparePick ?? ""));
    for (const id of ids.filter((id) => id !== "modelscope-t2v" && id !== "cogvideo").slice(0, 2)) await page.check(`#t2v-table input[data-compare-pick="${id}"]`);
    const unticked = await page.$$eval("#t2v-table input[data-compare-pick]:not(:checked)", (boxes) => boxes.map((b) => (b as HTMLInputElement).disabled));
    expect(unticked.length).toBeGreaterThan(0);
    expect(unticked.every(Boolean)).toBe(true);
    await page.uncheck('#t2v-table input[data-compare-pick="modelscope-t2v"]');
    await page.uncheck(`#t2v-table input[data-compare-pick="${ids.filter((id) => id !== "modelscope-t2v" && id !== "cogvideo")[0]}"]`);
    await page.uncheck(`#t2v-table input[data-compare-pick="${ids.filter((id) => id !== "modelscope-t2v" && id !== "cogvideo")[1]}"]`);
    await page.check('#t2v-table input[data-compare-pick="zeroscope"]');
    expect(await link.getAttribute("href")).toBe("/fetv/compare/?entries=cogvideo,zeroscope&direction=t2v");
    await link.click();
    await page.waitForURL(/\/fetv\/compare\//);
    await hydrateIslands(page);
    await page.waitForSelector(".compare-table th.compare-entry");
    expect(await columnNames(page)).toEqual([t2v.get("cogvideo")?.model, t2v.get("zeroscope")?.model]);
  });

  it("keeps a method ticked in both level tables of the V2T board", async () => {
    await visit(site, page, "/fetv/v2t/");
    await page.check('#v2t-instance-table input[data-compare-pick="otter-vqa"]');
    await page.click('[data-view-tab="model"]');
    expect(await page.isChecked('#v2t-model-table input[data-compare-pick="otter-vqa"]')).toBe(true);
    await page.check('#v2t-model-table input[data-compare-pick="umtscore"]');
    expect(await page.getAttribute("[data-compare-link]", "href")).toBe("/fetv/compare/?entries=otter-vqa,umtscore&direction=v2t");
  });

  it("opens from an entry page's Compare with… link with that entry chosen", async () => {
    await visit(site, page, "/fetv/v2t/umtscore/");
    await page.click("text=Compare with…");
    await page.waitForURL(/\/fetv\/compare\/\?entries=umtscore&direction=v2t$/);
    await hydrateIslands(page);
    await page.waitForSelector(".compare-table th.compare-entry");
    expect(await columnNames(page)).toEqual([v2t.get("umtscore")?.method]);
  });
});
