/**
 * Boards and pages that fit the screen, in Chromium: the V2T metric-family switcher and its URL state, entry pages
 * on a phone (value, interval and rank on screen without scrolling sideways), the heatmap's 22 FETV dimensions
 * within reach on a desktop and its entry column in place on a phone, and entry-page charts drawn from the board's
 * chart file with every bar named.
 */
import type { Page } from "playwright-core";
import { afterEach, beforeAll, expect, it } from "vitest";
import { describeBrowser, hydrateIslands, useSite, visit } from "../support/e2e.ts";

/** The query string of the page, parsed. */
function query(page: Page): Record<string, string> {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

/** Whether the header of a sort key is shown, and how many of its body cells are. */
function columnShown(page: Page, table: string, key: string): Promise<{ header: boolean; cells: number }> {
  return page.$eval(
    table,
    (el, key) => {
      const header = el.querySelector<HTMLElement>(`th[data-sort-key="${key}"]`);
      const index = header ? [...(header.parentElement?.children ?? [])].indexOf(header) : -1;
      const cells = [...el.querySelectorAll<HTMLTableRowElement>("tbody tr")].filter((row) => {
        const cell = row.children[index] as HTMLElement | undefined;
        return cell !== undefined && cell.offsetParent !== null && getComputedStyle(cell).display !== "none";
      });
      return { header: header !== null && header.offsetParent !== null, cells: cells.length };
    },
    key,
  );
}

describeBrowser("boards that fit", () => {
  const site = useSite();
  let page: Page;

  beforeAll(async () => {
    page = await site.newPage();
  });

  afterEach(async () => {
    const { consoleErrors, pageErrors, failedRequests } = site.problems(page);
    site.resetProblems(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    expect([...consoleErrors, ...pageErrors, ...failedRequests]).toEqual([]);
  });

  it("shows FETV's V2T board one correlation family at a time, SRCC first, the choice kept in the URL", async () => {
    await visit(site, page, "/fetv/v2t/");
    const table = "#v2t-instance-table";
    expect(await page.isChecked('input[name="metric"][value="srcc"]')).toBe(true);
    expect(await columnShown(page, table, "alignment_srcc")).toEqual({ header: true, cells: 5 });
    expect(await columnShown(page, table, "alignment_krcc_c")).toEqual({ header: false, cells: 0 });
    expect(query(page)).toEqual({});

    await page.click('input[name="metric"][value="krcc"]');
    expect(query(page)).toEqual({ metric: "krcc" });
    expect(await columnShown(page, table, "alignment_krcc_c")).toEqual({ header: true, cells: 5 });
    expect(await columnShown(page, table, "alignment_srcc")).toEqual({ header: false, cells: 0 });
    // The rank and the columns of no family (rank sum, kind) stay.
    expect((await columnShown(page, table, "rank_sum")).header).toBe(true);

    // A sort by a KRCC column is dropped when KRCC is hidden again: the board falls back to its rank order.
    await page.click(`${table} button[data-sort="alignment_krcc_c"]`);
    expect(query(page)).toEqual({ metric: "krcc", sort: "alignment_krcc_c" });
    await page.click('input[name="metric"][value="srcc"]');
    expect(query(page)).toEqual({});
    expect(await page.getAttribute(`${table} th[data-sort-key="rank"]`, "aria-sort")).toBe("ascending");
  });

  for (const board of ["/aigve-60k/t2v/", "/aigve-60k/v2t/", "/fetv/t2v/", "/fetv/v2t/", "/fetv/v2t/?view=model&metric=krcc", "/tvge/v2t/"]) {
    it(`fits ${board} in a 1,440 px screen without scrolling sideways, headers and kinds on at most two lines`, async () => {
      await page.setViewportSize({ width: 1440, height: 900 });
      await visit(site, page, board);
      const shown = await page.$$eval("[data-board-table]", (tables) =>
        tables
          .filter((table) => !table.closest("[hidden]"))
          .map((table) => {
            const wrap = table.closest(".table-wrap") as HTMLElement;
            // Lines of text in an element: the distinct tops of its text's boxes.
            const lines = (el: Element) => {
              const range = document.createRange();
              range.selectNodeContents(el);
              return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
            };
            return {
              overflow: wrap.scrollWidth - wrap.clientWidth,
              width: wrap.clientWidth,
              headerLines: Math.max(
                ...[...table.querySelectorAll("thead button.sort")].map((button) =>
                  Math.round(button.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(button).lineHeight)),
                ),
              ),
              groupLines: Math.max(...[...table.querySelectorAll("td.group")].map(lines)),
            };
          }),
      );
      expect(shown).toHaveLength(1);
      for (const table of shown) {
        expect(table.overflow).toBeLessThanOrEqual(0);
        expect(table.width).toBeGreaterThan(1300);
        expect(table.headerLines).toBeLessThanOrEqual(2);
        expect(table.groupLines).toBe(1);
      }
    });
  }

  for (const width of [390, 1280]) {
    it(`shows the home page's top-five tables whole at ${width} px (no "Correspondence S…")`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await visit(site, page, "/");
      const overflow = await page.$$eval("section.card .table-wrap", (wraps) => wraps.map((w) => w.scrollWidth - w.clientWidth));
      expect(overflow).toEqual([0, 0]);
      expect(await page.locator("section.card").nth(1).innerText()).toMatch(/Correspondence\s+SRCC/);
    });
  }

  it("restores the metric family from the URL on both levels", async () => {
    await visit(site, page, "/fetv/v2t/?metric=krcc&view=model");
    expect(await page.isChecked('input[name="metric"][value="krcc"]')).toBe(true);
    expect(await columnShown(page, "#v2t-model-table", "static_quality_krcc_c")).toEqual({ header: true, cells: 5 });
    expect((await columnShown(page, "#v2t-model-table", "static_quality_srcc")).header).toBe(false);
    await page.click('[data-view-tab="instance"]');
    expect(query(page)).toEqual({ metric: "krcc", view: "instance" });
    expect((await columnShown(page, "#v2t-instance-table", "temporal_quality_krcc_c")).header).toBe(true);
  });

  it("explains rank intervals and the ≈ mark in visible text above the board, not only in tooltips", async () => {
    await visit(site, page, "/fetv/v2t/");
    const legend = page.locator("#instance-level .rank-legend");
    expect(await legend.isVisible()).toBe(true);
    const text = await legend.innerText();
    expect(text).toMatch(/95% rank interval/);
    expect(text).toMatch(/≈\s*not separable from the next entry/);
  });

  for (const entry of ["/fetv/v2t/umtscore/", "/aigve-60k/t2v/jimeng/"]) {
    it(`shows every figure's value, interval and rank on a 390 px phone without sideways scrolling (${entry})`, async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await visit(site, page, entry);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const boxes = await page.$$eval("table.figures tbody tr", (rows) =>
        rows.map((row) => {
          const box = (label: string) => {
            const rect = row.querySelector(`td[data-label="${label}"]`)?.getBoundingClientRect();
            return rect ? { left: rect.left, right: rect.right, width: rect.width } : null;
          };
          const wrap = row.closest(".table-wrap") as HTMLElement;
          return { value: box("Value"), interval: box("95% interval"), rank: box("Rank [interval]"), overflow: wrap.scrollWidth - wrap.clientWidth };
        }),
      );
      expect(boxes.length).toBeGreaterThan(0);
      for (const row of boxes) {
        for (const cell of [row.value, row.interval, row.rank]) {
          expect(cell).not.toBeNull();
          expect(cell?.width).toBeGreaterThan(0);
          expect(cell?.left).toBeGreaterThanOrEqual(0);
          expect(cell?.right).toBeLessThanOrEqual(390);
        }
        expect(row.overflow).toBeLessThanOrEqual(0);
      }
    });
  }

  it("fits /submit/'s tables on a 390 px phone: each row stacked, every cell labelled, nothing to scroll sideways", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(site, page, "/submit/");
    await page.$$eval("details", (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const tables = await page.$$eval("table.stack-on-phone", (found) =>
      found.map((table) => {
        const wrap = table.closest(".table-wrap") as HTMLElement | null;
        const cells = [...table.querySelectorAll("tbody td")];
        return {
          overflow: wrap ? wrap.scrollWidth - wrap.clientWidth : 0,
          cells: cells.length,
          unlabelled: cells.filter((cell) => !cell.getAttribute("data-label")).length,
          outside: cells.filter((cell) => cell.getBoundingClientRect().right > 390).length,
        };
      }),
    );
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(table).toMatchObject({ overflow: 0, unlabelled: 0, outside: 0 });
    expect(tables.every((t) => t.cells > 0)).toBe(true);
  });

  it("fits all 22 FETV dimensions of each heatmap on a 1440 px screen, with a legend instead of 'darker = higher'", async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await visit(site, page, "/fetv/dimensions/");
    // Unranked heatmaps (FETV's model level) are folded away without a colour scale: tests/e2e/researcher.test.ts.
    const heatmaps = await page.$$eval("table.heatmap", (tables) =>
      tables.filter((table) => !table.closest("figure.unranked")).map((table) => {
        const wrap = table.closest(".table-wrap") as HTMLElement;
        const caption = table.closest("figure")?.querySelector("figcaption");
        return {
          columns: table.querySelectorAll("thead th.dim").length,
          overflow: wrap.scrollWidth - wrap.clientWidth,
          legend: caption?.querySelectorAll(".heat-ramp .heat").length ?? 0,
          caption: (caption as HTMLElement | null)?.innerText ?? "",
        };
      }),
    );
    expect(heatmaps.length).toBeGreaterThanOrEqual(3);
    for (const heatmap of heatmaps) {
      expect(heatmap.columns).toBe(22);
      expect(heatmap.overflow).toBeLessThanOrEqual(0);
      expect(heatmap.legend).toBeGreaterThan(2);
      expect(heatmap.caption).not.toMatch(/darker = higher/);
      expect(heatmap.caption).toMatch(/Buildings & infrastructure/);
    }
    // Correlations diverge around 0: a negative and a positive cell take opposite sides of the scale.
    expect(await page.locator('table.heatmap td[data-sign="neg"]').count()).toBeGreaterThan(0);
    expect(await page.locator('table.heatmap td[data-sign="pos"]').count()).toBeGreaterThan(0);
    // The real videos stay outside the scale.
    expect(await page.locator("table.heatmap tr.reference td[data-sign]").count()).toBe(0);
  });

  it("keeps the heatmap's entry column in place on a phone while the dimensions scroll to the last one", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(site, page, "/fetv/dimensions/");
    const after = await page.$eval("table.heatmap", (table) => {
      const wrap = table.closest(".table-wrap") as HTMLElement;
      wrap.scrollLeft = wrap.scrollWidth;
      const name = table.querySelector("tbody th") as HTMLElement;
      const corner = table.querySelector("thead th.corner") as HTMLElement;
      const last = table.querySelector("thead th.dim:last-child") as HTMLElement;
      const inWrap = (el: HTMLElement) => el.getBoundingClientRect().left - wrap.getBoundingClientRect().left;
      return { scrolled: wrap.scrollLeft, name: inWrap(name), corner: inWrap(corner), lastRight: last.getBoundingClientRect().right };
    });
    expect(after.scrolled).toBeGreaterThan(0);
    expect(Math.abs(after.name)).toBeLessThanOrEqual(1);
    expect(Math.abs(after.corner)).toBeLessThanOrEqual(1);
    expect(after.lastRight).toBeLessThanOrEqual(390);
  });

  it("draws an entry page's charts from the board's chart file: every bar named, the entry in bold, axes from zero", async () => {
    const requests: string[] = [];
    const record = (request: { url(): string }) => requests.push(new URL(request.url()).pathname);
    page.on("request", record);
    await visit(site, page, "/fetv/t2v/cogvideo/");
    await hydrateIslands(page);
    await page.waitForSelector("figure.card svg .recharts-bar-rectangle");
    const charts = await page.$$eval("figure.card", (figures) =>
      figures.map((figure) => {
        const ticks = [...figure.querySelectorAll(".recharts-yAxis-tick-labels text")].map((t) => ({
          text: t.textContent ?? "",
          bold: t.getAttribute("font-weight") === "700",
        }));
        const values = [...figure.querySelectorAll(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value")].map((t) => t.textContent ?? "");
        return { ticks, values };
      }),
    );
    expect(charts).toHaveLength(3);
    for (const chart of charts) {
      expect(chart.ticks).toHaveLength(4);
      expect(chart.ticks.filter((t) => t.bold).map((t) => t.text)).toEqual([expect.stringMatching(/CogVideo$/)]);
      expect(chart.values[0]).toBe("0");
    }
    expect(requests.filter((p) => p === "/fetv/charts/t2v.json")).toHaveLength(1);
    page.off("request", record);
  });
});
