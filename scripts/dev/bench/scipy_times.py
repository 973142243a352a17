#!/usr/bin/env python3
"""SciPy's side of `npm run bench` (scripts/dev/bench/scipy.ts): a small server on stdin and stdout, so that the
bench can alternate one SciPy call with one of ours and both meet the same load on a shared machine.

Commands, one per line; each answer is one JSON line:
  load PATH N   reads 2N little-endian float64 (x then y) from PATH     -> {"n": N}
  time TASK     times one call of TASK on the loaded data               -> {"ms": ..., "value": ...}
Tasks: spearman, pearson, kendall, kendall_c (of x and y); logistic (PLCC after curve_fit, default
tolerances, of the 4-parameter logistic from y to x, from the engine's start point); srcc_bootstrap:R and
krcc_bootstrap:R (R resamples of spearmanr or kendalltau on resampled indices, the time scaled to 1,000).
"""
import json
import sys
import time

import numpy as np
from scipy import optimize, stats


def logistic4(x, b1, b2, b3, b4):
    return b2 + (b1 - b2) / (1 + np.exp(-(x - b3) / np.abs(b4)))


def logistic_plcc(pred, mos):
    p0 = [mos.max(), mos.min(), pred.mean(), pred.std()]
    try:
        params, _ = optimize.curve_fit(logistic4, pred, mos, p0=p0)
    except RuntimeError:  # no convergence within curve_fit's evaluation cap
        return None
    return float(stats.pearsonr(logistic4(pred, *params), mos).statistic)


def bootstrap(x, y, statistic, resamples):
    rng = np.random.default_rng(0)
    for _ in range(resamples):
        idx = rng.integers(0, x.size, x.size)
        statistic(x[idx], y[idx])


def task_call(task, x, y):
    """The call to time and the factor its time is scaled by."""
    name, _, count = task.partition(":")
    if name == "srcc_bootstrap":
        return (lambda: bootstrap(x, y, stats.spearmanr, int(count))), 1000 / int(count)
    if name == "krcc_bootstrap":
        return (lambda: bootstrap(x, y, stats.kendalltau, int(count))), 1000 / int(count)
    calls = {
        "spearman": lambda: float(stats.spearmanr(x, y).statistic),
        "pearson": lambda: float(stats.pearsonr(x, y).statistic),
        "kendall": lambda: float(stats.kendalltau(x, y).statistic),
        "kendall_c": lambda: float(stats.kendalltau(x, y, variant="c").statistic),
        "logistic": lambda: logistic_plcc(y, x),
    }
    return calls[name], 1


def main():
    x = y = None
    for line in sys.stdin:
        command, *args = line.split()
        if command == "load":
            n = int(args[1])
            data = np.fromfile(args[0], dtype="<f8")
            x, y = data[:n].copy(), data[n:].copy()
            answer = {"n": n}
        else:
            call, scale = task_call(args[0], x, y)
            start = time.perf_counter()
            value = call()
            answer = {"ms": (time.perf_counter() - start) * 1000 * scale, "value": value}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
