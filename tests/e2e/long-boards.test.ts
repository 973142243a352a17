/**
 * A board longer than the rows its page ships (FETV with 250 synthetic V2T methods besides its own): the page lists
 * the first rows, and search, sort and "show all" reach every entry, from a click or from a URL opened fresh, with
 * fetched rows built like the static ones. Expected orders come from the board's JSON download, not from the page.
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { SyntheticSite } from "../../scripts/dev/bench/site-build.ts";
import { describeWithDatasets } from "../support/datasets.ts";
import { describeBrowser, useSite, visit } from "../support/e2e.ts";
import { boardOrder, buildManyEntrySite, removeSite } from "../support/many-entries.ts";

const EXTRA = 250;
const FIRST_ROWS = 100;
const TABLE = "#v2t-instance-table";

/** The entry ids of a table's listed rows, top to bottom. */
function listedRows(page: Page): Promise<string[]> {
  return page.$$eval(`${TABLE} tbody tr`, (rows) => rows.filter((row) => !(row as HTMLElement).hidden).map((row) => row.getAttribute("data-entry") ?? ""));
}

/** Waits until the table lists `count` rows (fetched rows arrive after the page's load). */
async function waitForRows(page: Page, count: number): Promise<void> {
  await page.waitForFunction(([table, n]) => document.querySelectorAll(`${table} tbody tr`).length === n, [TABLE, count] as const);
}

/** A row's markup without its figures and names: tags, classes and attribute names, as the eye reads its layout. */
function skeleton(page: Page, entryId: string): Promise<string> {
  return page.$eval(`${TABLE} tbody tr[data-entry="${entryId}"]`, (row) => {
    const walk = (el: Element): string =>
      `<${el.tagName.toLowerCase()} ${[...el.attributes].map((a) => (a.name === "class" || a.name === "hidden" || a.name === "data-label" ? `${a.name}=${a.value}` : a.name)).sort().join(" ")}>${[...el.children].map(walk).join("")}`;
    return walk(row);
  });
}

describeWithDatasets("fetv", "a board longer than its first page", () => {
  let built: SyntheticSite | undefined;
  beforeAll(() => {
    built = buildManyEntrySite(EXTRA);
  }, 1_200_000);
  afterAll(() => removeSite(built));

  describeBrowser("in Chromium", () => {
    const site = useSite({ dist: () => built?.dist ?? "" });
    let page: Page;
    let order: { name: string; id: string }[] = [];

    beforeAll(async () => {
      page = await site.newPage();
      order = boardOrder(built?.dist ?? "", "fetv", "v2t-instance");
      expect(order.length).toBeGreaterThan(EXTRA);
    });

    afterEach(() => {
      const { consoleErrors, pageErrors, failedRequests } = site.problems(page);
      site.resetProblems(page);
      expect([...consoleErrors, ...pageErrors, ...failedRequests]).toEqual([]);
    });

    it("lists the first rows in the board's order and offers the rest", async () => {
      await visit(site, page, "/fetv/v2t/");
      expect(await listedRows(page)).toEqual(order.slice(0, FIRST_ROWS).map((e) => e.id));
      expect(await page.isVisible(`[data-show-all="${TABLE.slice(1)}"]`)).toBe(true);
      expect(await page.textContent("[data-count]")).toBe(`Showing ${FIRST_ROWS} of ${order.length}`);
    });

    it("finds the board's last entry by a search, typed or opened from the URL", async () => {
      const last = order.at(-1);
      expect(last).toBeDefined();
      if (!last) return;
      await visit(site, page, "/fetv/v2t/");
      expect(await listedRows(page)).not.toContain(last.id);
      await page.fill('input[name="q"]', last.name);
      await waitForRows(page, order.filter((e) => e.name.toLowerCase().includes(last.name.toLowerCase())).length);
      expect(await listedRows(page)).toContain(last.id);
      expect(new URL(page.url()).searchParams.get("q")).toBe(last.name);

      const fresh = await site.newPage();
      await visit(site, fresh, `/fetv/v2t/?q=${encodeURIComponent(last.name)}`);
      await fresh.waitForSelector(`${TABLE} tbody tr[data-entry="${last.id}"]`);
      expect(site.problems(fresh)).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
      await fresh.close();
    });

    it("sorts every entry by a clicked column, and the URL opened fresh restores that order", async () => {
      await visit(site, page, "/fetv/v2t/");
      await page.click(`${TABLE} button[data-sort="name"]`);
      // By name, as the table compares text: lower-cased, by code point.
      const byName = [...order].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
      await page.waitForFunction(([table, id]) => document.querySelector(`${table} tbody tr`)?.getAttribute("data-entry") === id, [TABLE, byName[0]?.id ?? ""] as const);
      expect(await listedRows(page)).toEqual(byName.slice(0, FIRST_ROWS).map((e) => e.id));
      const url = new URL(page.url());
      expect(url.searchParams.get("sort")).toBe("name");

      const fresh = await site.newPage();
      await visit(site, fresh, `${url.pathname}${url.search}`);
      await fresh.waitForFunction(([table, id]) => document.querySelector(`${table} tbody tr`)?.getAttribute("data-entry") === id, [TABLE, byName[0]?.id ?? ""] as const);
      expect(await fresh.$$eval(`${TABLE} tbody tr`, (rows) => rows.map((row) => row.getAttribute("data-entry")))).toEqual(byName.slice(0, FIRST_ROWS).map((e) => e.id));
      expect(await fresh.getAttribute(`${TABLE} th[data-sort-key="name"]`, "aria-sort")).toBe("ascending");
      await fresh.close();
    });

    it("shows every entry with show all, fetched rows built like the static ones and pickable for comparison", async () => {
      await visit(site, page, "/fetv/v2t/");
      const staticSynthetic = order.slice(0, FIRST_ROWS).find((e) => e.id.startsWith("bench-method-"));
      const fetchedSynthetic = [...order].reverse().find((e) => e.id.startsWith("bench-method-"));
      expect(staticSynthetic && fetchedSynthetic).toBeTruthy();
      if (!staticSynthetic || !fetchedSynthetic) return;
      const staticShape = await skeleton(page, staticSynthetic.id);

      await page.click(`[data-show-all="${TABLE.slice(1)}"]`);
      await waitForRows(page, order.length);
      expect(await listedRows(page)).toEqual(order.map((e) => e.id));
      expect(new URL(page.url()).searchParams.get("show")).toBe("all");
      expect(await skeleton(page, fetchedSynthetic.id)).toBe(staticShape);
      // The fetched row's provenance mark and compare box work as a static row's do.
      const fetched = `${TABLE} tbody tr[data-entry="${fetchedSynthetic.id}"]`;
      expect(await page.textContent(`${fetched} .provenance-cell`)).toContain("P");
      await page.check(`${fetched} input[data-compare-pick]`);
      await page.check(`${TABLE} tbody tr[data-entry="${staticSynthetic.id}"] input[data-compare-pick]`);
      expect(await page.getAttribute("[data-compare-link]", "href")).toContain(fetchedSynthetic.id);
    });

    it("shows fetched rows as labelled cards on a phone, like the static ones, without sideways scrolling", async () => {
      const phone = await site.newPage();
      await phone.setViewportSize({ width: 390, height: 844 });
      await visit(site, phone, "/fetv/v2t/?show=all");
      await phone.waitForFunction(([table, n]) => document.querySelectorAll(`${table} tbody tr`).length === n, [TABLE, order.length] as const);
      const look = (id: string) =>
        phone.$eval(`${TABLE} tbody tr[data-entry="${id}"]`, (row) =>
          [row, ...row.children].map((el) => `${getComputedStyle(el).display}:${el.getAttribute("data-label") ?? ""}`).join(" "),
        );
      const first = order[0]?.id ?? "";
      const last = order.at(-1)?.id ?? "";
      expect(await look(last)).toBe(await look(first));
      expect(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      expect(site.problems(phone)).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [] });
      await phone.close();
    });

    it("lists the board's first entries in the compare view's pickers, and finds the last entry by name", async () => {
      const last = order.at(-1);
      expect(last).toBeDefined();
      if (!last) return;
      await visit(site, page, "/fetv/compare/?direction=v2t");
      const slot = ".compare-slots select >> nth=0";
      const optionIds = () => page.$$eval(".compare-slots select", (all) => [...(all[0] as HTMLSelectElement).options].map((o) => o.value).filter((v) => v !== ""));
      await page.waitForSelector(".compare-find input");
      expect(await optionIds()).toEqual(order.slice(0, FIRST_ROWS).map((e) => e.id));
      expect(await page.textContent(".compare-find [role=status]")).toContain(`${FIRST_ROWS} of ${order.length}`);
      await page.fill(".compare-find input", last.name);
      await page.waitForFunction((id) => [...document.querySelectorAll(".compare-slots select")[0]?.querySelectorAll("option") ?? []].some((o) => o.value === id), last.id);
      expect(await optionIds()).toEqual(order.filter((e) => e.name.toLowerCase().includes(last.name.toLowerCase())).map((e) => e.id));
      await page.selectOption(slot, last.id);
      await page.waitForFunction((id) => new URL(window.location.href).searchParams.get("entries") === id, last.id);
      // The chosen entry stays chosen when the find box no longer matches it.
      await page.fill(".compare-find input", "");
      expect(await page.$eval(".compare-slots select", (s) => (s as HTMLSelectElement).value)).toBe(last.id);
    });
  });
});
