/**
 * axe-core (WCAG 2.0 / 2.1, levels A and AA) on the main pages, in the light and the dark colour scheme,
 * at desktop width and at 390 px (a phone), with the chart islands hydrated.
 */
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { axeViolations, describeBrowser, hydrateIslands, useSite, visit } from "../support/e2e.ts";

const PAGES = [
  "/",
  "/t2v/",
  "/v2t/",
  "/v2t/?view=model",
  "/methodology/",
  "/downloads/",
  "/submit/",
  "/aigve-60k/",
  "/aigve-60k/t2v/",
  "/audit/",
  "/aigve-60k/t2v/jimeng/",
  "/aigve-60k/v2t/love/",
  "/fetv/t2v/",
  "/fetv/",
  "/fetv/v2t/",
  "/fetv/v2t/?metric=krcc",
  "/fetv/dimensions/",
  "/fetv/dimensions/spatial-people/",
  "/fetv/v2t/umtscore/",
  "/tvge/t2v/floor33/",
  "/fetv/t2v/zeroscope/",
  "/v2t/?provenance=verified,published&trained=hide",
  "/fetv/compare/?entries=cogvideo,zeroscope,modelscope-t2v,reference&direction=t2v",
  "/fetv/compare/?entries=umtscore,clipscore&direction=v2t",
  "/changelog/",
];

// Colour contrast depends on the scheme, layout rules (reflow, scrollable regions) on the width: each scheme at
// desktop width, and the phone width in the dark scheme, covers both without scanning every combination.
const VARIANTS = [
  { name: "light, 1280 px", colorScheme: "light", width: 1280, height: 900 },
  { name: "dark, 1280 px", colorScheme: "dark", width: 1280, height: 900 },
  { name: "light, 390 px", colorScheme: "light", width: 390, height: 844 },
  { name: "dark, 390 px", colorScheme: "dark", width: 390, height: 844 },
] as const;

describeBrowser("accessibility (axe-core, WCAG 2.1 AA)", () => {
  const site = useSite();
  let page: Page;

  beforeAll(async () => {
    page = await site.newPage();
  });

  for (const variant of VARIANTS) {
    for (const pathname of PAGES) {
      it(`${pathname} has no violations (${variant.name})`, async () => {
        await page.setViewportSize({ width: variant.width, height: variant.height });
        await page.emulateMedia({ colorScheme: variant.colorScheme });
        site.resetProblems(page);
        await visit(site, page, pathname, { settle: false });
        await hydrateIslands(page);
        // The compare view draws its tables once its data has arrived.
        if (pathname.includes("/compare/")) await page.waitForSelector(".compare-table th.compare-entry");
        expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(
          variant.colorScheme === "dark",
        );
        const violations = await axeViolations(page);
        expect(violations).toEqual([]);
        const { consoleErrors, pageErrors, failedRequests } = site.problems(page);
        expect([...consoleErrors, ...pageErrors, ...failedRequests]).toEqual([]);
      });
    }
  }
});
