/**
 * The interactive boards in Chromium: sorting by header (mouse and keyboard), filtering, search, view tabs,
 * all of it kept in the query string; downloads linked from the boards; the chart island hydrating on scroll.
 * Expected views are computed here from data/…/published/*.csv, independently of the site.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterEach, beforeAll, expect, it } from "vitest";
import { ROOT, describeBrowser, useSite, visit } from "../support/e2e.ts";

const PUBLISHED = path.join(ROOT, "data", "benchmarks", "aigve-60k", "published");

interface T2vModel {
  name: string;
  id: string;
  access: string;
  perception: number;
  correspondence: number;
}

/** The published T2V rows (these files hold no quoted cells). */
function t2vModels(): T2vModel[] {
  const [head = "", ...lines] = fs.readFileSync(path.join(PUBLISHED, "t2v-models.csv"), "utf8").trim().split(/\r?\n/);
  const header = head.split(",");
  return lines.map((line) => {
    const cells = Object.fromEntries(line.split(",").map((cell, i) => [header[i], cell]));
    const name = cells.model as string;
    return {
      name,
      id: name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""),
      access: cells.access as string,
      perception: Number(cells.perception_mos),
      correspondence: Number(cells.correspondence_mos),
    };
  });
}

/** The entry ids of a table's shown rows, top to bottom. */
function shownRows(page: Page, table: string): Promise<string[]> {
  return page.$$eval(`${table} tbody tr`, (rows) =>
    rows.filter((row) => !(row as HTMLElement).hidden).map((row) => row.getAttribute("data-entry") ?? ""),
  );
}

/** The query string of the page, parsed. */
function query(page: Page): Record<string, string> {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

function ariaSort(page: Page, table: string, key: string): Promise<string | null> {
  return page.getAttribute(`${table} th[data-sort-key="${key}"]`, "aria-sort");
}

describeBrowser("board interaction", () => {
  const site = useSite();
  const models = t2vModels();
  let page: Page;

  beforeAll(async () => {
    page = await site.newPage();
    expect(models).toHaveLength(30);
  });

  afterEach(() => {
    const { consoleErrors, pageErrors, failedRequests } = site.problems(page);
    site.resetProblems(page);
    expect([...consoleErrors, ...pageErrors, ...failedRequests]).toEqual([]);
  });

  it("sorts /t2v/ by a clicked header, best first, then flips on a second click", async () => {
    await visit(site, page, "/t2v/");
    const table = "#t2v-table";
    expect(await ariaSort(page, table, "rank")).toBe("ascending");
    expect(query(page)).toEqual({});

    await page.click(`${table} button[data-sort="perception_mos"]`);
    const byPerception = [...models].sort((a, b) => b.perception - a.perception);
    expect(byPerception[0]).toMatchObject({ name: "Jimeng", perception: 65.25 });
    expect(await shownRows(page, table)).toEqual(byPerception.map((m) => m.id));
    expect(await page.textContent(`${table} tbody tr:first-child`)).toContain("65.25");
    expect(await ariaSort(page, table, "perception_mos")).toBe("descending");
    expect(await ariaSort(page, table, "rank")).toBeNull();
    expect(query(page)).toEqual({ sort: "perception_mos" });

    await page.click(`${table} button[data-sort="perception_mos"]`);
    expect(await shownRows(page, table)).toEqual([...byPerception].reverse().map((m) => m.id));
    expect(await ariaSort(page, table, "perception_mos")).toBe("ascending");
    expect(query(page)).toEqual({ sort: "perception_mos", dir: "asc" });
  });

  it("sorts from the keyboard: a focused header button and Enter, then Space", async () => {
    await visit(site, page, "/t2v/");
    const table = "#t2v-table";
    const button = page.locator(`${table} button[data-sort="correspondence_mos"]`);
    await button.focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-sort"))).toBe("correspondence_mos");
    await page.keyboard.press("Enter");
    const byCorrespondence = [...models].sort((a, b) => b.correspondence - a.correspondence);
    expect((await shownRows(page, table))[0]).toBe(byCorrespondence[0]?.id);
    expect(await ariaSort(page, table, "correspondence_mos")).toBe("descending");
    expect(query(page)).toEqual({ sort: "correspondence_mos" });
    await page.keyboard.press("Space");
    expect(await ariaSort(page, table, "correspondence_mos")).toBe("ascending");
    expect((await shownRows(page, table))[0]).toBe(byCorrespondence.at(-1)?.id);
  });

  it("filters /t2v/ by access and puts the filter in the URL", async () => {
    await visit(site, page, "/t2v/");
    const open = models.filter((m) => m.access === "open");
    expect(open).toHaveLength(18);
    await page.selectOption('select[name="access"]', "open");
    const shown = await shownRows(page, "#t2v-table");
    expect([...shown].sort()).toEqual(open.map((m) => m.id).sort());
    expect(query(page)).toEqual({ access: "open" });
    expect(await page.textContent("[data-count]")).toBe("Showing 18 of 30");

    await page.click("button[data-reset]");
    expect(await shownRows(page, "#t2v-table")).toHaveLength(30);
    expect(query(page)).toEqual({});
  });

  it("hides the methods trained on the benchmark (LOVE on AIGVE-60K) and keeps that in the URL", async () => {
    await visit(site, page, "/v2t/");
    expect(await shownRows(page, "#v2t-instance-table")).toContain("love");
    await page.check('input[name="trained"]');
    expect(query(page)).toEqual({ trained: "hide" });
    const shown = await shownRows(page, "#v2t-instance-table");
    expect(shown).toHaveLength(47);
    expect(shown).not.toContain("love");
    expect(await page.textContent("[data-count]")).toBe("Showing 47 of 48");

    await page.click("button[data-reset]");
    expect(await shownRows(page, "#v2t-instance-table")).toHaveLength(48);
    expect(query(page)).toEqual({});
  });

  it("restores a provenance filter from the URL, shows only those kinds, and writes changes back", async () => {
    // Every AIGVE-60K V2T figure is published by its authors: "verified and published only" keeps them all but LOVE, hidden as trained on it.
    await visit(site, page, "/v2t/?provenance=verified,published&trained=hide");
    expect(await page.isChecked('input[name="provenance"][value="verified"]')).toBe(true);
    expect(await page.isChecked('input[name="provenance"][value="published"]')).toBe(true);
    expect(await page.isChecked('input[name="provenance"][value="computed"]')).toBe(false);
    expect(await page.isChecked('input[name="trained"]')).toBe(true);
    expect(await shownRows(page, "#v2t-instance-table")).toHaveLength(47);

    // Verified only: none of the published rows remains.
    await page.uncheck('input[name="provenance"][value="published"]');
    expect(query(page)).toEqual({ provenance: "verified", trained: "hide" });
    expect(await shownRows(page, "#v2t-instance-table")).toEqual([]);
    expect(await page.textContent("[data-count]")).toBe("Showing 0 of 48");
  });

  it("filters FETV's T2V board by provenance: its models are computed from its dataset, not published", async () => {
    await visit(site, page, "/fetv/t2v/?provenance=verified,published");
    expect(await shownRows(page, "#t2v-table")).toEqual([]);
    await page.check('input[name="provenance"][value="computed"]');
    expect(query(page)).toEqual({ provenance: "verified,published,computed" });
    expect(await shownRows(page, "#t2v-table")).toHaveLength(5);
  });

  it('searches /v2t/ for "intern": only InternVL and InternVideo rows remain', async () => {
    await visit(site, page, "/v2t/");
    await page.fill('input[name="q"]', "intern");
    const shown = await shownRows(page, "#v2t-instance-table");
    expect(shown).toHaveLength(7);
    const names = await page.$$eval("#v2t-instance-table tbody tr:not([hidden]) th[scope=row]", (cells) =>
      cells.map((cell) => cell.textContent?.trim() ?? ""),
    );
    for (const name of names) expect(name).toMatch(/^Intern(VL|Video)/);
    expect(query(page)).toEqual({ q: "intern" });
  });

  it("restores a view from the URL: sort, direction, filter and search", async () => {
    await visit(site, page, "/t2v/?sort=correspondence_mos&dir=asc&access=closed&q=s");
    const expected = models
      .filter((m) => m.access === "closed" && m.name.toLowerCase().includes("s"))
      .sort((a, b) => a.correspondence - b.correspondence)
      .map((m) => m.id);
    expect(expected.length).toBeGreaterThan(1);
    expect(await shownRows(page, "#t2v-table")).toEqual(expected);
    expect(await ariaSort(page, "#t2v-table", "correspondence_mos")).toBe("ascending");
    expect(await page.inputValue('select[name="access"]')).toBe("closed");
    expect(await page.inputValue('input[name="q"]')).toBe("s");
    expect(query(page)).toEqual({ sort: "correspondence_mos", dir: "asc", access: "closed", q: "s" });
  });

  it("forwards ?benchmark= to that benchmark's board, keeping the rest of the view", async () => {
    // From FETV's board (present with or without the external datasets) to AIGVE-60K's.
    await page.goto(`${site.url}/fetv/v2t/?benchmark=aigve-60k&view=model&q=intern`, { waitUntil: "load" });
    await page.waitForURL(/\/aigve-60k\/v2t\//);
    await page.waitForLoadState("networkidle");
    expect(new URL(page.url()).pathname).toBe("/aigve-60k/v2t/");
    expect(query(page)).toEqual({ view: "model", q: "intern" });
    const shown = await shownRows(page, "#v2t-model-table");
    expect(shown.length).toBe(7);
    expect(shown.every((id) => id.startsWith("intern"))).toBe(true);
  });

  it("shows the model-level V2T table for ?view=model and switches back with the tab", async () => {
    await visit(site, page, "/v2t/?view=model");
    expect(await page.isVisible("#v2t-model-table")).toBe(true);
    expect(await page.isHidden("#v2t-instance-table")).toBe(true);
    expect(await page.getAttribute('[data-view-tab="model"]', "aria-current")).toBe("true");
    expect(await shownRows(page, "#v2t-model-table")).toHaveLength(48);

    await page.click('[data-view-tab="instance"]');
    expect(await page.isVisible("#v2t-instance-table")).toBe(true);
    expect(await page.isHidden("#v2t-model-table")).toBe(true);
    expect(query(page).view).toBe("instance");
  });

  it("links downloads from the board pages that serve every row", async () => {
    const expected: Record<string, number> = { t2v: 30, "v2t-instance": 48, "v2t-model": 48 };
    const seen: string[] = [];
    for (const board of ["/aigve-60k/t2v/", "/aigve-60k/v2t/"]) {
      await visit(site, page, board);
      const hrefs = await page.$$eval("a[download]", (links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length).toBeGreaterThanOrEqual(2);
      for (const href of hrefs) {
        const file = new URL(href).pathname.split("/").pop() ?? "";
        const [name = "", format] = file.split(".");
        const rows = expected[name];
        expect(rows, href).toBeDefined();
        const response = await page.request.get(href);
        expect(response.status(), href).toBe(200);
        if (format === "csv") {
          const body = await response.text();
          // One header line, then one line per entry (no cell in these files spans lines).
          expect(body.trimEnd().split("\r\n").length - 1, href).toBe(rows);
        } else {
          const body = (await response.json()) as { rows: unknown[] };
          expect(body.rows.length, href).toBe(rows);
        }
        seen.push(file);
      }
    }
    expect(seen.sort()).toEqual(
      ["t2v.csv", "t2v.json", "v2t-instance.csv", "v2t-instance.json", "v2t-model.csv", "v2t-model.json"].sort(),
    );
  });

  it("hydrates the chart island only once it is scrolled into view, and draws a point per model", async () => {
    await visit(site, page, "/t2v/");
    const island = page.locator("figure.chart astro-island");
    expect(await island.getAttribute("ssr")).not.toBeNull();
    expect(await page.locator("figure.chart svg").count()).toBe(0);
    await page.locator("figure.chart").scrollIntoViewIfNeeded();
    await page.waitForSelector("figure.chart svg .recharts-scatter-symbol", { timeout: 10_000 });
    expect(await island.getAttribute("ssr")).toBeNull();
    const points = await page.locator("figure.chart svg .recharts-scatter-symbol").count();
    expect(points).toBe(30);
  });
});
