import { describe, expect, it } from "vitest";
import { barPosition, barsHaveIntervals, boardChart, columnBars, v2tScatter } from "../../../src/lib/chart-data.ts";
import { summarizeBoard } from "../../../src/lib/boards.ts";
import { COLUMN, row, view } from "../../support/board-view.ts";

describe("columnBars", () => {
  const board = view([
    row("c", "Charlie", 2, 2),
    row("a", "Alpha", 1, 1),
    row("b", "Bravo", 3, 2),
    row("u", "Unranked", null, null),
    row("n", "No cell", null, undefined),
    row("ref", "Real videos", null, 1, { reference: true }),
  ]);

  it("gives the ranked entries of a column best first, ties by name, without references or unranked cells", () => {
    expect(columnBars(board, COLUMN).map((bar) => bar.id)).toEqual(["a", "b", "c"]);
  });

  it("sorts a board's column once and hands every page the same bars", () => {
    expect(columnBars(board, COLUMN)).toBe(columnBars(board, COLUMN));
    expect(boardChart("b", "v2t-instance", summarizeBoard(board)).columns[0]?.bars).toBe(columnBars(board, COLUMN));
    expect(columnBars(view(board.rows), COLUMN)).not.toBe(columnBars(board, COLUMN));
  });

  it("finds an entry's bar by its index, −1 without one", () => {
    const bars = columnBars(board, COLUMN);
    expect(barPosition(bars, "c")).toBe(2);
    expect(bars[barPosition(bars, "a")]?.name).toBe("Alpha");
    expect(barPosition(bars, "u")).toBe(-1);
  });

  it("says whether any bar has an interval", () => {
    expect(barsHaveIntervals(columnBars(board, COLUMN))).toBe(false);
    expect(barsHaveIntervals(columnBars(view([row("a", "A", 1, 1), row("b", "B", 2, 2, { ci: true })]), COLUMN))).toBe(true);
  });
});

describe("v2tScatter", () => {
  const instance = view([row("a", "Alpha", 1, 1, { ci: true }), row("b", "Bravo", 2, 2, { ci: true })]);
  const model = { ...view([row("a", "Alpha", null, 1, { ci: true }), row("b", "Bravo", null, 2, { ci: true })]), board: "v2t-model" as const };

  it("draws a model-level board's whiskers when it is ranked", () => {
    const [series] = v2tScatter(instance, model);
    expect(series?.points.every((p) => p.yError !== null && p.xError !== null)).toBe(true);
    expect(series?.yLabel).toBe("Model-level Overall SRCC");
  });

  it("draws no model-level whiskers and says 'not ranked' when that board is unranked (too few T2V models: its intervals are noise)", () => {
    const [series] = v2tScatter(instance, { ...model, unrankedReason: "Model-level correlations here rest on 4 T2V models." });
    expect(series?.points.map((p) => p.yError)).toEqual([null, null]);
    expect(series?.points.every((p) => p.xError !== null)).toBe(true);
    expect(series?.yLabel).toBe("Model-level Overall SRCC (not ranked)");
  });
});
