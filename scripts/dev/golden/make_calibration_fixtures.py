#!/usr/bin/env python3
"""Writes tests/fixtures/engine/calibration.json: golden least-squares lines and leave-one-group-out checks from
NumPy, for src/engine/calibration.ts (anchored means: make_anchoring_fixtures.py).

Run from the repository root: python3 scripts/dev/golden/make_calibration_fixtures.py
Weights mean "this item appears w times", so a weighted fit is the plain fit of the items repeated.
"""
import json
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "engine" / "calibration.json"


def line(x, y, w=None):
    x, y = np.asarray(x, float), np.asarray(y, float)
    if w is not None:
        x, y = np.repeat(x, w), np.repeat(y, w)
    slope, intercept = np.polyfit(x, y, 1)
    return {"intercept": float(intercept), "slope": float(slope)}


def main():
    rng = np.random.default_rng(20241125)
    x = np.round(rng.normal(3, 1, 40), 3)
    y = np.round(10 + 4 * x + rng.normal(0, 2, 40), 3)
    w = rng.integers(0, 4, 40)
    w[0] = 2
    lines = [
        {"name": "unweighted, n = 40", "x": x.tolist(), "y": y.tolist(), "weights": None, **line(x, y)},
        {"name": "weights as repeat counts", "x": x.tolist(), "y": y.tolist(), "weights": w.tolist(), **line(x, y, w)},
    ]
    # Leave one group out: per group, the line fitted on the other groups applied to the group's items.
    groups = ["a"] * 12 + ["b"] * 10 + ["c"] * 18
    held = []
    for g in ["a", "b", "c"]:
        mask = np.array([q == g for q in groups])
        fit = line(x[~mask], y[~mask])
        held.append({"group": g, "observed": float(y[mask].mean()),
                     "predicted": float((fit["intercept"] + fit["slope"] * x[mask]).mean()), "items": int(mask.sum())})
    OUT.write_text(json.dumps({"generator": "scripts/dev/golden/make_calibration_fixtures.py", "numpy": np.__version__,
                               "lines": lines, "leaveOneGroupOut": {"x": x.tolist(), "y": y.tolist(), "groups": groups, "held": held}}, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
