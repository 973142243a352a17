/**
 * Where the kernels get their typed arrays. Data kept between calls (a prepared pair serving a
 * bootstrap's thousand resamples) needs fresh arrays; a one-off call such as `spearman(x, y)` can reuse
 * the arrays of the previous one. Reuse is what makes a one-off call at n = 10^6 fast: a fresh 4 MB
 * array is mapped page by page on first write, and those page faults cost more than the sort itself.
 */

/** A source of typed arrays of a given length; their contents are unspecified (not necessarily zero). */
export interface Arrays {
  uint32(length: number): Uint32Array;
  float64(length: number): Float64Array;
}

/** Fresh arrays, for data that outlives the call. */
export const FRESH_ARRAYS: Arrays = {
  uint32: (length) => new Uint32Array(length),
  float64: (length) => new Float64Array(length),
};

/** Arrays reused from one computation to the next: after `reset`, the k-th request of a type gets the k-th buffer again (grown when too short). */
export interface ArrayPool extends Arrays {
  /** Starts a new computation; every array handed out before may now be handed out again. */
  reset(): void;
}

/** A pool of reusable arrays; it keeps its largest buffers for the life of the process. */
export function arrayPool(): ArrayPool {
  const uint32s: Uint32Array[] = [];
  const float64s: Float64Array[] = [];
  let nextUint32 = 0;
  let nextFloat64 = 0;
  return {
    reset() {
      nextUint32 = 0;
      nextFloat64 = 0;
    },
    uint32(length) {
      let buffer = uint32s[nextUint32];
      if (buffer === undefined || buffer.length < length) uint32s[nextUint32] = buffer = new Uint32Array(length);
      nextUint32++;
      return buffer.subarray(0, length);
    },
    float64(length) {
      let buffer = float64s[nextFloat64];
      if (buffer === undefined || buffer.length < length) float64s[nextFloat64] = buffer = new Float64Array(length);
      nextFloat64++;
      return buffer.subarray(0, length);
    },
  };
}
