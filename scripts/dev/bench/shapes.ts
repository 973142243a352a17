/**
 * The data shapes the correlation benchmarks run on, seeded so every run times the same numbers.
 * A V2T method's predictions against human MOS come in three shapes: both continuous; one side on a
 * few levels (MOS as the mean of five 1–5 ratings: 21 levels); both on levels (a method answering 1–5).
 */
import { createRandom } from "../../../src/engine/index.ts";

/** A named pair of paired samples. */
export interface Shape {
  readonly name: string;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** The shape names, in table order. */
export const SHAPE_NAMES = ["continuous", "one tied", "both tied"] as const;

/** One of the three shapes at size n: x is MOS-like where tied, y a prediction of it. */
export function makeShape(name: (typeof SHAPE_NAMES)[number], n: number, seed: number): Shape {
  const random = createRandom(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const rating = (quality: number) => Math.min(5, Math.max(1, Math.round(1 + 4 * quality + 1.2 * (random.nextFloat() - 0.5))));
  for (let i = 0; i < n; i++) {
    const quality = random.nextFloat();
    const prediction = 0.6 * quality + 0.4 * random.nextFloat();
    if (name === "continuous") {
      x[i] = quality;
      y[i] = prediction;
    } else {
      // The mean of five ratings: 21 levels 1.0, 1.2, …, 5.0.
      let sum = 0;
      for (let r = 0; r < 5; r++) sum += rating(quality);
      x[i] = sum / 5;
      y[i] = name === "one tied" ? prediction : Math.min(5, Math.max(1, Math.round(1 + 4 * prediction)));
    }
  }
  return { name, x, y };
}
