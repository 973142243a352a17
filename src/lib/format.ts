/** Display formatting. Values are stored at full precision; rounding happens here and only for display. */
import { isCorrelationMetric, metricDefinition } from "../schemas/metrics.ts";
import { intervalText } from "./shared/intervals.ts";

export { formatRankInterval } from "./shared/intervals.ts";

/** A metric value rounded for display, at the metric's precision (see src/schemas/metrics.ts). */
export function formatValue(metric: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return value.toFixed(metricDefinition(metric).digits);
}

/** A value rounded to the metric's display precision, as a number (for data that pages show without rounding again). */
export function roundForDisplay(metric: string, value: number): number {
  return Number(value.toFixed(metricDefinition(metric).digits));
}

/** A value as a heatmap cell shows it: correlations to two decimals (the cell is small), other metrics as formatValue. */
export function formatCompactValue(metric: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return isCorrelationMetric(metric) ? value.toFixed(2) : formatValue(metric, value);
}

/** A 95% interval as "[low, high]" at the metric's display precision, or "" when there is none. Never "±": intervals need not be symmetric. */
export function formatInterval(metric: string, low: number | null | undefined, high: number | null | undefined): string {
  return intervalText(low, high, metricDefinition(metric).digits);
}

/** A rank, or an em dash for an unranked entry. */
export function formatRank(rank: number | null | undefined): string {
  return rank === null || rank === undefined ? "—" : String(rank);
}

/** A count with thousands separators, or "—" when unknown. */
export function formatCount(count: number | null | undefined): string {
  return count === null || count === undefined ? "—" : count.toLocaleString("en-US");
}

/** Text cut into plain pieces and web addresses, so a sentence from data (e.g. where to get a dataset) shows its addresses as links. */
export function textWithLinks(text: string): { text: string; href: string | null }[] {
  return text.split(/(https?:\/\/[^\s,;)]+)/).filter((piece) => piece !== "").map((piece) => ({ text: piece, href: /^https?:\/\//.test(piece) ? piece : null }));
}
