/**
 * The diagnostics of a human-rated (anchored) T2V submission, per perspective: the panel's and each new-video
 * rater's agreement with the benchmark on the anchors (Pearson r, Fisher-z 95% interval), the quadratic
 * lack-of-fit test of the anchor line, where the entry's mean lies against the anchors, and ratings that match
 * the benchmark's own (the same ratings as one of its raters, or agreement beyond an independent panel's).
 * Refusals are problems; flags are stored and shown, and the figure is still computed.
 */
import {
  consistencyIcc,
  panelAgreementCeiling,
  fisherInterval,
  pearson,
  quadraticLackOfFit,
  type AgreementInterval,
  type LackOfFit,
} from "../../src/engine/index.ts";
import type { Problem } from "../io/input-error.ts";
import type { StoreContent } from "../store/store-content.ts";
import { byId, type ScoringContext } from "./context.ts";
import { fileOf, type T2vEntryData } from "./entry-data.ts";
import { coincidences, coincidenceText, COPY_TAIL_LEVEL, ownExactRate, pText, type Coincidence } from "./rater-coincidence.ts";

type Content = StoreContent;
type Flag = Content["anchorFlags"][number];

/** The batch of the benchmark's own ratings in the store. */
const OWN_BATCH = "dataset";

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

/** A benchmark's ratings by batch and perspective, then video, then rater. */
type RatingIndex = Map<string, Map<string, Map<string, number>>>;

/** One index per context: read once for all of a benchmark's submissions, not once per submission and perspective. */
const indexes = new WeakMap<ScoringContext, RatingIndex>();

/** Ratings of one batch and perspective, by video id, then by rater (empty when there are none). */
function ratingsBy(context: ScoringContext, batch: string, perspective: string): ReadonlyMap<string, ReadonlyMap<string, number>> {
  let index = indexes.get(context);
  if (index === undefined) {
    index = new Map();
    for (const r of context.content.ratings) {
      if (r.benchmarkId !== context.benchmarkId) continue;
      const key = `${r.batch}\u0000${r.perspectiveId}`;
      const byVideo = index.get(key) ?? new Map<string, Map<string, number>>();
      const of = byVideo.get(r.videoId) ?? new Map<string, number>();
      of.set(r.rater, r.score);
      byVideo.set(r.videoId, of);
      index.set(key, byVideo);
    }
    indexes.set(context, index);
  }
  return index.get(`${batch}\u0000${perspective}`) ?? new Map();
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

/** One perspective's inputs: the anchors both sides scored, the panel's and the benchmark's scores, and the ratings by rater. */
interface PerspectiveInput {
  readonly perspective: string;
  readonly anchorIds: readonly string[];
  readonly panelScores: readonly number[];
  readonly truthScores: readonly number[];
  readonly truth: ReadonlyMap<string, number>;
  /** The submission's ratings by video, then rater; and by rater, then video. */
  readonly submitted: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly byRater: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** The benchmark's own ratings by video, then rater. */
  readonly own: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** Where a check puts what it finds. */
interface Sink {
  readonly out: AnchorDiagnostics;
  readonly row: { readonly benchmarkId: string; readonly entryId: string; readonly perspectiveId: string };
  readonly file: string;
  flag(kind: Flag["kind"], subject: string, message: string): void;
}

/**
 * The agreement of each rater who rates new videos, alone on the anchors. A rater whose agreement is not shown
 * to be above zero (the Fisher-z 95% interval of r reaches 0, or r is undefined) is a problem: the split panel,
 * where honest raters carry the panel's anchor agreement and others rate the new videos. The panel as a whole
 * must still reach the benchmark's `minAgreement`; a single rater is held only to agreeing beyond chance, since
 * one noisy but honest rater's r is far below a panel's.
 */
function raterAgreements(context: ScoringContext, input: PerspectiveInput, sink: Sink): void {
  const anchorSet = new Set(context.anchors);
  const newRaters = [...input.byRater.keys()].filter((rater) => [...(input.byRater.get(rater)?.keys() ?? [])].some((v) => !anchorSet.has(v))).sort(byId);
  for (const rater of newRaters) {
    const mine = input.byRater.get(rater) as ReadonlyMap<string, number>;
    const rated = context.anchors.filter((a) => mine.has(a) && input.truth.has(a));
    const x = rated.map((a) => mine.get(a) as number);
    const y = rated.map((a) => input.truth.get(a) as number);
    const r = x.length >= 2 ? pearson(x, y) : null;
    const interval = r === null ? null : fisherInterval(r, rated.length);
    if (r !== null) sink.out.agreements.push({ ...sink.row, rater, anchors: rated.length, agreement: r, ciLow: interval?.low ?? null, ciHigh: interval?.high ?? null });
    if (r === null || interval === null || !(interval.low > 0)) {
      sink.out.problems.push({
        file: sink.file,
        field: input.perspective,
        message:
          `rater "${rater}" rates the new videos, but alone their ${input.perspective} ratings of ${rated.length} anchors agree with the benchmark's at Pearson r = ${withInterval(interval, r)}; ` +
          "every rater who rates the new videos must agree with the benchmark on the anchors alone beyond chance (a 95% interval of r above 0), so that the anchors tie that rater's own scale",
      });
    }
  }
}

/** The quadratic lack-of-fit test of the anchor line: flagged or refused by the benchmark's declared thresholds. */
function lineShape(input: PerspectiveInput, thresholds: { flagBelowP: number; refuseBelowP: number }, sink: Sink): LackOfFit | null {
  const fit = quadraticLackOfFit(input.truthScores, input.panelScores);
  const { flagBelowP, refuseBelowP } = thresholds;
  if (fit === null || !(fit.p < flagBelowP)) return fit;
  const shape = fit.curvature > 0 ? "convex" : "concave";
  const message =
    `the ${input.perspective} anchor line is curved (${shape}): a quadratic term in the panel's anchor scores against the benchmark's gives F = ${fit.f.toFixed(1)} on 1 and ${fit.df2} degrees of freedom, ` +
    `p = ${pText(fit.p)}; below p = ${flagBelowP} a line is flagged and below p = ${refuseBelowP} refused (the benchmark's anchoring.lackOfFit)`;
  if (fit.p < refuseBelowP) sink.out.problems.push({ file: sink.file, field: input.perspective, message: `${message}; a straight line cannot put these ratings on the benchmark's scale` });
  else sink.flag("lack-of-fit", "", message);
  return fit;
}

/**
 * The independent-panel ceiling of the agreement (null without the benchmark's per-rater ratings), with what it rests
 * on. Its single-rater reliability is the one the human agreement ceiling is built from (ICC(C,1) over all of the
 * benchmark's videos, see agreement-ceilings.ts) where the store holds it, else ICC(C,1) over the anchors alone.
 */
function agreementCeilingOf(context: ScoringContext, input: PerspectiveInput): { reliability: number | null; over: string; panelRaters: number; benchmarkRaters: number; ceiling: number | null } {
  const stored = context.content.agreementCeilings.find((c) => c.benchmarkId === context.benchmarkId && c.perspectiveId === input.perspective);
  const raters = [...new Set([...input.own.values()].flatMap((m) => [...m.keys()]))].sort(byId);
  const complete = input.anchorIds.filter((a) => raters.every((rater) => input.own.get(a)?.has(rater)));
  const reliability =
    stored !== undefined
      ? stored.singleRater
      : raters.length >= 2 && complete.length >= 2
        ? consistencyIcc(complete.map((a) => raters.map((rater) => input.own.get(a)?.get(rater) as number)))
        : null;
  const over = stored !== undefined ? `over its ${stored.videos.toLocaleString("en")} videos` : "on the anchors";
  const perAnchor = (ratings: ReadonlyMap<string, ReadonlyMap<string, number>>) => meanOf(input.anchorIds.map((a) => ratings.get(a)?.size ?? 0)) ?? 0;
  const panelRaters = perAnchor(input.submitted);
  const benchmarkRaters = perAnchor(input.own);
  const ceiling = reliability === null || !(panelRaters > 0) || !(benchmarkRaters > 0) ? null : panelAgreementCeiling(reliability, panelRaters, benchmarkRaters);
  return { reliability, over, panelRaters, benchmarkRaters, ceiling };
}

/** Flags the panel as matching the benchmark's own ratings: equal to its published scores, or agreeing beyond an independent panel's reach. */
function panelMatches(input: PerspectiveInput, agreement: AgreementInterval | null, limit: ReturnType<typeof agreementCeilingOf>, sink: Sink): void {
  const { perspective, anchorIds, panelScores, truthScores } = input;
  const n = anchorIds.length;
  const reasons: string[] = [];
  const same = panelScores.filter((score, i) => Math.abs(score - (truthScores[i] as number)) <= 1e-9 * Math.max(1, Math.abs(truthScores[i] as number))).length;
  if (n >= 3 && same === n) reasons.push(`its ${perspective} scores of all ${n} anchors equal the scores the benchmark publishes`);
  if (limit.ceiling !== null && agreement !== null && agreement.low > limit.ceiling) {
    reasons.push(
      `its ${perspective} anchor scores agree with the benchmark's at r = ${withInterval(agreement, agreement.r)}, above the ${limit.ceiling.toFixed(3)} an independent panel of ${limit.panelRaters.toFixed(1)} rater(s) per anchor reaches ` +
        `(Spearman–Brown from the benchmark's single-rater reliability ${limit.reliability?.toFixed(3)} ${limit.over}, ${limit.benchmarkRaters.toFixed(1)} of its raters per anchor; flagged when the whole 95% interval lies above it)`,
    );
  }
  if (reasons.length > 0) sink.flag("matches-benchmark", "", `matches the benchmark's own ratings: ${reasons.join("; and ")}`);
}

/** Flags each submitted rater whose ratings equal one of the benchmark's raters' more often than independent raters would. */
function ratersMatch(context: ScoringContext, input: PerspectiveInput, videosOfPrompt: ReadonlyMap<string, readonly { id: string; model: string }[]>, sink: Sink): void {
  const rate = ownExactRate(input.own);
  if (rate === null) return;
  for (const [rater, mine] of [...input.byRater].sort(([a], [b]) => byId(a, b))) {
    const found = coincidences(context, mine, input.own, videosOfPrompt, rate);
    const telling = [found.anchors, found.videos].filter((c): c is Coincidence => c !== null && c.tail < COPY_TAIL_LEVEL);
    if (telling.length === 0) continue;
    sink.flag(
      "matches-benchmark",
      rater,
      `matches the benchmark's own ratings: rater "${rater}"'s ${input.perspective} ratings ${telling.map(coincidenceText).join(", and ")}; ` +
        `flagged when independent raters would agree that often with probability below ${COPY_TAIL_LEVEL} (the rate independent raters reach: the benchmark's own raters' highest, ${(100 * rate).toFixed(0)}%, or chance from the two raters' rating frequencies if higher)`,
    );
  }
}

/** The same ratings by rater, then video. */
function byRaterOf(submitted: ReadonlyMap<string, ReadonlyMap<string, number>>): Map<string, Map<string, number>> {
  const byRater = new Map<string, Map<string, number>>();
  for (const [video, raters] of submitted) {
    for (const [rater, score] of raters) {
      const mine = byRater.get(rater) ?? new Map<string, number>();
      mine.set(video, score);
      byRater.set(rater, mine);
    }
  }
  return byRater;
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
  const file = fileOf(context, entry.submissionId, "ratings.csv");
  // The benchmark's videos of each prompt, to compare a new video's ratings with each model's video of its prompt.
  const videosOfPrompt = new Map<string, { id: string; model: string }[]>();
  for (const v of context.pool) videosOfPrompt.set(v.promptId, [...(videosOfPrompt.get(v.promptId) ?? []), { id: v.id, model: v.t2vEntryId }]);
  for (const perspective of context.mos) {
    const panel = data.anchors[perspective];
    const truth = context.truth[perspective];
    if (panel === undefined || truth === undefined || panel.size === 0) continue;
    const anchorIds = context.anchors.filter((a) => panel.has(a) && truth.has(a));
    const submitted = ratingsBy(context, entry.submissionId ?? "", perspective);
    const input: PerspectiveInput = {
      perspective,
      anchorIds,
      panelScores: anchorIds.map((a) => panel.get(a) as number),
      truthScores: anchorIds.map((a) => truth.get(a) as number),
      truth,
      submitted,
      byRater: byRaterOf(submitted),
      own: ratingsBy(context, OWN_BATCH, perspective),
    };
    const row = { benchmarkId, entryId: entry.id, perspectiveId: perspective };
    const sink: Sink = { out, row, file, flag: (kind, subject, message) => out.flags.push({ ...row, kind, subject, message }) };

    const r = pearson(input.panelScores, input.truthScores);
    const agreement = r === null ? null : fisherInterval(r, anchorIds.length);
    if (r !== null) out.agreements.push({ ...row, rater: "", anchors: anchorIds.length, agreement: r, ciLow: agreement?.low ?? null, ciHigh: agreement?.high ?? null });
    raterAgreements(context, input, sink);
    const fit = lineShape(input, anchoring.lackOfFit, sink);

    // Extrapolation: the entry's mean panel score against the range of the panel's anchor scores.
    const entryMean = meanOf(data.values[perspective]?.values() ?? []);
    const anchorLow = Math.min(...input.panelScores);
    const anchorHigh = Math.max(...input.panelScores);
    if (entryMean !== null && (entryMean < anchorLow || entryMean > anchorHigh)) {
      sink.flag(
        "extrapolated",
        "",
        `the panel's mean ${perspective} score of the new videos, ${entryMean.toFixed(2)}, lies outside its scores of the ${anchorIds.length} anchors (${anchorLow.toFixed(2)} to ${anchorHigh.toFixed(2)}): ` +
          "the figure extrapolates the anchor line where no anchor checks it",
      );
    }

    const limit = agreementCeilingOf(context, input);
    out.checks.push({
      ...row,
      lackOfFitF: fit?.f ?? null, lackOfFitDf: fit?.df2 ?? null, lackOfFitP: fit?.p ?? null,
      reliability: limit.reliability, panelRaters: limit.panelRaters, ceiling: limit.ceiling, entryMean, anchorLow, anchorHigh,
    });
    panelMatches(input, agreement, limit, sink);
    ratersMatch(context, input, videosOfPrompt, sink);
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
