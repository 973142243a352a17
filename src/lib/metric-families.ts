/**
 * The correlation families a V2T board can switch between (SRCC, PLCC, KRCC), so that a board shows one family at a
 * time instead of every variant side by side. Columns of other metrics (accuracy, MOS, published scores) always show.
 */
import { isCorrelationMetric, METRICS, metricDefinition } from "../schemas/metrics.ts";

/** One switchable family: its id (the URL's `metric=`) and its label. */
export interface MetricFamily {
  readonly id: string;
  readonly label: string;
}

/** The family a column switches with, or null for a column that always shows. */
export function switchableFamily(metric: string): string | null {
  return isCorrelationMetric(metric) ? metricDefinition(metric).family : null;
}

/**
 * The correlation families among some columns, in the metric list's order (SRCC first). A family present through a
 * single variant is labelled by it (e.g. "KRCC (τc)"), one present through several by the family's name ("PLCC").
 */
export function correlationFamilies(columns: readonly { metric: string }[]): MetricFamily[] {
  const present = new Set(columns.map((c) => c.metric));
  const families: MetricFamily[] = [];
  for (const metric of METRICS) {
    if (!present.has(metric.id) || !isCorrelationMetric(metric.id) || families.some((f) => f.id === metric.family)) continue;
    const variants = METRICS.filter((m) => m.family === metric.family && present.has(m.id));
    families.push({ id: metric.family, label: variants.length === 1 ? metric.label : metric.family.toUpperCase() });
  }
  return families;
}
