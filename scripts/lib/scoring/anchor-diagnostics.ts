/**
 * The diagnostics of a human-rated (anchored) T2V submission, per perspective: the panel's and each new-video
 * rater's agreement with the benchmark on the anchors (Pearson r, Fisher-z 95% interval), the quadratic
 * lack-of-fit test of the anchor line, where the entry's mean lies against the anchors, and ratings that match
 * the benchmark's own (the same ratings as one of its raters, or agreement beyond an independent panel's).
 * Refusals are problems; flags are stored and shown, and the figure is still computed.
 */
import {
  agreementCeiling,
  binomialUpperTail,
  fisherInterval,
  pearson,
  quadraticLackOfFit,
  singleRaterReliability,
  type AgreementInterval,
} from "../../../src/engine/index.ts";
import type { Problem } from "../input-error.ts";
import type { StoreContent } from "../store-content.ts";
import { byId, type ScoringContext } from "./context.ts";
import { fileOf, type T2vEntryData } from "./entry-data.ts";

type Content = StoreContent;
type Flag = Content["anchorFlags"][number];

/** The batch of the benchmark's own ratings in the store. */
const OWN_BATCH = "dataset";

/**
 * A rater's ratings "match" a benchmark rater's when so many are identical that independent raters would
 * agree that often with probability below this (binomial tail at the benchmark's own highest between-rater
 * rate). Many raters, perspectives and models are compared, so the level is strict.
 */
export const COPY_TAIL_LEVEL = 1e-4;

/** What the diagnostics found for one submission. */
export interface AnchorDiagnostics {
  readonly agreements: Content["anchorAgreements"];
  readonly checks: Content["anchorChecks"];
  readonly flags: Flag[];
  readonly problems: Problem[];
}

/** "0.912 [0.851, 0.949]". */
function withInterval(i: AgreementInterval | null, r: number | null): string {
  if (r === null) return "undefined (the scores do not vary)";
  return i === null ? r.toFixed(3) : `${r.toFixed(3)} [${i.low.toFixed(3)}, ${i.high.toFixed(3)}]`;
}

/** A p-value as people read it: 0.034, 2.1e-5. */
function pText(p: number): string {
  return p >= 0.001 ? p.toFixed(3) : p.toExponential(1);
}

/** Ratings of one perspective, by video id, then by rater. */
function ratingsBy(content: Content, benchmarkId: string, batch: string, perspective: string): Map<string, Map<string, number>> {
  const byVideo = new Map<string, Map<string, number>>();
  for (const r of content.ratings) {
    if (r.benchmarkId !== benchmarkId || r.batch !== batch || r.perspectiveId !== perspective) continue;
    const of = byVideo.get(r.videoId) ?? new Map<string, number>();
    of.set(r.rater, r.score);
    byVideo.set(r.videoId, of);
  }
  return byVideo;
}

/** How often two of the benchmark's own raters give the very same rating to a video, at most over its rater pairs. */
function ownExactRate(own: ReadonlyMap<string, ReadonlyMap<string, number>>): number | null {
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
interface Coincidence {
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
function coincidences(
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
function coincidenceText(c: Coincidence): string {
  return `equal the benchmark's rater "${c.benchmarkRater}"'s on ${c.equal} of ${c.both} ${c.what}, where independent raters would agree on about ${(100 * c.rate).toFixed(0)}% (binomial tail ${pText(c.tail)})`;
}

/** Mean of a map's values (null when empty). */
function meanOf(values: Iterable<number>): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    sum += v;
    n++;
  }
  return n === 0 ? null : sum / n;
}

/**
 * Every diagnostic of an anchored entry (`data.anchors` holds the panel's anchor scores, `data.values` its
 * scores of the new videos, per perspective), from the submission's and the benchmark's per-rater ratings.
 */
export function anchorDiagnostics(context: ScoringContext, entry: Content["t2vEntries"][number], data: T2vEntryData): AnchorDiagnostics {
  const out: AnchorDiagnostics = { agreements: [], checks: [], flags: [], problems: [] };
  const anchoring = context.anchoring;
  if (data.anchors === null || anchoring === null) return out;
  const { benchmarkId } = context;
  const entryId = entry.id;
  const file = fileOf(context, entry.submissionId, "ratings.csv");
  const minimum = anchoring.minAgreement;
  // The benchmark's videos of each prompt, to compare a new video's ratings with each model's video of its prompt.
  const videosOfPrompt = new Map<string, { id: string; model: string }[]>();
  for (const v of context.pool) {
    const list = videosOfPrompt.get(v.promptId) ?? [];
    list.push({ id: v.id, model: v.t2vEntryId });
    videosOfPrompt.set(v.promptId, list);
  }
  for (const perspective of context.mos) {
    const panel = data.anchors[perspective];
    const truth = context.truth[perspective];
    if (panel === undefined || truth === undefined || panel.size === 0) continue;
    const anchorIds = context.anchors.filter((a) => panel.has(a) && truth.has(a));
    const panelScores = anchorIds.map((a) => panel.get(a) as number);
    const truthScores = anchorIds.map((a) => truth.get(a) as number);
    const n = anchorIds.length;
    const flag = (kind: Flag["kind"], subject: string, message: string) => out.flags.push({ benchmarkId, entryId, perspectiveId: perspective, kind, subject, message });

    // Agreement of the panel, with its interval.
    const r = pearson(panelScores, truthScores);
    const interval = r === null ? null : fisherInterval(r, n);
    if (r !== null) out.agreements.push({ benchmarkId, entryId, perspectiveId: perspective, rater: "", anchors: n, agreement: r, ciLow: interval?.low ?? null, ciHigh: interval?.high ?? null });

    // Each rater who rates new videos must agree alone: otherwise honest anchor raters could carry others' new ratings.
    const submitted = ratingsBy(context.content, benchmarkId, entry.submissionId ?? "", perspective);
    const byRater = new Map<string, Map<string, number>>();
    for (const [video, raters] of submitted) {
      for (const [rater, score] of raters) {
        const mine = byRater.get(rater) ?? new Map<string, number>();
        mine.set(video, score);
        byRater.set(rater, mine);
      }
    }
    const anchorSet = new Set(context.anchors);
    const newRaters = [...byRater.keys()].filter((rater) => [...(byRater.get(rater)?.keys() ?? [])].some((v) => !anchorSet.has(v))).sort(byId);
    for (const rater of newRaters) {
      const mine = byRater.get(rater) as Map<string, number>;
      const rated = context.anchors.filter((a) => mine.has(a) && truth.has(a));
      const x = rated.map((a) => mine.get(a) as number);
      const y = rated.map((a) => truth.get(a) as number);
      const own = x.length >= 2 ? pearson(x, y) : null;
      const ownInterval = own === null ? null : fisherInterval(own, rated.length);
      if (own !== null) out.agreements.push({ benchmarkId, entryId, perspectiveId: perspective, rater, anchors: rated.length, agreement: own, ciLow: ownInterval?.low ?? null, ciHigh: ownInterval?.high ?? null });
      if (own === null || own < minimum) {
        out.problems.push({
          file,
          field: perspective,
          message:
            `rater "${rater}" rates the new videos, but alone their ${perspective} ratings of ${rated.length} anchors agree with the benchmark's at Pearson r = ${withInterval(ownInterval, own)}; ` +
            `every rater who rates the new videos must reach r ≥ ${minimum} on the anchors alone (the benchmark's anchoring.minAgreement), so that the anchors tie their own scale`,
        });
      }
    }

    // Lack of fit: the panel's anchor scores on the benchmark's, a quadratic term against the straight line.
    const fit = quadraticLackOfFit(truthScores, panelScores);
    const { flagBelowP, refuseBelowP } = anchoring.lackOfFit;
    if (fit !== null && fit.p < flagBelowP) {
      const shape = fit.curvature > 0 ? "convex" : "concave";
      const message =
        `the ${perspective} anchor line is curved (${shape}): a quadratic term in the panel's anchor scores against the benchmark's gives F = ${fit.f.toFixed(1)} on 1 and ${fit.df2} degrees of freedom, ` +
        `p = ${pText(fit.p)}; below p = ${flagBelowP} a line is flagged and below p = ${refuseBelowP} refused (the benchmark's anchoring.lackOfFit)`;
      if (fit.p < refuseBelowP) out.problems.push({ file, field: perspective, message: `${message}; a straight line cannot put these ratings on the benchmark's scale` });
      else flag("lack-of-fit", "", message);
    }

    // Extrapolation: the entry's mean panel score against the range of the panel's anchor scores.
    const entryMean = meanOf(data.values[perspective]?.values() ?? []);
    const anchorLow = Math.min(...panelScores);
    const anchorHigh = Math.max(...panelScores);
    if (entryMean !== null && (entryMean < anchorLow || entryMean > anchorHigh)) {
      flag(
        "extrapolated",
        "",
        `the panel's mean ${perspective} score of the new videos, ${entryMean.toFixed(2)}, lies outside its scores of the ${n} anchors (${anchorLow.toFixed(2)} to ${anchorHigh.toFixed(2)}): ` +
          "the figure extrapolates the anchor line where no anchor checks it",
      );
    }

    // Matching the benchmark's own ratings: beyond an independent panel's reach, identical to the published scores, or to one of its raters.
    const own = ratingsBy(context.content, benchmarkId, OWN_BATCH, perspective);
    const ownMatrixRaters = [...new Set([...own.values()].flatMap((m) => [...m.keys()]))].sort(byId);
    const reliability = ownMatrixRaters.length >= 2 ? singleRaterReliability(ownMatrixRaters.map((rater) => anchorIds.map((a) => own.get(a)?.get(rater) ?? null))) : null;
    const perAnchor = (ratings: ReadonlyMap<string, ReadonlyMap<string, number>>) => meanOf(anchorIds.map((a) => ratings.get(a)?.size ?? 0)) ?? 0;
    const panelRaters = perAnchor(submitted);
    const benchmarkRaters = perAnchor(own);
    const ceiling = reliability === null || !(panelRaters > 0) || !(benchmarkRaters > 0) ? null : agreementCeiling(reliability, panelRaters, benchmarkRaters);
    out.checks.push({
      benchmarkId, entryId, perspectiveId: perspective,
      lackOfFitF: fit?.f ?? null, lackOfFitDf: fit?.df2 ?? null, lackOfFitP: fit?.p ?? null,
      reliability, panelRaters, ceiling, entryMean, anchorLow, anchorHigh,
    });
    const panelMatches: string[] = [];
    const same = anchorIds.filter((a) => Math.abs((panel.get(a) as number) - (truth.get(a) as number)) <= 1e-9 * Math.max(1, Math.abs(truth.get(a) as number))).length;
    if (n >= 3 && same === n) panelMatches.push(`its ${perspective} scores of all ${n} anchors equal the scores the benchmark publishes`);
    if (ceiling !== null && interval !== null && interval.low > ceiling) {
      panelMatches.push(
        `its ${perspective} anchor scores agree with the benchmark's at r = ${withInterval(interval, r)}, above the ${ceiling.toFixed(3)} an independent panel of ${panelRaters.toFixed(1)} rater(s) per anchor reaches ` +
          `(Spearman–Brown from the benchmark's single-rater reliability ${reliability?.toFixed(3)} on the anchors, ${benchmarkRaters.toFixed(1)} of its raters per anchor; flagged when the whole 95% interval lies above it)`,
      );
    }
    if (panelMatches.length > 0) flag("matches-benchmark", "", `matches the benchmark's own ratings: ${panelMatches.join("; and ")}`);
    const rate = ownExactRate(own);
    if (rate === null) continue;
    for (const [rater, mine] of [...byRater].sort(([a], [b]) => byId(a, b))) {
      const found = coincidences(context, mine, own, videosOfPrompt, rate);
      const telling = [found.anchors, found.videos].filter((c): c is Coincidence => c !== null && c.tail < COPY_TAIL_LEVEL);
      if (telling.length === 0) continue;
      flag(
        "matches-benchmark",
        rater,
        `matches the benchmark's own ratings: rater "${rater}"'s ${perspective} ratings ${telling.map(coincidenceText).join(", and ")}; ` +
          `flagged when independent raters would agree that often with probability below ${COPY_TAIL_LEVEL} (the rate independent raters reach: the benchmark's own raters' highest, ${(100 * rate).toFixed(0)}%, or chance from the two raters' rating frequencies if higher)`,
      );
    }
  }
  return out;
}

/** Adds an anchored entry's diagnostics to the content (rows) and its refusals to `problems`; other entries have none. */
export function addAnchorDiagnostics(context: ScoringContext, entryId: string, data: T2vEntryData, problems: Problem[]): void {
  const entry = context.content.t2vEntries.find((e) => e.benchmarkId === context.benchmarkId && e.id === entryId);
  if (entry === undefined || data.anchors === null) return;
  const found = anchorDiagnostics(context, entry, data);
  context.content.anchorAgreements.push(...found.agreements);
  context.content.anchorChecks.push(...found.checks);
  context.content.anchorFlags.push(...found.flags);
  problems.push(...found.problems);
}
