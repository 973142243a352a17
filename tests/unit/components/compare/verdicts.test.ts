import { describe, expect, it } from "vitest";
import { compareVerdict, pairVerdicts, resampledFigure, type FetchedBoard } from "../../../../src/components/compare/verdicts.ts";
import type { CompareBoardInfo, CompareFigure } from "../../../../src/lib/shared/compare.ts";

const INFO: CompareBoardInfo = {
  board: "t2v",
  label: "Text-to-video models",
  columns: [
    { key: "quality_mos", label: "Quality", metric: "mos", digits: 2, ranked: true, higherIsBetter: true },
    { key: "quality_other", label: "Other", metric: "mos", digits: 2, ranked: false, higherIsBetter: true },
  ],
  unrankedReason: null,
  resampled: true,
  pairsNote: null,
  rankedCount: { overall: 2, dim: 2 },
};

/** A fetched board whose figures hold the given resampled values (four resamples each): the overall part, then the dimensions'. */
function fetched(figures: readonly (CompareFigure & { draws: number[] })[], dimensionsFetched = true): FetchedBoard {
  const overall = figures.filter((f) => f.scope === "overall");
  const dimensions = figures.filter((f) => f.scope !== "overall");
  const strip = (list: typeof figures) => list.map(({ scope, key, value }) => ({ scope, key, value }));
  return {
    board: { places: {}, resamples: { count: 4, parts: [{ part: "overall", url: "/x.overall.bin", figures: strip(overall) }, { part: "dimensions", url: "/x.dimensions.bin", figures: strip(dimensions) }] } },
    values: [Float32Array.from(overall.flatMap((f) => f.draws)), dimensionsFetched ? Float32Array.from(dimensions.flatMap((f) => f.draws)) : null],
  };
}

describe("resampledFigure", () => {
  it("reads a figure's block of its part by its place in the layout, and nothing of a part not fetched yet", () => {
    const figures = [
      { scope: "overall", key: "quality_mos", value: 3, draws: [1, 2, 3, 4] },
      { scope: "dim", key: "other_mos", value: 4, draws: [0, 0, 0, 0] },
      { scope: "dim", key: "quality_mos", value: 5, draws: [5, 6, 7, 8] },
    ];
    const board = fetched(figures);
    expect(Array.from(resampledFigure(board, "dim", "quality_mos")?.draws ?? [])).toEqual([5, 6, 7, 8]);
    expect(resampledFigure(board, "dim", "quality_mos")?.value).toBe(5);
    expect(Array.from(resampledFigure(board, "overall", "quality_mos")?.draws ?? [])).toEqual([1, 2, 3, 4]);
    expect(resampledFigure(board, "dim", "rank-sum")).toBeNull();
    expect(resampledFigure(fetched(figures, false), "dim", "quality_mos")).toBeNull();
    expect(resampledFigure(fetched(figures, false), "overall", "quality_mos")?.value).toBe(3);
  });
});

describe("compareVerdict", () => {
  it("names the entry ahead by the column's direction, and writes a difference rounded to zero as 0, not -0", () => {
    // By hand: differences 1, 1, 1, 1 on every resample; a − b = 1, interval [1, 1], separable.
    const a = { value: 3, draws: [2, 3, 4, 5] };
    const b = { value: 2, draws: [1, 2, 3, 4] };
    expect(compareVerdict(a, b, 0.95, true, 2)).toEqual([1, 1, 1, "a"]);
    expect(compareVerdict(a, b, 0.95, false, 2)).toEqual([1, 1, 1, "b"]);
    const tiny = compareVerdict({ value: 0, draws: [0, 0, 0, 0] }, { value: 0.001, draws: [1, -1, 1, -1] }, 0.95, true, 2);
    expect(Object.is(tiny?.[0], 0)).toBe(true);
    expect(tiny?.[3]).toBeNull();
  });
});

describe("pairVerdicts", () => {
  const a = fetched([
    { scope: "overall", key: "quality_mos", value: 3, draws: [3, 3, 3, 3] },
    { scope: "dim", key: "quality_mos", value: 3, draws: [3, 3, 3, 3] },
    { scope: "overall", key: "rank-sum", value: 1, draws: [1, 1, 1, 1] },
  ]);
  const b = fetched([
    { scope: "overall", key: "quality_mos", value: 2, draws: [2, 2, 2, 2] },
    { scope: "dim", key: "quality_mos", value: 2, draws: [2, 2, 2, 2] },
    { scope: "overall", key: "rank-sum", value: 2, draws: [2, 2, 2, 2] },
  ]);

  it("gives per ranked column verdicts in every scope and the rank sum's overall only (lower is better)", () => {
    expect(pairVerdicts(INFO, "overall", [a, b], 0.95)).toEqual([{ a: 0, b: 1, rankSum: [-1, -1, -1, "a"], columns: [[1, 1, 1, "a"], null] }]);
    expect(pairVerdicts(INFO, "dim", [a, b], 0.95)).toEqual([{ a: 0, b: 1, rankSum: null, columns: [[1, 1, 1, "a"], null] }]);
  });

  it("leaves out pairs with an entry without resamples, and every pair of a board with a note", () => {
    expect(pairVerdicts(INFO, "overall", [a, null, b], 0.95).map((p) => [p.a, p.b])).toEqual([[0, 2]]);
    expect(pairVerdicts({ ...INFO, pairsNote: "published" }, "overall", [a, b], 0.95)).toEqual([]);
  });
});
