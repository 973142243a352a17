/**
 * A human-rated entry on a benchmark made by hand: two models of two prompts rated by two raters, all four videos
 * anchors, and a new model rated by one rater. Every expected value is worked out by hand.
 */
import { describe, expect, it } from "vitest";
import { BenchmarkSchema } from "../../../src/schemas/benchmark.ts";
import { addBenchmarkDefinition } from "../../../scripts/pipeline/benchmark-rows.ts";
import { boardUnits, columnStatistic } from "../../../scripts/scoring/column-statistic.ts";
import { scoringContext } from "../../../scripts/scoring/context.ts";
import { t2vEntryData } from "../../../scripts/scoring/entry-data.ts";
import { statisticFrom } from "../../../scripts/scoring/statistic-recipe.ts";
import { emptyContent, type StoreContent } from "../../../scripts/store/store-content.ts";

const SETTINGS = { resamples: 50, seed: 1, confidence: 0.95 };

/** The benchmark's raters r0 and r1 agree on model a; r1 rates model b 1 higher than r0 does: σ²_rm = 0.25 (see anchoring.test.ts). */
const OWN = { "a/p0": [1, 1], "a/p1": [3, 3], "b/p0": [2, 3], "b/p1": [4, 5] } as const;

function hand(panelOf: (truth: number) => number, raters: readonly string[] = ["r0", "r1"]): StoreContent {
  const content = emptyContent();
  const benchmark = BenchmarkSchema.parse({
    id: "hand",
    title: "Hand",
    version: "1",
    summary: "A benchmark made by hand for tests.",
    paper: { title: "Hand", authors: "Test", year: 2025, url: "https://example.org/hand" },
    citation: "Hand",
    license: null,
    homepage: null,
    dataUrl: null,
    labelsPublic: true,
    counts: { prompts: 2, dimensions: 0, videos: 4, t2vModels: 2, mos: 1, qaPairs: 0 },
    protocol: { name: "the hand paper", source: "by hand", humanScore: "rater-mean", referenceVideos: "excluded", correlations: ["srcc"], minModelsForModelLevel: 3 },
    anchoring: { minPerRater: 3, minAgreement: 0, lackOfFit: { flagBelowP: 0.01, refuseBelowP: 1e-6 } },
    perspectives: [{ id: "quality", label: "Quality", kind: "mos", description: "q", scale: "1–5", range: { min: 1, max: 5 } }],
    dimensions: [],
    boards: { t2v: [{ perspective: "quality", metric: "mos", label: "Quality" }], "v2t-instance": [{ perspective: "quality", metric: "srcc", label: "SRCC" }], "v2t-model": [{ perspective: "quality", metric: "srcc", label: "SRCC" }] },
  });
  addBenchmarkDefinition(content, benchmark, 0);
  content.prompts.push({ benchmarkId: "hand", id: "p0", text: "zero" }, { benchmarkId: "hand", id: "p1", text: "one" });
  for (const id of ["a", "b", "new"]) {
    content.t2vEntries.push({ benchmarkId: "hand", id, name: id, organization: null, access: "open", url: null, isReference: false, source: "ratings", evaluatorId: null, license: null, method: null, submissionId: id === "new" ? "s1" : null });
  }
  content.submissions.push({ id: "s1", benchmarkId: "hand", direction: "t2v", entryId: "new", manifestJson: "{}", path: "data/submissions/hand/s1", origin: "submitted" });
  Object.entries(OWN).forEach(([video, scores], position) => {
    const [model, prompt] = video.split("/") as [string, string];
    const truth = (scores[0] + scores[1]) / 2;
    content.videos.push({ benchmarkId: "hand", id: video, promptId: prompt, t2vEntryId: model, isReference: false, labelled: true });
    content.groundTruth.push({ benchmarkId: "hand", videoId: video, perspectiveId: "quality", mos: truth, rawMos: truth, sd: null, count: 2, answer: null });
    scores.forEach((score, r) => content.ratings.push({ benchmarkId: "hand", batch: "dataset", videoId: video, perspectiveId: "quality", rater: `r${r}`, score }));
    content.anchors.push({ benchmarkId: "hand", videoId: video, position, source: "by hand" });
    for (const rater of raters) content.ratings.push({ benchmarkId: "hand", batch: "s1", videoId: video, perspectiveId: "quality", rater, score: panelOf(truth) });
  });
  // The new model's videos: 2 and 3 from every rater of the panel, a mean m of 2.5.
  for (const [prompt, score] of [["p0", 2], ["p1", 3]] as const) {
    content.videos.push({ benchmarkId: "hand", id: `new/${prompt}`, promptId: prompt, t2vEntryId: "new", isReference: false, labelled: false });
    for (const rater of raters) content.ratings.push({ benchmarkId: "hand", batch: "s1", videoId: `new/${prompt}`, perspectiveId: "quality", rater, score });
  }
  return content;
}

describe("a human-rated entry", () => {
  it("is put on the benchmark's scale by inverse calibration, and its anchor fit keeps meaning benchmark = intercept + slope × panel", () => {
    // The panel rates every anchor 1 + 0.5 × its benchmark score: c = 1, d = 0.5, so the figure is (2.5 − 1) / 0.5 = 3.
    const context = scoringContext(hand((t) => 1 + 0.5 * t, ["x"]), "hand", SETTINGS);
    const found = t2vEntryData(context, "new");
    expect(found?.problems).toEqual([]);
    expect(found?.anchorFits.map((f) => [f.intercept, f.slope, f.raters, f.anchors])).toEqual([[-2, 2, 1, 4]]);
    const units = boardUnits(context, "t2v", "overall");
    const column = columnStatistic(context, "t2v", "overall", units, found?.data as never, context.columns.t2v[0] as never);
    expect(statisticFrom(column?.recipe as never)?.(new Float64Array(6).fill(1), -1)).toBeCloseTo(3, 14);
  });

  it("carries the model-specific rater component of the benchmark's own raters, shrinking with the panel's raters, and says so", () => {
    // σ²_rm = 0.25 from the benchmark's raters: SD 0.5 for one rater, 0.5 / √2 for two.
    const one = t2vEntryData(scoringContext(hand((t) => 1 + 0.5 * t, ["x"]), "hand", SETTINGS), "new")?.data;
    const two = t2vEntryData(scoringContext(hand((t) => 1 + 0.5 * t, ["x", "y"]), "hand", SETTINGS), "new")?.data;
    expect(one?.predictionError?.quality).toBeCloseTo(0.5, 14);
    expect(two?.predictionError?.quality).toBeCloseTo(0.5 / Math.SQRT2, 14);
    expect(one?.note).toMatch(/quality: SD 0\.500 per rater from hand's 2 raters on 2 models, 0\.500 for this panel of 1 rater\(s\)/);
  });

  it("adds nothing, and says why, where the benchmark publishes no per-rater ratings", () => {
    const content = hand((t) => 1 + 0.5 * t, ["x"]);
    content.ratings = content.ratings.filter((r) => r.batch !== "dataset");
    const data = t2vEntryData(scoringContext(content, "hand", SETTINGS), "new")?.data;
    expect(data?.predictionError).toEqual({});
    expect(data?.note).toMatch(/quality: not estimable \(hand publishes no per-rater ratings\), so not in the interval/);
  });

  it("refuses a panel whose anchor scores do not rise with the benchmark's, naming the file, the perspective and the slope", () => {
    // Benchmark scores 1, 3, 2.5, 4.5 against panel scores 1, 2, 2, 1: no correlation (r = 0 passes this benchmark's
    // minimum of 0), and a flat line d = 0 that cannot be solved for the new videos.
    const flat = new Map([[1, 1], [3, 2], [2.5, 2], [4.5, 1]]);
    const found = t2vEntryData(scoringContext(hand((t) => flat.get(t) as number, ["x"]), "hand", SETTINGS), "new");
    expect(found?.anchorFits).toEqual([]);
    expect(found?.problems).toEqual([
      {
        file: "data/submissions/hand/s1/ratings.csv",
        field: "quality",
        message:
          "your raters' quality scores of the 4 anchors do not rise with the benchmark's (slope of panel on benchmark 0.000; it must be above 0), " +
          "so the line that puts the new videos on the benchmark's scale cannot be solved for them",
      },
    ]);
  });
});
