/** Display formatting. Values are stored at full precision; rounding happens here and only for display. */

const DECIMALS: Record<string, number> = { mos: 2, accuracy: 2, srcc: 4, plcc: 4, krcc: 4, plcc_logistic: 4, score: 2 };

/** A metric value rounded for display (MOS and accuracy to 2 decimals, correlations to 4). */
export function formatValue(metric: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return value.toFixed(DECIMALS[metric] ?? 3);
}

/** A 95% interval as "low–high" at the metric's display precision, or "" when there is none. */
export function formatInterval(metric: string, low: number | null, high: number | null): string {
  if (low === null || high === null) return "";
  return `${formatValue(metric, low)}–${formatValue(metric, high)}`;
}

/** Half the width of an interval, shown as "± x" beside a value. */
export function formatPlusMinus(metric: string, low: number | null, high: number | null): string {
  if (low === null || high === null) return "";
  return `± ${formatValue(metric, (high - low) / 2)}`;
}

/** A rank, or an em dash for an unranked entry. */
export function formatRank(rank: number | null | undefined): string {
  return rank === null || rank === undefined ? "—" : String(rank);
}

/** A rank interval "best–worst", collapsed to one number when both ends agree. */
export function formatRankInterval(best: number | null, worst: number | null): string {
  if (best === null || worst === null) return "";
  return best === worst ? String(best) : `${best}–${worst}`;
}

/** A count with thousands separators, or "—" when unknown. */
export function formatCount(count: number | null | undefined): string {
  return count === null || count === undefined ? "—" : count.toLocaleString("en-US");
}
