/** Pearson's r with its Fisher-z interval: how well a panel's anchor scores agree with the benchmark's, and how surely. */
import { normalQuantile } from "./special-functions.ts";

/** A correlation and its interval. */
export interface AgreementInterval {
  readonly r: number;
  readonly low: number;
  readonly high: number;
  readonly n: number;
}

/**
 * The Fisher-z interval of a Pearson correlation r on n pairs: tanh(atanh r ± z·/√(n − 3)), z the normal
 * quantile of the confidence. Null below 4 pairs (no standard error). |r| = 1 has no spread on the z scale:
 * the interval is r itself.
 */
export function fisherInterval(r: number, n: number, confidence = 0.95): AgreementInterval | null {
  if (!(n >= 4) || !Number.isFinite(r)) return null;
  if (Math.abs(r) >= 1) return { r, low: r, high: r, n };
  const z = Math.atanh(r);
  const half = normalQuantile(1 - (1 - confidence) / 2) / Math.sqrt(n - 3);
  return { r, low: Math.tanh(z - half), high: Math.tanh(z + half), n };
}
