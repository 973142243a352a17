import { describe, expect, it } from "vitest";
import { boardRow, rankedCount } from "../../../src/lib/boards.ts";
import { row, view } from "../../support/board-view.ts";

describe("boardRow and rankedCount", () => {
  const board = view([row("a", "A", 1, 1), row("b", "B", 2, 2), row("c", "C", null, undefined), row("ref", "Real videos", null, 3, { reference: true })]);

  it("finds an entry's row on a board, or nothing for an entry the board lacks", () => {
    expect(boardRow(board, "b")?.name).toBe("B");
    expect(boardRow(board, "ref")?.isReference).toBe(true);
    expect(boardRow(board, "absent")).toBeUndefined();
  });

  it("counts the ranked rows only", () => {
    expect(rankedCount(board)).toBe(2);
  });

  it("keeps the first row of an entry listed twice, as a scan of the board would", () => {
    const twice = view([row("a", "First", 1, 1), row("a", "Second", 2, 2)]);
    expect(boardRow(twice, "a")?.name).toBe("First");
  });
});
