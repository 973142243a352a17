/**
 * Each entry's per-video values as its board columns need them: a T2V model's values per prompt (human
 * scores of its labelled videos; a submitted panel's scores, rater by rater, with the panel's anchor scores; or an
 * evaluator's calibrated scores with that evaluator's model-level error), a V2T method's predictions.
 */
import { humanScores, inverseCalibrationLine, leastSquaresLine, normalizeAnswer, pearson, type RawAnswer } from "../../src/engine/index.ts";
import type { Problem } from "../io/input-error.ts";
import type { StoreContent } from "../store/store-content.ts";
import { byId, type ScoringContext } from "./context.ts";
import { autoUnrankedReason } from "./auto-entries.ts";
import { entryPredictions, predictionsOf } from "./evaluators.ts";
import { effectiveRaters, raterComponent } from "./rater-component.ts";

type Content = StoreContent;

/** A T2V entry's values, keyed by prompt id. */
export interface T2vEntryData {
  readonly direction: "t2v";
  readonly id: string;
  readonly provenance: "recomputed" | "auto";
  /** What the values are, for the results' `source`. */
  readonly note: string;
  /** Per MOS perspective: the value of the entry's video for each prompt. */
  readonly values: Readonly<Record<string, ReadonlyMap<string, number>>>;
  /** 1 where the human answer to the video's yes/no question is yes, else 0 (benchmarks with questions). */
  readonly yes: ReadonlyMap<string, number> | null;
  /** Anchored entries: per perspective, the panel's score of each anchor it rated (anchor video id → score). */
  readonly anchors: Readonly<Record<string, ReadonlyMap<string, number>>> | null;
  /** Anchored entries: per perspective, each of the panel's raters' contribution to every score, for resampling raters. */
  readonly panels: Readonly<Record<string, PanelRatings>> | null;
  /**
   * Per perspective, the SD of an error the resampled items cannot show, added as a seeded normal term: an auto
   * entry's evaluator's model-level error (leave-one-model-out); an anchored entry's model-specific rater component.
   */
  readonly predictionError: Readonly<Record<string, number>> | null;
  /** Auto entries ranked on the human scale: per perspective, the model-mean calibration their values go through. */
  readonly calibrated?: Readonly<Record<string, AutoCalibration>>;
  /** Auto entries kept apart: why they are not ranked (their values stay on the evaluator's scale); null or absent otherwise. */
  readonly unrankedReason?: string | null;
}

/** The model-mean calibration an auto-scored mean goes through, with what its interval and resamples need. */
export interface AutoCalibration {
  readonly line: { readonly intercept: number; readonly slope: number };
  /** The pool models' leave-one-model-out residuals (human mean minus held-out prediction). */
  readonly residuals: Float64Array;
  /** Split-conformal half-width at the store's confidence; null when unbounded (the interval is then the whole scale). */
  readonly halfWidth: number | null;
  /** The perspective's scale, which the figure and its interval stay inside. */
  readonly low: number;
  readonly high: number;
  readonly models: number;
}

/** A panel's ratings of one perspective, rater by rater: what resampling its raters needs. */
export interface PanelRatings {
  readonly raters: number;
  /** Per prompt, each rater's contribution to the score of the entry's video (NaN: not rated or not counted). */
  readonly own: ReadonlyMap<string, Float64Array>;
  /** Per anchor video id, likewise. */
  readonly anchors: ReadonlyMap<string, Float64Array>;
}

/** A V2T method's predictions, keyed by video id. */
export interface V2tEntryData {
  readonly direction: "v2t";
  readonly id: string;
  readonly scores: Readonly<Record<string, ReadonlyMap<string, number>>>;
  readonly answers: ReadonlyMap<string, RawAnswer> | null;
}

/** An entry ready for its columns. */
export type EntryData = T2vEntryData | V2tEntryData;

/** A T2V entry's data, the anchor fits it rests on, and any reason it cannot be scored. */
export interface T2vEntryResult {
  readonly data: T2vEntryData;
  readonly anchorFits: Content["anchorFits"];
  readonly problems: Problem[];
}

/** Where a submission's file is kept (its path in data/submissions/), for problems that name it. */
export function fileOf(context: ScoringContext, submissionId: string | null | undefined, name: string): string {
  const path = context.content.submissions.find((s) => s.id === submissionId)?.path ?? "submission";
  return `${path}/${name}`;
}

/** A labelled T2V model: the ground truth of its own videos. */
function labelledData(context: ScoringContext, entryId: string): T2vEntryData {
  const videos = context.pool.filter((v) => v.t2vEntryId === entryId);
  const values = Object.fromEntries(
    context.mos.map((p) => {
      const truth = context.truth[p];
      return [p, new Map(videos.filter((v) => truth?.has(v.id)).map((v) => [v.promptId, truth?.get(v.id) as number]))];
    }),
  );
  const yes =
    context.qa === null || context.answers.size === 0
      ? null
      : new Map(videos.filter((v) => context.answers.has(v.id)).map((v) => [v.promptId, normalizeAnswer(context.answers.get(v.id)) === "yes" ? 1 : 0]));
  return { direction: "t2v", id: entryId, provenance: "recomputed", note: "human scores of the benchmark's own ratings", values, yes, anchors: null, panels: null, predictionError: null };
}

/** The SD the model-specific rater component adds for a panel of k raters, and the note's words for it. */
function raterTerm(context: ScoringContext, perspective: string, k: number): { sd: number | null; words: string } {
  const component = raterComponent(context, perspective);
  if (!(k > 0)) return { sd: null, words: `${perspective}: no new video rated` };
  if (component === null) return { sd: null, words: `${perspective}: not estimable (${context.benchmarkId} publishes no per-rater ratings), so not in the interval` };
  const sd = Math.sqrt(component.variance / k);
  return { sd, words: `${perspective}: SD ${Math.sqrt(component.variance).toFixed(3)} per rater from ${context.benchmarkId}'s ${component.raters} raters on ${component.models} models, ${sd.toFixed(3)} for this panel of ${Math.abs(k - Math.round(k)) < 1e-9 ? Math.round(k) : k.toFixed(1)} rater(s)` };
}

/** One rating of a panel: a rater's score of a video (an anchor's id, or a video of the rated model). */
export interface PanelRating {
  readonly videoId: string;
  readonly rater: string;
  readonly score: number;
}

/**
 * The benchmark's human-score procedure on one panel's ratings of one perspective, the anchors and the other
 * videos together (anchors first in their declared order, then the rest in id order): the items, the raters, each
 * item's score and each rater's contribution to it.
 */
function scorePanel(context: ScoringContext, rows: readonly PanelRating[]) {
  const anchorSet = new Set(context.anchors);
  const raters = [...new Set(rows.map((r) => r.rater))].sort(byId);
  const rated = new Set(rows.map((r) => r.videoId));
  const items = [...context.anchors.filter((a) => rated.has(a)), ...[...rated].filter((v) => !anchorSet.has(v)).sort(byId)];
  const column = new Map(items.map((id, i) => [id, i]));
  const row = new Map(raters.map((rater, r) => [rater, r]));
  const matrix: (number | null)[][] = raters.map(() => items.map(() => null));
  for (const r of rows) (matrix[row.get(r.rater) as number] as (number | null)[])[column.get(r.videoId) as number] = r.score;
  const { scores, contributions } = humanScores(context.protocol.humanScore, matrix);
  return { items, raters, scores, contributions };
}

/** A panel's score of each video it rated (anchors and new videos together, by the benchmark's human-score procedure). */
export function panelScores(context: ScoringContext, rows: readonly PanelRating[]): Map<string, number> {
  const { items, scores } = scorePanel(context, rows);
  const out = new Map<string, number>();
  items.forEach((id, i) => {
    const score = scores[i];
    if (score !== null && score !== undefined) out.set(id, score);
  });
  return out;
}

/**
 * A human-rated submission: per perspective, the benchmark's human-score procedure on the panel's ratings of
 * the anchors and the new videos together, rater by rater; the panel must agree with the benchmark on the
 * anchors and rate better anchors higher (inverse calibration, see `inverseCalibrationLine`).
 */
function anchoredData(context: ScoringContext, entry: Content["t2vEntries"][number]): T2vEntryResult {
  const batch = entry.submissionId ?? "";
  const file = fileOf(context, entry.submissionId, "ratings.csv");
  const ratings = context.content.ratings.filter((r) => r.benchmarkId === context.benchmarkId && r.batch === batch);
  const anchorSet = new Set(context.anchors);
  const values: Record<string, Map<string, number>> = {};
  const anchors: Record<string, Map<string, number>> = {};
  const panels: Record<string, PanelRatings> = {};
  const predictionError: Record<string, number> = {};
  const anchorFits: Content["anchorFits"] = [];
  const problems: Problem[] = [];
  const components: string[] = [];
  for (const perspective of context.mos) {
    const rows = ratings.filter((r) => r.perspectiveId === perspective);
    const { items, raters, scores, contributions } = scorePanel(context, rows);
    const panel = new Map<string, number>();
    const own = new Map<string, number>();
    const byRater = { own: new Map<string, Float64Array>(), anchors: new Map<string, Float64Array>() };
    const counted: boolean[][] = raters.map(() => []);
    items.forEach((id, i) => {
      const score = scores[i];
      if (score === null || score === undefined) return;
      const each = Float64Array.from(contributions, (c) => c[i] ?? Number.NaN);
      if (anchorSet.has(id)) {
        panel.set(id, score);
        byRater.anchors.set(id, each);
      } else {
        const prompt = context.videos.get(id)?.promptId ?? id;
        own.set(prompt, score);
        byRater.own.set(prompt, each);
        each.forEach((c, r) => (counted[r] as boolean[]).push(!Number.isNaN(c)));
      }
    });
    values[perspective] = own;
    anchors[perspective] = panel;
    panels[perspective] = { raters: raters.length, ...byRater };
    const truth = context.truth[perspective];
    const x = Float64Array.from(panel.keys(), (id) => panel.get(id) as number);
    const y = Float64Array.from(panel.keys(), (id) => truth?.get(id) as number);
    const agreement = pearson(x, y);
    const minimum = context.anchoring?.minAgreement ?? 0;
    if (agreement === null || agreement < minimum) {
      problems.push({
        file,
        field: perspective,
        message:
          `your raters' ${perspective} scores of the ${panel.size} anchors do not agree with the benchmark's ` +
          `(Pearson r = ${agreement === null ? "undefined" : agreement.toFixed(3)}; at least ${minimum} is needed), ` +
          "so their ratings cannot be put on the benchmark's scale; check that the anchors were rated like the new videos, by the same people",
      });
      continue;
    }
    const line = inverseCalibrationLine(x, y);
    if (line === null) {
      const rise = leastSquaresLine(y, x)?.slope;
      problems.push({
        file,
        field: perspective,
        message:
          `your raters' ${perspective} scores of the ${panel.size} anchors do not rise with the benchmark's ` +
          `(slope of panel on benchmark ${rise === undefined ? "undefined" : rise.toFixed(3)}; it must be above 0), ` +
          "so the line that puts the new videos on the benchmark's scale cannot be solved for them",
      });
      continue;
    }
    const term = raterTerm(context, perspective, effectiveRaters(counted));
    if (term.sd !== null) predictionError[perspective] = term.sd;
    components.push(term.words);
    anchorFits.push({ benchmarkId: context.benchmarkId, entryId: entry.id, perspectiveId: perspective, anchors: panel.size, raters: raters.length, intercept: line.intercept, slope: line.slope, agreement });
  }
  const note =
    `human ratings of the submitter's panel, put on the benchmark's scale through ${context.anchors.length} anchor videos by inverse calibration ` +
    "(the line panel = c + d × benchmark fitted on the anchors per perspective, solved for the new videos' mean); the interval resamples prompts, " +
    "anchors and the panel's raters, and adds the model-specific rater component (a rater's leniency toward this model beyond the anchors) — " +
    components.join("; ");
  return { data: { direction: "t2v", id: entry.id, provenance: "recomputed", note, values, yes: null, anchors, panels, predictionError }, anchorFits, problems };
}

/** The residual of each pool model's model-mean calibration (human mean minus its held-out prediction), in model id order. */
function heldOutResiduals(context: ScoringContext, evaluator: string, perspective: string): Float64Array {
  const checks = context.content.calibrationChecks
    .filter((c) => c.benchmarkId === context.benchmarkId && c.evaluatorId === evaluator && c.perspectiveId === perspective && c.modelPredicted != null)
    .sort((a, b) => byId(a.t2vEntryId, b.t2vEntryId));
  return Float64Array.from(checks, (c) => c.observed - (c.modelPredicted as number));
}

/**
 * An auto-scored T2V entry: its evaluator's raw scores of its videos, per perspective the evaluator may score.
 * Below the protocol's minimum of T2V models they stay on the evaluator's scale, apart and unranked; from it on,
 * their mean is put on the human scale by the model-mean calibration, with its conformal interval inside the
 * perspective's range. A perspective the evaluator has no skill on (or the wrong sign) is refused; an entry left
 * with none is a problem naming the evaluator and its calibration table.
 */
function autoData(context: ScoringContext, entry: Content["t2vEntries"][number]): T2vEntryResult {
  const evaluator = entry.evaluatorId ?? "";
  const unrankedReason = autoUnrankedReason(context, evaluator);
  const videos = [...context.videos.values()].filter((v) => v.t2vEntryId === entry.id);
  const values: Record<string, Map<string, number>> = {};
  const calibrated: Record<string, AutoCalibration> = {};
  const refusals: string[] = [];
  for (const perspective of context.mos) {
    const calibration = context.content.calibrations.find((c) => c.benchmarkId === context.benchmarkId && c.evaluatorId === evaluator && c.perspectiveId === perspective);
    if (calibration === undefined) continue;
    if (calibration.refusal) {
      refusals.push(calibration.refusal);
      continue;
    }
    const predicted = predictionsOf(context.content, context.benchmarkId, evaluator, perspective);
    values[perspective] = new Map(videos.filter((v) => predicted.has(v.id)).map((v) => [v.promptId, predicted.get(v.id) as number]));
    if (unrankedReason !== null) continue;
    const range = context.ranges[perspective];
    calibrated[perspective] = {
      line: { intercept: calibration.modelIntercept as number, slope: calibration.modelSlope as number },
      residuals: heldOutResiduals(context, evaluator, perspective),
      halfWidth: calibration.conformalHalfWidth ?? null,
      low: range?.min ?? -Infinity,
      high: range?.max ?? Infinity,
      models: calibration.models,
    };
  }
  const problems: Problem[] =
    Object.keys(values).length === 0
      ? [{
          file: fileOf(context, entry.submissionId, "manifest.json"),
          field: "evaluator",
          message: `${refusals.length > 0 ? refusals.join("; ") : `${evaluator} has no calibration on this benchmark`}; see the skill check in ${evaluator}'s calibration table, /${context.benchmarkId}/v2t/${evaluator}/`,
        }]
      : [];
  const models = Object.values(calibrated)[0]?.models ?? context.poolModels.length;
  const note =
    unrankedReason !== null
      ? `raw scores of V2T entry "${evaluator}" of the model's videos, averaged, on the evaluator's own scale (not the human one): not ranked`
      : `estimand: the humans' mean score of the model's videos; predicted from V2T entry "${evaluator}"'s mean of them by a line through ${models} pool models' means, ` +
        `with a ${Math.round(context.settings.confidence * 100)}% split-conformal interval from the models' leave-one-model-out errors, kept inside the scale`;
  const data: T2vEntryData = { direction: "t2v", id: entry.id, provenance: "auto", note, values, yes: null, anchors: null, panels: null, predictionError: null, calibrated, unrankedReason };
  return { data, anchorFits: [], problems };
}

/** A T2V entry's data (null for entries with published figures only). */
export function t2vEntryData(context: ScoringContext, entryId: string): T2vEntryResult | null {
  const entry = context.content.t2vEntries.find((e) => e.benchmarkId === context.benchmarkId && e.id === entryId);
  if (entry === undefined || entry.source === "published") return null;
  if (entry.source === "auto") return autoData(context, entry);
  if (entry.submissionId) return anchoredData(context, entry);
  return { data: labelledData(context, entryId), anchorFits: [], problems: [] };
}

/** A V2T method's predictions on the labelled pool (null for methods with published figures only). */
export function v2tEntryData(context: ScoringContext, entryId: string): V2tEntryData | null {
  const scores: Record<string, Map<string, number>> = {};
  const answers = new Map<string, RawAnswer>();
  for (const p of entryPredictions(context.content, context.benchmarkId, entryId)) {
    if (!context.videos.get(p.videoId)?.labelled) continue;
    if (p.perspectiveId === context.qa) answers.set(p.videoId, p.answer ?? null);
    else if (p.score !== null && p.score !== undefined) (scores[p.perspectiveId] ??= new Map()).set(p.videoId, p.score);
  }
  if (Object.keys(scores).length === 0 && answers.size === 0) return null;
  return { direction: "v2t", id: entryId, scores, answers: answers.size > 0 ? answers : null };
}
