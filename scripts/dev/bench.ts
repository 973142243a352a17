/**
 * `npm run bench` (or: node scripts/dev/bench.ts): one markdown table of the speed targets of issues 10 and 18, each
 * figure beside its baseline measured in the same run (SciPy through python3 when installed, or a physical
 * limit), ours and the baseline's calls alternating so that both meet the same load. A report, not a test:
 * nothing fails on a slow machine. Each case returns rows; add a case to CASES to add rows
 * (scripts/dev/bench/table.ts describes a row). `-- --only <case>[,<case>…]` runs some cases only, `--sizes <n>,…` sets
 * a sized case's sizes (scripts/dev/bench/options.ts); `BENCH_QUICK=1` makes the whole-run cases smaller;
 * `BENCH_CAP_SECONDS` stops a growth case's run (a site build, say) after that long, 30 min by default.
 */
import { aigveGrowthRows } from "./bench/aigve-growth-rows.ts";
import { aigveSubmitRows } from "./bench/aigve-submit-rows.ts";
import { boardWeightRows } from "./bench/board-weight-rows.ts";
import { bootstrapRows } from "./bench/bootstrap-rows.ts";
import { compareRows } from "./bench/compare-rows.ts";
import { correlationRows } from "./bench/correlation-rows.ts";
import { logisticRows } from "./bench/logistic-rows.ts";
import { parseBenchOptions } from "./bench/options.ts";
import { scaleRows } from "./bench/scale-rows.ts";
import { startScipy, type Scipy } from "./bench/scipy.ts";
import { submitGrowthRows } from "./bench/submit-growth-rows.ts";
import { submittedGrowthRows } from "./bench/submitted-growth-rows.ts";
import { printTable, type BenchRow } from "./bench/table.ts";

const quick = process.env.BENCH_QUICK === "1";
/** How long one whole run of a growth case (a store's making, a rebuild, a site build) may take before it is stopped: BENCH_CAP_SECONDS, else 30 min. */
const capSeconds = Number(process.env.BENCH_CAP_SECONDS ?? "") > 0 ? Number(process.env.BENCH_CAP_SECONDS) : 30 * 60;

/** What a case is given: the SciPy baseline (null without SciPy) and the sizes from `--sizes` (null: its own). */
interface CaseInputs {
  readonly scipy: Scipy | null;
  readonly sizes: readonly number[] | null;
}

/** The cases in table order, by the name `--only` selects them with. */
const CASES: Readonly<Record<string, (inputs: CaseInputs) => Promise<BenchRow[]>>> = {
  correlation: ({ scipy }) => correlationRows(scipy),
  bootstrap: ({ scipy }) => bootstrapRows(scipy),
  logistic: ({ scipy }) => logisticRows(scipy),
  scale: () => scaleRows(),
  compare: () => compareRows(),
  "board-weight": () => boardWeightRows(),
  "submit-growth": () => submitGrowthRows(),
  "aigve-submit": () => aigveSubmitRows(quick ? 1 : 3, capSeconds),
  "submitted-growth": ({ sizes }) => submittedGrowthRows(sizes ?? (quick ? [20, 50, 100] : [100, 1000, 10_000]), capSeconds),
  "aigve-growth": ({ sizes }) => aigveGrowthRows(sizes ?? (quick ? [25, 100] : [250, 1000]), capSeconds),
};

/** The cases that take `--sizes`. */
const SIZED = ["submitted-growth", "aigve-growth"];

async function main(): Promise<void> {
  const { only, sizes } = parseBenchOptions(process.argv.slice(2), Object.keys(CASES), SIZED);
  const selected = only ?? Object.keys(CASES);
  // SciPy is the baseline of the statistics cases only; the whole-run cases do not wait for it.
  const scipy = selected.some((name) => ["correlation", "bootstrap", "logistic"].includes(name)) ? await startScipy() : null;
  if (scipy === null && only === null) console.log("SciPy not available (python3 cannot import scipy): ratio targets have no baseline.\n");
  const rows: BenchRow[] = [];
  try {
    for (const name of selected) rows.push(...(await (CASES[name] as (inputs: CaseInputs) => Promise<BenchRow[]>)({ scipy, sizes })));
  } finally {
    scipy?.close();
  }
  printTable(rows);
  console.log(
    "\nOurs: the median of repeated calls once V8 has optimized them (a bootstrap or a rebuild makes thousands); SciPy: the " +
      "median of calls alternating with ours, on the same data. Correlations agree with SciPy's to 1e-12 (a row that does not " +
      "is marked), logistic PLCCs to 1e-6 (curve_fit stops at its default tolerance). SciPy's bootstrap recomputes the " +
      "statistic on resampled indices, timed on 20 resamples and scaled to 1,000. Whole runs (site builds, rebuilds) are " +
      "child processes timed by the wall clock and, where a row says CPU, by their user + system seconds.",
  );
}

await main();
