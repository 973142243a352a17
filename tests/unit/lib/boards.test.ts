import { describe, expect, it } from "vitest";
import { rankedCount } from "../../../src/lib/boards.ts";
import { row, view } from "../../support/board-view.ts";

describe("rankedCount", () => {
  const board = view([row("a", "A", 1, 1), row("b", "B", 2, 2), row("c", "C", null, undefined), row("ref", "Real videos", null, 3, { reference: true })]);

  it("counts the ranked rows only", () => {
    expect(rankedCount(board)).toBe(2);
  });
});
