#!/usr/bin/env python3
"""Writes tests/fixtures/engine/correlation.json: golden SRCC/PLCC/KRCC (tau-b and tau-c) values from SciPy.

Run from the repository root: python3 scripts/dev/golden/make_correlation_fixtures.py
The tests read the JSON only; they never need Python. Undefined coefficients (NaN in SciPy) are null.
"""
import json
import math
import pathlib
import warnings

import numpy as np
import scipy
from scipy import stats

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "engine" / "correlation.json"


def coefficient(value):
    value = float(value)
    return None if math.isnan(value) else value


def case(name, x, y):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # constant-input warnings are the point of some cases
        if len(x) < 2:
            srcc = plcc = krcc = krcc_c = None
        else:
            srcc = coefficient(stats.spearmanr(x, y).statistic)
            plcc = coefficient(stats.pearsonr(x, y).statistic)
            krcc = coefficient(stats.kendalltau(x, y, variant="b").statistic)
            krcc_c = coefficient(stats.kendalltau(x, y, variant="c").statistic)
    return {"name": name, "x": [float(v) for v in x], "y": [float(v) for v in y],
            "srcc": srcc, "plcc": plcc, "krcc": krcc, "krcc_c": krcc_c}


def main():
    rng = np.random.default_rng(20240601)
    cases = [
        case("scipy kendalltau docstring example", [12, 2, 1, 12, 2], [1, 4, 7, 1, 0]),
        case("ties in both inputs", [1, 2, 2, 3, 3, 3, 4, 5], [2, 1, 3, 3, 5, 4, 4, 4]),
        case("n = 2", [0.5, 1.5], [3.0, 1.0]),
        case("n = 1 is undefined", [1.0], [2.0]),
        case("constant x is undefined", [2, 2, 2, 2], [1, 2, 3, 4]),
        case("constant y is undefined", [1, 2, 3, 4], [7, 7, 7, 7]),
        case("perfect positive", [1, 2, 3, 4, 5, 6], [10, 20, 30, 40, 50, 60]),
        case("perfect negative", [1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]),
        case("monotone but not linear", [1, 2, 3, 4, 5], [1, 4, 9, 16, 100]),
        case("negative and positive zero are one value", [-0.0, 0.0, 1.0, 2.0], [1.0, 2.0, 2.0, 3.0]),
        case("negative values and mixed magnitudes", [-3.5, 1e-9, -1e-9, 250.0, -0.25, 7.0],
             [0.1, 0.3, 0.2, 0.9, -4.0, 0.5]),
    ]
    # 1-5 integer scores against continuous predictions: the V2T case, heavy ties on one side.
    mos = rng.integers(1, 6, size=500)
    cases.append(case("integer scores vs continuous predictions, n = 500", mos,
                      np.round(mos + rng.normal(0, 1.2, size=500), 3)))
    ties = rng.integers(0, 4, size=300)
    cases.append(case("heavy ties on both sides, n = 300", ties, (ties + rng.integers(0, 3, size=300)) % 5))
    # 10^5 elements, rounded to 4 decimals so that the JSON holds the exact doubles SciPy saw (and ties occur).
    n = 100_000
    x = np.round(rng.normal(0, 1, size=n), 4)
    y = np.round(0.6 * x + rng.normal(0, 0.8, size=n), 4)
    cases.append(case("10^5 elements, correlated, rounded to 4 decimals", x, y))
    meta = {"generator": "scripts/dev/golden/make_correlation_fixtures.py", "scipy": scipy.__version__,
            "numpy": np.__version__, "cases": cases}
    OUT.write_text(json.dumps(meta, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(cases)} cases)")


if __name__ == "__main__":
    main()
