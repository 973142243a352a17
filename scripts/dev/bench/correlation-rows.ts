/**
 * Target 3 of issue 10: spearman, pearson and kendall (τb and τc) at n = 58,500 (AIGVE-60K's size) and
 * n = 10^6, on continuous, one-tied and both-tied data, against SciPy on the same data in the same run:
 * at most 0.5× SciPy's time at 58,500 and 1.0× at 10^6, with values equal to SciPy's to 1e-12.
 */
import { kendall, kendallC, pearson, spearman } from "../../../src/engine/index.ts";
import type { Scipy } from "./scipy.ts";
import { makeShape, SHAPE_NAMES } from "./shapes.ts";
import type { BenchRow } from "./table.ts";
import { timePaired } from "./timing.ts";

/** Each size with its ratio target and how many rounds its medians take. */
const SIZES = [
  { n: 58_500, target: 0.5, runs: 15, warmupMs: 1000 },
  { n: 1_000_000, target: 1.0, runs: 7, warmupMs: 2000 },
] as const;

/** Our functions beside the SciPy task that computes the same coefficient. */
const FUNCTIONS = [
  { label: "spearman", task: "spearman", run: spearman },
  { label: "pearson", task: "pearson", run: pearson },
  { label: "kendall τb", task: "kendall", run: kendall },
  { label: "kendall τc", task: "kendall_c", run: kendallC },
] as const;

/** Largest difference from SciPy's value that still counts as the same coefficient. */
const TOLERANCE = 1e-12;

/** One row per function, shape and size. */
export async function correlationRows(scipy: Scipy | null): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const { n, target, runs, warmupMs } of SIZES) {
    for (const shape of SHAPE_NAMES) {
      const { x, y } = makeShape(shape, n, 20240601 + n);
      await scipy?.load(x, y);
      for (const { label, task, run } of FUNCTIONS) {
        const { ours, scipy: theirs } = await timePaired(() => run(x, y), scipy, task, runs, warmupMs);
        rows.push({
          figure: `${label} · ${shape} · n = ${n.toLocaleString("en")}`,
          target: { kind: "ratio", max: target },
          oursMs: ours.ms,
          baseline: theirs === null ? null : { name: "SciPy", ms: theirs.ms },
          agrees: theirs === null ? undefined : ours.value !== null && Math.abs(ours.value - (theirs.value as number)) <= TOLERANCE,
        });
      }
    }
  }
  return rows;
}
