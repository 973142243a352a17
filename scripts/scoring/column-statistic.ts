/**
 * The one builder of board statistics: for a board, a scope and an entry, one weighted statistic per column
 * over the board's resampling units. What is resampled follows the question each board asks: prompts for
 * T2V figures (all videos of a drawn prompt come along; anchors form a second stratum) and for
 * instance-level V2T figures (all videos of a drawn prompt come along), T2V models for model-level ones. The same statistic gives a column's value,
 * its interval, and its resampled values for rank intervals and separability.
 */
import { derivedSeed, groupMeans, normalizeAnswer, type RawAnswer, type Strata } from "../../src/engine/index.ts";
import type { BoardId } from "../../src/schemas/board.ts";
import { isCorrelationMetric } from "../../src/schemas/metrics.ts";
import { byId, correlationPoolInScope, inScope, v2tPoolInScope, type ColumnRow, type ScoringContext } from "./context.ts";
import type { EntryData, T2vEntryData, V2tEntryData } from "./entry-data.ts";
import { hasStatistic, type StatisticRecipe } from "./statistic-recipe.ts";

/** A board's resampling units in one scope: unit ids in order, per stratum. */
export interface BoardUnits {
  readonly strata: Strata;
  /**
   * The unit index of each item of the first stratum: of each prompt (T2V), of each video (V2T instance level:
   * its prompt's unit, so several videos share one) or of each T2V model (V2T model level).
   */
  readonly unit: ReadonlyMap<string, number>;
  /** Unit index of each anchor video (the T2V board's second stratum). */
  readonly anchorUnit: ReadonlyMap<string, number>;
}

/**
 * The resampling units of a board in a scope; units in canonical order. Instance-level V2T figures resample
 * prompts, not videos: the videos of one prompt (about five on FETV and TVGE, one per T2V model) share its
 * content and its difficulty, so drawing them independently would understate the uncertainty.
 */
export function boardUnits(context: ScoringContext, board: BoardId, scope: string): BoardUnits {
  if (board === "v2t-instance") {
    const videos = correlationPoolInScope(context, scope);
    const prompts = [...new Set(videos.map((v) => v.promptId))].sort(byId);
    const promptUnit = new Map(prompts.map((id, i) => [id, i]));
    return { strata: [prompts.length], unit: new Map(videos.map((v) => [v.id, promptUnit.get(v.promptId) as number])), anchorUnit: new Map() };
  }
  const ids = board === "t2v" ? context.prompts.filter((p) => inScope(context, scope, p)) : [...context.poolModels];
  const unit = new Map(ids.map((id, i) => [id, i]));
  if (board !== "t2v") return { strata: [ids.length], unit, anchorUnit: new Map() };
  const anchorUnit = new Map(context.anchors.map((id, a) => [id, ids.length + a]));
  return { strata: [ids.length, context.anchors.length], unit, anchorUnit };
}

/**
 * One column's statistic as a recipe (built where it is resampled, in this thread or a worker: see
 * statistic-recipe.ts), and the number of items it rests on.
 */
export interface ColumnStatistic {
  readonly recipe: StatisticRecipe;
  readonly n: number;
}

/** The column statistic of a recipe; null where the engine has none. */
function fromRecipe(recipe: StatisticRecipe, n: number): ColumnStatistic | null {
  return hasStatistic(recipe) ? { recipe, n } : null;
}

/** Items of a per-key map that have a unit, in unit order: their units and values. */
function itemsOf(values: ReadonlyMap<string, number> | undefined, unit: ReadonlyMap<string, number>): { units: Uint32Array; values: Float64Array } {
  const kept: [number, number][] = [];
  if (values !== undefined) for (const [key, value] of values) {
    const u = unit.get(key);
    if (u !== undefined) kept.push([u, value]);
  }
  kept.sort((a, b) => a[0] - b[0]);
  return { units: Uint32Array.from(kept, (k) => k[0]), values: Float64Array.from(kept, (k) => k[1]) };
}

/** Rows of per-rater values of a per-key map that have a unit, in unit order: their units and the rows laid end to end. */
function raterRowsOf(rows: ReadonlyMap<string, Float64Array>, unit: ReadonlyMap<string, number>, raters: number): { units: Uint32Array; values: Float64Array } {
  const kept = [...rows].map(([key, row]) => [unit.get(key), row] as const).filter((k): k is readonly [number, Float64Array] => k[0] !== undefined);
  kept.sort((a, b) => a[0] - b[0]);
  const values = new Float64Array(kept.length * raters);
  kept.forEach(([, row], i) => values.set(row, i * raters));
  return { units: Uint32Array.from(kept, (k) => k[0]), values };
}

function t2vStatistic(context: ScoringContext, units: BoardUnits, data: T2vEntryData, column: ColumnRow): ColumnStatistic | null {
  if (column.perspectiveId === context.qa) {
    const items = itemsOf(data.yes ?? undefined, units.unit);
    return items.units.length === 0 ? null : fromRecipe({ kind: "mean", units: items.units, values: items.values, scale: 100 }, items.units.length);
  }
  const items = itemsOf(data.values[column.perspectiveId], units.unit);
  if (items.units.length === 0) return null;
  let recipe: StatisticRecipe = { kind: "mean", units: items.units, values: items.values, scale: 1 };
  const panel = data.panels?.[column.perspectiveId];
  if (panel !== undefined) {
    const own = raterRowsOf(panel.own, units.unit, panel.raters);
    const anchors = raterRowsOf(panel.anchors, units.anchorUnit, panel.raters);
    const truth = context.truth[column.perspectiveId];
    const ids = [...units.anchorUnit.keys()].filter((id) => panel.anchors.has(id));
    recipe = {
      kind: "anchored-mean",
      units: own.units,
      values: own.values,
      raters: panel.raters,
      anchors: { units: anchors.units, scores: anchors.values, truth: Float64Array.from(ids, (id) => truth?.get(id) as number) },
      // The panel's raters are the entry's own, resampled apart from the board's strata (no other entry shares them).
      ...(panel.raters > 1 ? { raterDraws: { seed: derivedSeed(context.settings.seed, `${context.benchmarkId}/${data.id}/raters`), count: context.settings.resamples } } : {}),
    };
    // Inverting the anchor line (and the rater term) can carry a resample past the scale; the estimand cannot be there.
    const range = context.ranges[column.perspectiveId];
    if (range) recipe = { ...recipe, bounds: { low: range.min, high: range.max } };
  }
  const calibration = data.calibrated?.[column.perspectiveId];
  if (calibration !== undefined) {
    const { line, residuals, halfWidth, low, high } = calibration;
    const seed = derivedSeed(context.settings.seed, `${context.benchmarkId}/${data.id}/${column.perspectiveId}`);
    recipe = { ...recipe, calibration: { ...line, residuals, halfWidth, low, high, seed, count: context.settings.resamples } };
  }
  const sd = data.predictionError?.[column.perspectiveId];
  if (sd !== undefined) {
    recipe = { ...recipe, predictionError: { sd, seed: derivedSeed(context.settings.seed, `${context.benchmarkId}/${data.id}`), count: context.settings.resamples } };
  }
  return fromRecipe(recipe, items.units.length);
}

const answerChecks = new WeakMap<ScoringContext, WeakMap<V2tEntryData, ReadonlyMap<string, number>>>();

/** Per video with a human answer, 1 where the entry's answer agrees with it, else 0: checked once per entry, read in every scope. */
function checkedAnswers(context: ScoringContext, data: V2tEntryData, answers: ReadonlyMap<string, RawAnswer>): ReadonlyMap<string, number> {
  const ofContext = answerChecks.get(context) ?? answerChecks.set(context, new WeakMap()).get(context) as WeakMap<V2tEntryData, ReadonlyMap<string, number>>;
  let checked = ofContext.get(data);
  if (checked === undefined) {
    const made = new Map<string, number>();
    for (const [id, expected] of context.answers) made.set(id, normalizeAnswer(answers.get(id)) === normalizeAnswer(expected) ? 1 : 0);
    checked = made;
    ofContext.set(data, checked);
  }
  return checked;
}

function v2tInstanceStatistic(context: ScoringContext, units: BoardUnits, data: V2tEntryData, column: ColumnRow): ColumnStatistic | null {
  if (column.perspectiveId === context.qa) {
    if (data.answers === null) return null;
    const checked = checkedAnswers(context, data, data.answers);
    const correct = new Map<string, number>();
    for (const id of units.unit.keys()) {
      const agrees = checked.get(id);
      if (agrees !== undefined) correct.set(id, agrees);
    }
    const items = itemsOf(correct, units.unit);
    return items.units.length === 0 ? null : fromRecipe({ kind: "mean", units: items.units, values: items.values, scale: 100 }, items.units.length);
  }
  if (!isCorrelationMetric(column.metric)) return null;
  const predicted = data.scores[column.perspectiveId];
  const truth = context.truth[column.perspectiveId];
  if (predicted === undefined || truth === undefined) return null;
  // One pass over the scope's videos, in their order: the paired items and their units.
  const unitOf: number[] = [];
  const x: number[] = [];
  const y: number[] = [];
  for (const [id, unit] of units.unit) {
    const p = predicted.get(id);
    const t = truth.get(id);
    if (p === undefined || t === undefined) continue;
    unitOf.push(unit);
    x.push(p);
    y.push(t);
  }
  const recipe: StatisticRecipe = { kind: "correlation", metric: column.metric, units: Uint32Array.from(unitOf), x: Float64Array.from(x), y: Float64Array.from(y) };
  return fromRecipe(recipe, x.length);
}

function v2tModelStatistic(context: ScoringContext, scope: string, units: BoardUnits, data: V2tEntryData, column: ColumnRow): ColumnStatistic | null {
  if (!isCorrelationMetric(column.metric) || column.perspectiveId === context.qa) return null;
  const predicted = data.scores[column.perspectiveId];
  const truth = context.truth[column.perspectiveId];
  const videos = v2tPoolInScope(context, scope).filter((v) => units.unit.has(v.t2vEntryId) && predicted?.has(v.id) && truth?.has(v.id));
  const means = groupMeans(
    videos.map((v) => v.t2vEntryId),
    videos.map((v) => predicted?.get(v.id) as number),
    videos.map((v) => truth?.get(v.id) as number),
  );
  const models = [...units.unit.keys()].filter((m) => means.has(m));
  const recipe: StatisticRecipe = {
    kind: "correlation",
    metric: column.metric,
    units: Uint32Array.from(models, (m) => units.unit.get(m) as number),
    x: Float64Array.from(models, (m) => means.get(m)?.x as number),
    y: Float64Array.from(models, (m) => means.get(m)?.y as number),
  };
  return fromRecipe(recipe, models.length);
}

/** The statistic of one entry in one column of a board in a scope; null where the entry has no value there. */
export function columnStatistic(context: ScoringContext, board: BoardId, scope: string, units: BoardUnits, data: EntryData, column: ColumnRow): ColumnStatistic | null {
  if (board === "t2v") return data.direction === "t2v" ? t2vStatistic(context, units, data, column) : null;
  if (data.direction !== "v2t") return null;
  return board === "v2t-instance" ? v2tInstanceStatistic(context, units, data, column) : v2tModelStatistic(context, scope, units, data, column);
}
