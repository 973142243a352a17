/**
 * A seeded pseudo-random generator for the bootstrap: xoshiro128** (Blackman & Vigna), seeded through
 * SplitMix32. Pure 32-bit integer arithmetic, so a seed gives the same stream on every machine and
 * every JavaScript engine; Math.random offers neither a seed nor that guarantee.
 */

/** A stream of pseudo-random numbers; each call advances the stream. */
export interface Random {
  /** The next unsigned 32-bit integer. */
  nextUint32(): number;
  /** A uniform integer in [0, bound), without modulo bias; bound is 1 ≤ bound ≤ 2^32. */
  nextInt(bound: number): number;
  /** A uniform float in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /**
   * Draws `draws` uniform integers in [0, counts.length) and adds 1 to `counts` at each: the unit
   * multiplicities of one bootstrap resample. Same stream as calling nextInt(counts.length) repeatedly.
   */
  addDraws(counts: Float64Array, draws: number): void;
}

/**
 * value mod bound for 0 ≤ value < 2^32 and 1 ≤ bound ≤ 2^32, the same number `value % bound` gives, without
 * the floating-point modulo V8 compiles `%` on such numbers to (a library call that was a third of a
 * bootstrap's time). Exact: the quotient's distance to the next integer, at least 1/bound, exceeds the
 * division's rounding error, value/bound·2^-53, since value < 2^53; so the floor is the true quotient.
 */
function remainder(value: number, bound: number): number {
  return value - Math.floor(value / bound) * bound;
}

/** SplitMix32 step: spreads a small seed such as 1, 2, 3 over the whole state. */
function splitMix32(state: { value: number }): number {
  state.value = (state.value + 0x9e3779b9) | 0;
  let z = state.value;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A xoshiro128** generator seeded from `seed` (any integer; only its low 32 bits count). */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const init = { value: seed | 0 };
  let s0 = splitMix32(init);
  let s1 = splitMix32(init);
  let s2 = splitMix32(init);
  let s3 = splitMix32(init);
  // The all-zero state is the one state xoshiro never leaves.
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  const nextUint32 = (): number => {
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  return {
    nextUint32,
    nextInt(bound: number): number {
      if (!Number.isInteger(bound) || bound < 1 || bound > 0x100000000) {
        throw new RangeError(`bound must be an integer in [1, 2^32], got ${bound}`);
      }
      // Reject the top partial block of 2^32 so every residue is equally likely.
      const limit = 0x100000000 - (0x100000000 % bound);
      let value = nextUint32();
      while (value >= limit) value = nextUint32();
      return remainder(value, bound);
    },
    addDraws(counts: Float64Array, draws: number): void {
      const bound = counts.length;
      if (bound < 1 || bound > 0x100000000) throw new RangeError(`bound must be in [1, 2^32], got ${bound}`);
      const limit = 0x100000000 - (0x100000000 % bound);
      // The generator is inlined: this loop runs n times per resample, a call per draw cost 2x.
      for (let k = 0; k < draws; k++) {
        let value: number;
        do {
          const x = Math.imul(s1, 5);
          value = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
          const t = s1 << 9;
          s2 ^= s0;
          s3 ^= s1;
          s1 ^= s2;
          s0 ^= s3;
          s2 ^= t;
          s3 = (s3 << 11) | (s3 >>> 21);
        } while (value >= limit);
        counts[remainder(value, bound)]! += 1;
      }
    },
    nextFloat(): number {
      return ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992;
    },
  };
}

/**
 * `count` standard normal draws from the stream of `seed` (Box–Muller on `nextFloat`), for statistics that
 * add seeded noise of their own, e.g. an automatic evaluator's model-level prediction error.
 */
export function standardNormals(seed: number, count: number): Float64Array {
  const random = createRandom(seed);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i += 2) {
    // 1 − u lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - random.nextFloat()));
    const angle = 2 * Math.PI * random.nextFloat();
    out[i] = radius * Math.cos(angle);
    if (i + 1 < count) out[i + 1] = radius * Math.sin(angle);
  }
  return out;
}

/** A 32-bit seed derived from a base seed and a text (FNV-1a), so that each entry gets its own stream. */
export function derivedSeed(seed: number, text: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash | 0;
}

