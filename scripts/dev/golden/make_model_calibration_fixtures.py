#!/usr/bin/env python3
"""Writes tests/fixtures/engine/model-calibration.json: golden model-mean calibrations for
src/engine/model-calibration.ts, from NumPy alone.

For each case (one evaluator model mean x and human model mean y per pool model): the line numpy.polyfit fits
on every model; each model's leave-one-model-out residual (its y minus the polyfit line of the other models,
evaluated at its x); the no-skill baseline's residual (its y minus the other models' mean y); both RMSEs; the
skill verdict (held-out line RMSE below the baseline's); and the split-conformal quantile of the absolute
held-out residuals, the ceil((n+1)(1-alpha))-th smallest (computed in integers), or null (unbounded) when that
rank exceeds n.

Run from the repository root: python3 scripts/dev/golden/make_model_calibration_fixtures.py
"""
import json
import math
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "engine" / "model-calibration.json"


def conformal(abs_residuals, percent):
    n = len(abs_residuals)
    rank = -(-(n + 1) * percent // 100)  # ceil((n+1)·percent/100) in integers
    if rank > n:
        return None
    return float(np.sort(abs_residuals)[rank - 1])


def case(name, x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    n = len(x)
    slope, intercept = np.polyfit(x, y, 1)
    loo = []
    base = []
    for i in range(n):
        keep = np.arange(n) != i
        s, c = np.polyfit(x[keep], y[keep], 1)
        loo.append(float(y[i] - (c + s * x[i])))
        base.append(float(y[i] - y[keep].mean()))
    loo, base = np.array(loo), np.array(base)
    rmse = float(np.sqrt(np.mean(loo ** 2)))
    baseline = float(np.sqrt(np.mean(base ** 2)))
    return {
        "name": name,
        "x": x.tolist(),
        "y": y.tolist(),
        "intercept": float(intercept),
        "slope": float(slope),
        "residuals": loo.tolist(),
        "baselineResiduals": base.tolist(),
        "rmse": rmse,
        "baselineRmse": baseline,
        "skill": rmse < baseline,
        "conformal": {str(p): conformal(np.abs(loo), p) for p in (80, 90, 95)},
    }


def main():
    rng = np.random.default_rng(20261206)
    cases = []
    # AIGVE-60K size: 30 models on a 0-100 scale, an evaluator that tracks them with noise.
    x = np.round(rng.normal(0.5, 0.1, 30), 4)
    y = np.round(20 + 80 * x + rng.normal(0, 3, 30), 3)
    cases.append(case("30 models, a skilled evaluator", x, y))
    # The protocol's minimum, 10 models: the 95% rank ceil(11 · 0.95) = 11 exceeds n, so unbounded.
    x = np.round(rng.normal(3, 0.5, 10), 4)
    y = np.round(1 + 0.8 * x + rng.normal(0, 0.15, 10), 4)
    cases.append(case("10 models, a skilled evaluator", x, y))
    # No skill: the evaluator's means are unrelated to the humans'.
    x = np.round(rng.normal(0, 1, 12), 4)
    y = np.round(rng.normal(3, 0.4, 12), 4)
    cases.append(case("12 models, an evaluator without skill", x, y))
    # Wrong sign: the evaluator ranks models against the humans.
    x = np.round(rng.normal(0.3, 0.05, 20), 4)
    y = np.round(4 - 6 * x + rng.normal(0, 0.05, 20), 4)
    cases.append(case("20 models, an evaluator of the wrong sign", x, y))
    # FETV's size: four models.
    cases.append(case("4 models (FETV's size)", [0.61, 0.64, 0.58, 0.66], [2.9, 3.4, 2.7, 3.2]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"generator": "scripts/dev/golden/make_model_calibration_fixtures.py", "numpy": np.__version__, "cases": cases}, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
