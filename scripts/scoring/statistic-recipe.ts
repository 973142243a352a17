/**
 * A board statistic as plain data: what `columnStatistic` decided (which engine statistic, over which
 * units and values), in a form that crosses to a worker thread, where `statisticFrom` turns it into the
 * same function the main thread would have made. Imports only the engine, so a worker starts light.
 */
import {
  anchoredMeanStatistic,
  clampedStatistic,
  clampTo,
  modelCalibratedStatistic,
  residualPicks,
  correlationStatistic,
  meanStatistic,
  MIN_CORRELATION_ITEMS,
  resampledCounts,
  resampleStatistics,
  standardNormals,
  withPredictionError,
  type AnchorSample,
  type BootstrapSettings,
  type Strata,
  type WeightedStatistic,
} from "../../src/engine/index.ts";
import type { CorrelationMetricId } from "../../src/schemas/metrics.ts";

/** The engine statistic a column is made of, and its data. */
export type StatisticRecipe = (
  | { readonly kind: "mean"; readonly units: Uint32Array; readonly values: Float64Array; readonly scale: number }
  | {
      readonly kind: "anchored-mean";
      readonly units: Uint32Array;
      /** Each of the panel's `raters` raters' contribution to each new video's score, video-major (see `anchoredMeanStatistic`). */
      readonly values: Float64Array;
      readonly raters: number;
      readonly anchors: AnchorSample;
      /** Resample the panel's raters: the seed and number of the resamples of them (see `resampledCounts`). */
      readonly raterDraws?: { readonly seed: number; readonly count: number };
    }
  | { readonly kind: "correlation"; readonly metric: CorrelationMetricId; readonly units: Uint32Array; readonly x: Float64Array; readonly y: Float64Array }
) & {
  /** A seeded prediction error added on each resample (see `withPredictionError`): its sd and the normals' seed. */
  readonly predictionError?: { readonly sd: number; readonly seed: number; readonly count: number };
  /**
   * A model-mean calibration the (mean) statistic goes through, kept inside [low, high]; each resample adds a held-out
   * residual picked by the seed (see `modelCalibratedStatistic`), and the interval is the conformal one (see `conformalInterval`).
   */
  /** Bounds the value and every resampled value are kept inside: the perspective's scale, for a figure that cannot leave it. */
  readonly bounds?: { readonly low: number; readonly high: number };
  readonly calibration?: {
    readonly intercept: number;
    readonly slope: number;
    readonly residuals: Float64Array;
    readonly halfWidth: number | null;
    readonly low: number;
    readonly high: number;
    readonly seed: number;
    readonly count: number;
  };
};

/** Whether the engine has a statistic for a recipe (it has none for a correlation of too few items); decided without building it. */
export function hasStatistic(recipe: StatisticRecipe): boolean {
  return recipe.kind !== "correlation" || recipe.x.length >= MIN_CORRELATION_ITEMS;
}

/** The weighted statistic a recipe describes; null where the engine has none (see `hasStatistic`). */
export function statisticFrom(recipe: StatisticRecipe): WeightedStatistic | null {
  let statistic: WeightedStatistic | null;
  if (recipe.kind === "mean") statistic = meanStatistic(recipe.units, recipe.values, recipe.scale);
  else if (recipe.kind === "anchored-mean") {
    const draws = recipe.raterDraws === undefined ? null : resampledCounts(recipe.raterDraws.seed, recipe.raters, recipe.raterDraws.count);
    statistic = anchoredMeanStatistic(recipe.units, recipe.values, recipe.raters, recipe.anchors, draws);
  }
  else statistic = correlationStatistic(recipe.metric, recipe.units, recipe.x, recipe.y);
  const calibration = recipe.calibration;
  if (statistic !== null && calibration !== undefined) {
    const picks = residualPicks(calibration.seed, calibration.residuals.length, calibration.count);
    statistic = modelCalibratedStatistic(statistic, calibration, calibration.residuals, picks, calibration.low, calibration.high);
  }
  const error = recipe.predictionError;
  if (statistic !== null && error !== undefined) statistic = withPredictionError(statistic, error.sd, standardNormals(error.seed, error.count));
  const bounds = recipe.bounds;
  return statistic === null || bounds === undefined ? statistic : clampedStatistic(statistic, bounds.low, bounds.high);
}

/**
 * The interval of a calibrated recipe's value: value ± the conformal half-width, inside the scale (the whole scale
 * when the half-width is unbounded); null for a recipe without a calibration, whose interval is the bootstrap's.
 */
export function conformalInterval(recipe: StatisticRecipe, value: number): { ciLow: number; ciHigh: number } | null {
  const c = recipe.calibration;
  if (c === undefined) return null;
  const half = c.halfWidth ?? Infinity;
  return { ciLow: clampTo(value - half, c.low, c.high), ciHigh: clampTo(value + half, c.low, c.high) };
}

/** What resampling one board and scope of an entry asks for, as plain data that a worker thread can take. */
export interface ResampleJob {
  readonly recipes: readonly StatisticRecipe[];
  readonly strata: Strata;
  readonly settings: BootstrapSettings;
}

/** A job's point estimates and resampled values, per statistic. */
export interface ResampleOutput {
  readonly estimates: readonly (number | null)[];
  readonly draws: readonly Float64Array[];
}

/** Runs resampling jobs, in this thread or in others; outputs in the order of the jobs. */
export type JobRunner = (jobs: readonly ResampleJob[]) => Promise<readonly ResampleOutput[]>;

/** Runs jobs one after another in this thread (no workers): the same figures as any pool gives. */
export const inThisThread: JobRunner = async (jobs) => jobs.map(runJob);

/** The buffers of a job's resampled values: moved to the thread that asked for them rather than copied. */
export function resampleTransfers(output: ResampleOutput): ArrayBuffer[] {
  return output.draws.map((d) => d.buffer as ArrayBuffer);
}

/** Runs one job in this thread, from its recipes: what a worker does with a job. */
export function runJob(job: ResampleJob): ResampleOutput {
  const statistics = job.recipes.map((recipe) => statisticFrom(recipe) as WeightedStatistic);
  const { estimates, draws } = resampleStatistics(statistics, job.strata, job.settings);
  return { estimates, draws };
}
