/** What a board's #1 rests on: its column ranks, and the columns another entry leads. */
import type { BoardView } from "./boards.ts";

/** One ranked column the board's #1 does not lead: who does, and where the #1 stands in it. */
export interface LedElsewhere {
  readonly column: string;
  readonly leaders: readonly string[];
  readonly leaderRank: number;
}

/** The board's #1 by rank sum, its rank sum, its rank in every ranked column, and the columns it does not lead; null on an unranked board. */
export interface RankBasis {
  readonly first: string;
  readonly rankSum: number;
  readonly columnRanks: readonly { readonly column: string; readonly rank: number }[];
  readonly ledElsewhere: readonly LedElsewhere[];
}

/** Reads the stored column ranks of a board's #1 (no statistics: every rank is the store's). */
export function rankBasis(view: BoardView): RankBasis | null {
  const first = view.rows.find((row) => row.rank === 1);
  if (first === undefined || first.rankSum === null) return null;
  const ranked = view.columns.filter((c) => c.ranked);
  const columnRanks = ranked.flatMap((c) => {
    const rank = first.cells[c.key]?.rank;
    return rank === null || rank === undefined ? [] : [{ column: c.label, rank }];
  });
  const ledElsewhere = ranked.flatMap((c) => {
    const leaderRank = first.cells[c.key]?.rank;
    if (leaderRank === null || leaderRank === undefined || leaderRank === 1) return [];
    const leaders = view.rows.filter((row) => row.cells[c.key]?.rank === 1).map((row) => row.name);
    return leaders.length === 0 ? [] : [{ column: c.label, leaders, leaderRank }];
  });
  return { first: first.name, rankSum: first.rankSum, columnRanks, ledElsewhere };
}
