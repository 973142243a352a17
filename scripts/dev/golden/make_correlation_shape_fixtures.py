#!/usr/bin/env python3
"""Writes tests/fixtures/engine/correlation-shapes.json: SciPy's SRCC, PLCC and KRCC (tau-b and tau-c) on the
data shapes of V2T scoring, one case for each way the engine counts Kendall's discordant pairs.

MOS means of five 1-5 ratings take 21 levels; a method may answer on 1-5 or give continuous scores. The engine
counts with a contingency table (few levels on both sides), by the levels of the side with few of them
(either side, with or without ties on the other), or digit-wise inversion counts (many values on both sides).
Values are rounded so that the JSON holds the exact doubles SciPy saw.
Run from the repository root: python3 scripts/dev/golden/make_correlation_shape_fixtures.py
"""
import json
import pathlib

import numpy as np
import scipy
from scipy import stats

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "engine" / "correlation-shapes.json"


def case(name, x, y):
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    return {"name": name, "x": x.tolist(), "y": y.tolist(),
            "distinct": [int(np.unique(x).size), int(np.unique(y).size)],
            "srcc": float(stats.spearmanr(x, y).statistic),
            "plcc": float(stats.pearsonr(x, y).statistic),
            "krcc": float(stats.kendalltau(x, y, variant="b").statistic),
            "krcc_c": float(stats.kendalltau(x, y, variant="c").statistic)}


def mos_means(rng, quality):
    """The mean of five 1-5 ratings around a latent quality in [0, 1]: 21 levels."""
    ratings = np.clip(np.round(1 + 4 * quality[:, None] + rng.normal(0, 0.6, (quality.size, 5))), 1, 5)
    return np.round(ratings.mean(axis=1), 1)


def main():
    rng = np.random.default_rng(20260101)
    n = 3000
    quality = rng.uniform(0, 1, n)
    mos = mos_means(rng, quality)
    prediction = np.round(0.6 * quality + 0.4 * rng.uniform(0, 1, n), 5)
    answers = np.clip(np.round(1 + 4 * prediction), 1, 5)
    cases = [
        case("MOS means against 1-5 answers (contingency table), n = 3000", mos, answers),
        case("MOS means against continuous predictions (levels of x), n = 3000", mos, prediction),
        case("continuous predictions against MOS means (levels of y), n = 3000", prediction, mos),
        case("MOS means against predictions on 101 levels (levels of x, ties on both sides), n = 3000",
             mos, np.round(prediction, 2)),
    ]
    m = 6000
    x = np.round(rng.normal(0, 1, m), 4)
    y = np.round(0.6 * x + rng.normal(0, 0.8, m), 4)
    cases.append(case("many values on both sides, some tied (digit-wise inversions), n = 6000", x, y))
    # Pairs repeated exactly: items tied on both sides, which the counts of joint ties must see.
    copies = rng.integers(0, m, 500)
    cases.append(case("many values on both sides, 500 repeated pairs (digit-wise inversions), n = 6500",
                      np.concatenate([x, x[copies]]), np.concatenate([y, y[copies]])))
    meta = {"generator": "scripts/dev/golden/make_correlation_shape_fixtures.py", "scipy": scipy.__version__,
            "numpy": np.__version__, "cases": cases}
    OUT.write_text(json.dumps(meta, separators=(",", ":")) + "\n")
    for c in cases:
        print(c["name"], c["distinct"])
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
