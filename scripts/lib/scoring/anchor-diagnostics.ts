/**
 * The diagnostics of a human-rated (anchored) T2V submission, per perspective: the panel's and each new-video
 * rater's agreement with the benchmark on the anchors (Pearson r, Fisher-z 95% interval), the quadratic
 * lack-of-fit test of the anchor line, where the entry's mean lies against the anchors, and ratings that match
 * the benchmark's own (the same ratings as one of its raters, or agreement beyond an independent panel's).
 * Refusals are problems; flags are stored and shown, and the figure is still computed.
 */
import {
  agreementCeiling,
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
