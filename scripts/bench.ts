/**
 * Benchmark of the scoring engine against SciPy on the same data, in the same run.
 *
 *   npm run bench            (or: node_modules/.bin/node scripts/bench.ts)
 *
 * For n = 58,500 (AIGVE-60K's size) and n = 10^6 it times spearman, pearson, kendall (median of several
 * calls after warm-up) and one B = 1,000 SRCC bootstrap. When `python3 -c "import scipy"` works, the
 * same data go to SciPy through a temporary float64 file; SciPy's bootstrap is a Python loop of
 * spearmanr on resampled indices, timed over fewer resamples and scaled to 1,000 (marked "*").
 * This is a report, not a test: nothing fails on a slow machine.
 */

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bootstrap, createRandom, kendall, pearson, preparePair, spearman } from "../src/engine/index.ts";

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

function time(run: () => unknown, warmups: number, runs: number): { ms: number; value: unknown } {
  let value: unknown;
  for (let k = 0; k < warmups; k++) value = run();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    value = run();
    times.push(performance.now() - start);
  }
  return { ms: median(times), value };
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
  "values": [float(stats.spearmanr(x, y).statistic), float(stats.pearsonr(x, y).statistic),
             float(stats.kendalltau(x, y).statistic)],
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
      const sp = time(() => spearman(x, y), 2, runs);
      const pe = time(() => pearson(x, y), 2, runs);
      const ke = time(() => kendall(x, y), 2, runs);
      const pair = preparePair(x, y);
      const boot = time(
        () => bootstrap((w) => pair.srcc(w), { itemCount: n, unitCount: n }, { resamples: RESAMPLES, seed: 1 }),
        0,
        1,
      );
      let py: { spearman: number; pearson: number; kendall: number; bootstrap: number; values: number[] } | null = null;
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
        const ours = [sp.value, pe.value, ke.value] as number[];
        const diff = Math.max(...ours.map((v, k) => Math.abs(v - (py?.values[k] as number))));
        console.log(`n = ${n}: largest |ours − SciPy| over SRCC, PLCC, KRCC = ${diff.toExponential(2)}`);
      }
      rows.push({ fn: "spearman", n, ours: sp.ms, scipy: py?.spearman ?? null });
      rows.push({ fn: "pearson", n, ours: pe.ms, scipy: py?.pearson ?? null });
      rows.push({ fn: "kendall", n, ours: ke.ms, scipy: py?.kendall ?? null });
      rows.push({ fn: `SRCC bootstrap B=${RESAMPLES}`, n, ours: boot.ms, scipy: py?.bootstrap ?? null, note: "*" });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  console.log("\n| function | n | ours (ms) | scipy (ms) | ratio ours/scipy |");
  console.log("|---|---:|---:|---:|---:|");
  for (const row of rows) {
    const sc = row.scipy === null ? "–" : `${fmt(row.scipy)}${row.note ?? ""}`;
    const ratio = row.scipy === null ? "–" : (row.ours / row.scipy).toFixed(2);
    console.log(`| ${row.fn} | ${row.n} | ${fmt(row.ours)} | ${sc} | ${ratio} |`);
  }
  if (scipy) console.log("\n* SciPy bootstrap: a Python loop of spearmanr on resampled indices, timed on fewer resamples, scaled to 1,000.");
  else console.log("\nSciPy not available (python3 -c 'import scipy' failed): our times only.");
}

main();
