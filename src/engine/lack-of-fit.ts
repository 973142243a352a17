/**
 * Whether a straight line is the right shape for a calibration: the F-test of a quadratic term added to the
 * least-squares line (extra sum of squares, 1 and n − 3 degrees of freedom).
 */
import { fSurvival } from "./special-functions.ts";
import { assertPaired, type Numbers } from "./validate.ts";

/** The quadratic term's test: its F statistic, degrees of freedom, p-value, and the fitted curvature. */
export interface LackOfFit {
  readonly f: number;
  readonly df1: 1;
  readonly df2: number;
  readonly p: number;
  /** The quadratic coefficient of y on x (y ≈ a + b·x + c·x²): its sign says convex (> 0) or concave (< 0). */
  readonly curvature: number;
}

/**
 * Fits y = a + b·x and y = a + b·x + c·x² by least squares and tests c = 0: F = (RSS_line − RSS_quad) /
 * (RSS_quad / (n − 3)). The quadratic term is made orthogonal to the line first, which keeps the sums exact
 * for scores on any scale. Null with fewer than 4 items or fewer than 3 distinct x values. A line that fits
 * exactly has nothing to test (F = 0, p = 1).
 */
export function quadraticLackOfFit(x: Numbers, y: Numbers): LackOfFit | null {
  assertPaired(x, y);
  const n = x.length;
  if (n < 4 || new Set(Array.from(x)).size < 3) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  const dx = new Float64Array(n);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    dx[i] = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxx += (dx[i] as number) ** 2;
    sxy += (dx[i] as number) * dy;
    syy += dy * dy;
  }
  const slope = sxy / sxx;
  // The squared, centred x, minus its own line on x: the part of x² a line cannot explain.
  let mq = 0;
  for (let i = 0; i < n; i++) mq += (dx[i] as number) ** 2;
  mq /= n;
  let sxq = 0;
  for (let i = 0; i < n; i++) sxq += (dx[i] as number) * ((dx[i] as number) ** 2 - mq);
  const qSlope = sxq / sxx;
  let qq = 0;
  let qe = 0;
  let rssLine = 0;
  for (let i = 0; i < n; i++) {
    const d = dx[i] as number;
    const q = d * d - mq - qSlope * d;
    const e = (y[i] as number) - my - slope * d;
    qq += q * q;
    qe += q * e;
    rssLine += e * e;
  }
  const df2 = n - 3;
  const curvature = qe / qq;
  if (!(rssLine > 1e-24 * Math.max(syy, 1))) return { f: 0, df1: 1, df2, p: 1, curvature };
  const rssQuad = Math.max(rssLine - (qe * qe) / qq, 0);
  const f = rssQuad > 0 ? (rssLine - rssQuad) / (rssQuad / df2) : Infinity;
  return { f, df1: 1, df2, p: fSurvival(f, 1, df2), curvature };
}
