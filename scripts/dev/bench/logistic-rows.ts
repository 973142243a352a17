/**
 * Target 4 of issue 10: the PLCC after the 4-parameter logistic, fitted from predictions to MOS at
 * n = 58,500, in at most 0.2 s; SciPy's curve_fit on the same data beside it, and both PLCCs compared.
 */
import { logisticPlcc } from "../../../src/engine/index.ts";
import type { Scipy } from "./scipy.ts";
import { makeShape, SHAPE_NAMES } from "./shapes.ts";
import type { BenchRow } from "./table.ts";
import { timePaired } from "./timing.ts";

const N = 58_500;
/** curve_fit stops at its default tolerance (1.5e-8 relative), short of the exact optimum we converge to. */
const TOLERANCE = 1e-6;

/** One row per shape: fitting from the predictions y to the MOS-like x. */
export async function logisticRows(scipy: Scipy | null): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const shape of SHAPE_NAMES) {
    const { x, y } = makeShape(shape, N, 20240601 + N);
    await scipy?.load(x, y);
    const { ours, scipy: theirs } = await timePaired(() => logisticPlcc(y, x).value, scipy, "logistic", 7, 500);
    rows.push({
      figure: `logistic fit + PLCC · ${shape} · n = ${N.toLocaleString("en")}`,
      target: { kind: "time", maxMs: 200 },
      oursMs: ours.ms,
      baseline: theirs === null ? null : { name: "SciPy curve_fit", ms: theirs.ms },
      agrees: theirs === null || theirs.value === null ? undefined : ours.value !== null && Math.abs(ours.value - theirs.value) <= TOLERANCE,
    });
  }
  return rows;
}
