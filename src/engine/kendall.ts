/**
 * Kendall's tau-b and tau-c of a (weighted) sample from the dense ranks of its two sides, agreeing with
 * scipy.stats.kendalltau to 1e-12: every count is an exact integer, combined as SciPy combines them.
 *
 * Discordant pairs are counted one of three ways, by how many distinct values the sides take:
 * - few on both sides (MOS levels against 1–5 answers): a contingency table (kendall-contingency.ts);
 * - few on one side: each item against the earlier ones, in the other side's order, through counts per
 *   level (kendall-levels.ts);
 * - many on both: the inversions of the y ranks listed in (x, y) order (kendall-inversions.ts).
 */

import type { Arrays } from "./arrays.ts";
import { contingencyCounter } from "./kendall-contingency.ts";
import type { KendallCounter, KendallParts } from "./kendall-counts.ts";
import { inversionsCounter } from "./kendall-inversions.ts";
import { levelsCounter } from "./kendall-levels.ts";
import type { DenseRanks } from "./rank-data.ts";

export type { KendallCounter, KendallParts } from "./kendall-counts.ts";

/** Tau-b from Kendall's parts, as SciPy computes it (two square roots, clipped to [−1, 1]). */
export function tauB(parts: KendallParts | null): number | null {
  if (parts === null) return null;
  const tau = parts.conMinusDis / Math.sqrt(parts.pairs - parts.tiesX) / Math.sqrt(parts.pairs - parts.tiesY);
  return Math.min(1, Math.max(-1, tau));
}

/** Tau-c (Stuart's) from Kendall's parts: 2(P − Q) / (n² (m − 1) / m), m the fewer distinct values of the two sides. */
export function tauC(parts: KendallParts | null): number | null {
  if (parts === null) return null;
  const m = Math.min(parts.classesX, parts.classesY);
  const tau = (2 * parts.conMinusDis) / ((parts.size * parts.size * (m - 1)) / m);
  return Math.min(1, Math.max(-1, tau));
}

/** Largest contingency table (cells) counted directly; also at most n/2 cells, so the table never outweighs the items. */
const MAX_CELLS = 1 << 16;
/** Most distinct values of the side counted by levels. */
const MAX_LEVELS = 1 << 12;

/** How discordant pairs are counted: see the module comment. */
export type KendallMethod = "contingency" | "levels of x" | "levels of y" | "inversions";

/** The counting method for a pair of dense ranks, by how many distinct values each side has. */
export function kendallMethod(rx: DenseRanks, ry: DenseRanks): KendallMethod {
  const cells = rx.distinct * ry.distinct;
  if (cells <= MAX_CELLS && cells <= Math.max(16, rx.n / 2)) return "contingency";
  if (Math.min(rx.distinct, ry.distinct) <= MAX_LEVELS) return rx.distinct <= ry.distinct ? "levels of x" : "levels of y";
  return "inversions";
}

/**
 * A counter of Kendall's parts for one pair of dense ranks, by `kendallMethod`; it keeps its buffers
 * (n-long ones from `arrays`) between calls, so a bootstrap's thousand resamples allocate nothing.
 */
export function kendallCounter(rx: DenseRanks, ry: DenseRanks, arrays: Arrays): KendallCounter {
  switch (kendallMethod(rx, ry)) {
    case "contingency":
      return contingencyCounter(rx, ry, arrays);
    case "levels of x":
      return levelsCounter(ry, rx, true, arrays);
    case "levels of y":
      return levelsCounter(rx, ry, false, arrays);
    case "inversions":
      return inversionsCounter(rx, ry, arrays);
  }
}
