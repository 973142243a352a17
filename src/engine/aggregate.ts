/**
 * Board figures for both directions, from per-video data, each with a bootstrap CI.
 *
 * T2V (generators): per model, overall and per dimension, the mean MOS per perspective and the QA
 * accuracy; resampling unit = prompt (all videos of a drawn prompt come along). Models of one scope are
 * scored on the same resamples, so each also gets a rank interval and a paired test against the next.
 * V2T (interpreters): per perspective, overall and per dimension, SRCC/PLCC/KRCC (and PLCC after the
 * logistic mapping) at the instance level (unit = video) and at the model level (correlation of
 * per-T2V-model means; unit = T2V model), plus QA accuracy (unit = video).
 *
 * UNITS: accuracies here are PERCENT (0–100), as stored everywhere else in the project; the
 * `accuracy` function itself returns a fraction. Videos lacking a value for a figure are left out of
 * that figure; `n` always says how many items it rests on.
 */

import { normalizeAnswer, type RawAnswer } from "./accuracy.ts";
import {
  bootstrapMany,
  bootstrapSettings,
  compareEntries,
  type BootstrapOptions,
  type BootstrapSettings,
  type Estimate,
  type RankInterval,
  type WeightedStatistic,
} from "./bootstrap.ts";
import { preparePair, weightedPearson } from "./correlation.ts";
import { applyLogistic, fitLogistic } from "./logistic.ts";

/** Per-video values keyed by video id, as a Map or a plain object. */
export type PerVideo<T> = ReadonlyMap<string, T> | Readonly<Record<string, T>>;

/** One generated video: which T2V model made it, from which prompt, in which task dimensions. */
export interface VideoRecord {
  readonly videoId: string;
  readonly modelId: string;
  readonly promptId: string;
  readonly dimensionIds: readonly string[];
}

/** A video's value from a Map or a plain object; undefined when absent. */
export function lookup<T>(values: PerVideo<T> | undefined, videoId: string): T | undefined {
  if (values === undefined) return undefined;
  if (values instanceof Map) return (values as ReadonlyMap<string, T>).get(videoId);
  return Object.hasOwn(values, videoId) ? (values as Readonly<Record<string, T>>)[videoId] : undefined;
}

/** The videos of the whole benchmark ("overall") and of each dimension, in input order. */
export function scopes(videos: readonly VideoRecord[]): Map<string | null, VideoRecord[]> {
  const byScope = new Map<string | null, VideoRecord[]>([[null, [...videos]]]);
  for (const video of videos) {
    for (const dimension of new Set(video.dimensionIds)) {
      const list = byScope.get(dimension) ?? [];
      list.push(video);
      byScope.set(dimension, list);
    }
  }
  return byScope;
}

/** Numbers keys 0, 1, 2, … in order of first appearance (the resampling units). */
export function indexer(): { indexOf: (key: string) => number; size: () => number } {
  const index = new Map<string, number>();
  return {
    indexOf(key: string) {
      let i = index.get(key);
      if (i === undefined) {
        i = index.size;
        index.set(key, i);
      }
      return i;
    },
    size: () => index.size,
  };
}

/** A weighted mean over some items (`items` index into the weights), scaled by `scale`. */
export function weightedMean(items: Uint32Array, values: Float64Array, scale = 1): WeightedStatistic {
  return (weights) => {
    let sum = 0;
    let total = 0;
    for (let k = 0; k < items.length; k++) {
      const w = weights[items[k] as number] as number;
      sum += w * (values[k] as number);
      total += w;
    }
    return total > 0 ? (scale * sum) / total : null;
  };
}

// ---------------------------------------------------------------- T2V

/** T2V input: the videos, MOS per perspective per video, and optionally the human QA answer per video. */
export interface T2VInput {
  readonly videos: readonly VideoRecord[];
  readonly mos: Readonly<Record<string, PerVideo<number>>>;
  readonly qa?: PerVideo<RawAnswer>;
}

/** How an entry compares with the next one in its column (paired bootstrap on the same resamples). */
export interface NextComparison {
  readonly id: string;
  readonly difference: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly separable: boolean;
}

/** One T2V figure: the value with its CI, the number of videos, rank interval and comparison with the next model. */
export interface T2VFigure {
  /** Mean MOS, or for QA the accuracy in PERCENT. */
  readonly mean: number | null;
  readonly n: number;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly failed: number;
  readonly rankInterval: RankInterval | null;
  readonly next: NextComparison | null;
}

/** A T2V model's figures in one scope: per perspective, and QA accuracy in PERCENT (null without QA data). */
export interface T2VScores {
  readonly videos: number;
  readonly perspectives: Readonly<Record<string, T2VFigure>>;
  readonly qaAccuracyPct: T2VFigure | null;
}

/** A T2V model's figures overall and per dimension. */
export interface T2VModelResult extends T2VScores {
  readonly modelId: string;
  readonly dimensions: Readonly<Record<string, T2VScores>>;
}

/** All T2V models of a benchmark, with the bootstrap settings used (unit: prompt). */
export interface T2VResult {
  readonly models: T2VModelResult[];
  readonly settings: BootstrapSettings;
  readonly unit: "prompt";
}

/** Column of figures for every model in one scope, keyed by model id. */
function t2vColumn(
  scopeVideos: readonly VideoRecord[],
  value: (video: VideoRecord) => number | undefined,
  scale: number,
  modelIds: readonly string[],
  options: BootstrapOptions,
): { figures: Map<string, T2VFigure>; settings: BootstrapSettings } {
  const prompts = indexer();
  const unitOfItem = new Uint32Array(scopeVideos.length);
  scopeVideos.forEach((video, i) => {
    unitOfItem[i] = prompts.indexOf(video.promptId);
  });
  const entries = modelIds.map((modelId) => {
    const items: number[] = [];
    const values: number[] = [];
    scopeVideos.forEach((video, i) => {
      if (video.modelId !== modelId) return;
      const v = value(video);
      if (v === undefined) return;
      items.push(i);
      values.push(v);
    });
    return { id: modelId, n: items.length, statistic: weightedMean(Uint32Array.from(items), Float64Array.from(values), scale) };
  });
  const { entries: compared, settings } = compareEntries(
    entries,
    { itemCount: scopeVideos.length, unitCount: prompts.size(), unitOfItem },
    options,
  );
  const figures = new Map<string, T2VFigure>();
  compared.forEach((entry, position) => {
    const following = compared[position + 1];
    figures.set(entry.id, {
      mean: entry.value,
      n: entries.find((e) => e.id === entry.id)?.n ?? 0,
      ciLow: entry.ciLow,
      ciHigh: entry.ciHigh,
      failed: entry.failed,
      rankInterval: entry.rankInterval,
      next:
        entry.toNext === null || following === undefined
          ? null
          : {
              id: following.id,
              difference: entry.toNext.difference,
              ciLow: entry.toNext.ciLow,
              ciHigh: entry.toNext.ciHigh,
              separable: entry.toNext.separable,
            },
    });
  });
  return { figures, settings };
}

/** Per-model mean MOS per perspective and QA accuracy (percent), overall and per dimension, with CIs. */
export function aggregateT2V(input: T2VInput, options: BootstrapOptions = {}): T2VResult {
  const modelIds = [...new Set(input.videos.map((video) => video.modelId))];
  const perspectives = Object.keys(input.mos);
  const qaYes = (video: VideoRecord): number | undefined => {
    const answer = lookup(input.qa, video.videoId);
    // A video without a human answer takes no part; an answer that is not yes/no counts as not Yes.
    return answer === undefined ? undefined : normalizeAnswer(answer) === "yes" ? 1 : 0;
  };
  let settings: BootstrapSettings | undefined;
  const perScope = new Map<string | null, Map<string, T2VScores>>();
  for (const [scope, scopeVideos] of scopes(input.videos)) {
    const columns = perspectives.map((perspective) => {
      const mos = input.mos[perspective];
      return t2vColumn(scopeVideos, (video) => lookup(mos, video.videoId), 1, modelIds, options);
    });
    const qa = input.qa === undefined ? null : t2vColumn(scopeVideos, qaYes, 100, modelIds, options);
    settings ??= columns[0]?.settings ?? qa?.settings;
    const scores = new Map<string, T2VScores>();
    for (const modelId of modelIds) {
      const videos = scopeVideos.filter((video) => video.modelId === modelId).length;
      if (videos === 0) continue;
      scores.set(modelId, {
        videos,
        perspectives: Object.fromEntries(perspectives.map((p, k) => [p, columns[k]?.figures.get(modelId) as T2VFigure])),
        qaAccuracyPct: qa?.figures.get(modelId) ?? null,
      });
    }
    perScope.set(scope, scores);
  }
  const overall = perScope.get(null) ?? new Map<string, T2VScores>();
  const models = modelIds.map((modelId) => {
    const dimensions: Record<string, T2VScores> = {};
    for (const [scope, scores] of perScope) {
      const s = scores.get(modelId);
      if (scope !== null && s !== undefined) dimensions[scope] = s;
    }
    return { modelId, ...(overall.get(modelId) as T2VScores), dimensions };
  });
  return { models, settings: settings ?? bootstrapSettings(options), unit: "prompt" };
}

// ---------------------------------------------------------------- V2T

/** V2T input: the videos, the human ground truth and one method's predictions, per perspective; QA optional. */
export interface V2TInput {
  readonly videos: readonly VideoRecord[];
  readonly groundTruth: Readonly<Record<string, PerVideo<number>>>;
  readonly predictions: Readonly<Record<string, PerVideo<number>>>;
  readonly qaTruth?: PerVideo<RawAnswer>;
  readonly qaPredictions?: PerVideo<RawAnswer>;
}

/** Options of `aggregateV2T`: the bootstrap's, plus whether to bootstrap the logistic PLCC too. */
export interface V2TOptions extends BootstrapOptions {
  /**
   * Bootstrap the logistic-mapped PLCC as well (a 4-parameter fit per resample: about 10x the cost of
   * the other three together). Off by default: its CI ends are then null; the point value is always given.
   */
  readonly logisticCi?: boolean;
}

/** Correlations between predictions and MOS at one level, with n (videos or T2V models). */
export interface CorrelationFigures {
  readonly n: number;
  readonly srcc: Estimate;
  readonly plcc: Estimate;
  readonly krcc: Estimate;
  /** PLCC after the 4-parameter logistic mapping of predictions to MOS (VQEG); not the raw PLCC. */
  readonly plccLogistic: Estimate;
}

/** One perspective at both levels. */
export interface V2TLevels {
  readonly instance: CorrelationFigures;
  readonly model: CorrelationFigures;
}

/** One perspective overall and per dimension. */
export interface V2TPerspectiveResult extends V2TLevels {
  readonly dimensions: Readonly<Record<string, V2TLevels>>;
}

/** QA accuracy in PERCENT (unit: video), with counts. */
export interface QaFigure extends Estimate {
  readonly n: number;
  readonly correct: number;
  readonly invalid: number;
}

/** Everything a V2T method scores on a benchmark, with the bootstrap settings used. */
export interface V2TResult {
  readonly perspectives: Readonly<Record<string, V2TPerspectiveResult>>;
  readonly qaAccuracyPct: (QaFigure & { readonly dimensions: Readonly<Record<string, QaFigure>> }) | null;
  readonly settings: BootstrapSettings;
  readonly logisticCi: boolean;
  readonly units: { readonly instance: "video"; readonly model: "t2v-model" };
}

function correlationFigures(pred: Float64Array, mos: Float64Array, options: V2TOptions): CorrelationFigures {
  const pair = preparePair(pred, mos);
  const statistics: WeightedStatistic[] = [(w) => pair.srcc(w), (w) => pair.plcc(w), (w) => pair.krcc(w)];
  const fit = fitLogistic(pred, mos);
  const logisticOn = (w: Float64Array | null, start = fit?.params ?? null): number | null => {
    if (start === null) return null;
    // Resamples start from the full-data optimum: fewer iterations, and the same optimum when it is sharp.
    const refit = w === null ? fit : fitLogistic(pred, mos, w, start, 100);
    return refit === null ? null : weightedPearson(applyLogistic(refit.params, pred), mos, w);
  };
  if (options.logisticCi === true) statistics.push((w) => logisticOn(w));
  const { estimates } = bootstrapMany(statistics, { itemCount: pred.length, unitCount: pred.length }, options);
  const [srcc, plcc, krcc, logistic] = estimates as [Estimate, Estimate, Estimate, Estimate | undefined];
  return {
    n: pred.length,
    srcc,
    plcc,
    krcc,
    plccLogistic: logistic ?? { value: logisticOn(null), ciLow: null, ciHigh: null, failed: 0 },
  };
}

function v2tLevels(scopeVideos: readonly VideoRecord[], truth: PerVideo<number>, predicted: PerVideo<number>, options: V2TOptions): V2TLevels {
  const pred: number[] = [];
  const mos: number[] = [];
  const byModel = new Map<string, { pred: number; mos: number; n: number }>();
  for (const video of scopeVideos) {
    const p = lookup(predicted, video.videoId);
    const m = lookup(truth, video.videoId);
    if (p === undefined || m === undefined) continue;
    pred.push(p);
    mos.push(m);
    const sums = byModel.get(video.modelId) ?? { pred: 0, mos: 0, n: 0 };
    sums.pred += p;
    sums.mos += m;
    sums.n += 1;
    byModel.set(video.modelId, sums);
  }
  const models = [...byModel.values()];
  return {
    instance: correlationFigures(Float64Array.from(pred), Float64Array.from(mos), options),
    model: correlationFigures(
      Float64Array.from(models, (s) => s.pred / s.n),
      Float64Array.from(models, (s) => s.mos / s.n),
      options,
    ),
  };
}

function qaFigure(scopeVideos: readonly VideoRecord[], input: V2TInput, options: BootstrapOptions): QaFigure {
  const correct: number[] = [];
  let invalid = 0;
  for (const video of scopeVideos) {
    const truth = lookup(input.qaTruth, video.videoId);
    if (truth === undefined) continue;
    const expected = normalizeAnswer(truth);
    if (expected === null) throw new RangeError(`human QA answer of video ${video.videoId} is not yes/no (${String(truth)})`);
    const answer = normalizeAnswer(lookup(input.qaPredictions, video.videoId));
    if (answer === null) invalid++;
    correct.push(answer === expected ? 1 : 0);
  }
  const items = Uint32Array.from(correct, (_, i) => i);
  const estimate = bootstrapMany(
    [weightedMean(items, Float64Array.from(correct), 100)],
    { itemCount: correct.length, unitCount: correct.length },
    options,
  ).estimates[0] as Estimate;
  return { ...estimate, n: correct.length, correct: correct.reduce((a, b) => a + b, 0), invalid };
}

/**
 * A V2T method's figures: per perspective (those with predictions; each must have ground truth),
 * instance and model level, overall and per dimension; and QA accuracy in percent when QA truth is given.
 * A video with a human QA answer but no predicted answer counts as invalid (wrong).
 */
export function aggregateV2T(input: V2TInput, options: V2TOptions = {}): V2TResult {
  const all = scopes(input.videos);
  const perspectives: Record<string, V2TPerspectiveResult> = {};
  for (const perspective of Object.keys(input.predictions)) {
    const truth = input.groundTruth[perspective];
    const predicted = input.predictions[perspective];
    if (truth === undefined || predicted === undefined) {
      throw new RangeError(`predictions for perspective "${perspective}" have no ground truth`);
    }
    const dimensions: Record<string, V2TLevels> = {};
    let overall: V2TLevels | undefined;
    for (const [scope, scopeVideos] of all) {
      const levels = v2tLevels(scopeVideos, truth, predicted, options);
      if (scope === null) overall = levels;
      else dimensions[scope] = levels;
    }
    perspectives[perspective] = { ...(overall as V2TLevels), dimensions };
  }
  let qa: V2TResult["qaAccuracyPct"] = null;
  if (input.qaTruth !== undefined) {
    const dimensions: Record<string, QaFigure> = {};
    let overall: QaFigure | undefined;
    for (const [scope, scopeVideos] of all) {
      const figure = qaFigure(scopeVideos, input, options);
      if (scope === null) overall = figure;
      else dimensions[scope] = figure;
    }
    qa = { ...(overall as QaFigure), dimensions };
  }
  return {
    perspectives,
    qaAccuracyPct: qa,
    settings: bootstrapSettings(options),
    logisticCi: options.logisticCi === true,
    units: { instance: "video", model: "t2v-model" },
  };
}
