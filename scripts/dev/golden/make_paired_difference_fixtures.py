#!/usr/bin/env python3
"""Writes tests/fixtures/engine/paired-difference.json: golden paired bootstrap differences from NumPy.

Run from the repository root: python3 scripts/dev/golden/make_paired_difference_fixtures.py
Each case holds two figures' resampled values (null for an undefined resample), their point values and the
expected percentile interval of the paired differences a - b over the resamples where both are defined
(numpy.percentile, linear interpolation), and whether it excludes 0.
"""
import json
import math
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "engine" / "paired-difference.json"


def listed(values):
    return [None if math.isnan(v) else float(v) for v in values]


def case(name, a_value, a_draws, b_value, b_draws, confidence):
    a = np.asarray(a_draws, dtype=float)
    b = np.asarray(b_draws, dtype=float)
    both = ~np.isnan(a) & ~np.isnan(b)
    differences = a[both] - b[both]
    alpha = 1 - confidence
    low, high = np.percentile(differences, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return {
        "name": name,
        "confidence": confidence,
        "a": {"value": float(a_value), "draws": listed(a)},
        "b": {"value": float(b_value), "draws": listed(b)},
        "expected": {
            "difference": float(a_value - b_value),
            "low": float(low),
            "high": float(high),
            "separable": bool(low > 0 or high < 0),
            "resamples": int(both.sum()),
        },
    }


def main():
    rng = np.random.default_rng(20240601)
    cases = []
    # Two figures sharing most of their noise (the resampled items): a small, steady gap is separable.
    shared = rng.normal(0.0, 0.05, 400)
    cases.append(case("shared noise, small steady gap", 0.52, 0.52 + shared + rng.normal(0, 0.005, 400),
                      0.50, 0.50 + shared + rng.normal(0, 0.005, 400), 0.95))
    # Independent noise of the same size: the same gap is not separable.
    cases.append(case("independent noise, same gap", 0.52, 0.52 + rng.normal(0, 0.05, 400),
                      0.50, 0.50 + rng.normal(0, 0.05, 400), 0.95))
    # b better than a: a negative interval.
    cases.append(case("b ahead", 3.1, 3.1 + rng.normal(0, 0.02, 250),
                      3.4, 3.4 + rng.normal(0, 0.02, 250), 0.95))
    # Undefined resamples on either side are left out of the pairing.
    a = 0.3 + rng.normal(0, 0.1, 300)
    b = 0.1 + rng.normal(0, 0.1, 300)
    a[rng.choice(300, 20, replace=False)] = np.nan
    b[rng.choice(300, 35, replace=False)] = np.nan
    cases.append(case("undefined resamples on both sides", 0.3, a, 0.1, b, 0.95))
    # A 90% interval.
    cases.append(case("90% interval", 1.0, 1.0 + rng.normal(0, 0.3, 199),
                      0.8, 0.8 + rng.normal(0, 0.3, 199), 0.90))
    # Integer rank sums, as the boards pair them.
    cases.append(case("rank sums", 5, rng.integers(3, 8, 300), 7, rng.integers(5, 10, 300), 0.95))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"generator": f"numpy {np.__version__}", "cases": cases}) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
