/**
 * The bootstrap at AIGVE-60K's size: B = 1,000 resamples of 58,500 videos for SRCC and KRCC (τb), each
 * shape, through the engine's own path (`correlationStatistic` on `resampleStatistics`), against SciPy's
 * way of doing it, the statistic recomputed on resampled indices (timed on 20 resamples, scaled to 1,000).
 * Target as for single calls at this size (target 3): at most 0.5× SciPy.
 */
import { correlationStatistic, resampleStatistics } from "../../../src/engine/index.ts";
import type { Scipy } from "./scipy.ts";
import { makeShape, SHAPE_NAMES } from "./shapes.ts";
import type { BenchRow } from "./table.ts";
import { timePaired } from "./timing.ts";

const N = 58_500;
const RESAMPLES = 1000;
/** Resamples SciPy is timed on; its time is scaled to 1,000. */
const SCIPY_RESAMPLES = 20;

const STATISTICS = [
  { label: "SRCC", metric: "srcc", task: "srcc_bootstrap" },
  { label: "KRCC τb", metric: "krcc", task: "krcc_bootstrap" },
] as const;

/** One row per statistic and shape: the median of three full bootstraps, each after one of SciPy's. */
export async function bootstrapRows(scipy: Scipy | null): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const units = Uint32Array.from({ length: N }, (_, i) => i);
  for (const shape of SHAPE_NAMES) {
    const { x, y } = makeShape(shape, N, 20240601 + N);
    await scipy?.load(x, y);
    for (const { label, metric, task } of STATISTICS) {
      const bootstrap = () => {
        const statistic = correlationStatistic(metric, units, y, x);
        return resampleStatistics(statistic === null ? [] : [statistic], [N], { resamples: RESAMPLES, seed: 1 });
      };
      const { ours, scipy: theirs } = await timePaired(bootstrap, scipy, `${task}:${SCIPY_RESAMPLES}`, 3, 0);
      rows.push({
        figure: `${label} bootstrap B = 1,000 · ${shape} · n = ${N.toLocaleString("en")}`,
        target: { kind: "ratio", max: 0.5 },
        oursMs: ours.ms,
        baseline: theirs === null ? null : { name: `SciPy (${SCIPY_RESAMPLES} resamples ×${RESAMPLES / SCIPY_RESAMPLES})`, ms: theirs.ms },
      });
    }
  }
  return rows;
}
