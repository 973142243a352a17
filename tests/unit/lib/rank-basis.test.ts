import { describe, expect, it } from "vitest";
import type { BoardColumnInfo } from "../../../src/lib/benchmarks.ts";
import type { BoardCell, BoardRow, BoardView } from "../../../src/lib/boards.ts";
import { rankBasis } from "../../../src/lib/rank-basis.ts";
import { COLUMN, row, view } from "../../support/board-view.ts";

const column = (key: string, label: string, ranked = true): BoardColumnInfo => ({ ...COLUMN, key, label, ranked });
const COLUMNS = [column("p", "Perception"), column("c", "Correspondence"), column("q", "QA"), column("x", "Unranked extra", false)];
const cell = (rank: number | null): BoardCell => ({ value: 1, ciLow: null, ciHigh: null, ciNote: null, n: null, rank, rankBest: null, rankWorst: null, provenance: "published", source: null });

/** A row with its overall rank, rank sum and its column ranks p, c, q (x always 1: unranked columns must not count). */
const entry = (id: string, rank: number | null, rankSum: number | null, p: number, c: number, q: number): BoardRow => ({
  ...row(id, id, rank, undefined),
  rankSum,
  cells: { p: cell(p), c: cell(c), q: cell(q), x: cell(1) },
});

const board = (rows: BoardRow[]): BoardView => ({ ...view(rows), columns: COLUMNS });

describe("rankBasis", () => {
  it("names the #1 by rank sum, its column ranks, and who leads each column it does not (the AIGVE-60K case: Jimeng leads perception, Pixverse is #1)", () => {
    // Hand calculation: Pixverse 2 + 2 + 1 = 5, Wanxiang 3 + 1 + 2 = 6, Jimeng 1 + 3 + 3 = 7.
    const basis = rankBasis(board([entry("Pixverse", 1, 5, 2, 2, 1), entry("Wanxiang", 2, 6, 3, 1, 2), entry("Jimeng", 3, 7, 1, 3, 3)]));
    expect(basis).toEqual({
      first: "Pixverse",
      rankSum: 5,
      columnRanks: [
        { column: "Perception", rank: 2 },
        { column: "Correspondence", rank: 2 },
        { column: "QA", rank: 1 },
      ],
      ledElsewhere: [
        { column: "Perception", leaders: ["Jimeng"], leaderRank: 2 },
        { column: "Correspondence", leaders: ["Wanxiang"], leaderRank: 2 },
      ],
    });
  });

  it("lists every entry tied first in a column, and nothing when the #1 leads every column", () => {
    const tied = rankBasis(board([entry("A", 1, 4, 2, 1, 1), entry("B", 2, 5, 1, 2, 2), entry("C", 2, 5, 1, 2, 2)]));
    expect(tied?.ledElsewhere).toEqual([{ column: "Perception", leaders: ["B", "C"], leaderRank: 2 }]);
    expect(rankBasis(board([entry("A", 1, 3, 1, 1, 1), entry("B", 2, 6, 2, 2, 2)]))?.ledElsewhere).toEqual([]);
  });

  it("gives nothing on a board that ranks nobody", () => {
    expect(rankBasis(board([entry("A", null, null, 1, 1, 1)]))).toBeNull();
  });
});
