#!/usr/bin/env python3
"""Writes tests/fixtures/engine/spearman-textbook.json: Spearman's rho by the textbook formula without tie correction,
1 - 6 sum(d^2) / (n (n^2 - 1)) on scipy.stats.rankdata's average ranks, beside scipy.stats.spearmanr.

Run from the repository root: python3 scripts/dev/golden/make_spearman_textbook_fixtures.py
"""
import json
import pathlib

import numpy as np
from scipy import stats

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "engine" / "spearman-textbook.json"


def textbook(x, y):
    rx, ry = stats.rankdata(x), stats.rankdata(y)
    n = len(x)
    return float(1 - 6 * np.sum((rx - ry) ** 2) / (n * (n * n - 1)))


def main():
    rng = np.random.default_rng(11)
    cases = [
        ("no ties", [3.0, 1.0, 4.0, 1.5, 5.0, 9.0, 2.0, 6.0], [2.0, 7.0, 1.0, 8.0, 2.5, 8.5, 1.5, 8.2]),
        ("ties in both", [3, 1, 4, 1, 5, 9, 2, 6, 5, 3], [2, 7, 1, 8, 2, 8, 1, 8, 2, 8]),
        ("two items", [1, 2], [2, 1]),
    ]
    # Like TVGE's alignment scores: a continuous metric against means of a few 1-5 ratings (few distinct values).
    human = np.round(rng.uniform(1, 5, 400) * 3) / 3
    metric = 0.2 * human + rng.normal(0, 0.5, 400)
    metric[rng.choice(400, 40, replace=False)] = 0.0  # a block of tied scores, as BLIP-BLEU's near-zero ones
    cases.append(("few distinct human values, a block of tied scores", list(metric), list(human)))
    out = {"generator": "scripts/dev/golden/make_spearman_textbook_fixtures.py", "cases": [
        {"name": name, "x": [float(v) for v in x], "y": [float(v) for v in y], "textbook": textbook(x, y), "scipy": float(stats.spearmanr(x, y).statistic)}
        for name, x, y in cases]}
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    for c in out["cases"]:
        print(c["name"], c["textbook"], c["scipy"])


if __name__ == "__main__":
    main()
