/**
 * Kendall's counts from a contingency table, for data with few distinct values on both sides (MOS levels
 * against 1–5 answers): one pass over the items fills the table, the rest is a pass over its cells.
 */

import type { Arrays } from "./arrays.ts";
import { classes, kendallParts, tiedPairs, type KendallCounter } from "./kendall-counts.ts";
import type { DenseRanks } from "./rank-data.ts";

/**
 * Counts from the table of (x rank, y rank) cells: discordant pairs are, for each cell, its weight times
 * the weight of the cells with smaller x and larger y, summed row by row with running column totals.
 */
export function contingencyCounter(rx: DenseRanks, ry: DenseRanks, arrays: Arrays): KendallCounter {
  const rows = rx.distinct;
  const columns = ry.distinct;
  const table = new Float64Array(rows * columns);
  const rowWeights = new Float64Array(rows);
  const columnWeights = new Float64Array(columns);
  const cell = arrays.uint32(rx.n);
  const xRank = rx.rank;
  const yRank = ry.rank;
  for (let i = 0; i < cell.length; i++) cell[i] = (xRank[i] as number) * columns + (yRank[i] as number);
  return (weights) => {
    table.fill(0);
    if (weights === null) for (let i = 0; i < cell.length; i++) table[cell[i] as number]! += 1;
    else for (let i = 0; i < cell.length; i++) table[cell[i] as number]! += weights[i] as number;
    rowWeights.fill(0);
    // columnWeights holds the column totals of the rows above the current one until the last row.
    columnWeights.fill(0);
    let total = 0;
    let jointTies = 0;
    let discordant = 0;
    for (let a = 0; a < rows; a++) {
      let above = 0;
      let rowWeight = 0;
      for (let b = columns - 1; b >= 0; b--) {
        const t = table[a * columns + b] as number;
        discordant += t * above;
        above += columnWeights[b] as number;
        jointTies += (t * (t - 1)) / 2;
        rowWeight += t;
      }
      for (let b = 0; b < columns; b++) columnWeights[b]! += table[a * columns + b] as number;
      rowWeights[a] = rowWeight;
      total += rowWeight;
    }
    return kendallParts(total, tiedPairs(rowWeights), tiedPairs(columnWeights), jointTies, discordant, classes(rowWeights), classes(columnWeights));
  };
}
