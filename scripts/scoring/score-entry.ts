/**
 * Scores one entry: every column of its board(s), overall and per dimension, evaluated on the board's
 * resamples in one pass. Gives the result rows (value, interval, n) and, for ranked columns, the resampled
 * values that the ranking step turns into rank intervals and separability.
 */
import { estimateFrom, type BootstrapSettings, type Strata } from "../../src/engine/index.ts";
import { BOARD_SCOPE, boardsOf, type BoardId } from "../../src/schemas/board.ts";
import type { DrawRow, ResultRow } from "../store/store-content.ts";
import { boardUnits, columnStatistic, type ColumnStatistic } from "./column-statistic.ts";
import type { ColumnRow, ScoringContext } from "./context.ts";
import type { EntryData } from "./entry-data.ts";
import { encodeDraws } from "../../db/draws.ts";
import { conformalInterval, inThisThread, type JobRunner, type ResampleOutput } from "./statistic-recipe.ts";
import { EVALUATOR_MEAN } from "../../src/schemas/metrics.ts";

/** How a recomputed figure's interval was made, stored as its source so anyone can recompute it. */
export function bootstrapNote(settings: BootstrapSettings, unit: string): string {
  return `engine bootstrap: ${settings.resamples} resamples of ${unit}, seed ${settings.seed}, ${Math.round(settings.confidence * 100)}% percentile interval`;
}

const UNIT_NAMES: Readonly<Record<BoardId, string>> = {
  t2v: "prompts",
  "v2t-instance": "videos",
  "v2t-model": "T2V models",
};

/** Why a figure whose resamples all agree has no interval. */
export const CONSTANT_NOTE = "no interval: at least 95% of the bootstrap resamples give the same value (the items it rests on hardly vary), so the bootstrap cannot show its uncertainty";

/** One board and scope of an entry: its columns' statistics, evaluated together on the board's resamples. */
interface ScopeWork {
  readonly board: BoardId;
  readonly scope: string;
  readonly strata: Strata;
  readonly present: readonly { readonly column: ColumnRow; readonly found: ColumnStatistic }[];
}

/** Every board and scope (of `scopes`, by default all) of an entry that has a statistic, in board, scope and column order. */
function scopeWork(context: ScoringContext, data: EntryData, scopes: readonly string[] = context.scopes): ScopeWork[] {
  const work: ScopeWork[] = [];
  for (const board of boardsOf(data.direction)) {
    const columns = context.columns[board];
    for (const scope of context.scopes.filter((s) => scopes.includes(s))) {
      const units = boardUnits(context, board, scope);
      const built = columns.map((column) => ({ column, found: columnStatistic(context, board, scope, units, data, column) }));
      const present = built.filter((b): b is { column: ColumnRow; found: ColumnStatistic } => b.found !== null);
      if (present.length > 0) work.push({ board, scope, strata: units.strata, present });
    }
  }
  return work;
}

/** Result rows and draws of an entry from each board and scope's resampled values, in the order of `work`. */
function entryRows(context: ScoringContext, data: EntryData, work: readonly ScopeWork[], outputs: readonly ResampleOutput[]): { results: ResultRow[]; draws: DrawRow[] } {
  const results: ResultRow[] = [];
  const draws: DrawRow[] = [];
  const provenance = data.direction === "t2v" ? data.provenance : "recomputed";
  // An auto entry kept apart holds its evaluator's raw means, on the evaluator's scale: under their own metric, never in a ranked column.
  const apart = data.direction === "t2v" && (data.unrankedReason ?? null) !== null;
  work.forEach(({ board, scope, present }, w) => {
    const { direction, level } = BOARD_SCOPE[board];
    const { estimates, draws: resampled } = outputs[w] as ResampleOutput;
    const source = data.direction === "t2v" ? `${data.note}; ${bootstrapNote(context.settings, UNIT_NAMES[board])}` : bootstrapNote(context.settings, UNIT_NAMES[board]);
    present.forEach(({ column, found }, s) => {
      const value = estimates[s] ?? null;
      if (value === null) return;
      const values = resampled[s] as Float64Array;
      const estimate = estimateFrom(value, values, context.settings.confidence);
      const interval = conformalInterval(found.recipe, value) ?? estimate;
      results.push({
        benchmarkId: context.benchmarkId,
        direction,
        entryId: data.id,
        level,
        dimension: scope,
        perspectiveId: column.perspectiveId,
        metric: apart ? EVALUATOR_MEAN : column.metric,
        value,
        ciLow: interval.ciLow,
        ciHigh: interval.ciHigh,
        ciNote: estimate.constant && found.recipe.calibration === undefined ? CONSTANT_NOTE : null,
        n: found.n,
        provenance,
        source,
      });
      if (column.ranked && !apart) {
        draws.push({ benchmarkId: context.benchmarkId, board, dimension: scope, entryId: data.id, columnKey: column.key, values: encodeDraws(values) });
      }
    });
  });
  return { results, draws };
}

/**
 * Every result and ranked column's resampled values of one entry (on `scopes` only, when given), its boards
 * and scopes resampled by `run` (this thread, or worker threads): each job is seeded by the settings alone,
 * never by where or when it runs, so the figures are the same to the last bit.
 */
export async function scoreEntry(context: ScoringContext, data: EntryData, run: JobRunner = inThisThread, scopes?: readonly string[]): Promise<{ results: ResultRow[]; draws: DrawRow[] }> {
  const work = scopeWork(context, data, scopes);
  const outputs = await run(work.map(({ strata, present }) => ({ recipes: present.map((p) => p.found.recipe), strata, settings: context.settings })));
  return entryRows(context, data, work, outputs);
}
