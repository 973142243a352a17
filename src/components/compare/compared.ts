/** The compared entries as the view draws them, and the pairs among them read in letter order. */
import type { CompareEntry, ComparePair, CompareVerdict } from "../../lib/shared/compare.ts";
import { LETTERS } from "./compare-format.ts";
import type { DotSeries } from "./DotPlot.tsx";

/** One compared entry: where it sits in the data, and its letter, colour and marker shape. */
export interface Compared {
  readonly index: number;
  readonly entry: CompareEntry;
  readonly series: DotSeries;
}

const SHAPES = ["circle", "square", "triangle", "diamond"] as const;

/** The compared entries in the order chosen (ids that are no entry are skipped), lettered A, B, … */
export function comparedEntries(entries: readonly CompareEntry[], ids: readonly string[]): Compared[] {
  const known = ids.map((id) => entries.findIndex((entry) => entry.id === id)).filter((index) => index >= 0);
  return known.slice(0, LETTERS.length).map((index, k) => {
    const entry = entries[index] as CompareEntry;
    return { index, entry, series: { letter: LETTERS[k] as string, name: entry.name, colour: `var(--compare-${k + 1})`, shape: SHAPES[k] as DotSeries["shape"] } };
  });
}

/** A pair of compared entries, first before second in letter order, and a verdict oriented that way. */
export interface ComparedPair {
  readonly first: Compared;
  readonly second: Compared;
  /** The pair's verdicts as stored (a − b, with a the earlier entry in the data). */
  readonly pair: ComparePair;
  /** A verdict as first − second, and who is ahead as a letter (null: not separable). */
  orient(verdict: CompareVerdict | null | undefined): { difference: number; low: number; high: number; ahead: string | null } | null;
}

/** Every pair of compared entries that the data holds verdicts for, in letter order (A vs B, A vs C, …). */
export function comparedPairs(compared: readonly Compared[], pairs: readonly ComparePair[]): ComparedPair[] {
  const out: ComparedPair[] = [];
  compared.forEach((first, i) => {
    compared.forEach((second, j) => {
      if (j <= i) return;
      const flipped = first.index > second.index;
      const [a, b] = flipped ? [second.index, first.index] : [first.index, second.index];
      const pair = pairs.find((p) => p.a === a && p.b === b);
      if (!pair) return;
      out.push({
        first,
        second,
        pair,
        orient(verdict) {
          if (!verdict) return null;
          const [difference, low, high, ahead] = verdict;
          const aLetter = flipped ? second.series.letter : first.series.letter;
          const bLetter = flipped ? first.series.letter : second.series.letter;
          const letter = ahead === null ? null : ahead === "a" ? aLetter : bLetter;
          // Stored as a − b; shown as first − second, so a flipped pair reads the other way round.
          return flipped ? { difference: -difference, low: -high, high: -low, ahead: letter } : { difference, low, high, ahead: letter };
        },
      });
    });
  });
  return out;
}
