/**
 * `npm run bench` (or: node scripts/bench.ts): one markdown table of the speed targets of issue 10, each
 * figure beside its baseline measured in the same run (SciPy through python3 when installed, or a physical
 * limit), ours and the baseline's calls alternating so that both meet the same load. A report, not a test:
 * nothing fails on a slow machine. Each case returns rows; add a case to CASES to add rows
 * (scripts/bench/table.ts describes a row).
 */
import { boardWeightRows } from "./bench/board-weight-rows.ts";
import { bootstrapRows } from "./bench/bootstrap-rows.ts";
import { compareRows } from "./bench/compare-rows.ts";
import { correlationRows } from "./bench/correlation-rows.ts";
import { logisticRows } from "./bench/logistic-rows.ts";
import { scaleRows } from "./bench/scale-rows.ts";
import { startScipy, type Scipy } from "./bench/scipy.ts";
import { submitGrowthRows } from "./bench/submit-growth-rows.ts";
import { printTable, type BenchRow } from "./bench/table.ts";

const CASES: readonly ((scipy: Scipy | null) => Promise<BenchRow[]>)[] = [correlationRows, bootstrapRows, logisticRows, scaleRows, compareRows, boardWeightRows, submitGrowthRows];

async function main(): Promise<void> {
  const scipy = await startScipy();
  if (scipy === null) console.log("SciPy not available (python3 cannot import scipy): ratio targets have no baseline.\n");
  const rows: BenchRow[] = [];
  try {
    for (const run of CASES) rows.push(...(await run(scipy)));
  } finally {
    scipy?.close();
  }
  printTable(rows);
  console.log(
    "\nOurs: the median of repeated calls once V8 has optimized them (a bootstrap or a rebuild makes thousands); SciPy: the " +
      "median of calls alternating with ours, on the same data. Correlations agree with SciPy's to 1e-12 (a row that does not " +
      "is marked), logistic PLCCs to 1e-6 (curve_fit stops at its default tolerance). SciPy's bootstrap recomputes the " +
      "statistic on resampled indices, timed on 20 resamples and scaled to 1,000.",
  );
}

await main();
