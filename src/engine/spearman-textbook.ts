/**
 * Spearman's ρ by the textbook shortcut 1 − 6Σd² / (n(n² − 1)), d the difference of an item's two mid-ranks (average
 * ranks for ties), with no correction for ties. Without ties it equals Pearson's r of the ranks (`spearman`, SciPy's
 * `spearmanr`); with ties the two differ, and the shortcut is what some papers computed: the audit shows it beside
 * SciPy's value where a paper's figures reproduce only with it (the T2VScore paper's Table 1). Boards never use it.
 */
import { denseRanks } from "./rank-data.ts";
import { assertPaired, type Numbers } from "./validate.ts";

/** Mid-ranks (1-based; equal values share the mean of the places they take). */
function midRanks(values: Numbers): Float64Array {
  const dense = denseRanks(Float64Array.from(values));
  const group = new Float64Array(dense.distinct);
  for (let g = 0; g < dense.distinct; g++) {
    const below = dense.starts[g] as number;
    group[g] = below + ((dense.starts[g + 1] as number) - below + 1) / 2;
  }
  return Float64Array.from(dense.rank, (g) => group[g] as number);
}

/** The textbook ρ without tie correction, or null when n < 2 or an input is constant (as `spearman`). */
export function spearmanWithoutTieCorrection(x: Numbers, y: Numbers): number | null {
  assertPaired(x, y);
  const n = x.length;
  if (n < 2) return null;
  const rx = midRanks(x);
  const ry = midRanks(y);
  if (rx.every((r) => r === rx[0]) || ry.every((r) => r === ry[0])) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = (rx[i] as number) - (ry[i] as number);
    sum += d * d;
  }
  return 1 - (6 * sum) / (n * (n * n - 1));
}
