import { describe, expect, it } from "vitest";
import { t2vBoardStatistics, v2tInstanceStatistics, v2tModelStatistics, type VideoRecord } from "../../../src/engine/index.ts";

const video = (videoId: string, modelId: string, promptId: string): VideoRecord => ({ videoId, modelId, promptId, dimensionIds: [] });
const ones = (n: number) => new Float64Array(n).fill(1);

describe("t2vBoardStatistics", () => {
  const videos = [video("a1", "a", "p1"), video("a2", "a", "p2"), video("b1", "b", "p1"), video("b2", "b", "p2")];
  const built = t2vBoardStatistics(
    videos,
    [{ id: "a", name: "A" }, { id: "b", name: "B" }],
    [
      { kind: "mean", values: { a1: 40, a2: 60, b1: 30, b2: 50 } },
      { kind: "yes-percent", answers: { a1: "yes", a2: "no", b1: "Yes.", b2: "yes" } },
    ],
  );

  it("resamples prompts: one unit per prompt, shared by the models' videos", () => {
    expect(built.units).toEqual({ itemCount: 4, unitCount: 2, unitOfItem: Uint32Array.from([0, 1, 0, 1]) });
  });

  it("gives each model its mean and its yes-percentage on the original data", () => {
    const [a, b] = built.entries;
    expect(a?.columns[0]?.(ones(4))).toBe(50); // (40 + 60) / 2
    expect(b?.columns[0]?.(ones(4))).toBe(40); // (30 + 50) / 2
    expect(a?.columns[1]?.(ones(4))).toBe(50); // one yes of two
    expect(b?.columns[1]?.(ones(4))).toBe(100);
  });

  it("weights videos by how often their prompt was drawn", () => {
    // Prompt p1 drawn twice, p2 never: model a's mean is a1's value.
    expect(built.entries[0]?.columns[0]?.(Float64Array.from([2, 0, 2, 0]))).toBe(40);
  });
});

describe("v2tInstanceStatistics and v2tModelStatistics", () => {
  // Hand example: predictions 1, 2, 3, 4 against MOS 1, 3, 2, 4 have Spearman 0.8 (scipy.stats.spearmanr).
  const videos = [video("v1", "m1", "p1"), video("v2", "m1", "p2"), video("v3", "m2", "p1"), video("v4", "m2", "p2")];
  const truth = { v1: 1, v2: 3, v3: 2, v4: 4 };
  const method = { id: "x", name: "X", scores: { alignment: { v1: 1, v2: 2, v3: 3, v4: 4 } }, answers: { v1: "yes", v2: "no", v3: "no", v4: "maybe" } };

  it("correlates a method's predictions with the truth video by video", () => {
    const built = v2tInstanceStatistics(videos, [method], [{ kind: "correlation", metric: "srcc", perspective: "alignment", truth }]);
    expect(built.units).toEqual({ itemCount: 4, unitCount: 4 });
    expect(built.entries[0]?.columns[0]?.(ones(4))).toBeCloseTo(0.8, 14);
  });

  it("scores QA answers in percent, an unusable answer counting as wrong", () => {
    const built = v2tInstanceStatistics(videos, [method], [{ kind: "qa", truth: { v1: "yes", v2: "no", v3: "yes", v4: "no" } }]);
    expect(built.entries[0]?.columns[0]?.(ones(4))).toBe(50); // v1 and v2 right, v3 wrong, v4 invalid
  });

  it("correlates per-model means at model level, resampling T2V models", () => {
    // Means: m1 pred 1.5 / MOS 2, m2 pred 3.5 / MOS 3 → a perfect positive correlation of two points.
    const built = v2tModelStatistics(videos, [method], [{ kind: "correlation", metric: "plcc", perspective: "alignment", truth }]);
    expect(built.units).toEqual({ itemCount: 2, unitCount: 2 });
    expect(built.entries[0]?.columns[0]?.(ones(2))).toBeCloseTo(1, 14);
  });
});
