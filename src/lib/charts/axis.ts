/**
 * Round axes for the charts: a domain and ticks on a 1–2–2.5–5 × 10^k step, so that tick labels read 0, 0.2, 0.4
 * rather than 0.085, 0.17, 0.255. Pure and free of imports: the chart islands bundle it.
 */

/** A numeric axis: its domain, its ticks (every step from one end to the other) and the decimals they need. */
export interface NiceAxis {
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
  readonly digits: number;
}

/** How an axis may be stretched: whether it must include 0, and the values it may never pass (e.g. −1 and 1). */
export interface AxisOptions {
  readonly includeZero?: boolean;
  readonly bounds?: readonly [number, number];
  /** About how many intervals between ticks (4–5 reads well at phone and desktop width). */
  readonly intervals?: number;
}

const STEPS = [1, 2, 2.5, 5, 10] as const;

/** The smallest round step (1, 2, 2.5 or 5 times a power of ten) that covers `span` in about `intervals` steps. */
export function niceStep(span: number, intervals: number): number {
  const raw = span / Math.max(1, intervals);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const factor = STEPS.find((s) => s >= residual - 1e-9) ?? 10;
  return factor * magnitude;
}

/** Decimals that write every multiple of `step` exactly (0.25 → 2, 0.2 → 1, 25 → 0). */
export function stepDigits(step: number): number {
  for (let digits = 0; digits < 12; digits += 1) {
    const scaled = step * 10 ** digits;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return digits;
  }
  return 12;
}

/** A round axis covering `values` (e.g. every value and both ends of its interval). */
export function niceAxis(values: readonly number[], options: AxisOptions = {}): NiceAxis {
  const finite = values.filter((v) => Number.isFinite(v));
  const [lowBound, highBound] = options.bounds ?? [-Infinity, Infinity];
  // A loop, not Math.min(...finite): a board's values across its dimensions run to hundreds of thousands, past the
  // engine's limit on a call's arguments.
  let min = finite.length > 0 ? Infinity : 0;
  let max = finite.length > 0 ? -Infinity : 1;
  for (const v of finite) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (options.includeZero) {
    min = Math.min(min, 0);
    max = Math.max(max, 0);
  }
  if (max - min < 1e-12) {
    // One value and no zero to reach: a small round window around it.
    const half = Math.abs(max) > 1e-12 ? Math.abs(max) / 10 : 0.5;
    min -= half;
    max += half;
  }
  const step = niceStep(max - min, options.intervals ?? 5);
  const digits = stepDigits(step);
  const round = (v: number) => Number(v.toFixed(digits));
  const low = Math.max(lowBound, round(Math.floor(min / step + 1e-9) * step));
  const high = Math.min(highBound, round(Math.ceil(max / step - 1e-9) * step));
  const ticks: number[] = [];
  const first = Math.ceil(low / step - 1e-9);
  for (let i = first; i * step <= high + step * 1e-9; i += 1) ticks.push(round(i * step));
  return { domain: [low, high], ticks, digits };
}

/** A number as a chart writes it (ticks, tooltips, axis notes): `digits` decimals, a typographic minus "−" (a hyphen reads as a dash in small type). */
export function chartNumber(value: number, digits: number): string {
  return value.toFixed(digits).replace(/^-/, "−");
}
