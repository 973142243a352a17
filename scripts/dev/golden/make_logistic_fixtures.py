#!/usr/bin/env python3
"""Writes tests/fixtures/engine/logistic.json: PLCC after the VQEG 4-parameter logistic, from SciPy.

scipy.optimize.curve_fit (MINPACK Levenberg-Marquardt) from the same starting point as the engine
(beta1 = max y, beta2 = min y, beta3 = mean x, beta4 = population SD of x), with tight tolerances.
Two optimizers stop at slightly different points of a flat optimum, so the tests allow 1e-6 on PLCC.
Run from the repository root: python3 scripts/dev/golden/make_logistic_fixtures.py
"""
import json
import pathlib

import numpy as np
from scipy import optimize, stats

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "engine" / "logistic.json"


def f(x, b1, b2, b3, b4):
    return b2 + (b1 - b2) / (1 + np.exp(-(x - b3) / np.abs(b4)))


def case(name, x, y):
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    p0 = [y.max(), y.min(), x.mean(), x.std()]
    params, _ = optimize.curve_fit(f, x, y, p0=p0, maxfev=100_000, ftol=1e-15, xtol=1e-15, gtol=1e-15)
    mapped = f(x, *params)
    return {"name": name, "x": x.tolist(), "y": y.tolist(), "params": [float(p) for p in params],
            "plccLogistic": float(stats.pearsonr(mapped, y).statistic),
            "plcc": float(stats.pearsonr(x, y).statistic),
            "rmseMapped": float(np.sqrt(np.mean((mapped - y) ** 2)))}


def main():
    rng = np.random.default_rng(99)
    x = rng.uniform(0, 1, 400)
    y = 1 + 4 / (1 + np.exp(-(x - 0.55) / 0.08)) + rng.normal(0, 0.3, 400)
    cases = [case("sigmoidal relation, n = 400", x, np.round(y, 4))]
    x2 = rng.normal(50, 10, 1000)
    y2 = 0.05 * x2 + rng.normal(0, 0.6, 1000)
    cases.append(case("nearly linear relation on another scale, n = 1000", np.round(x2, 3), np.round(y2, 3)))
    x3 = rng.integers(1, 6, 300).astype(float)
    y3 = x3 ** 1.5 + rng.normal(0, 1, 300)
    cases.append(case("integer predictions (heavy ties), n = 300", x3, np.round(y3, 3)))
    OUT.write_text(json.dumps({"generator": "scripts/dev/golden/make_logistic_fixtures.py", "cases": cases}) + "\n")
    for c in cases:
        print(c["name"], c["params"], c["plccLogistic"])


if __name__ == "__main__":
    main()
