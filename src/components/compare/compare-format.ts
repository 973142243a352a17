/**
 * Text helpers of the compare view (display only: the figures and verdicts come computed). Differences carry their
 * sign; intervals are written by src/lib/shared/intervals.ts and axes built by src/lib/charts/axis.ts, as everywhere.
 */

/** The letters that key the compared entries in tables, legends and the chart. */
export const LETTERS = ["A", "B", "C", "D"] as const;

/** A value at a column's display precision, or an em dash. */
export function formatNumber(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined ? "—" : value.toFixed(digits);
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
