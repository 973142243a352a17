/**
 * Text and axis helpers of the compare view (display only: the figures and verdicts come computed). Intervals
 * read [low, high], never ±; differences carry their sign.
 */

/** The letters that key the compared entries in tables, legends and the chart. */
export const LETTERS = ["A", "B", "C", "D"] as const;

/** A value at a column's display precision, or an em dash. */
export function formatNumber(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined ? "—" : value.toFixed(digits);
}

/** An interval "[low, high]", or "" without one. */
export function formatRange(low: number | null | undefined, high: number | null | undefined, digits: number): string {
  if (low === null || low === undefined || high === null || high === undefined) return "";
  return `[${low.toFixed(digits)}, ${high.toFixed(digits)}]`;
}

/** A difference with its sign, "+0.116" or "-0.004" (the minus of every other figure on the site). */
export function formatSigned(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value > 0 ? "+" : "-"}${text}`;
}

/** A signed interval "[-0.031, +0.020]". */
export function formatSignedRange(low: number, high: number, digits: number): string {
  return `[${formatSigned(low, digits)}, ${formatSigned(high, digits)}]`;
}

/** A rank interval "[best, worst]", or "" without one. */
export function formatRankRange(best: number | null, worst: number | null): string {
  return best === null || worst === null ? "" : `[${best}, ${worst}]`;
}

/**
 * Round axis ticks covering [low, high] (steps of 1, 2, 2.5 or 5 times a power of ten), about `count` of
 * them, and the domain they span.
 */
export function niceTicks(low: number, high: number, count = 5): { domain: [number, number]; ticks: number[] } {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return { domain: [0, 1], ticks: [0, 0.5, 1] };
  if (high - low < 1e-12) {
    const pad = Math.abs(low) > 0 ? Math.abs(low) * 0.1 : 1;
    return niceTicks(low - pad, high + pad, count);
  }
  const rough = (high - low) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power) as number;
  const start = Math.floor(low / step + 1e-9) * step;
  const end = Math.ceil(high / step - 1e-9) * step;
  const ticks: number[] = [];
  // Multiply rather than accumulate, so ticks print as round numbers (0.3, not 0.30000000000000004).
  for (let i = 0; start + i * step <= end + step * 1e-9; i++) ticks.push(Number((start + i * step).toPrecision(12)));
  return { domain: [ticks[0] as number, ticks[ticks.length - 1] as number], ticks };
}
