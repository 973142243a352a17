#!/usr/bin/env python3
"""Writes tests/fixtures/engine/mos.json: computeMos golden values from an independent NumPy reimplementation.

This follows the procedure as written in the engine issue (ITU-R BT.500-style observer screening, then
per-rater z-scores rescaled to 0-100), not the TypeScript code. Run from the repository root:
    python3 scripts/dev/golden/make_mos_fixtures.py
Conventions shared with the engine, where the written procedure leaves a gap:
  * an item rated once has no SD: it cannot flag anyone (no P/Q) and its single rating is kept;
  * N in the rejection rule is the number of items the rater actually rated;
  * a rater with fewer than two ratings, or all ratings equal, cannot be z-scored: left out, reported.
"""
import json
import math
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "engine" / "mos.json"


def compute_mos(matrix):
    m = np.array([[np.nan if v is None else float(v) for v in row] for row in matrix], dtype=float)
    raters, items = m.shape
    lower = np.full(items, -np.inf)
    upper = np.full(items, np.inf)
    screened = np.zeros(items, dtype=bool)
    for i in range(items):
        s = m[:, i][~np.isnan(m[:, i])]
        if s.size < 2:
            continue
        mu = s.mean()
        sigma = s.std(ddof=1)
        m2 = ((s - mu) ** 2).mean()
        beta = ((s - mu) ** 4).mean() / m2 ** 2 if m2 > 0 else None
        k = 2.0 if beta is not None and 2 <= beta <= 4 else math.sqrt(20)
        lower[i], upper[i], screened[i] = mu - k * sigma, mu + k * sigma, True
    rejected = []
    for r in range(raters):
        p = q = 0
        rated = 0
        for i in range(items):
            v = m[r, i]
            if np.isnan(v):
                continue
            rated += 1
            if not screened[i]:
                continue
            if v >= upper[i]:
                p += 1
            elif v <= lower[i]:
                q += 1
        if rated and (p + q) / rated > 0.05 and abs(p - q) / (p + q) < 0.3:
            rejected.append(r)
    constant = []
    z = np.full(m.shape, np.nan)
    for r in range(raters):
        s = m[r][~np.isnan(m[r])]
        if s.size < 2 or s.std(ddof=1) == 0:
            constant.append(r)
            continue
        z[r] = (m[r] - s.mean()) / s.std(ddof=1)
    zp = (z + 3) * 100 / 6
    result = {"mos": [], "rawMos": [], "sd": [], "count": [], "rejectedRaters": rejected, "constantRaters": constant}
    for i in range(items):
        used = [r for r in range(raters)
                if not np.isnan(m[r, i]) and r not in rejected and r not in constant
                and lower[i] <= m[r, i] <= upper[i]]
        zs = np.array([zp[r, i] for r in used])
        raw = np.array([m[r, i] for r in used])
        result["count"].append(len(used))
        result["mos"].append(float(zs.mean()) if used else None)
        result["rawMos"].append(float(raw.mean()) if used else None)
        result["sd"].append(float(zs.std(ddof=1)) if len(used) >= 2 else None)
    return result


def branch_matrix():
    """A rater panel that reaches every branch: found by searching seeds, then checked below."""
    for seed in range(10_000):
        rng = np.random.default_rng(seed)
        raters, items = 14, 40
        truth = rng.integers(1, 6, size=items)
        m = np.clip(truth + rng.integers(-1, 2, size=(raters, items)), 1, 5).astype(object)
        m[raters - 2] = np.where(rng.random(items) < 0.5, 1, 5)  # erratic: both extremes
        m[raters - 1] = 3  # constant rater
        m[:, 0] = 4  # an item everyone rated alike (sigma = 0)
        m[rng.random((raters, items)) < 0.08] = None  # missing ratings
        m[raters - 1, 0] = None  # so the constant rater stays constant
        matrix = [[None if v is None else int(v) for v in row] for row in m]
        res = compute_mos(matrix)
        accepted = [r for r in range(raters) if r not in res["rejectedRaters"] and r not in res["constantRaters"]]
        available = sum(1 for r in accepted for v in matrix[r] if v is not None)
        masked = available - sum(res["count"])
        if raters - 2 in res["rejectedRaters"] and masked > 0 and len(res["rejectedRaters"]) == 1 \
                and res["constantRaters"] == [raters - 1] and res["count"][0] > 0:
            return seed, matrix, res, masked
    raise SystemExit("no seed reaches every branch")


def main():
    seed, matrix, res, masked = branch_matrix()
    cases = [{"name": f"14 raters x 40 items (seed {seed}): one rejected, {masked} ratings masked, "
                      "a sigma = 0 item, missing ratings, a constant rater",
              "ratings": matrix, "expected": res}]
    rng = np.random.default_rng(7)
    m = rng.integers(1, 6, size=(5, 12)).astype(object)
    m[rng.random((5, 12)) < 0.2] = None
    m[:, 11] = None
    m[0, 11] = 2  # an item rated once
    small = [[None if v is None else int(v) for v in row] for row in m]
    cases.append({"name": "5 raters x 12 items with gaps and an item rated once", "ratings": small,
                  "expected": compute_mos(small)})
    OUT.write_text(json.dumps({"generator": "scripts/dev/golden/make_mos_fixtures.py", "cases": cases}, indent=1) + "\n")
    print(f"wrote {OUT}: seed {seed}, masked {masked}, rejected {res['rejectedRaters']}, constant {res['constantRaters']}")


if __name__ == "__main__":
    main()
