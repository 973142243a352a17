/**
 * Adding a benchmark is adding one folder: a definition and a package in the package format beside it, no
 * code and no edit anywhere else. The test builds the store and the site from a data folder holding only
 * that benchmark and finds its boards, dimensions, downloads and submissions.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { writePackageDir } from "../../scripts/benchmarks/package.ts";
import type { BenchmarkPackage } from "../../scripts/benchmarks/types.ts";
import { buildContent } from "../../scripts/pipeline/build-content.ts";
import type { StoreContent } from "../../scripts/store/store-content.ts";
import { submitBundle } from "../../scripts/submissions/submit-bundle.ts";
import { writeStore } from "../../scripts/store/write-store.ts";
import { capture, tempDir, v2tManifest, writeBundleDir } from "../support/bundles.ts";
import { buildSiteInto } from "../../scripts/dev/astro-build.ts";

const MODELS = ["alpha", "beta", "gamma", "delta"];
const PROMPTS = 12;

/** Tiny's definition: one rated perspective and yes/no questions, two dimensions, its package in the folder. */
const definition = {
  id: "tiny",
  title: "Tiny",
  version: "1",
  summary: "Twelve prompts, four generators, three raters: a benchmark added as one folder.",
  paper: { title: "Tiny: a benchmark in one folder", authors: "Test Authors", year: 2026, url: "https://example.org/tiny" },
  citation: "@misc{tiny}",
  license: "CC0-1.0",
  homepage: null,
  dataUrl: null,
  labelsPublic: true,
  counts: { prompts: PROMPTS, dimensions: 2, videos: 48, t2vModels: 4, mos: 48, qaPairs: 48 },
  dataset: { name: "Tiny", what: "package", folder: null, marker: "format.json", origin: "its own folder" },
  protocol: { name: "the Tiny paper", source: "the Tiny paper", humanScore: "rater-mean", referenceVideos: "excluded", correlations: ["srcc", "krcc"], minModelsForModelLevel: 3 },
  anchoring: { minPerRater: 3, minAgreement: 0.5, lackOfFit: { flagBelowP: 0.01, refuseBelowP: 1e-6 } },
  perspectives: [
    { id: "quality", label: "Quality", kind: "mos", description: "How good the video looks, rated 1–5.", scale: "1–5" },
    { id: "qa", label: "QA", kind: "qa", description: "Does the video show the prompt?", scale: null },
  ],
  dimensions: [
    { id: "people", label: "People" },
    { id: "animals", label: "Animals" },
  ],
  boards: {
    t2v: [{ perspective: "quality", metric: "mos", label: "Quality" }, { perspective: "qa", metric: "accuracy", label: "QA (%)" }],
    "v2t-instance": [{ perspective: "quality", metric: "srcc", label: "Quality SRCC" }, { perspective: "qa", metric: "accuracy", label: "QA accuracy (%)" }],
    "v2t-model": [{ perspective: "quality", metric: "srcc", label: "Quality SRCC" }],
  },
};

/** Tiny's package: model m is better than model m+1; three raters; a metric that follows the ratings. */
function tinyPackage(): BenchmarkPackage {
  const at = { file: "tiny" };
  const pkg: BenchmarkPackage = { models: [], dimensions: [], prompts: [], videos: [], groundTruth: [], questions: [], metrics: [], metricScores: [] };
  MODELS.forEach((id) => pkg.models.push({ id, name: id[0]?.toUpperCase() + id.slice(1), organization: null, url: null, access: "open", reference: false, at }));
  for (let p = 0; p < PROMPTS; p++) pkg.prompts.push({ id: String(p), text: `prompt ${p}`, dimensions: [p % 2 === 0 ? "people" : "animals"], at });
  pkg.metrics.push({ id: "tinyscore", name: "TinyScore", organization: "Test Authors", url: "https://example.org/tinyscore", license: "CC0-1.0", kind: "alignment-metric", source: "tiny/metric-scores.jsonl", at });
  MODELS.forEach((model, m) => {
    for (let p = 0; p < PROMPTS; p++) {
      const video = `${model}/${p}`;
      const base = Math.max(1, Math.min(5, 5 - m + ((p % 3) - 1)));
      pkg.videos.push({ id: video, prompt: String(p), model, split: null, source: null, at });
      pkg.groundTruth.push({ video, perspective: "quality", ratings: { r1: base, r2: Math.max(1, base - (p % 2)), r3: Math.min(5, base + ((p + m) % 2)) }, at });
      pkg.questions.push({ video, question: `does it show prompt ${p}?`, answer: (p + m) % 4 === 0 ? "no" : "yes", at });
      pkg.metricScores.push({ metric: "tinyscore", video, score: base + p / 100, at });
    }
  });
  return pkg;
}

let root: string;
let dataDir: string;
let store: string;
let dist: string;
let content: StoreContent;
const page = (route: string) => fs.readFileSync(path.join(dist, route), "utf8");

beforeAll(async () => {
  root = tempDir("one-folder");
  dataDir = path.join(root, "data");
  const folder = path.join(dataDir, "benchmarks", "tiny");
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "benchmark.json"), JSON.stringify(definition, null, 2));
  writePackageDir(tinyPackage(), path.join(folder, "package"));
  store = path.join(root, "store.sqlite");
  content = await buildContent({ dataDir, datasetsDir: path.join(root, "no-datasets"), resamples: 50 });
  writeStore(content, store);
  dist = path.join(root, "dist");
  buildSiteInto(store, dist);
}, 300_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

it("scores the new benchmark from its package: human scores by its protocol, its metric as a V2T entry", () => {
  const alpha = content.results.find((r) => r.benchmarkId === "tiny" && r.entryId === "alpha" && r.dimension === "overall" && r.perspectiveId === "quality" && r.metric === "mos");
  // By hand: over each six prompts Alpha's three raters average 4, 14/3, 5, 4, 5 and 14/3 (sum 82/3), so the
  // mean over 12 prompts is 2 × (82/3) / 12 = 41/9.
  expect(alpha?.value).toBeCloseTo(41 / 9, 12);
  expect(content.v2tEntries.filter((e) => e.benchmarkId === "tiny").map((e) => e.name)).toEqual(["TinyScore"]);
  expect(content.rankings.filter((r) => r.benchmarkId === "tiny" && r.board === "t2v" && r.dimension === "overall").sort((a, b) => a.position - b.position).map((r) => r.entryId)).toEqual(MODELS);
});

it("shows its page, boards and dimensions on the site", () => {
  expect(page("tiny/index.html")).toContain("a benchmark added as one folder");
  expect(page("tiny/t2v/index.html")).toContain("Gamma");
  expect(page("tiny/v2t/index.html")).toContain("TinyScore");
  expect(page("tiny/dimensions/people/index.html")).toContain("People");
  expect(page("tiny/dimensions/animals/index.html")).toContain("Alpha");
});

it("offers its downloads", () => {
  const csv = page("downloads/tiny/t2v.csv");
  expect(csv.split("\r\n")[0]).toMatch(/^model,id,rank,/);
  expect(csv).toContain("alpha");
  expect(page("downloads/tiny/ground-truth.csv")).toContain("alpha/0");
  expect(fs.existsSync(path.join(dist, "downloads/tiny/dimensions/people.csv"))).toBe(true);
});

it("takes submissions: the guide lists it as open, and a V2T bundle for it is scored", async () => {
  expect(page("submit/index.html")).toMatch(/Tiny/);
  const videos = content.videos.filter((v) => v.benchmarkId === "tiny").map((v) => v.id);
  const bundle = writeBundleDir(path.join(root, "bundle"), {
    "manifest.json": JSON.stringify(v2tManifest("tiny", "Tiny Judge")),
    "predictions.jsonl": videos.map((video, i) => `${JSON.stringify({ video, scores: { quality: (i * 7) % 11 }, answer: i % 2 === 0 ? "yes" : "no" })}\n`).join(""),
  });
  const stdout = capture();
  const stderr = capture();
  const outcome = await submitBundle({ bundle, dataDir, store, datasetsDir: path.join(root, "no-datasets"), dryRun: true, stdout, stderr });
  expect(outcome.status, stderr.text()).toBe("dry-run");
  expect(stdout.text()).toMatch(/v2t-instance\s+quality_srcc/);
});
