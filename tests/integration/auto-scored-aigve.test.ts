/**
 * Auto-scored T2V entries on a benchmark with enough T2V models to validate a calibration through model means: a
 * synthetic AIGVE-60K release of 24 models (above the protocol's minimum of 10, and enough for a bounded 95%
 * conformal interval, which needs 19). The entry is ranked with a split-conformal interval inside 0–100; an evaluator
 * without skill is refused, by name.
 */
import { TEST_GENERATION_CARD, TEST_PROVENANCE } from "../support/bundles.ts";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import type { StoreContent } from "../../scripts/store/store-content.ts";
import { submitBundle } from "../../scripts/submissions/submit-bundle.ts";
import { writeSyntheticRelease } from "../../scripts/dev/synthetic-aigve-release.ts";
import { readStore } from "../../scripts/store/read-store.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import { createRandom } from "../../src/engine/index.ts";
import { capture, tempDataDir, tempDir, writeBundleDir, type BundleContents } from "../support/bundles.ts";

const RESAMPLES = 200;
const MODELS = 24;

let root: string;
let datasets: string;
let dataDir: string;
let store: string;
let stored: StoreContent;

/** A T2V manifest for AIGVE-60K scored by an evaluator. */
function autoManifest(name: string, evaluator: string): string {
  return JSON.stringify({
    schemaVersion: 1,
    benchmark: "aigve-60k",
    direction: "t2v",
    entry: { name, organization: "Auto tests", access: "open", url: "https://example.org/auto", license: "MIT", contact: "tests@example.org" },
    method: `Scored by ${evaluator}.`,
    ...TEST_PROVENANCE,
    generationCard: TEST_GENERATION_CARD,
    evaluator,
  });
}

/** An auto-scored bundle: the evaluator's scores of the new model's video for every prompt. */
function autoBundle(name: string, evaluator: string, score: (prompt: number) => { perception: number; correspondence: number }): BundleContents {
  const prompts = stored.prompts.filter((p) => p.benchmarkId === "aigve-60k").map((p) => p.id).sort();
  return { "manifest.json": autoManifest(name, evaluator), "scores.jsonl": prompts.map((p, i) => `${JSON.stringify({ video: p, scores: score(i) })}\n`).join("") };
}

async function submit(files: BundleContents, dryRun: boolean, where = store) {
  const stdout = capture();
  const stderr = capture();
  const bundle = writeBundleDir(path.join(root, "bundles", `${Math.random().toString(36).slice(2)}`), files);
  const outcome = await submitBundle({ bundle, dataDir, store: where, datasetsDir: datasets, stdout, stderr, dryRun });
  return { ...outcome, out: stdout.text(), err: stderr.text() };
}

const figure = (c: StoreContent, entry: string, perspective: string) =>
  c.results.find((r) => r.benchmarkId === "aigve-60k" && r.direction === "t2v" && r.entryId === entry && r.dimension === "overall" && r.perspectiveId === perspective);

beforeAll(async () => {
  root = tempDir("auto-aigve");
  datasets = path.join(root, "datasets");
  const planted = path.join(root, "planted");
  writeSyntheticRelease(path.join(datasets, "aigve-60k"), { videos: MODELS * 100, models: MODELS, prompts: 150, dimensions: 4, seed: 3 }, planted);
  dataDir = tempDataDir(["aigve-60k"]);
  store = path.join(root, "store.sqlite");
  writeStore(await buildContent({ dataDir, datasetsDir: datasets, resamples: RESAMPLES }), store);
  // Two evaluators: the planted method (its correspondence tracks the humans), and one whose scores are noise.
  const plantedOut = await submitBundle({ bundle: planted, dataDir, store, datasetsDir: datasets, stdout: capture(), stderr: capture() });
  expect(plantedOut.status).toBe("stored");
  const random = createRandom(11);
  const lines = fs.readFileSync(path.join(planted, "predictions.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as { video: string });
  const noise: BundleContents = {
    "manifest.json": JSON.stringify({ ...JSON.parse(fs.readFileSync(path.join(planted, "manifest.json"), "utf8")), entry: { name: "Noise Judge", organization: "Auto tests", url: "https://example.org/noise", license: "CC0-1.0", kind: "lmm-evaluator", contact: "tests@example.org" } }),
    "predictions.jsonl": lines.map((l) => `${JSON.stringify({ video: l.video, scores: { perception: 100 * random.nextFloat(), correspondence: 100 * random.nextFloat() }, answer: "yes" })}\n`).join(""),
  };
  const noiseOut = await submit(noise, false);
  expect(noiseOut.status, noiseOut.err).toBe("stored");
  stored = readStore(store);
}, 240_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("an auto-scored T2V entry where the calibration can be validated (24 models)", () => {
  it("is calibrated through model means and ranked among the human-rated models, its conformal interval inside 0–100", async () => {
    const target = path.join(root, "ranked.sqlite");
    fs.copyFileSync(store, target);
    const result = await submit(autoBundle("Auto Ranked", "planted-method", (i) => ({ perception: 55 + (i % 7), correspondence: 50 + (i % 5) })), false, target);
    expect(result.status, result.err).toBe("stored");
    const after = readStore(target);
    const calibration = after.calibrations.find((c) => c.benchmarkId === "aigve-60k" && c.evaluatorId === "planted-method" && c.perspectiveId === "correspondence");
    expect(calibration?.models).toBe(MODELS);
    expect(calibration?.refusal).toBeNull();
    const half = calibration?.conformalHalfWidth as number;
    expect(half).toBeGreaterThan(0);
    const row = figure(after, "auto-ranked", "correspondence");
    expect(row?.provenance).toBe("auto");
    expect(row?.metric).toBe("mos");
    // The mean of the submitted scores (50 + i mod 5 over 150 prompts = 52) through the model-mean line.
    expect(row?.value).toBeCloseTo((calibration?.modelIntercept as number) + (calibration?.modelSlope as number) * 52, 9);
    expect(row?.ciLow).toBeCloseTo((row?.value as number) - half, 9);
    expect(row?.ciHigh).toBeCloseTo((row?.value as number) + half, 9);
    expect(row?.source).toMatch(/estimand: the humans' mean score of the model's videos; .*split-conformal/);
    const ranking = after.rankings.find((r) => r.benchmarkId === "aigve-60k" && r.board === "t2v" && r.dimension === "overall" && r.entryId === "auto-ranked");
    expect(ranking?.unrankedReason).toBeNull();
    const columnRank = after.columnRanks.find((r) => r.benchmarkId === "aigve-60k" && r.board === "t2v" && r.dimension === "overall" && r.entryId === "auto-ranked" && r.columnKey === "correspondence_mos");
    expect(columnRank?.rank).not.toBeNull();
    expect(columnRank?.rankBest as number).toBeLessThan(columnRank?.rankWorst as number);
  });

  it("keeps a figure the line would put beyond the scale, and its interval, inside 0–100", async () => {
    const result = await submit(autoBundle("Auto Top", "planted-method", () => ({ perception: 100, correspondence: 100 })), true);
    expect(result.status, result.err).toBe("dry-run");
    const line = /^t2v\s+correspondence_mos\s+(\S+)\s+\[(\S+), (\S+)\]/m.exec(result.out);
    expect(line, result.out).not.toBeNull();
    const [value, low, high] = [Number(line?.[1]), Number(line?.[2]), Number(line?.[3])];
    expect(low).toBeGreaterThanOrEqual(0);
    expect(high).toBeLessThanOrEqual(100);
    expect(value).toBeLessThanOrEqual(100);
    expect(high).toBe(100);
  });

  it("refuses an evaluator without skill, naming it and its calibration table, and shows the failed check on its calibration", async () => {
    const calibrations = stored.calibrations.filter((c) => c.benchmarkId === "aigve-60k" && c.evaluatorId === "noise-judge");
    expect(calibrations.length).toBe(2);
    for (const c of calibrations) {
      expect(c.refusal).toMatch(new RegExp(`^noise-judge cannot score ${c.perspectiveId}: .*line through ${MODELS} models' means`));
      // No skill: the held-out line does no better than the other models' mean (or it falls).
      expect((c.modelRmse as number) >= (c.baselineRmse as number) || (c.modelSlope as number) <= 0).toBe(true);
    }
    const result = await submit(autoBundle("Auto Noise", "noise-judge", () => ({ perception: 50, correspondence: 50 })), true);
    expect(result).toMatchObject({ status: "rejected", exitCode: 1 });
    expect(result.err).toMatch(/manifest\.json: field "evaluator": noise-judge cannot score perception: .*see the skill check in noise-judge's calibration table, \/aigve-60k\/v2t\/noise-judge\//);
  });
});
