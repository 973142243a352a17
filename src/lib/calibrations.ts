/** Loads how well a V2T method serves as an automatic evaluator of T2V models, per MOS perspective. */
import { asc, eq } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import { listPerspectives } from "./benchmarks.ts";
import { store } from "./store.ts";

/** One perspective's calibration of an evaluator and its leave-one-model-out check. */
export interface EvaluatorCalibration {
  readonly perspectiveId: string;
  readonly perspectiveLabel: string;
  readonly intercept: number;
  readonly slope: number;
  readonly rangeLow: number;
  readonly rangeHigh: number;
  readonly items: number;
  /** Typical model-level error (RMSE over held-out models), in the perspective's human-score units. */
  readonly heldOutRmse: number | null;
  /** The model-mean calibration an auto figure uses: pool models, line, held-out and no-skill RMS errors, conformal half-width (null: unbounded). */
  readonly models: number;
  readonly modelIntercept: number | null;
  readonly modelSlope: number | null;
  readonly modelRmse: number | null;
  readonly baselineRmse: number | null;
  readonly conformalHalfWidth: number | null;
  /** Why the evaluator may not score this perspective (the skill check failed), or null when it may. */
  readonly refusal: string | null;
  readonly checks: readonly {
    readonly modelId: string;
    readonly model: string;
    readonly observed: number;
    readonly predicted: number;
    /** The evaluator's raw mean of the model's videos, and the model-mean line's held-out prediction. */
    readonly evaluatorMean: number;
    readonly modelPredicted: number | null;
  }[];
}

/**
 * T2V model names by benchmark, read once per build: every V2T entry page loads its calibration, and reading every
 * T2V entry of the benchmark per page would make the build quadratic in the number of entries.
 */
const modelNames = new Map<string, ReadonlyMap<string, string>>();

function modelNamesOf(benchmarkId: string): ReadonlyMap<string, string> {
  let names = modelNames.get(benchmarkId);
  if (!names) {
    names = new Map(
      store()
        .select({ id: t.t2vEntries.id, name: t.t2vEntries.name })
        .from(t.t2vEntries)
        .where(eq(t.t2vEntries.benchmarkId, benchmarkId))
        .all()
        .map((e) => [e.id, e.name]),
    );
    modelNames.set(benchmarkId, names);
  }
  return names;
}

type CalibrationRow = typeof t.calibrations.$inferSelect;
type CheckRow = typeof t.calibrationChecks.$inferSelect;

/** Calibrations and their checks by evaluator (checks in T2V entry order), read once per benchmark and build: every V2T entry page shows its own. */
const calibrationsOf = new Map<string, ReadonlyMap<string, { rows: CalibrationRow[]; checks: CheckRow[] }>>();

function calibrationsByEvaluator(benchmarkId: string): ReadonlyMap<string, { rows: CalibrationRow[]; checks: CheckRow[] }> {
  let byEvaluator = calibrationsOf.get(benchmarkId);
  if (!byEvaluator) {
    const db = store();
    const grouped = new Map<string, { rows: CalibrationRow[]; checks: CheckRow[] }>();
    const of = (evaluatorId: string) => {
      let group = grouped.get(evaluatorId);
      if (!group) {
        group = { rows: [], checks: [] };
        grouped.set(evaluatorId, group);
      }
      return group;
    };
    for (const row of db.select().from(t.calibrations).where(eq(t.calibrations.benchmarkId, benchmarkId)).all()) of(row.evaluatorId).rows.push(row);
    const checks = db
      .select()
      .from(t.calibrationChecks)
      .where(eq(t.calibrationChecks.benchmarkId, benchmarkId))
      .orderBy(asc(t.calibrationChecks.evaluatorId), asc(t.calibrationChecks.t2vEntryId))
      .all();
    for (const check of checks) of(check.evaluatorId).checks.push(check);
    byEvaluator = grouped;
    calibrationsOf.set(benchmarkId, byEvaluator);
  }
  return byEvaluator;
}

/** An evaluator's calibrations in perspective order (empty when it has none). */
export function loadCalibration(benchmarkId: string, evaluatorId: string): EvaluatorCalibration[] {
  const group = calibrationsByEvaluator(benchmarkId).get(evaluatorId);
  if (!group || group.rows.length === 0) return [];
  const { rows, checks } = group;
  const names = modelNamesOf(benchmarkId);
  return listPerspectives(benchmarkId).flatMap((p) => {
    const row = rows.find((r) => r.perspectiveId === p.id);
    if (!row) return [];
    return [{
      perspectiveId: p.id,
      perspectiveLabel: p.label,
      intercept: row.intercept,
      slope: row.slope,
      rangeLow: row.rangeLow,
      rangeHigh: row.rangeHigh,
      items: row.items,
      heldOutRmse: row.heldOutRmse,
      models: row.models,
      modelIntercept: row.modelIntercept,
      modelSlope: row.modelSlope,
      modelRmse: row.modelRmse,
      baselineRmse: row.baselineRmse,
      conformalHalfWidth: row.conformalHalfWidth,
      refusal: row.refusal,
      checks: checks
        .filter((c) => c.perspectiveId === p.id)
        .map((c) => ({ modelId: c.t2vEntryId, model: names.get(c.t2vEntryId) ?? c.t2vEntryId, observed: c.observed, predicted: c.predicted, evaluatorMean: c.evaluatorMean, modelPredicted: c.modelPredicted })),
    }];
  });
}
