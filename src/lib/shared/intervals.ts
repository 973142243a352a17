/**
 * The one way the site writes an interval, on pages and in islands alike: "[low, high]", never "±" (intervals need
 * not be symmetric). Import-free, so the islands bundle it.
 */

/**
 * An interval "[low, high]" at `digits` decimals, or "" when either end is missing; `write` writes each end (a chart
 * passes its own number writer, for the typographic minus), by default `toFixed`.
 */
export function intervalText(
  low: number | null | undefined,
  high: number | null | undefined,
  digits: number,
  write: (value: number, digits: number) => string = (value, at) => value.toFixed(at),
): string {
  if (low === null || low === undefined || high === null || high === undefined) return "";
  return `[${write(low, digits)}, ${write(high, digits)}]`;
}

/** A rank interval "[best, worst]", or "" when either end is missing. */
export function formatRankInterval(best: number | null | undefined, worst: number | null | undefined): string {
  if (best === null || best === undefined || worst === null || worst === undefined) return "";
  return `[${best}, ${worst}]`;
}
