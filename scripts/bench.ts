/**
 * Benchmark of the scoring engine against SciPy on the same data, in the same run.
 *
 *   npm run bench            (or: node_modules/.bin/node scripts/bench.ts)
 *
 * For n = 58,500 (AIGVE-60K's size) and n = 10^6 it times spearman, pearson, kendall τb and τc (the median of the
 * first calls, and the median once V8 has optimized them after a timed warm-up) and one B = 1,000 SRCC
 * bootstrap. When `python3 -c "import scipy"` works, the
 * same data go to SciPy through a temporary float64 file; SciPy's bootstrap is a Python loop of
 * spearmanr on resampled indices, timed over fewer resamples and scaled to 1,000 (marked "*").
 * This is a report, not a test: nothing fails on a slow machine.
 */

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { correlationStatistic, createRandom, kendall, kendallC, pearson, resampleStatistics, spearman } from "../src/engine/index.ts";

const SIZES = [58_500, 1_000_000];
const RESAMPLES = 1000;

function makeData(n: number, seed: number): [Float64Array, Float64Array] {
  const random = createRandom(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = random.nextFloat();
    y[i] = 0.6 * (x[i] as number) + 0.4 * random.nextFloat();
  }
  return [x, y];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function timeRuns(run: () => unknown, runs: number): { ms: number; value: unknown } {
  let value: unknown;
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    value = run();
    times.push(performance.now() - start);
  }
  return { ms: median(times), value };
}

/**
 * Times a function twice over: `cold` is the median of its first calls in a fresh process (what a
 * one-off call costs), `ms` the median after V8 has optimized it (what every call of a rebuild or
 * bootstrap costs): the warm-up runs until `warmupMs` have passed, at least `runs` more calls.
 */
function time(run: () => unknown, runs: number, warmupMs: number): { ms: number; cold: number; value: unknown } {
  const cold = timeRuns(run, runs);
  const until = performance.now() + warmupMs;
  while (performance.now() < until) run();
  const warm = timeRuns(run, runs);
  return { ms: warm.ms, cold: cold.ms, value: warm.value };
}

const PYTHON = String.raw`
import json, sys, time
import numpy as np
from scipy import stats
path, n, runs, boot = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
data = np.fromfile(path, dtype="<f8")
x, y = data[:n].copy(), data[n:].copy()
def timed(f, warm=1):
    for _ in range(warm): f()
    ts = []
    for _ in range(runs):
        t = time.perf_counter(); f(); ts.append((time.perf_counter() - t) * 1000)
    return float(np.median(ts))
out = {
  "spearman": timed(lambda: stats.spearmanr(x, y)),
  "pearson": timed(lambda: stats.pearsonr(x, y)),
  "kendall": timed(lambda: stats.kendalltau(x, y)),
  "kendall_c": timed(lambda: stats.kendalltau(x, y, variant="c")),
  "values": [float(stats.spearmanr(x, y).statistic), float(stats.pearsonr(x, y).statistic),
             float(stats.kendalltau(x, y).statistic), float(stats.kendalltau(x, y, variant="c").statistic)],
}
rng = np.random.default_rng(0)
t = time.perf_counter()
for _ in range(boot):
    idx = rng.integers(0, n, n)
    stats.spearmanr(x[idx], y[idx])
out["bootstrap"] = (time.perf_counter() - t) * 1000 * ${RESAMPLES} / boot
print(json.dumps(out))
`;

function hasScipy(): boolean {
  try {
    execFileSync("python3", ["-c", "import scipy"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

interface Row {
  fn: string;
  n: number;
  ours: number;
  /** Median of the first calls in the process, before V8 optimizes them; null where not measured. */
  cold: number | null;
  scipy: number | null;
  note?: string;
}

function main(): void {
  const scipy = hasScipy();
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), "aigve-bench-"));
  try {
    for (const n of SIZES) {
      const [x, y] = makeData(n, 20240601 + n);
      const runs = n > 100_000 ? 3 : 9;
      const warmupMs = n > 100_000 ? 3000 : 1500;
      const sp = time(() => spearman(x, y), runs, warmupMs);
      const pe = time(() => pearson(x, y), runs, warmupMs);
      const ke = time(() => kendall(x, y), runs, warmupMs);
      const kc = time(() => kendallC(x, y), runs, warmupMs);
      const srcc = correlationStatistic("srcc", Uint32Array.from({ length: n }, (_, i) => i), Float64Array.from(x), Float64Array.from(y));
      const boot = timeRuns(() => resampleStatistics(srcc === null ? [] : [srcc], [n], { resamples: RESAMPLES, seed: 1 }), 1);
      let py: { spearman: number; pearson: number; kendall: number; kendall_c: number; bootstrap: number; values: number[] } | null = null;
      if (scipy) {
        const file = join(dir, `data-${n}.f64`);
        const bytes = new Float64Array(2 * n);
        bytes.set(x, 0);
        bytes.set(y, n);
        writeFileSync(file, new Uint8Array(bytes.buffer));
        const bootResamples = n > 100_000 ? 5 : 50;
        py = JSON.parse(
          execFileSync("python3", ["-c", PYTHON, file, String(n), String(runs), String(bootResamples)], {
            encoding: "utf8",
            maxBuffer: 1 << 20,
          }),
        );
        rmSync(file);
        const ours = [sp.value, pe.value, ke.value, kc.value] as number[];
        const diff = Math.max(...ours.map((v, k) => Math.abs(v - (py?.values[k] as number))));
        console.log(`n = ${n}: largest |ours − SciPy| over SRCC, PLCC, KRCC τb and τc = ${diff.toExponential(2)}`);
      }
      rows.push({ fn: "spearman", n, ours: sp.ms, cold: sp.cold, scipy: py?.spearman ?? null });
      rows.push({ fn: "pearson", n, ours: pe.ms, cold: pe.cold, scipy: py?.pearson ?? null });
      rows.push({ fn: "kendall", n, ours: ke.ms, cold: ke.cold, scipy: py?.kendall ?? null });
      rows.push({ fn: "kendall τc", n, ours: kc.ms, cold: kc.cold, scipy: py?.kendall_c ?? null });
      rows.push({ fn: `SRCC bootstrap B=${RESAMPLES}`, n, ours: boot.ms, cold: null, scipy: py?.bootstrap ?? null, note: "*" });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  console.log("\n| function | n | ours, warm (ms) | ours, first calls (ms) | scipy (ms) | ratio warm/scipy |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const row of rows) {
    const sc = row.scipy === null ? "–" : `${fmt(row.scipy)}${row.note ?? ""}`;
    const ratio = row.scipy === null ? "–" : (row.ours / row.scipy).toFixed(2);
    const cold = row.cold === null ? "–" : fmt(row.cold);
    console.log(`| ${row.fn} | ${row.n} | ${fmt(row.ours)} | ${cold} | ${sc} | ${ratio} |`);
  }
  console.log("\nWarm: median after V8 has optimized the code (every call of a rebuild). First calls: median of the first calls in a fresh process.");
  if (scipy) console.log("\n* SciPy bootstrap: a Python loop of spearmanr on resampled indices, timed on fewer resamples, scaled to 1,000.");
  else console.log("\nSciPy not available (python3 -c 'import scipy' failed): our times only.");
}

main();
