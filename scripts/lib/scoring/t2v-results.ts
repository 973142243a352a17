/** T2V figures: per-model means of human MOS and QA (recomputed), or of an evaluator's mapped scores (auto). */
import { aggregateT2V, applyLogistic, fitLogistic, lookup, type BootstrapSettings, type RawAnswer, type V2TMethodPredictions, type VideoRecord } from "../../../src/engine/index.ts";
import type { ResultRow } from "../store-content.ts";
import type { ScoringOptions } from "./options.ts";
import type { PerVideoData } from "./per-video-data.ts";

/** Appends to `rows` the T2V results of `videos` (human-rated, reference or auto-scored). */
export function addT2vResults(
  rows: ResultRow[],
  benchmarkId: string,
  videos: VideoRecord[],
  mos: Record<string, Map<string, number>>,
  qa: Map<string, RawAnswer> | undefined,
  provenance: "recomputed" | "auto",
  options: ScoringOptions,
  source: (modelId: string, settings: BootstrapSettings) => string,
): void {
  if (videos.length === 0) return;
  const result = aggregateT2V({ videos, mos, ...(qa ? { qa } : {}) }, options);
  for (const model of result.models) {
    const scoped = [["overall", model] as const, ...Object.entries(model.dimensions)];
    for (const [dimension, scores] of scoped) {
      const base = { benchmarkId, direction: "t2v", entryId: model.modelId, level: "model", dimension, provenance, source: source(model.modelId, result.settings) } as const;
      for (const [perspectiveId, figure] of Object.entries(scores.perspectives)) {
        if (figure.mean === null) continue;
        rows.push({ ...base, perspectiveId, metric: "mos", value: figure.mean, ciLow: figure.ciLow, ciHigh: figure.ciHigh, n: figure.n });
      }
      const qaFigure = scores.qaAccuracyPct;
      if (qaFigure && qaFigure.mean !== null) {
        rows.push({ ...base, perspectiveId: "qa", metric: "accuracy", value: qaFigure.mean, ciLow: qaFigure.ciLow, ciHigh: qaFigure.ciHigh, n: qaFigure.n });
      }
    }
  }
}

/**
 * Maps an evaluator's predictions on auto-scored videos onto the MOS scale, per perspective, with the
 * 4-parameter logistic fitted on the human-rated videos (VQEG practice), so auto entries share the scale.
 */
export function mappedAutoScores(
  data: PerVideoData,
  evaluator: V2TMethodPredictions | undefined,
  autoVideos: VideoRecord[],
): Record<string, Map<string, number>> {
  const mapped: Record<string, Map<string, number>> = {};
  if (!evaluator) return mapped;
  for (const perspective of data.mosIds) {
    const predicted = evaluator.scores[perspective];
    const truth = data.mos[perspective];
    if (!predicted || !truth) continue;
    const pairs = data.human.filter((v) => lookup(predicted, v.videoId) !== undefined && truth.has(v.videoId));
    const fit = fitLogistic(
      Float64Array.from(pairs, (v) => lookup(predicted, v.videoId) as number),
      Float64Array.from(pairs, (v) => truth.get(v.videoId) as number),
    );
    if (!fit) continue;
    const own = autoVideos.filter((v) => lookup(predicted, v.videoId) !== undefined);
    const values = applyLogistic(fit.params, Float64Array.from(own, (v) => lookup(predicted, v.videoId) as number));
    mapped[perspective] = new Map(own.map((v, i) => [v.videoId, values[i] as number]));
  }
  return mapped;
}
