/**
 * What a reader of the papers sees in Chromium: each board's protocol sentence, intervals as [low, high] with
 * rank intervals and the not-separable mark, model-level boards unranked with their reason, the audit with the
 * cases spelled out and linked from the boards, and an entry's method and license.
 */
import type { Page } from "playwright-core";
import { afterEach, beforeAll, expect, it } from "vitest";
import { describeBrowser, useSite, visit } from "../support/e2e.ts";

describeBrowser("faithful boards", () => {
  const site = useSite();
  let page: Page;

  beforeAll(async () => {
    page = await site.newPage();
  });

  afterEach(() => {
    const { consoleErrors, pageErrors, failedRequests } = site.problems(page);
    site.resetProblems(page);
    expect([...consoleErrors, ...pageErrors, ...failedRequests]).toEqual([]);
  });

  const text = (selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);

  it("states FETV's protocol on its V2T board and shows intervals and rank intervals as [low, high]", async () => {
    await visit(site, page, "/fetv/v2t/");
    expect(await text('[data-protocol="v2t-instance"]')).toMatch(
      /Scored as in the FETV paper: each method's per-video scores against the human scores \(the plain mean of its raters' ratings\) over all 3,017 videos \(real reference videos included\), by KRCC \(τc\) and SRCC\./,
    );
    const umt = await text('#v2t-instance-table tr[data-entry="umtscore"]');
    expect(umt).toMatch(/^1\s*\n?\s*\[1, \d\]/);
    expect(umt).toMatch(/0\.4249\s*#1\s*\[0\.\d{4}, 0\.\d{4}\]/);
    expect(umt).not.toMatch(/±/);
    // BLIPScore and CLIPScore-ft share rank 2 and cannot be told apart.
    expect(await page.$$eval("#v2t-instance-table .tie-mark", (marks) => marks.length)).toBeGreaterThan(0);
  });

  it("shows FETV's model-level board unranked, with the reason, and its intervals", async () => {
    await visit(site, page, "/fetv/v2t/?view=model");
    expect(await text("#model-level [data-unranked-reason]")).toBe(
      "Not ranked: Model-level correlations here rest on 4 T2V models; the protocol ranks them only from 10, so they are shown unranked.",
    );
    const ranks = await page.$$eval("#v2t-model-table tbody tr td:first-child", (cells) => cells.map((c) => (c as HTMLElement).innerText.trim()));
    expect(ranks.every((r) => r === "—")).toBe(true);
    expect(await text('#v2t-model-table tr[data-entry="otter-vqa"]')).toMatch(/\[-?\d\.\d{4}, -?\d\.\d{4}\]/);
  });

  it("flags AIGVE-60K's NOVA on the T2V board and explains it on the audit page", async () => {
    await visit(site, page, "/aigve-60k/t2v/");
    const flag = await page.$('#t2v-table tr[data-entry="nova"] a.audit-flag');
    expect(flag).not.toBeNull();
    await flag?.click();
    await page.waitForURL(/\/audit\/#aigve-60k--nova$/);
    expect(await text("#aigve-60k--nova")).toMatch(/NOVA\s+T2V: overall rank\s+24\s+21\s+no\s+Listed 24th though its rank sum, 63/);
    expect(await text("#audit-fetv")).toMatch(/100 of 100 published figures agree with this site's\./);
    expect(await text("#audit-tvge")).toMatch(/scores distributed in t2vscore_results\.csv differ from those the paper used/);
  });

  it("shows an entry's method and license, and an evaluator's model-by-model check", async () => {
    await visit(site, page, "/fetv/v2t/umtscore/");
    expect(await text("main")).toMatch(/How the outputs were produced\s+Scores distributed with the FETV dataset/);
    expect(await text("main")).toMatch(/License\s+CC BY 4\.0 \(FETV\)/);
    expect(await text("#calibration-heading")).toBe("As an automatic evaluator of T2V models");
    // The skill check per perspective: held-out RMS errors (model-mean line, per-video line) against the other models' mean.
    expect(await text("main")).toMatch(/Alignment\s+RMS error of the left-out predictions, against 0\.333 for the other models' human mean\. Skill check: passed\.[^\n]*\s+0\.542\s+0\.155/);
    expect(await text("main")).toMatch(/Temporal quality\s+RMS error of the left-out predictions[^\n]*Skill check: failed, refused: umtscore cannot score temporal_quality/);
  });
});
