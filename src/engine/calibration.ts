/**
 * Putting scores on a benchmark's scale: least-squares lines (automatic evaluators), inverse calibration (anchors) and the
 * leave-one-group-out check of how far a calibrated mean lands from the truth for a group it never saw.
 */
import { assertPaired, type Numbers } from "./validate.ts";

/** y ≈ intercept + slope · x. */
export interface Line {
  readonly intercept: number;
  readonly slope: number;
}

/**
 * The (weighted) least-squares line from x to y; null when fewer than two items carry weight or x does
 * not vary among them. Weights count repeated items, as in a bootstrap resample.
 */
export function leastSquaresLine(x: Numbers, y: Numbers, weights: Numbers | null = null): Line | null {
  let total = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weights === null ? 1 : (weights[i] as number);
    total += w;
    sumX += w * (x[i] as number);
    sumY += w * (y[i] as number);
  }
  if (total < 2) return null;
  const meanX = sumX / total;
  const meanY = sumY / total;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weights === null ? 1 : (weights[i] as number);
    if (w === 0) continue;
    const dx = (x[i] as number) - meanX;
    sxx += w * dx * dx;
    sxy += w * dx * ((y[i] as number) - meanY);
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}

/**
 * Inverse calibration: the least-squares line panel = c + d·benchmark over the anchors (the benchmark's score is
 * the design variable: anchors are chosen by stratifying on it), solved for the benchmark score and returned as
 * the line benchmark = −c/d + (1/d)·panel. The forward fit of benchmark on panel would be attenuated by the panel's
 * rating noise and pull every entry toward the anchors' mean. Null when the fit is undefined or d ≤ 0: a panel
 * that does not rate better anchors higher cannot be put on the benchmark's scale. Weights count repeated items.
 */
export function inverseCalibrationLine(panel: Numbers, benchmark: Numbers, weights: Numbers | null = null): Line | null {
  const fit = leastSquaresLine(benchmark, panel, weights);
  if (fit === null || !(fit.slope > 0)) return null;
  // (0 − c)/d rather than −c/d: the identity line has intercept +0, not −0.
  return { intercept: (0 - fit.intercept) / fit.slope, slope: 1 / fit.slope };
}

/** A value mapped through a line. */
export function applyLine(line: Line, x: number): number {
  return line.intercept + line.slope * x;
}

/** What a leave-one-group-out check found for one group. */
export interface HeldOutGroup {
  readonly group: string;
  /** Mean truth of the group's items. */
  readonly observed: number;
  /** Mean of the line fitted without the group, applied to the group's items. */
  readonly predicted: number;
  readonly items: number;
}

/**
 * For each group (e.g. a T2V model), fits the least-squares line from x to y on the other groups' items
 * and compares the group's predicted mean with its observed mean. Groups whose line is undefined are
 * left out. This is the honest error of a calibrated mean for a model the calibration never saw.
 */
export function leaveOneGroupOut(x: Numbers, y: Numbers, groups: readonly string[]): HeldOutGroup[] {
  assertPaired(x, y);
  if (groups.length !== x.length) throw new RangeError(`groups has ${groups.length} labels for ${x.length} items`);
  const n = x.length;
  // One pass of per-group sums, centred on the overall means for accuracy; each held-out line is then the
  // overall sums minus its group's, so all groups cost one pass rather than one pass each.
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    meanX += x[i] as number;
    meanY += y[i] as number;
  }
  meanX /= n || 1;
  meanY /= n || 1;
  const index = new Map<string, number>();
  const sums: { count: number; x: number; y: number; xx: number; xy: number; rawX: number; rawY: number }[] = [];
  const total = { count: 0, x: 0, y: 0, xx: 0, xy: 0 };
  for (let i = 0; i < n; i++) {
    const name = groups[i] as string;
    let g = index.get(name);
    if (g === undefined) {
      g = sums.length;
      index.set(name, g);
      sums.push({ count: 0, x: 0, y: 0, xx: 0, xy: 0, rawX: 0, rawY: 0 });
    }
    const dx = (x[i] as number) - meanX;
    const dy = (y[i] as number) - meanY;
    const group = sums[g] as (typeof sums)[number];
    group.count++;
    group.x += dx;
    group.y += dy;
    group.xx += dx * dx;
    group.xy += dx * dy;
    group.rawX += x[i] as number;
    group.rawY += y[i] as number;
    total.count++;
    total.x += dx;
    total.y += dy;
    total.xx += dx * dx;
    total.xy += dx * dy;
  }
  const out: HeldOutGroup[] = [];
  for (const [name, g] of index) {
    const group = sums[g] as (typeof sums)[number];
    const count = total.count - group.count;
    if (count < 2) continue;
    const dx = (total.x - group.x) / count;
    const dy = (total.y - group.y) / count;
    const sxx = total.xx - group.xx - count * dx * dx;
    const sxy = total.xy - group.xy - count * dx * dy;
    if (!(sxx > 0)) continue;
    const slope = sxy / sxx;
    const line = { intercept: meanY + dy - slope * (meanX + dx), slope };
    out.push({ group: name, observed: group.rawY / group.count, predicted: applyLine(line, group.rawX / group.count), items: group.count });
  }
  return out;
}

/** Root mean square of some errors; null when there are none. */
export function rootMeanSquare(errors: Numbers): number | null {
  if (errors.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < errors.length; i++) sum += (errors[i] as number) ** 2;
  return Math.sqrt(sum / errors.length);
}
