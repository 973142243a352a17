/**
 * Weighted statistics of every entry × ranked column of a board, on shared resampling units, for
 * `bootstrapBoard`. Units follow the boards: prompts (T2V), videos (V2T instance level), T2V models
 * (V2T model level). The statistics match `aggregateT2V` and `aggregateV2T` on the original data.
 */
import { normalizeAnswer, type RawAnswer } from "./accuracy.ts";
import { indexer, lookup, weightedMean, type PerVideo, type VideoRecord } from "./aggregate.ts";
import type { BoardEntryStatistics } from "./board-bootstrap.ts";
import type { ResamplingUnits, WeightedStatistic } from "./bootstrap.ts";
import { preparePair } from "./correlation.ts";

/** A T2V column: the mean of a per-video value (MOS), or the percentage of videos whose answer is yes. */
export type T2VColumnSource =
  | { readonly kind: "mean"; readonly values: PerVideo<number> }
  | { readonly kind: "yes-percent"; readonly answers: PerVideo<RawAnswer> };

/** T2V board statistics over one scope's videos; the resampling unit is the prompt. */
export function t2vBoardStatistics(
  videos: readonly VideoRecord[],
  models: ReadonlyArray<{ id: string; name: string }>,
  columns: readonly T2VColumnSource[],
): { entries: BoardEntryStatistics[]; units: ResamplingUnits } {
  const prompts = indexer();
  const unitOfItem = Uint32Array.from(videos, (video) => prompts.indexOf(video.promptId));
  const entries = models.map((model) => ({
    id: model.id,
    name: model.name,
    columns: columns.map((column): WeightedStatistic | null => {
      const items: number[] = [];
      const values: number[] = [];
      videos.forEach((video, i) => {
        if (video.modelId !== model.id) return;
        const value =
          column.kind === "mean"
            ? lookup(column.values, video.videoId)
            : (() => {
                const answer = lookup(column.answers, video.videoId);
                return answer === undefined ? undefined : normalizeAnswer(answer) === "yes" ? 1 : 0;
              })();
        if (value === undefined) return;
        items.push(i);
        values.push(value);
      });
      if (items.length === 0) return null;
      return weightedMean(Uint32Array.from(items), Float64Array.from(values), column.kind === "mean" ? 1 : 100);
    }),
  }));
  return { entries, units: { itemCount: videos.length, unitCount: prompts.size(), unitOfItem } };
}

/** A V2T column: a correlation of predictions with a per-video truth, or QA accuracy in percent. */
export type V2TColumnSource =
  | { readonly kind: "correlation"; readonly metric: "srcc" | "plcc" | "krcc"; readonly perspective: string; readonly truth: PerVideo<number> }
  | { readonly kind: "qa"; readonly truth: PerVideo<RawAnswer> };

/** One V2T method's per-video predictions (scores per perspective, and answers). */
export interface V2TMethodPredictions {
  readonly id: string;
  readonly name: string;
  readonly scores: Readonly<Record<string, PerVideo<number>>>;
  readonly answers?: PerVideo<RawAnswer>;
}

/** A correlation over a subset of the items: the statistic copies the subset's weights before each call. */
function subsetCorrelation(items: number[], pred: number[], truth: number[], metric: "srcc" | "plcc" | "krcc"): WeightedStatistic | null {
  if (items.length < 2) return null;
  const pair = preparePair(Float64Array.from(pred), Float64Array.from(truth));
  const own = new Float64Array(items.length);
  return (weights) => {
    for (let k = 0; k < items.length; k++) own[k] = weights[items[k] as number] as number;
    return pair[metric](own);
  };
}

/** V2T instance-level board statistics over one scope's videos; the resampling unit is the video. */
export function v2tInstanceStatistics(
  videos: readonly VideoRecord[],
  methods: readonly V2TMethodPredictions[],
  columns: readonly V2TColumnSource[],
): { entries: BoardEntryStatistics[]; units: ResamplingUnits } {
  const entries = methods.map((method) => ({
    id: method.id,
    name: method.name,
    columns: columns.map((column): WeightedStatistic | null => {
      const items: number[] = [];
      const a: number[] = [];
      const b: number[] = [];
      videos.forEach((video, i) => {
        if (column.kind === "qa") {
          const expected = lookup(column.truth, video.videoId);
          if (expected === undefined) return;
          items.push(i);
          a.push(normalizeAnswer(lookup(method.answers, video.videoId)) === normalizeAnswer(expected) ? 1 : 0);
          return;
        }
        const p = lookup(method.scores[column.perspective], video.videoId);
        const t = lookup(column.truth, video.videoId);
        if (p === undefined || t === undefined) return;
        items.push(i);
        a.push(p);
        b.push(t);
      });
      if (column.kind === "qa") return items.length === 0 || method.answers === undefined ? null : weightedMean(Uint32Array.from(items), Float64Array.from(a), 100);
      return subsetCorrelation(items, a, b, column.metric);
    }),
  }));
  return { entries, units: { itemCount: videos.length, unitCount: videos.length } };
}

/**
 * V2T model-level board statistics: correlations between per-T2V-model means of prediction and of
 * truth over one scope's videos; the resampling unit is the T2V model. QA columns have no model level.
 */
export function v2tModelStatistics(
  videos: readonly VideoRecord[],
  methods: readonly V2TMethodPredictions[],
  columns: readonly V2TColumnSource[],
): { entries: BoardEntryStatistics[]; units: ResamplingUnits } {
  const models = indexer();
  for (const video of videos) models.indexOf(video.modelId);
  const entries = methods.map((method) => ({
    id: method.id,
    name: method.name,
    columns: columns.map((column): WeightedStatistic | null => {
      if (column.kind === "qa") return null;
      const sums = new Map<number, { pred: number; truth: number; n: number }>();
      for (const video of videos) {
        const p = lookup(method.scores[column.perspective], video.videoId);
        const t = lookup(column.truth, video.videoId);
        if (p === undefined || t === undefined) continue;
        const model = models.indexOf(video.modelId);
        const sum = sums.get(model) ?? { pred: 0, truth: 0, n: 0 };
        sum.pred += p;
        sum.truth += t;
        sum.n += 1;
        sums.set(model, sum);
      }
      const ordered = [...sums.entries()];
      return subsetCorrelation(
        ordered.map(([model]) => model),
        ordered.map(([, s]) => s.pred / s.n),
        ordered.map(([, s]) => s.truth / s.n),
        column.metric,
      );
    }),
  }));
  return { entries, units: { itemCount: models.size(), unitCount: models.size() } };
}
