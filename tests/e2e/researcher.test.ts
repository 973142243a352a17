/**
 * What a researcher who found the site stumbles on (issue 21), in Chromium: the default board says how sure it is
 * and what its rank rests on, with the one command that gives it intervals; one CSV per entry with its JSON twin;
 * unranked model-level correlations drawn as unranked; every page a researcher opens read at 390 px without
 * sideways scrolling; and text that neither contradicts itself nor trails off.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterEach, beforeAll, expect, it } from "vitest";
import { BenchmarkSchema } from "../../src/schemas/benchmark.ts";
import { describeBrowser, ROOT, useSite, visit } from "../support/e2e.ts";

const AIGVE = BenchmarkSchema.parse(JSON.parse(fs.readFileSync(path.join(ROOT, "data/benchmarks/aigve-60k/benchmark.json"), "utf8")));
const COMMAND = AIGVE.dataset?.command ?? "";

/** A CSV line's cells (the downloads quote only cells with commas or quotes; none of the checked ones has them). */
const cells = (line: string) => line.split(",");

describeBrowser("what a researcher stumbles on", () => {
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

  it("says on the home page why AIGVE-60K's board has no intervals, what its #1 rests on, and shows the QA column that decides it", async () => {
    expect(COMMAND).toMatch(/^curl .*data\.zip.* && unzip .* && npm run build$/);
    await visit(site, page, "/");
    const t2v = page.locator("section.card").first();
    const headers = await t2v.locator("thead th").allInnerTexts();
    expect(headers.map((h) => h.replace(/\s+/g, " "))).toEqual(["# Rank", "Name", "Perception MOS", "Correspondence MOS", "QA accuracy (%)", "Rank sum"].map((h, i) => (i === 0 ? expect.stringMatching(/#/) : h)));
    const note = (await t2v.locator("[data-certainty-note]").innerText()).replace(/\s+/g, " ");
    expect(note).toMatch(/no per-video data to resample, so there are no intervals, rank intervals or ≈ marks/);
    expect(note).toMatch(/Pixverse is #1 with a rank sum of 5 \(Perception MOS #2, Correspondence MOS #2, QA accuracy \(%\) #1\), while Jimeng leads Perception MOS/);
    expect(await t2v.locator("[data-certainty-note] pre").innerText()).toBe(COMMAND);
    expect(await t2v.locator('[data-certainty-note] a[href="https://huggingface.co/datasets/IntMeGroup/AIGVE-60K"]').count()).toBe(1);
  });

  it("gives the board, the benchmark page and the refusal the same link and command", async () => {
    for (const pathname of ["/aigve-60k/t2v/", "/aigve-60k/v2t/", "/aigve-60k/"]) {
      await visit(site, page, pathname);
      const block = page.locator("[data-certainty-note], [data-dataset=absent]").first();
      expect(await block.locator("pre").innerText()).toBe(COMMAND);
      expect(await block.locator('a[href="https://huggingface.co/datasets/IntMeGroup/AIGVE-60K"]').count()).toBe(1);
    }
    // FETV's boards have intervals: no such note.
    await visit(site, page, "/fetv/t2v/");
    expect(await page.locator("[data-certainty-note]").count()).toBe(0);
  });

  it("says on a published entry's page why its figures have no interval and no n, rather than printing bare dashes", async () => {
    await visit(site, page, "/aigve-60k/t2v/jimeng/");
    const row = (await page.locator("table.figures tbody tr").first().innerText()).replace(/\s+/g, " ");
    expect(row).toMatch(/^Perception MOS 65\.25 none¹ 1 of 30 none¹ published$/);
    expect(await page.locator("[data-published-note]").first().innerText()).toMatch(/^¹ Published figures come as one number each, without an interval or a count of videos/);
  });

  it("links one CSV per entry (every board × dimension × column: value, interval, rank, n) and its JSON twin with the same rows", async () => {
    await visit(site, page, "/fetv/t2v/cogvideo/");
    const csvHref = await page.getAttribute("a[data-entry-csv]", "href");
    const jsonHref = await page.getAttribute("a[data-entry-json]", "href");
    expect(csvHref).toBe("/downloads/fetv/entries/t2v/cogvideo.csv");
    expect(jsonHref).toBe("/downloads/fetv/entries/t2v/cogvideo.json");
    const csv = await (await fetch(`${site.url}${csvHref}`)).text();
    const json = (await (await fetch(`${site.url}${jsonHref}`)).json()) as { table: Record<string, unknown>[] };
    const lines = csv.trimEnd().split("\r\n");
    const header = cells(lines[0] ?? "");
    expect(header).toEqual(expect.arrayContaining(["board", "dimension", "column", "value", "ci_low", "ci_high", "n", "rank", "rank_best", "rank_worst"]));
    // FETV's T2V board: 3 columns, overall and 22 dimensions = 69 rows, each also in the JSON.
    expect(lines.length - 1).toBe(3 * 23);
    expect(json.table).toHaveLength(lines.length - 1);
    const at = (line: string, key: string) => cells(line)[header.indexOf(key)];
    const first = lines[1] ?? "";
    expect(at(first, "dimension")).toBe("overall");
    expect(Number(at(first, "value"))).toBe(json.table[0]?.value);
    expect(Number(at(first, "ci_low"))).toBe(json.table[0]?.ci_low);
    expect(Number(at(first, "rank"))).toBe(json.table[0]?.rank);
    expect(Number(at(first, "n"))).toBeGreaterThan(0);
  });

  it("folds FETV's unranked model-level heatmaps away, uncoloured, behind a summary that says why", async () => {
    await visit(site, page, "/fetv/dimensions/");
    const fold = page.locator("#heat-v2t-model + details.unranked-fold");
    expect(await fold.getAttribute("open")).toBeNull();
    expect(await fold.locator("summary").innerText()).toMatch(/^Not ranked: Model-level correlations here rest on 4 T2V models/);
    expect(await fold.locator("td[data-sign]").count()).toBe(0);
    expect(await fold.locator("figure.unranked").count()).toBeGreaterThan(0);
    // The ranked heatmaps keep their colour scale.
    expect(await page.locator("#heat-v2t-instance ~ figure td[data-sign], section:has(#heat-v2t-instance) td[data-sign]").count()).toBeGreaterThan(0);
  });

  it("draws FETV's unranked model-level figures without whiskers and says so under the chart", async () => {
    await visit(site, page, "/fetv/v2t/");
    expect((await page.locator("figure.chart figcaption").innerText()).replace(/\s+/g, " ")).toMatch(/The model-level figures are not ranked \(Model-level correlations here rest on 4 T2V models.*drawn without their intervals/);
  });

  const PHONE_PAGES = [
    "/", "/aigve-60k/", "/aigve-60k/t2v/", "/aigve-60k/v2t/", "/fetv/t2v/", "/fetv/v2t/", "/fetv/v2t/?view=model", "/tvge/v2t/",
    "/aigve-60k/t2v/jimeng/", "/fetv/t2v/cogvideo/", "/fetv/v2t/umtscore/", "/methodology/", "/downloads/", "/audit/", "/changelog/",
    "/fetv/compare/?entries=cogvideo,zeroscope,modelscope-t2v&direction=t2v", "/fetv/compare/?entries=umtscore,clipscore,blipscore&direction=v2t",
  ];
  for (const pathname of PHONE_PAGES) {
    it(`reads ${pathname} at 390 px without scrolling sideways, page or table`, async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await visit(site, page, pathname);
      // The compare view draws its tables once its data has arrived.
      if (pathname.includes("/compare/")) await page.waitForSelector(".compare-table th.compare-entry");
      const found = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        scrolling: [...document.querySelectorAll<HTMLElement>(".table-wrap, pre")]
          .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.getAttribute("aria-label") ?? el.tagName),
      }));
      expect(found).toEqual({ page: 390, scrolling: [] });
    });
  }

  it("shows a board on a phone as one card per entry, every figure labelled, the sort buttons kept", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(site, page, "/aigve-60k/t2v/");
    const card = await page.$eval("#t2v-table tbody tr", (row) => ({
      display: getComputedStyle(row).display,
      labels: [...row.querySelectorAll("td")].filter((td) => td.offsetParent !== null).map((td) => getComputedStyle(td, "::before").content),
    }));
    expect(card.display).toBe("grid");
    expect(card.labels).toEqual(['"Rank"', '"Perception MOS"', '"Correspondence MOS"', '"QA accuracy (%)"', '"Rank sum"', '"Access"', '"Provenance"']);
    await page.click('#t2v-table button[data-sort="perception_mos"]');
    expect(new URL(page.url()).searchParams.get("sort")).toBe("perception_mos");
    expect(await page.locator("#t2v-table tbody tr th a").first().innerText()).toBe("Jimeng");
  });

  it("says on the methodology neither '0 anchor videos' beside the anchor rule nor 'Apache-2.0..', and shows each protocol's source whole at 1,280 px", async () => {
    await visit(site, page, "/methodology/");
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/\b0 videos on|0 anchor videos/);
    expect(text).toMatch(/none in this build on AIGVE-60K/);
    expect(text).not.toMatch(/AIGVE-60K: at least 40 anchors per rater/);
    expect(text).not.toMatch(/\.\.(\s|$)/);
    const source = await page.$eval("#protocol-aigve-60k dd:last-of-type", (dd) => ({ right: dd.getBoundingClientRect().right, overflow: dd.scrollWidth - dd.clientWidth }));
    expect(source.right).toBeLessThanOrEqual(1280);
    expect(source.overflow).toBe(0);
  });
});
