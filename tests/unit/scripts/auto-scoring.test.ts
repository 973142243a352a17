/**
 * Where an auto-scored T2V entry stands and which evaluator × perspective pairs may score: the skill check at the level
 * the benchmark can validate, and the refusal's words (expected values by hand).
 */
import { describe, expect, it } from "vitest";
import { autoUnrankedReason } from "../../../scripts/scoring/auto-entries.ts";
import type { ScoringContext } from "../../../scripts/scoring/context.ts";
import { refusalOf, skillCheck } from "../../../scripts/scoring/evaluators.ts";
import { modelMeanCalibration } from "../../../src/engine/index.ts";

/** Just what these helpers read of a scoring context: the protocol's minimum and the pool's models. */
function context(models: number, minimum = 10): ScoringContext {
  return { protocol: { minModelsForModelLevel: minimum }, pool: [{}], poolModels: Array.from({ length: models }, (_, i) => `m${i}`) } as unknown as ScoringContext;
}

describe("autoUnrankedReason", () => {
  it("keeps auto entries apart, in one sentence naming the evaluator and both counts, below the protocol's minimum", () => {
    expect(autoUnrankedReason(context(4), "umtscore")).toBe(
      "Scored automatically by umtscore, whose calibration to the human scale can be checked on only 4 T2V models (the protocol validates model-level figures from 10), so its raw scores are shown apart, beside its scores of those models, and not ranked.",
    );
  });

  it("ranks them from the minimum on", () => {
    expect(autoUnrankedReason(context(10), "umtscore")).toBeNull();
    expect(autoUnrankedReason(context(30), "umtscore")).toBeNull();
  });
});

describe("skillCheck and refusalOf", () => {
  // Model means on a line y = 1 + 2x but for model 2: by hand, every held-out line is defined and predicts well.
  const fit = modelMeanCalibration([1, 2, 3, 4], [3, 5, 7.5, 9]);

  it("judges the model-mean line from the minimum of models on, the per-video line below it", () => {
    expect(skillCheck(context(4, 4), fit, { slope: -1 }, 0.5, 4)).toMatchObject({ basis: "model means", slope: fit?.line.slope, rmse: fit?.rmse });
    expect(skillCheck(context(4, 10), fit, { slope: -1 }, 0.5, 4)).toEqual({ basis: "videos", slope: -1, rmse: 0.5, baselineRmse: fit?.baselineRmse });
    expect(skillCheck(context(4), null, { slope: 1 }, 0.5, 4)).toBeNull();
  });

  it("lets a rising line with skill score, and names the evaluator, the line and both errors when it refuses", () => {
    expect(refusalOf("judge", "quality", 30, { basis: "model means", slope: 0.9, rmse: 1, baselineRmse: 2 })).toBeNull();
    expect(refusalOf("judge", "quality", 30, { basis: "model means", slope: 0.9, rmse: 2, baselineRmse: 2 })).toBe(
      "judge cannot score quality: fitted without each model in turn, its line through 30 models' means misses that model's human mean by 2.000 (RMS), no better than the other models' human mean does (2.000)",
    );
    expect(refusalOf("judge", "quality", 4, { basis: "videos", slope: -0.5, rmse: 1, baselineRmse: 2 })).toBe(
      "judge cannot score quality: its per-video line falls as the humans' scores rise (slope -0.500)",
    );
    expect(refusalOf("judge", "quality", 2, null)).toMatch(/^judge cannot score quality: its model means cannot be calibrated over 2 T2V model\(s\)/);
  });
});
