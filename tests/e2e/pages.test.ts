/**
 * The pages of the built site load in Chromium without console errors, page errors or failed requests, chart
 * islands included. Every page is visited except that entry and dimension pages are sampled per folder.
 */
import { expect, it } from "vitest";
import { builtPages, describeBrowser, hydrateIslands, useSite, visit } from "../support/e2e.ts";

/** Leaf pages (entries, dimensions) beyond this many per folder are sampled evenly, first and last included. */
const PER_FOLDER = 6;

/** All pages, except that each folder's leaf pages are cut to an even sample of PER_FOLDER. */
function samplePages(pages: string[]): string[] {
  const byFolder = new Map<string, string[]>();
  for (const p of pages) {
    const folder = p.replace(/[^/]+\/$/, "");
    const isLeaf = !pages.some((other) => other !== p && other.startsWith(p));
    const key = isLeaf ? `leaves of ${folder}` : p;
    byFolder.set(key, [...(byFolder.get(key) ?? []), p]);
  }
  return [...byFolder.values()]
    .flatMap((group) => {
      if (group.length <= PER_FOLDER) return group;
      const step = (group.length - 1) / (PER_FOLDER - 1);
      return Array.from({ length: PER_FOLDER }, (_, i) => group[Math.round(i * step)] as string);
    })
    .sort();
}

const MAIN_PAGES = ["/", "/t2v/", "/v2t/", "/methodology/", "/downloads/", "/aigve-60k/", "/aigve-60k/t2v/", "/aigve-60k/v2t/"];

describeBrowser("the built pages", () => {
  const site = useSite();
  const pages = builtPages();
  const sample = samplePages(pages);

  it("includes the main pages, the per-benchmark boards and the entry pages", () => {
    expect(pages).toEqual(expect.arrayContaining([...MAIN_PAGES, "/aigve-60k/t2v/jimeng/", "/aigve-60k/v2t/love/"]));
    expect(pages.filter((p) => /^\/aigve-60k\/t2v\/[^/]+\/$/.test(p))).toHaveLength(30);
    expect(pages.filter((p) => /^\/aigve-60k\/v2t\/[^/]+\/$/.test(p))).toHaveLength(48);
  });

  it(`renders ${sample.length} of ${pages.length} pages cleanly, islands hydrated`, { timeout: 180_000 }, async () => {
    expect(sample).toEqual(expect.arrayContaining([...MAIN_PAGES, "/aigve-60k/t2v/allegro/", "/aigve-60k/v2t/vsfa/"]));
    const page = await site.newPage();
    const problems: string[] = [];
    for (const pathname of sample) {
      site.resetProblems(page);
      await visit(site, page, pathname, { settle: false });
      await hydrateIslands(page);
      if ((await page.locator("main h1").count()) !== 1) problems.push(`${pathname}: expected one h1 in main`);
      const found = site.problems(page);
      for (const message of [...found.consoleErrors, ...found.pageErrors, ...found.failedRequests]) {
        problems.push(`${pathname}: ${message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("answers an unknown path with the 404 page", async () => {
    const page = await site.newPage();
    const response = await page.goto(`${site.url}/no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator("main h1").textContent()).toBeTruthy();
  });
});
