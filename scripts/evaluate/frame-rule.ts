/** Which frame indices of a video of `length` frames a card's rule picks. Pure: numbers in, numbers out. */

/** NumPy's `np.round` to an integer: halves go to the even neighbour (banker's rounding), unlike Math.round. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * LOVE's segment-centre rule, as in IntMeGroup/LOVE train/infer_perception.py:563-575 (get_index, with no bound,
 * so start = 0 and end = len - 1; the same lines are in infer_correspondence.py:572-584):
 * `seg = (end - start) / n; idx = int(start + seg/2 + np.round(seg * i))` for i in 0..n-1.
 */
export function segmentCentres(length: number, count: number): number[] {
  if (!Number.isInteger(length) || length < 1) throw new RangeError(`a video needs at least one frame, got ${length}`);
  const seg = (length - 1) / count;
  return Array.from({ length: count }, (_, i) => Math.trunc(seg / 2 + roundHalfEven(seg * i)));
}

/** Evenly spaced frames from the first to the last, truncated, as vLLM's video loader picks them (`np.linspace(0, len-1, n, dtype=int)`). */
export function evenFrames(length: number, count: number): number[] {
  if (!Number.isInteger(length) || length < 1) throw new RangeError(`a video needs at least one frame, got ${length}`);
  if (count === 1) return [0];
  return Array.from({ length: count }, (_, i) => Math.trunc(((length - 1) * i) / (count - 1)));
}

/** The frame indices a rule picks, in the order they are sent. */
export function pickFrames(rule: "segment-centres" | "even", length: number, count: number): number[] {
  return rule === "segment-centres" ? segmentCentres(length, count) : evenFrames(length, count);
}
