#!/usr/bin/env python3
"""Writes tests/fixtures/engine/logistic-identification.json: when a 4-parameter logistic fit is identified.

`fitted`: cases where scipy.optimize.curve_fit (MINPACK Levenberg-Marquardt, tight tolerances, from the
engine's start: beta1 = max y, beta2 = min y, beta3 = mean x, beta4 = population SD of x) finds an optimum;
a weighted case is fitted on the data with each item repeated as often as its weight says (a bootstrap
resample written out), which is what the engine's weights mean.
`absent`: cases where curve_fit still returns numbers but no fit is identified, with the reason the engine
must give: four distinct predictions (four parameters pass through four points) and a constant MOS.
Run from the repository root: python3 scripts/dev/golden/make_logistic_identification_fixtures.py
"""
import json
import pathlib
import warnings

import numpy as np
from scipy import optimize, stats

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "engine" / "logistic-identification.json"


def f(x, b1, b2, b3, b4):
    return b2 + (b1 - b2) / (1 + np.exp(-(x - b3) / np.abs(b4)))


def fit(x, y):
    p0 = [y.max(), y.min(), x.mean(), x.std()]
    params, _ = optimize.curve_fit(f, x, y, p0=p0, maxfev=100_000, ftol=1e-15, xtol=1e-15, gtol=1e-15)
    return params


def fitted(name, x, y, weights=None):
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    w = np.ones(x.size, int) if weights is None else np.asarray(weights, int)
    xs, ys = np.repeat(x, w), np.repeat(y, w)
    params = fit(xs, ys)
    return {"name": name, "x": x.tolist(), "y": y.tolist(), "weights": None if weights is None else w.tolist(),
            "params": [float(p) for p in params],
            "plccLogistic": float(stats.pearsonr(f(xs, *params), ys).statistic)}


def absent(name, x, y, reason):
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # curve_fit warns that it cannot estimate the covariance
        try:
            params = [float(p) for p in fit(x, y)]
        except (RuntimeError, ValueError):
            params = None
    return {"name": name, "x": x.tolist(), "y": y.tolist(), "reason": reason, "scipyParams": params}


def main():
    rng = np.random.default_rng(4242)
    n = 2000
    quality = rng.uniform(0, 1, n)
    mos = np.round(np.clip(np.round(1 + 4 * quality[:, None] + rng.normal(0, 0.6, (n, 5))), 1, 5).mean(axis=1), 1)
    prediction = np.round(1 / (1 + np.exp(-(quality - 0.5) / 0.15)) + rng.normal(0, 0.08, n), 5)
    resample = np.bincount(rng.integers(0, n, n), minlength=n)
    cases = [
        fitted("predictions against MOS means, n = 2000", prediction, mos),
        fitted("a bootstrap resample of the same, as weights", prediction, mos, resample),
    ]
    levels = rng.integers(1, 5, 200).astype(float)
    absents = [
        absent("four distinct predictions, n = 200", levels, np.round(levels ** 1.3 + rng.normal(0, 0.5, 200), 3),
               "too-few-points"),
        absent("a constant MOS, n = 50", np.round(rng.uniform(0, 1, 50), 4), np.full(50, 3.0), "constant"),
    ]
    OUT.write_text(json.dumps({"generator": "scripts/dev/golden/make_logistic_identification_fixtures.py",
                               "fitted": cases, "absent": absents}) + "\n")
    for c in cases:
        print(c["name"], c["params"], c["plccLogistic"])
    for c in absents:
        print(c["name"], c["reason"], c["scipyParams"])


if __name__ == "__main__":
    main()
