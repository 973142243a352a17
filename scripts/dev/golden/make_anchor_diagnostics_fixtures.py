#!/usr/bin/env python3
"""Writes tests/fixtures/engine/anchor-diagnostics.json: golden values for the anchoring diagnostics of
src/engine/ (agreement-interval.ts, lack-of-fit.ts, reliability.ts, special-functions.ts), from SciPy and NumPy:

- Fisher-z intervals: scipy.stats.pearsonr(x, y).confidence_interval(0.95) (SciPy's own Fisher transform);
- the quadratic lack-of-fit F test: numpy.polyfit of degree 1 and 2, residual sums of squares, scipy.stats.f.sf;
- Spearman–Brown reliability and the agreement ceiling: the textbook formulas on numpy.corrcoef of rater pairs;
- the special functions: scipy.stats.norm.ppf, scipy.special.betainc, scipy.stats.f.sf, scipy.stats.binom.sf.

Run from the repository root: python3 scripts/dev/golden/make_anchor_diagnostics_fixtures.py
"""
import itertools
import json
import pathlib

import numpy as np
from scipy import special, stats

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "engine" / "anchor-diagnostics.json"


def fisher_cases(rng):
    cases = []
    for n, rho in [(45, 0.8), (60, 0.3), (10, -0.5), (4, 0.9), (200, 0.95)]:
        x = np.round(rng.normal(3, 1, n), 3)
        y = np.round(rho * x + np.sqrt(1 - rho**2) * rng.normal(3, 1, n), 3)
        res = stats.pearsonr(x, y)
        ci = res.confidence_interval(0.95)
        cases.append({"x": x.tolist(), "y": y.tolist(), "r": float(res.statistic), "low": float(ci.low), "high": float(ci.high)})
    return cases


def lack_of_fit(x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    n = len(x)
    rss1 = float(np.sum((y - np.polyval(np.polyfit(x, y, 1), x)) ** 2))
    coef2 = np.polyfit(x, y, 2)
    rss2 = float(np.sum((y - np.polyval(coef2, x)) ** 2))
    f = (rss1 - rss2) / (rss2 / (n - 3))
    return {"f": f, "df2": n - 3, "p": float(stats.f.sf(f, 1, n - 3)), "curvature": float(coef2[0])}


def lack_of_fit_cases(rng):
    cases = []
    truth = np.round(rng.uniform(1, 5, 45), 3)
    shapes = {
        "straight, noisy": 0.5 + 0.9 * truth + rng.normal(0, 0.4, 45),
        "convex": 1 + 4 * ((truth - 1) / 4) ** 2 + rng.normal(0, 0.2, 45),
        "concave": 1 + 4 * np.sqrt((truth - 1) / 4) + rng.normal(0, 0.2, 45),
        "rounded ratings": np.clip(np.round(truth + rng.normal(0, 0.7, 45)), 1, 5),
    }
    for name, panel in shapes.items():
        cases.append({"name": name, "x": truth.tolist(), "y": np.round(panel, 3).tolist(), **lack_of_fit(truth, np.round(panel, 3))})
    # On a 0–100 scale (AIGVE-60K's z-scores rescaled), the same test.
    big = np.round(rng.uniform(20, 80, 30), 2)
    cases.append({"name": "0-100 scale, mild curve", "x": big.tolist(), "y": np.round(10 + 0.8 * big + 0.004 * (big - 50) ** 2 + rng.normal(0, 3, 30), 2).tolist()})
    cases[-1].update(lack_of_fit(cases[-1]["x"], cases[-1]["y"]))
    return cases


def reliability_cases(rng):
    true = rng.uniform(1, 5, 60)
    ratings = np.clip(np.round(true + rng.normal(0, 0.8, (3, 60))), 1, 5)
    ratings[2, :5] = np.nan  # a rater who skipped five items
    rs = []
    for a, b in itertools.combinations(range(3), 2):
        keep = ~np.isnan(ratings[a]) & ~np.isnan(ratings[b])
        rs.append(np.corrcoef(ratings[a][keep], ratings[b][keep])[0, 1])
    rho = float(np.mean(rs))
    sb = lambda r, k: k * r / (1 + (k - 1) * r)
    return {
        "ratings": [[None if np.isnan(v) else float(v) for v in row] for row in ratings],
        "reliability": rho,
        "spearmanBrown": [{"rho": rho, "k": k, "value": sb(rho, k)} for k in (1, 2, 3, 9, 2.5)],
        "ceilings": [{"rho": rho, "k": k, "K": K, "value": float(np.sqrt(sb(rho, k) * sb(rho, K)))} for k, K in [(1, 3), (3, 3), (2, 5), (1.5, 3)]],
    }


def special_cases():
    return {
        "normalQuantile": [{"p": p, "value": float(stats.norm.ppf(p))} for p in [0.975, 0.5, 0.025, 0.9, 1e-10, 0.999999, 0.3]],
        "regularizedBeta": [{"x": x, "a": a, "b": b, "value": float(special.betainc(a, b, x))} for x, a, b in [(0.3, 2, 5), (0.9, 0.5, 21), (0.5, 10, 10), (0.01, 1, 100), (0.999, 50, 0.5)]],
        "fSurvival": [{"f": f, "d1": 1, "d2": d2, "value": float(stats.f.sf(f, 1, d2))} for f, d2 in [(0.5, 42), (4.07, 42), (14.64, 42), (143.5, 42), (3.0, 5)]],
        "binomialUpperTail": [{"k": k, "n": n, "p": p, "value": float(stats.binom.sf(k - 1, n, p))} for k, n, p in [(45, 45, 0.56), (30, 45, 0.6), (368, 619, 0.52), (0, 10, 0.3), (3, 10, 0.3)]],
    }


def main():
    rng = np.random.default_rng(20261206)
    fixture = {
        "fisher": fisher_cases(rng),
        "lackOfFit": lack_of_fit_cases(rng),
        "reliability": reliability_cases(rng),
        "special": special_cases(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixture, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
