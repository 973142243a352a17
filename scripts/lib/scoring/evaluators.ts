/**
 * V2T methods as automatic evaluators of T2V models: per MOS perspective, the least-squares line from the
 * method's scores to the human scores over the labelled generated videos, the range of scores it was fitted
 * on, and a leave-one-model-out check of how far a calibrated model mean lands from the humans'.
 */
import { leastSquaresLine, leaveOneGroupOut, rootMeanSquare } from "../../../src/engine/index.ts";
import type { StoreContent } from "../store-content.ts";
import type { ScoringContext } from "./context.ts";

type Content = StoreContent;

/** A method's scores of one perspective on the labelled generated videos, paired with the ground truth. */
export interface CalibrationSet {
  readonly scores: Float64Array;
  readonly truth: Float64Array;
  readonly models: string[];
}

/** An evaluator's predictions of one perspective for some videos, by video id. */
export function predictionsOf(content: Content, benchmarkId: string, evaluatorId: string, perspective: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of content.predictions) {
    if (p.benchmarkId === benchmarkId && p.v2tEntryId === evaluatorId && p.perspectiveId === perspective && p.score !== null && p.score !== undefined) {
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

/** Calibration rows (and their leave-one-model-out checks) of one V2T method, per MOS perspective it predicts. */
export function calibrateEvaluator(context: ScoringContext, evaluatorId: string): Pick<Content, "calibrations" | "calibrationChecks"> {
  const rows: Pick<Content, "calibrations" | "calibrationChecks"> = { calibrations: [], calibrationChecks: [] };
  for (const perspective of context.mos) {
    const set = calibrationSet(context, predictionsOf(context.content, context.benchmarkId, evaluatorId, perspective), perspective);
    const line = leastSquaresLine(set.scores, set.truth);
    const range = scoreRange(set);
    if (line === null || range === null) continue;
    const heldOut = leaveOneGroupOut(set.scores, set.truth, set.models);
    const base = { benchmarkId: context.benchmarkId, evaluatorId, perspectiveId: perspective };
    rows.calibrations.push({
      ...base,
      intercept: line.intercept,
      slope: line.slope,
      rangeLow: range.low,
      rangeHigh: range.high,
      items: set.scores.length,
      heldOutRmse: rootMeanSquare(Float64Array.from(heldOut, (h) => h.predicted - h.observed)),
    });
    for (const h of heldOut) {
      rows.calibrationChecks.push({ ...base, t2vEntryId: h.group, observed: h.observed, predicted: h.predicted, items: h.items });
    }
  }
  return rows;
}
