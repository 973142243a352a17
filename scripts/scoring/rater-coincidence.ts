/**
 * Whether a submitted rater's ratings are the benchmark's own: how often they equal one of the benchmark's raters'
 * ratings, on the anchors and on each model's videos of the same prompts, against how often independent raters would.
 */
import { binomialUpperTail } from "../../src/engine/index.ts";
import { byId, type ScoringContext } from "./context.ts";

/**
 * A rater's ratings "match" a benchmark rater's when so many are identical that independent raters would
 * agree that often with probability below this (binomial tail at the benchmark's own highest between-rater
 * rate). Many raters, perspectives and models are compared, so the level is strict.
 */
export const COPY_TAIL_LEVEL = 1e-4;

/** A p-value as people read it: 0.034, 2.1e-5. */
export function pText(p: number): string {
  return p >= 0.001 ? p.toFixed(3) : p.toExponential(1);
}

/** How often two of the benchmark's own raters give the very same rating to a video, at most over its rater pairs. */
export function ownExactRate(own: ReadonlyMap<string, ReadonlyMap<string, number>>): number | null {
  const pairs = new Map<string, { equal: number; both: number }>();
  for (const byRater of own.values()) {
    const raters = [...byRater.keys()].sort(byId);
    for (let a = 0; a < raters.length; a++) {
      for (let b = a + 1; b < raters.length; b++) {
        const key = `${raters[a]}\u0000${raters[b]}`;
        const pair = pairs.get(key) ?? { equal: 0, both: 0 };
        pair.both++;
        if (byRater.get(raters[a] as string) === byRater.get(raters[b] as string)) pair.equal++;
        pairs.set(key, pair);
      }
    }
  }
  let best: number | null = null;
  for (const pair of pairs.values()) if (pair.both > 0) best = Math.max(best ?? 0, pair.equal / pair.both);
  return best;
}

/** One comparison of a submitted rater with one of the benchmark's raters on some videos. */
export interface Coincidence {
  readonly benchmarkRater: string;
  readonly what: string;
  readonly equal: number;
  readonly both: number;
  /** The rate independent raters would reach: the benchmark's own between-rater rate, or chance from the two raters' rating frequencies if higher. */
  readonly rate: number;
  readonly tail: number;
}

/** Counts of equal ratings of one comparison, with each side's rating frequencies (for the chance rate). */
interface Tally {
  readonly benchmarkRater: string;
  readonly what: string;
  equal: number;
  both: number;
  readonly mine: Map<number, number>;
  readonly theirs: Map<number, number>;
}

/** The most telling comparison of a tally set (lowest binomial tail), or null. */
function strongest(tallies: Iterable<Tally>, ownRate: number): Coincidence | null {
  let best: Coincidence | null = null;
  for (const t of tallies) {
    let chance = 0;
    for (const [value, count] of t.mine) chance += (count / t.both) * ((t.theirs.get(value) ?? 0) / t.both);
    const rate = Math.max(ownRate, chance);
    const tail = binomialUpperTail(t.equal, t.both, rate);
    if (best === null || tail < best.tail) best = { benchmarkRater: t.benchmarkRater, what: t.what, equal: t.equal, both: t.both, rate, tail };
  }
  return best;
}

/**
 * The most telling coincidences of a submitted rater's ratings with one benchmark rater's: on the anchors, and
 * on the new videos against each model's videos of the same prompts (a model's own ratings resubmitted).
 */
export function coincidences(
  context: ScoringContext,
  mine: ReadonlyMap<string, number>,
  own: ReadonlyMap<string, ReadonlyMap<string, number>>,
  videosOfPrompt: ReadonlyMap<string, readonly { id: string; model: string }[]>,
  ownRate: number,
): { anchors: Coincidence | null; videos: Coincidence | null } {
  const anchorSet = new Set(context.anchors);
  const onAnchors = new Map<string, Tally>();
  const onVideos = new Map<string, Tally>();
  const count = (tallies: Map<string, Tally>, benchmarkRater: string, what: string, score: number, theirs: number) => {
    const key = `${benchmarkRater}\u0000${what}`;
    let t = tallies.get(key);
    if (t === undefined) {
      t = { benchmarkRater, what, equal: 0, both: 0, mine: new Map(), theirs: new Map() };
      tallies.set(key, t);
    }
    t.both++;
    if (theirs === score) t.equal++;
    t.mine.set(score, (t.mine.get(score) ?? 0) + 1);
    t.theirs.set(theirs, (t.theirs.get(theirs) ?? 0) + 1);
  };
  for (const [video, score] of mine) {
    if (anchorSet.has(video)) {
      for (const [rater, theirs] of own.get(video) ?? []) count(onAnchors, rater, "anchors", score, theirs);
      continue;
    }
    const prompt = context.videos.get(video)?.promptId ?? video;
    for (const { id, model } of videosOfPrompt.get(prompt) ?? []) {
      for (const [rater, theirs] of own.get(id) ?? []) count(onVideos, rater, `${model}'s videos of the same prompts`, score, theirs);
    }
  }
  return { anchors: strongest(onAnchors.values(), ownRate), videos: strongest(onVideos.values(), ownRate) };
}

/** "on 45 of 45 anchors (independent raters: 56%, tail 4.2e-12)". */
export function coincidenceText(c: Coincidence): string {
  return `equal the benchmark's rater "${c.benchmarkRater}"'s on ${c.equal} of ${c.both} ${c.what}, where independent raters would agree on about ${(100 * c.rate).toFixed(0)}% (binomial tail ${pText(c.tail)})`;
}
