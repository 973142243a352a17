/**
 * The one builder of board statistics: for a board, a scope and an entry, one weighted statistic per column
 * over the board's resampling units. What is resampled follows the question each board asks: prompts for
 * T2V figures (all videos of a drawn prompt come along; anchors form a second stratum), videos for
 * instance-level V2T figures, T2V models for model-level ones. The same statistic gives a column's value,
 * its interval, and its resampled values for rank intervals and separability.
 */
import { derivedSeed, groupMeans, normalizeAnswer, type Strata } from "../../../src/engine/index.ts";
import type { BoardId } from "../../../src/schemas/board.ts";
import { isCorrelationMetric } from "../../../src/schemas/metrics.ts";
import { correlationPool, inScope, type ColumnRow, type ScoringContext } from "./context.ts";
import type { EntryData, T2vEntryData, V2tEntryData } from "./entry-data.ts";
import { hasStatistic, type StatisticRecipe } from "./statistic-recipe.ts";

/** A board's resampling units in one scope: unit ids in order, per stratum. */
export interface BoardUnits {
  readonly strata: Strata;
  /** Unit index of each id of the first stratum (prompt, video or T2V model). */
  readonly unit: ReadonlyMap<string, number>;
  /** Unit index of each anchor video (the T2V board's second stratum). */
  readonly anchorUnit: ReadonlyMap<string, number>;
}

/** The resampling units of a board in a scope; ids in canonical order. */
export function boardUnits(context: ScoringContext, board: BoardId, scope: string): BoardUnits {
  let ids: string[];
  if (board === "t2v") ids = context.prompts.filter((p) => inScope(context, scope, p));
  else if (board === "v2t-instance") ids = correlationPool(context).filter((v) => inScope(context, scope, v.promptId)).map((v) => v.id);
  else ids = [...context.poolModels];
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

function t2vStatistic(context: ScoringContext, units: BoardUnits, data: T2vEntryData, column: ColumnRow): ColumnStatistic | null {
  if (column.perspectiveId === context.qa) {
    const items = itemsOf(data.yes ?? undefined, units.unit);
    return items.units.length === 0 ? null : fromRecipe({ kind: "mean", units: items.units, values: items.values, scale: 100 }, items.units.length);
  }
  const items = itemsOf(data.values[column.perspectiveId], units.unit);
  if (items.units.length === 0) return null;
  let recipe: StatisticRecipe = { kind: "mean", units: items.units, values: items.values, scale: 1 };
  const panel = data.anchors?.[column.perspectiveId];
  if (panel !== undefined) {
    const anchors = itemsOf(panel, units.anchorUnit);
    const truth = context.truth[column.perspectiveId];
    const ids = [...units.anchorUnit.keys()].filter((id) => panel.has(id));
    recipe = {
      kind: "anchored-mean",
      units: items.units,
      values: items.values,
      anchors: { units: anchors.units, scores: anchors.values, truth: Float64Array.from(ids, (id) => truth?.get(id) as number) },
    };
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

function v2tInstanceStatistic(context: ScoringContext, units: BoardUnits, data: V2tEntryData, column: ColumnRow): ColumnStatistic | null {
  if (column.perspectiveId === context.qa) {
    if (data.answers === null) return null;
    const correct = new Map<string, number>();
    for (const id of units.unit.keys()) {
      const expected = context.answers.get(id);
      if (expected !== undefined) correct.set(id, normalizeAnswer(data.answers.get(id)) === normalizeAnswer(expected) ? 1 : 0);
    }
    const items = itemsOf(correct, units.unit);
    return items.units.length === 0 ? null : fromRecipe({ kind: "mean", units: items.units, values: items.values, scale: 100 }, items.units.length);
  }
  if (!isCorrelationMetric(column.metric)) return null;
  const predicted = data.scores[column.perspectiveId];
  const truth = context.truth[column.perspectiveId];
  const ids = [...units.unit.keys()].filter((id) => predicted?.has(id) && truth?.has(id));
  const recipe: StatisticRecipe = {
    kind: "correlation",
    metric: column.metric,
    units: Uint32Array.from(ids, (id) => units.unit.get(id) as number),
    x: Float64Array.from(ids, (id) => predicted?.get(id) as number),
    y: Float64Array.from(ids, (id) => truth?.get(id) as number),
  };
  return fromRecipe(recipe, ids.length);
}

function v2tModelStatistic(context: ScoringContext, scope: string, units: BoardUnits, data: V2tEntryData, column: ColumnRow): ColumnStatistic | null {
  if (!isCorrelationMetric(column.metric) || column.perspectiveId === context.qa) return null;
  const predicted = data.scores[column.perspectiveId];
  const truth = context.truth[column.perspectiveId];
  const videos = context.v2tPool.filter((v) => units.unit.has(v.t2vEntryId) && inScope(context, scope, v.promptId) && predicted?.has(v.id) && truth?.has(v.id));
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
