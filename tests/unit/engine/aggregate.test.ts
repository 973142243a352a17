import { describe, expect, it } from "vitest";
import { aggregateT2V, aggregateV2T, kendall, pearson, spearman, type VideoRecord } from "../../../src/engine/index.ts";

// Two T2V models on three prompts; p1 is in d1, p2 in d1 and d2, p3 in d2.
const dims: Record<string, string[]> = { p1: ["d1"], p2: ["d1", "d2"], p3: ["d2"] };
const videos: VideoRecord[] = ["A", "B"].flatMap((modelId) =>
  ["p1", "p2", "p3"].map((promptId) => ({ videoId: `${modelId}-${promptId}`, modelId, promptId, dimensionIds: dims[promptId] ?? [] })),
);

describe("aggregateT2V", () => {
  const mos = { "A-p1": 60, "A-p2": 70, "A-p3": 80, "B-p1": 50, "B-p2": 50, "B-p3": 65 };
  const qa = { "A-p1": "yes", "A-p2": true, "A-p3": "no", "B-p1": "No", "B-p2": "Yes", "B-p3": "unsure" };
  const result = aggregateT2V({ videos, mos: { perception: mos }, qa }, { resamples: 200, seed: 5 });
  const a = result.models.find((m) => m.modelId === "A");
  const b = result.models.find((m) => m.modelId === "B");

  it("gives each model's mean MOS per perspective with n, and records the bootstrap settings", () => {
    expect(result.settings).toEqual({ resamples: 200, seed: 5, confidence: 0.95 });
    expect(result.unit).toBe("prompt");
    expect(a?.perspectives.perception?.mean).toBeCloseTo(70, 12);
    expect(b?.perspectives.perception?.mean).toBeCloseTo(55, 12);
    expect(a?.perspectives.perception?.n).toBe(3);
    expect(a?.videos).toBe(3);
  });

  it("keeps the CI within the range of the per-prompt values", () => {
    const figure = a?.perspectives.perception;
    expect(figure?.ciLow as number).toBeGreaterThanOrEqual(60);
    expect(figure?.ciHigh as number).toBeLessThanOrEqual(80);
  });

  it("reports QA accuracy in percent: the share of videos whose human answer is Yes", () => {
    expect(a?.qaAccuracyPct?.mean).toBeCloseTo(200 / 3, 12);
    expect(b?.qaAccuracyPct?.mean).toBeCloseTo(100 / 3, 12);
  });

  it("scores each dimension on its own prompts", () => {
    expect(a?.dimensions.d1?.perspectives.perception?.mean).toBeCloseTo(65, 12);
    expect(b?.dimensions.d2?.perspectives.perception?.mean).toBeCloseTo(57.5, 12);
    expect(a?.dimensions.d1?.videos).toBe(2);
  });

  it("separates models that differ on every prompt (paired by prompt) and links each to the next", () => {
    // A - B per prompt: 10, 20, 15, so every resample's difference is positive.
    expect(a?.perspectives.perception?.next).toMatchObject({ id: "B", separable: true });
    expect(a?.perspectives.perception?.next?.difference).toBeCloseTo(15, 12);
    expect(b?.perspectives.perception?.next).toBeNull();
    expect(a?.perspectives.perception?.rankInterval?.best).toBe(1);
  });
});

describe("aggregateV2T", () => {
  const truth = { "A-p1": 60, "A-p2": 70, "A-p3": 80, "B-p1": 50, "B-p2": 52, "B-p3": 65 };
  // B-p3 has no prediction: it takes no part.
  const predictions = { "A-p1": 0.2, "A-p2": 0.9, "A-p3": 0.7, "B-p1": 0.1, "B-p2": 0.3 };
  const result = aggregateV2T(
    {
      videos,
      groundTruth: { perception: truth },
      predictions: { perception: predictions },
      qaTruth: { "A-p1": "yes", "A-p2": "no", "B-p1": "yes", "B-p2": "no" },
      qaPredictions: { "A-p1": "Yes.", "A-p2": "yes", "B-p1": "hmm" },
    },
    { resamples: 100 },
  );
  const perception = result.perspectives.perception;
  const pred = [0.2, 0.9, 0.7, 0.1, 0.3];
  const mos = [60, 70, 80, 50, 52];

  it("correlates per-video predictions with per-video MOS at the instance level", () => {
    expect(perception?.instance.n).toBe(5);
    expect(perception?.instance.srcc.value).toBe(spearman(pred, mos));
    expect(perception?.instance.plcc.value).toBe(pearson(pred, mos));
    expect(perception?.instance.krcc.value).toBe(kendall(pred, mos));
    expect(perception?.instance.plccLogistic.ciLow).toBeNull(); // logistic CI is opt-in
  });

  it("correlates per-T2V-model means at the model level (n = number of models)", () => {
    // A: pred mean 0.6, MOS mean 70; B: pred mean 0.2, MOS mean 51 -> two models, perfectly concordant.
    expect(perception?.model.n).toBe(2);
    expect(perception?.model.srcc.value).toBeCloseTo(1, 14);
    expect(perception?.model.plcc.value).toBeCloseTo(1, 14);
  });

  it("scores each dimension on its own videos", () => {
    // d1 holds p1 and p2: A-p1, A-p2, B-p1, B-p2.
    expect(perception?.dimensions.d1?.instance.n).toBe(4);
    expect(perception?.dimensions.d1?.instance.srcc.value).toBe(spearman([0.2, 0.9, 0.1, 0.3], [60, 70, 50, 52]));
  });

  it("gives QA accuracy in percent, a missing or invalid answer counting as wrong", () => {
    expect(result.qaAccuracyPct?.value).toBeCloseTo(25, 12);
    expect(result.qaAccuracyPct).toMatchObject({ n: 4, correct: 1, invalid: 2 });
    expect(result.units).toEqual({ instance: "video", model: "t2v-model" });
  });

  it("refuses predictions for a perspective without ground truth", () => {
    expect(() => aggregateV2T({ videos, groundTruth: {}, predictions: { alignment: {} } })).toThrow(/alignment/);
  });

  it("bootstraps the logistic PLCC when asked", () => {
    const withCi = aggregateV2T(
      { videos, groundTruth: { perception: truth }, predictions: { perception: predictions } },
      { resamples: 50, logisticCi: true },
    );
    expect(withCi.logisticCi).toBe(true);
    expect(withCi.perspectives.perception?.instance.plccLogistic.value).not.toBeNull();
  });
});
