/**
 * Leaderboard ranking rules (DESIGN.md, "Ranking rules").
 *
 * Per ranked column: standard competition ranks ("1224") from full-precision values.
 * Overall: the competition rank of the sum of an entry's column ranks, lower sum first.
 * Inside a tie the display order is by name (see `compareNames`), so a rebuild never reorders a tie.
 */

/** Which way a column is better; every board column today is higher-is-better. */
export type Direction = "higher" | "lower";

/** One entry of a board: its ranked values in column order (`null` where it has no value). */
export interface BoardRow {
  readonly id: string;
  readonly name: string;
  readonly values: ReadonlyArray<number | null>;
}

/** An entry's place on a board. `rank` and `rankSum` are `null` when a ranked value is missing. */
export interface RankedRow {
  readonly id: string;
  readonly name: string;
  readonly columnRanks: ReadonlyArray<number | null>;
  readonly rankSum: number | null;
  readonly rank: number | null;
  /** 1-based display position: ranked entries by rank, ties by name, then unranked entries by name. */
  readonly position: number;
}

function assertRankable(values: ReadonlyArray<number | null>): void {
  values.forEach((value, index) => {
    if (value !== null && !Number.isFinite(value)) {
      throw new RangeError(`cannot rank a non-finite value (${value}) at index ${index}`);
    }
  });
}

/**
 * Standard competition ranks: 1 for the best value, equal values share the best rank of their group,
 * and the next distinct value skips the shared places (1, 2, 2, 4). `null` values get no rank.
 */
export function competitionRanks(
  values: ReadonlyArray<number | null>,
  direction: Direction = "higher",
): (number | null)[] {
  assertRankable(values);
  const better = direction === "higher" ? (a: number, b: number) => b - a : (a: number, b: number) => a - b;
  const present = values
    .map((value, index) => ({ value, index }))
    .filter((item): item is { value: number; index: number } => item.value !== null)
    .sort((a, b) => better(a.value, b.value));
  const ranks: (number | null)[] = values.map(() => null);
  present.forEach((item, position) => {
    const previous = present[position - 1];
    const rankOfPrevious = previous === undefined ? null : (ranks[previous.index] ?? null);
    ranks[item.index] =
      previous !== undefined && previous.value === item.value && rankOfPrevious !== null
        ? rankOfPrevious
        : position + 1;
  });
  return ranks;
}

/**
 * Display order inside a tie: case-insensitive code-point order of the name, then case-sensitive,
 * then the id. Locale-independent so that every machine renders the same order.
 */
export function compareNames(a: { name: string; id: string }, b: { name: string; id: string }): number {
  const byCode = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return byCode(a.name.toLowerCase(), b.name.toLowerCase()) || byCode(a.name, b.name) || byCode(a.id, b.id);
}

/**
 * Ranks a whole board. Each column is ranked on its own; the overall rank is the competition rank
 * of the column-rank sum (lower is better). An entry missing any ranked value gets no overall rank
 * and is listed after the ranked entries. Rows come back in display order.
 */
export function rankBoard(
  rows: ReadonlyArray<BoardRow>,
  directions: ReadonlyArray<Direction>,
): RankedRow[] {
  rows.forEach((row) => {
    if (row.values.length !== directions.length) {
      throw new RangeError(
        `entry "${row.id}" has ${row.values.length} values for a board of ${directions.length} columns`,
      );
    }
  });
  const perColumn = directions.map((direction, column) =>
    competitionRanks(
      rows.map((row) => row.values[column] ?? null),
      direction,
    ),
  );
  const columnRanks = rows.map((_, r) => perColumn.map((ranks) => ranks[r] ?? null));
  const rankSums = columnRanks.map((ranks) =>
    ranks.length > 0 && ranks.every((rank) => rank !== null)
      ? ranks.reduce<number>((sum, rank) => sum + (rank ?? 0), 0)
      : null,
  );
  const overall = competitionRanks(rankSums, "lower");
  const ranked = rows.map((row, r) => ({
    id: row.id,
    name: row.name,
    columnRanks: columnRanks[r] ?? [],
    rankSum: rankSums[r] ?? null,
    rank: overall[r] ?? null,
  }));
  ranked.sort((a, b) => {
    if (a.rank === null || b.rank === null) {
      if (a.rank !== b.rank) return a.rank === null ? 1 : -1;
    } else if (a.rank !== b.rank) {
      return a.rank - b.rank;
    }
    return compareNames(a, b);
  });
  return ranked.map((row, index) => ({ ...row, position: index + 1 }));
}
