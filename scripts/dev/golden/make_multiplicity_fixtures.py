#!/usr/bin/env python3
"""Writes tests/fixtures/engine/multiplicity.json: golden bootstrap p-values, Holm's procedure and a board's
Holm-corrected "separable from next" verdicts, from NumPy/SciPy alone.

Run from the repository root: python3 scripts/dev/golden/make_multiplicity_fixtures.py

- p-value of the paired bootstrap: the smallest alpha at which the two-sided 1 - alpha percentile interval of the
  differences (numpy.percentile, linear interpolation) excludes 0, found by bisection on alpha.
- Holm: the textbook step-down loop (Holm 1979): sort the p-values, reject while p_(i) < alpha / (m - i + 1),
  stop at the first that is not; adjusted p-values by their definition, max_{j<=i} min(1, (m - j + 1) p_(j)).
- A board: entries with values in two higher-is-better columns and their values on shared resamples; each
  resample re-ranked (scipy.stats.rankdata 'min' of the negated values, summed over columns), adjacent entries
  in display order (rank of the rank sum, then name) tested on the paired difference of their rank sums, and
  Holm applied over the adjacent pairs.
"""
import json
import math
import pathlib

import numpy as np
from scipy import stats

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "engine" / "multiplicity.json"


def excludes_zero(differences, alpha):
    low, high = np.percentile(differences, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return low > 0 or high < 0


def bootstrap_p(differences):
    """The smallest alpha in (0, 1] whose interval excludes 0, by bisection (1 when none does)."""
    d = np.asarray(differences, dtype=float)
    if not excludes_zero(d, 1 - 1e-15):
        # Even the narrowest interval (the median alone) covers 0.
        return 1.0
    lo, hi = 0.0, 1.0 - 1e-15
    if excludes_zero(d, 1e-300):
        return 0.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if excludes_zero(d, mid):
            hi = mid
        else:
            lo = mid
    return hi


def holm_rejections(p, alpha):
    m = len(p)
    order = sorted(range(m), key=lambda i: (p[i], i))
    rejected = [False] * m
    for step, i in enumerate(order):
        if p[i] < alpha / (m - step):
            rejected[i] = True
        else:
            break
    return rejected


def holm_adjusted(p):
    m = len(p)
    order = sorted(range(m), key=lambda i: (p[i], i))
    adjusted = [0.0] * m
    for step, i in enumerate(order):
        adjusted[i] = max(min(1.0, (m - j_step) * p[j]) for j_step, j in enumerate(order[: step + 1]))
    return adjusted


def p_cases(rng):
    cases = []
    cases.append(("all above 0", [1.0, 2.0, 3.0, 4.0]))
    cases.append(("all below 0", [-3.0, -2.5, -0.1]))
    cases.append(("all 0", [0.0] * 10))
    cases.append(("symmetric around 0", [-2.0, -1.0, 1.0, 2.0]))
    cases.append(("continuous, shifted up", list(rng.normal(0.3, 0.2, 500))))
    cases.append(("continuous, shifted down", list(rng.normal(-0.1, 0.2, 300))))
    cases.append(("continuous, centred", list(rng.normal(0.0, 1.0, 101))))
    # Whole-number rank-sum differences with many ties at 0 and around it.
    cases.append(("whole numbers, ties at 0", [float(v) for v in rng.choice([-1, 0, 0, 1, 1, 2, 2, 3], 1000)]))
    cases.append(("whole numbers, mostly positive", [float(v) for v in rng.choice([-2, -1, 0, 1, 2, 3, 4, 5, 6], 1000, p=[0.005, 0.01, 0.015, 0.1, 0.2, 0.2, 0.2, 0.17, 0.1])]))
    cases.append(("one value above 0", [0.5]))
    return [{"name": name, "differences": [float(v) for v in d], "p": bootstrap_p(d)} for name, d in cases]


def holm_cases():
    raw = [
        ("textbook example", [0.01, 0.04, 0.03, 0.005]),
        ("one clear, the rest not", [0.001, 0.02, 0.03, 0.04, 0.5]),
        ("ties", [0.01, 0.01, 0.02, 0.2]),
        ("single test", [0.049]),
        ("nothing", [0.3, 0.8, 1.0]),
        ("all tiny", [0.0, 0.0, 0.001]),
    ]
    return [{"name": name, "p": p, "alpha": 0.05, "rejected": holm_rejections(p, 0.05), "adjusted": holm_adjusted(p)} for name, p in raw]


def board_case(rng):
    names = [f"e{k:02d}" for k in range(9)]
    B = 1000
    # Two columns; true values spaced so that some neighbours separate clearly, some barely, some not at all.
    centres = np.array([[0.90, 0.88], [0.80, 0.79], [0.78, 0.80], [0.70, 0.66], [0.64, 0.65], [0.60, 0.58], [0.56, 0.52], [0.46, 0.43], [0.30, 0.31]])
    shared = rng.normal(0, 0.02, (B, 1, 2))
    # Rounded to 4 decimals (the fixture stays small); every expected value is computed from the rounded draws.
    draws = np.round(centres[None, :, :] + shared + rng.normal(0, 0.025, (B, len(names), 2)), 4)
    values = centres
    # Point ranks and display order.
    point_ranks = np.stack([stats.rankdata(-values[:, c], method="min") for c in range(2)], axis=1)
    sums = point_ranks.sum(axis=1)
    overall = stats.rankdata(sums, method="min")
    order = sorted(range(len(names)), key=lambda e: (overall[e], names[e].lower(), names[e]))
    # Rank sums on each resample.
    resampled_sums = np.zeros((B, len(names)))
    for b in range(B):
        resampled_sums[b] = sum(stats.rankdata(-draws[b, :, c], method="min") for c in range(2))
    p = []
    for position in range(len(order) - 1):
        this, nxt = order[position], order[position + 1]
        p.append(bootstrap_p(resampled_sums[:, nxt] - resampled_sums[:, this]))
    corrected = holm_rejections(p, 0.05)
    uncorrected = [v < 0.05 for v in p]
    separable = {names[order[k]]: corrected[k] for k in range(len(p))}
    separable[names[order[-1]]] = None
    return {
        "confidence": 0.95,
        "entries": [{"id": names[e], "name": names[e], "values": [float(v) for v in values[e]], "draws": [[float(v) for v in draws[:, e, c]] for c in range(2)]} for e in range(len(names))],
        "order": [names[e] for e in order],
        "p": p,
        "separable": separable,
        "separableUncorrected": {names[order[k]]: uncorrected[k] for k in range(len(p))},
    }


def main():
    rng = np.random.default_rng(20240601)
    out = {
        "generator": "scripts/dev/golden/make_multiplicity_fixtures.py",
        "pValues": p_cases(rng),
        "holm": holm_cases(),
        "board": board_case(rng),
    }
    OUT.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    b = out["board"]
    print(f"wrote {OUT}; board p-values {[round(x, 4) for x in b['p']]}")
    print("corrected", b["separable"])
    print("uncorrected", b["separableUncorrected"])


if __name__ == "__main__":
    main()
