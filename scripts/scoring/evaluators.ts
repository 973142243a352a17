/**
 * V2T methods as automatic evaluators of T2V models: per MOS perspective, the least-squares line from the
 * method's scores to the human scores over the labelled generated videos (the range of scores it was fitted
 * on, and its leave-one-model-out check), and the calibration an auto-scored figure uses: a line through the
 * pool models' means, its leave-one-model-out residuals and conformal half-width, and whether it has skill.
 */
import {
  conformalQuantile,
  groupMeans,
  leastSquaresLine,
  leaveOneGroupOut,
  modelMeanCalibration,
  MIN_CALIBRATION_MODELS,
  rootMeanSquare,
  type ModelMeanCalibration,
} from "../../src/engine/index.ts";
import type { StoreContent } from "../store/store-content.ts";
import type { ScoringContext } from "./context.ts";

type Content = StoreContent;

/** A method's scores of one perspective on the labelled generated videos, paired with the ground truth. */
export interface CalibrationSet {
  readonly scores: Float64Array;
  readonly truth: Float64Array;
  readonly models: string[];
}

type PredictionRow = Content["predictions"][number];

/** Each predictions array's rows by benchmark and entry, with the array's length when they were indexed. */
const indexed = new WeakMap<readonly PredictionRow[], { readonly length: number; readonly byEntry: Map<string, PredictionRow[]> }>();

/**
 * One entry's prediction rows on a benchmark, in the content's order. Indexed once per predictions array (again
 * when rows were added since, as a bundle's are): scanning every entry's predictions for each entry made a
 * rebuild quadratic in the entries (1,000 FETV V2T methods: 9 million rows read four times per method).
 */
export function entryPredictions(content: Content, benchmarkId: string, entryId: string): readonly PredictionRow[] {
  const rows = content.predictions;
  let index = indexed.get(rows);
  if (index === undefined || index.length !== rows.length) {
    const byEntry = new Map<string, PredictionRow[]>();
    for (const p of rows) {
      const key = `${p.benchmarkId}\u0000${p.v2tEntryId}`;
      const list = byEntry.get(key);
      if (list === undefined) byEntry.set(key, [p]);
      else list.push(p);
    }
    index = { length: rows.length, byEntry };
    indexed.set(rows, index);
  }
  return index.byEntry.get(`${benchmarkId}\u0000${entryId}`) ?? [];
}

/** An evaluator's predictions of one perspective for some videos, by video id. */
export function predictionsOf(content: Content, benchmarkId: string, evaluatorId: string, perspective: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of entryPredictions(content, benchmarkId, evaluatorId)) {
    if (p.perspectiveId === perspective && p.score !== null && p.score !== undefined) {
      out.set(p.videoId, p.score);
    }
  }
  return out;
}

/** The pairs a calibration is fitted on: the scored labelled videos (protocol's split) of the T2V models, not real references, in id order. */
export function calibrationSet(context: ScoringContext, predicted: ReadonlyMap<string, number>, perspective: string): CalibrationSet {
  const models = new Set(context.poolModels);
  const truth = context.truth[perspective];
  const scores: number[] = [];
  const values: number[] = [];
  const groups: string[] = [];
  for (const video of context.v2tPool) {
    const p = predicted.get(video.id);
    const t = truth?.get(video.id);
    if (!models.has(video.t2vEntryId) || p === undefined || t === undefined) continue;
    scores.push(p);
    values.push(t);
    groups.push(video.t2vEntryId);
  }
  return { scores: Float64Array.from(scores), truth: Float64Array.from(values), models: groups };
}

/** The range of an evaluator's scores on its calibration set, or null when it has none. */
export function scoreRange(set: CalibrationSet): { low: number; high: number } | null {
  if (set.scores.length === 0) return null;
  let low = Infinity;
  let high = -Infinity;
  for (const s of set.scores) {
    low = Math.min(low, s);
    high = Math.max(high, s);
  }
  return { low, high };
}

/** The evaluator's and the humans' mean of each pool model, models in id order. */
export function modelMeans(set: CalibrationSet): { models: string[]; x: Float64Array; y: Float64Array } {
  const means = groupMeans(set.models, set.scores, set.truth);
  const models = [...means.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { models, x: Float64Array.from(models, (m) => means.get(m)?.x as number), y: Float64Array.from(models, (m) => means.get(m)?.y as number) };
}

/** What the skill check of an evaluator on a perspective compares: the slope of the line it judges, and held-out errors. */
export interface SkillCheck {
  /** Which line is judged: through the pool models' means (from the protocol's minimum of models) or through the videos (below it). */
  readonly basis: "model means" | "videos";
  readonly slope: number;
  /** RMS of the line's leave-one-model-out errors of model means, and of the other models' human mean's. */
  readonly rmse: number;
  readonly baselineRmse: number;
}

/**
 * The skill check at the level the benchmark can validate: from the protocol's minimum of T2V models on, the model-mean
 * line an auto figure then uses; below it the per-video line (a line through two or three left-in models' means is too
 * unstable to judge anything by). Null when the model-mean calibration is undefined.
 */
export function skillCheck(context: ScoringContext, fit: ModelMeanCalibration | null, videoLine: { slope: number }, videoRmse: number | null, models: number): SkillCheck | null {
  if (fit === null || videoRmse === null) return null;
  if (models >= context.protocol.minModelsForModelLevel) return { basis: "model means", slope: fit.line.slope, rmse: fit.rmse, baselineRmse: fit.baselineRmse };
  return { basis: "videos", slope: videoLine.slope, rmse: videoRmse, baselineRmse: fit.baselineRmse };
}

/**
 * Why an evaluator may not score a perspective, or null when it may: its calibration must exist, rise with the
 * humans' scores (a falling line would order models against them), and predict a left-out model's human mean better
 * than the other models' human mean does (skill).
 */
export function refusalOf(evaluatorId: string, perspective: string, models: number, check: SkillCheck | null): string | null {
  if (check === null) {
    return `${evaluatorId} cannot score ${perspective}: its model means cannot be calibrated over ${models} T2V model(s) (at least ${MIN_CALIBRATION_MODELS}, with different means, are needed)`;
  }
  const line = check.basis === "model means" ? `its line through ${models} models' means` : "its per-video line";
  const reasons: string[] = [];
  if (!(check.slope > 0)) reasons.push(`${line} falls as the humans' scores rise (slope ${check.slope.toFixed(3)})`);
  if (!(check.rmse < check.baselineRmse)) {
    reasons.push(
      `fitted without each model in turn, ${line} misses that model's human mean by ${check.rmse.toFixed(3)} (RMS), no better than the other models' human mean does (${check.baselineRmse.toFixed(3)})`,
    );
  }
  return reasons.length === 0 ? null : `${evaluatorId} cannot score ${perspective}: ${reasons.join("; and ")}`;
}

/** Calibration rows (and their leave-one-model-out checks) of one V2T method, per MOS perspective it predicts. */
export function calibrateEvaluator(context: ScoringContext, evaluatorId: string): Pick<Content, "calibrations" | "calibrationChecks"> {
  const rows: Pick<Content, "calibrations" | "calibrationChecks"> = { calibrations: [], calibrationChecks: [] };
  for (const perspective of context.mos) {
    const set = calibrationSet(context, predictionsOf(context.content, context.benchmarkId, evaluatorId, perspective), perspective);
    const line = leastSquaresLine(set.scores, set.truth);
    const range = scoreRange(set);
    if (line === null || range === null) continue;
    const heldOut = leaveOneGroupOut(set.scores, set.truth, set.models);
    const heldOutRmse = rootMeanSquare(Float64Array.from(heldOut, (h) => h.predicted - h.observed));
    const means = modelMeans(set);
    const fit = modelMeanCalibration(means.x, means.y);
    const halfWidth = fit === null ? Infinity : conformalQuantile(fit.residuals, context.settings.confidence);
    const base = { benchmarkId: context.benchmarkId, evaluatorId, perspectiveId: perspective };
    rows.calibrations.push({
      ...base,
      intercept: line.intercept,
      slope: line.slope,
      rangeLow: range.low,
      rangeHigh: range.high,
      items: set.scores.length,
      heldOutRmse,
      models: means.models.length,
      modelIntercept: fit?.line.intercept ?? null,
      modelSlope: fit?.line.slope ?? null,
      modelRmse: fit?.rmse ?? null,
      baselineRmse: fit?.baselineRmse ?? null,
      conformalHalfWidth: Number.isFinite(halfWidth) ? halfWidth : null,
      refusal: refusalOf(evaluatorId, perspective, means.models.length, skillCheck(context, fit, line, heldOutRmse, means.models.length)),
    });
    const index = new Map(means.models.map((m, i) => [m, i]));
    for (const h of heldOut) {
      const i = index.get(h.group) as number;
      const modelPredicted = fit === null ? null : (means.y[i] as number) - (fit.residuals[i] as number);
      rows.calibrationChecks.push({ ...base, t2vEntryId: h.group, observed: h.observed, predicted: h.predicted, evaluatorMean: means.x[i] as number, modelPredicted, items: h.items });
    }
  }
  return rows;
}
