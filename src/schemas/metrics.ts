/**
 * The one list of metrics: every figure a board column can hold. The zod enum, display precision,
 * labels, chart axes and the engine's correlation kernels all derive from it, so adding a metric (say a
 * correlation variant) is one entry here plus its engine function.
 */
import { z } from "zod";

/** How a metric is computed, which tells the scoring which builder makes it. */
export type MetricKind = "mean" | "accuracy" | "correlation" | "published";

/** One metric: id (used in column keys, URLs and downloads), labels, display digits, direction, and family. */
export interface MetricDefinition {
  readonly id: string;
  /** Short label for table headers, e.g. "KRCC (τc)". */
  readonly label: string;
  /** A sentence-length description for the methodology and tooltips. */
  readonly description: string;
  /** Decimals shown on pages (downloads keep full precision). */
  readonly digits: number;
  readonly kind: MetricKind;
  /** The family a variant belongs to (krcc: τb and τc; plcc: raw and after the logistic mapping). */
  readonly family: string;
  /** Whether larger values are better. */
  readonly higherIsBetter: boolean;
}

/** Every metric, in the order the methodology explains them. */
export const METRICS = [
  { id: "mos", label: "MOS", description: "Mean of the per-video human scores (mean opinion scores) of the model's videos.", digits: 2, kind: "mean", family: "mos", higherIsBetter: true },
  { id: "accuracy", label: "accuracy (%)", description: "Share of yes/no questions answered as the humans answered them, in percent.", digits: 2, kind: "accuracy", family: "accuracy", higherIsBetter: true },
  { id: "srcc", label: "SRCC", description: "Spearman's rank correlation ρ (average ranks for ties): whether the method orders videos as humans do.", digits: 4, kind: "correlation", family: "srcc", higherIsBetter: true },
  { id: "plcc", label: "PLCC", description: "Pearson's linear correlation of the raw scores with the human scores.", digits: 4, kind: "correlation", family: "plcc", higherIsBetter: true },
  { id: "plcc_logistic", label: "PLCC (logistic)", description: "Pearson's correlation after the 4-parameter logistic mapping of the scores to the human scores (VQEG); absent where the fit is not identified: fewer than five distinct scores, or no optimum (the fitted curve runs off, e.g. towards a straight line).", digits: 4, kind: "correlation", family: "plcc", higherIsBetter: true },
  { id: "krcc", label: "KRCC (τb)", description: "Kendall's τb: concordant minus discordant pairs, corrected for ties on both sides.", digits: 4, kind: "correlation", family: "krcc", higherIsBetter: true },
  { id: "krcc_c", label: "KRCC (τc)", description: "Kendall's τc (Stuart's): concordant minus discordant pairs scaled by n²(m − 1)/m, m the fewer distinct values of the two sides; suited to a coarse scale such as 1–5 ratings.", digits: 4, kind: "correlation", family: "krcc", higherIsBetter: true },
  { id: "evaluator_mean", label: "evaluator's mean", description: "Mean of an automatic evaluator's raw scores of the model's videos, on the evaluator's own scale (not the human one): shown unranked, beside the same evaluator's means of the benchmark's models, where the evaluator's calibration cannot be validated on enough models.", digits: 4, kind: "mean", family: "evaluator_mean", higherIsBetter: true },
  { id: "score", label: "score", description: "A figure published by the benchmark's authors, shown as published.", digits: 2, kind: "published", family: "score", higherIsBetter: true },
] as const satisfies readonly MetricDefinition[];

/** The metric of an auto-scored entry's raw evaluator means, kept apart from the ranked board. */
export const EVALUATOR_MEAN = "evaluator_mean";

/** A metric id. */
export type MetricId = (typeof METRICS)[number]["id"];

/** The ids of the correlation metrics (what V2T agreement is measured by). */
export type CorrelationMetricId = Extract<(typeof METRICS)[number], { kind: "correlation" }>["id"];

/** Metrics a board column can rank by. */
export const MetricSchema = z.enum(METRICS.map((m) => m.id) as [MetricId, ...MetricId[]]);

/** A metric name. */
export type Metric = z.infer<typeof MetricSchema>;

/** Correlation variants a benchmark's protocol may report. */
export const CorrelationMetricSchema = z.enum(
  METRICS.filter((m) => m.kind === "correlation").map((m) => m.id) as [CorrelationMetricId, ...CorrelationMetricId[]],
);

const BY_ID = new Map<string, MetricDefinition>(METRICS.map((m) => [m.id, m]));

/** A metric's definition; unknown ids (never stored) get a neutral fallback rather than a crash on a page. */
export function metricDefinition(id: string): MetricDefinition {
  return BY_ID.get(id) ?? { id, label: id, description: "", digits: 3, kind: "published", family: id, higherIsBetter: true };
}

/** Whether a metric is a correlation (V2T agreement). */
export function isCorrelationMetric(id: string): id is CorrelationMetricId {
  return BY_ID.get(id)?.kind === "correlation";
}
