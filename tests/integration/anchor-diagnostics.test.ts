/**
 * The diagnostics of human-rated submissions on real data, dry-run through submit as a user would: panels whose
 * ratings cannot be on the benchmark's scale are refused (split panel, compressed anchors, a strongly curved
 * panel), ratings that match the benchmark's own are flagged but still scored (copied anchors, "M again"), a
 * mildly curved panel is flagged, and an independent honest rater is neither refused nor flagged as copied.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import { submitBundle } from "../../scripts/submissions/submit-bundle.ts";
import { readStore } from "../../scripts/store/read-store.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import type { StoreContent } from "../../scripts/store/store-content.ts";
import {
  compressedAnchorBundle,
  concave,
  convex,
  fetvRaw,
  honestPanelBundle,
  honestSingleRaterBundle,
  splitPanelBundle,
  transformedAgainBundle,
  tvgeRaw,
  type RawBenchmark,
} from "../support/anchor-bundles.ts";
import { capture, tempDataDir, tempDir, tvgeContent, writeBundleDir, type BundleContents } from "../support/bundles.ts";
import { datasetDir, describeWithDatasets } from "../support/datasets.ts";
import { againBundle, FETV_PERSPECTIVES, fetvContent } from "../support/fetv-bundles.ts";

const RESAMPLES = 200;

describeWithDatasets("fetv", "diagnostics of human-rated submissions on FETV's real ratings", () => {
  let root: string;
  let where: { dataDir: string; store: string };
  let fetv: StoreContent;
  let raw: RawBenchmark;
  let n = 0;

  async function submit(files: BundleContents, dryRun = true) {
    const stdout = capture();
    const stderr = capture();
    const bundle = writeBundleDir(path.join(root, "bundles", String((n += 1))), files);
    const outcome = await submitBundle({ bundle, ...where, stdout, stderr, dryRun });
    return { ...outcome, out: stdout.text(), err: stderr.text() };
  }

  beforeAll(async () => {
    root = tempDir("anchor-diagnostics");
    const dataDir = tempDataDir(["fetv", "tvge"]);
    const store = path.join(root, "store.sqlite");
    writeStore(await buildContent({ dataDir, resamples: RESAMPLES }), store);
    where = { dataDir, store };
    fetv = fetvContent();
    raw = fetvRaw(fetv);
  }, 300_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it("refuses the split panel: each rater of the new videos must agree with the benchmark on the anchors alone", async () => {
    const result = await submit(splitPanelBundle(raw, "zeroscope"));
    expect(result).toMatchObject({ status: "rejected", exitCode: 1 });
    for (const rater of ["new1", "new2", "new3"]) {
      expect(result.err).toMatch(new RegExp(`field "alignment": rater "${rater}" rates the new videos, but alone their alignment ratings of 40 anchors agree with the benchmark's at Pearson r = undefined`));
    }
    expect(result.err).toMatch(/every rater who rates the new videos must agree with the benchmark on the anchors alone beyond chance \(a 95% interval of r above 0\)/);
    expect(result.err).not.toMatch(/rater "honest\d"/);
  });

  it("refuses the compressed-anchor panel, naming the figure, the range and the perspective", async () => {
    const result = await submit(compressedAnchorBundle(raw, "zeroscope"));
    expect(result).toMatchObject({ status: "rejected", exitCode: 1 });
    for (const perspective of FETV_PERSPECTIVES) {
      expect(result.err).toMatch(new RegExp(`field "${perspective}": the ${perspective} figure overall would be (\\d+\\.\\d\\d), outside ${perspective}'s range 1–5 declared by fetv`));
    }
    const figure = Number(/the static_quality figure overall would be (\d+\.\d\d)/.exec(result.err)?.[1]);
    expect(figure).toBeGreaterThan(5);
  });

  it("flags the copied-anchor bundle (the benchmark's own anchor ratings, its own videos +1) and still scores it", async () => {
    const result = await submit(transformedAgainBundle(fetv, "cogvideo", "copied anchors", (x) => x, (x) => Math.min(5, x + 1)));
    expect(result.status, result.err).toBe("dry-run");
    expect(result.out).toMatch(/^t2v\s+static_quality_mos\s+\d\.\d\d/m);
    for (const perspective of FETV_PERSPECTIVES) {
      expect(result.out).toMatch(new RegExp(`FLAG ${perspective}: matches the benchmark's own ratings: its ${perspective} scores of all 45 anchors equal the scores the benchmark publishes; and its ${perspective} anchor scores agree with the benchmark's at r = 1\\.000 \\[1\\.000, 1\\.000\\], above the 0\\.\\d{3} an independent panel of 3\\.0 rater\\(s\\) per anchor reaches`));
      expect(result.out).toMatch(new RegExp(`FLAG ${perspective} \\(rater "human0"\\): matches the benchmark's own ratings: rater "human0"'s ${perspective} ratings equal the benchmark's rater "human0"'s on 45 of 45 anchors`));
    }
  });

  it('flags "M again" as the benchmark\'s own ratings, on the anchors and on the model\'s own videos', async () => {
    const result = await submit(againBundle(fetv, "text2video-zero", "text2video-zero again"));
    expect(result.status, result.err).toBe("dry-run");
    expect(result.out).toMatch(/FLAG temporal_quality \(rater "human1"\): matches the benchmark's own ratings: rater "human1"'s temporal_quality ratings equal the benchmark's rater "human1"'s on 45 of 45 anchors, where independent raters would agree on about \d+% \(binomial tail \S+\), and equal the benchmark's rater "human1"'s on 619 of 619 text2video-zero's videos of the same prompts/);
  });

  it("neither refuses nor flags as copied an independent honest rater (FETV's scores plus its raters' own spread)", async () => {
    for (const [model, seed] of [["text2video-zero", 7], ["cogvideo", 8], ["zeroscope", 9]] as const) {
      const result = await submit(honestSingleRaterBundle(raw, model, seed));
      expect(result.status, result.err).toBe("dry-run");
      expect(result.out).not.toMatch(/matches the benchmark's own ratings/);
      expect(result.out).toMatch(/alignment diagnostics: anchor agreement \(Pearson r, Fisher-z 95% interval, anchors\) panel r = 0\.\d{3} \[0\.\d{3}, 0\.\d{3}\] on 45; rater "fresh" r = /);
    }
  });

  it("flags a mildly curved (concave) panel with its F test, and refuses a strongly curved (convex) one", async () => {
    const mild = await submit(transformedAgainBundle(fetv, "zeroscope", "concave panel", concave));
    expect(mild.status, mild.err).toBe("dry-run");
    expect(mild.out).toMatch(/FLAG temporal_quality: the temporal_quality anchor line is curved \(concave\): a quadratic term in the panel's anchor scores against the benchmark's gives F = \d+\.\d on 1 and 42 degrees of freedom, p = \S+; below p = 0\.01 a line is flagged and below p = 0\.000001 refused/);
    const strong = await submit(transformedAgainBundle(fetv, "zeroscope", "convex panel", convex));
    expect(strong).toMatchObject({ status: "rejected", exitCode: 1 });
    expect(strong.err).toMatch(/field "static_quality": the static_quality anchor line is curved \(convex\).*; a straight line cannot put these ratings on the benchmark's scale/);
  });

  it("stores the diagnostics with a submitted entry: agreements with intervals, the line's checks, the flags", async () => {
    const result = await submit(transformedAgainBundle(fetv, "cogvideo", "copied and stored", (x) => x, (x) => Math.min(5, x + 1)), false);
    expect(result.status, result.err).toBe("stored");
    const stored = readStore(where.store);
    const of = <T extends { entryId: string }>(rows: readonly T[]) => rows.filter((r) => r.entryId === "copied-and-stored");
    expect(of(stored.anchorAgreements).filter((a) => a.rater === "")).toHaveLength(3);
    expect(of(stored.anchorAgreements).filter((a) => a.rater !== "")).toHaveLength(9);
    for (const a of of(stored.anchorAgreements)) expect(a.ciLow as number).toBeLessThanOrEqual(a.agreement);
    expect(of(stored.anchorChecks).map((c) => c.perspectiveId).sort()).toEqual([...FETV_PERSPECTIVES].sort());
    expect(of(stored.anchorFlags).filter((f) => f.kind === "matches-benchmark" && f.subject === "")).toHaveLength(3);
    expect(stored.perspectives.find((p) => p.benchmarkId === "fetv" && p.id === "alignment")).toMatchObject({ rangeMin: 1, rangeMax: 5 });
  });

  describeWithDatasets("tvge", "on TVGE (per-video scores only: no per-rater ratings to compare with)", () => {
    let tvge: RawBenchmark;
    beforeAll(() => {
      tvge = tvgeRaw(tvgeContent(datasetDir("tvge")));
    });

    it("refuses the issue's split panel and compressed-anchor panel", async () => {
      const split = await submit(splitPanelBundle(tvge, "pika"));
      expect(split).toMatchObject({ status: "rejected", exitCode: 1 });
      expect(split.err).toMatch(/field "quality": rater "new1" rates the new videos, but alone their quality ratings of 40 anchors/);
      const compressed = await submit(compressedAnchorBundle(tvge, "pika"));
      expect(compressed).toMatchObject({ status: "rejected", exitCode: 1 });
      expect(compressed.err).toMatch(/field "quality": the quality figure overall would be \d+\.\d\d, outside quality's range 1–5 declared by tvge/);
    });

    it("says it has no agreement ceiling, and flags no honest panel (three raters: TVGE's minimum, as it has no per-rater data)", async () => {
      const single = await submit(honestSingleRaterBundle(tvge, "pika", 3));
      expect(single).toMatchObject({ status: "rejected", exitCode: 1 });
      expect(single.err).toMatch(/your model's videos were rated by 1 rater\(s\) for quality; tvge needs at least 3/);
      const honest = await submit(honestPanelBundle(tvge, "pika", [3, 4, 5]));
      expect(honest.status, honest.err).toBe("dry-run");
      expect(honest.out).toMatch(/quality diagnostics: .*; no agreement ceiling \(the benchmark publishes no per-rater ratings\)\./);
      expect(honest.out).not.toMatch(/FLAG/);
    });
  });
});
