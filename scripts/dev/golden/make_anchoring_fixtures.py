#!/usr/bin/env python3
"""Writes tests/fixtures/engine/anchoring.json: golden values for anchoring a new panel on a benchmark's scale,
for src/engine/calibration.ts (inverse calibration), src/engine/rater-variance.ts (the rater x model interaction
variance; planted 0.3^2) and the anchored statistic of src/engine/statistics.ts (one resample at a time, and its interval).

Run from the repository root: python3 scripts/dev/golden/make_anchoring_fixtures.py
Independent of the TypeScript: lines by numpy.polyfit on repeated items, the variance by the textbook two-way
decomposition of the raw ratings (cell, row, column and grand means), intervals by numpy.percentile.
"""
import json
import math
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "engine" / "anchoring.json"


def fit(x, y, w=None):
    x, y = np.asarray(x, float), np.asarray(y, float)
    if w is not None:
        x, y = np.repeat(x, w), np.repeat(y, w)
    slope, intercept = np.polyfit(x, y, 1)
    return float(intercept), float(slope)


def inverse_value(panel, truth, mean, w=None):
    """Fit panel = c + d * benchmark, then benchmark = (mean - c) / d."""
    c, d = fit(truth, panel, w)
    return c, d, (mean - c) / d


def rater_model_variance(x, models):
    """ANOVA estimate of sigma^2_rm from raters x videos (NaN: not rated), videos nested in models; complete videos only."""
    x = np.asarray(x, float)
    keep = ~np.isnan(x).any(axis=0)
    x, models = x[:, keep], np.asarray(models)[keep]
    R, N = x.shape
    names = sorted(set(models), key=list(models).index)
    G = len(names)
    n = np.array([np.sum(models == g) for g in names], float)
    grand = x.mean()
    rater = x.mean(axis=1)                                          # x-bar_r.. (every rater rated every kept video)
    model = np.array([x[:, models == g].mean() for g in names])     # x-bar_.g
    cell = np.array([[x[r, models == g].mean() for g in names] for r in range(R)])  # x-bar_rg
    ss_rm = float(np.sum(n[None, :] * (cell - rater[:, None] - model[None, :] + grand) ** 2))
    video = x.mean(axis=0)
    gi = np.array([names.index(m) for m in models])
    ss_e = float(np.sum((x - cell[:, gi] - video[None, :] + model[gi][None, :]) ** 2))
    ms_rm = ss_rm / ((R - 1) * (G - 1))
    ms_e = ss_e / ((R - 1) * (N - G))
    n0 = (N - np.sum(n ** 2) / N) / (G - 1)
    return {"variance": max(0.0, (ms_rm - ms_e) / n0), "interactionMeanSquare": ms_rm, "residualMeanSquare": ms_e,
            "raters": R, "models": G, "videos": N}


def simulate(rng, sizes, raters, sd_rm, sd_e=0.8, sd_video=0.7, sd_rater=0.3):
    models = [f"m{g}" for g, n in enumerate(sizes) for _ in range(n)]
    gi = np.array([int(m[1:]) for m in models])
    video = rng.normal(3, sd_video, len(models))
    lean = rng.normal(0, sd_rater, raters)
    inter = rng.normal(0, sd_rm, (raters, len(sizes)))
    x = video[None, :] + lean[:, None] + inter[:, gi] + rng.normal(0, sd_e, (raters, len(models)))
    return x, models


def main():
    rng = np.random.default_rng(20251206)
    # 1. Inverse calibration: a panel that compresses the benchmark's scale and adds noise.
    truth = np.round(rng.uniform(1.5, 4.8, 45), 3)
    panel = np.round(1.2 + 0.7 * truth + rng.normal(0, 0.35, 45), 3)
    new = np.round(rng.uniform(1.5, 4.5, 30), 3)
    aw = rng.integers(0, 3, 45)
    nw = rng.integers(0, 3, 30)
    nw[0] = 1
    c, d, value = inverse_value(panel, truth, new.mean())
    cw, dw, weighted = inverse_value(panel, truth, np.repeat(new, nw).mean(), aw)
    inverse = {"panel": panel.tolist(), "truth": truth.tolist(), "new": new.tolist(), "anchorWeights": aw.tolist(), "newWeights": nw.tolist(),
               "c": c, "d": d, "intercept": -c / d, "slope": 1 / d, "value": value, "weightedValue": weighted,
               "falling": {"panel": (6 - truth).tolist(), "truth": truth.tolist()}}

    # 2. The rater x model variance, planted 0.3^2, unbalanced, with two incomplete videos that must not count.
    x, models = simulate(rng, [15, 20, 25, 18], 5, 0.3)
    x[1, 3] = np.nan
    x[3, 40] = np.nan
    ratings = [[None if math.isnan(v) else round(float(v), 6) for v in row] for row in x]
    variance = {"ratings": ratings, "videoModels": models,
                "expected": rater_model_variance(np.array([[np.nan if v is None else v for v in row] for row in ratings]), models)}
    # Check of the method, not of the code: over many simulated benchmarks the estimate averages near the planted value.
    sims = [rater_model_variance(*simulate(rng, [60, 60, 60, 60], 3, 0.25))["variance"] for _ in range(400)]
    print(f"planted 0.0625, mean estimate over 400 simulations {np.mean(sims):.4f}")
    assert abs(np.mean(sims) - 0.0625) < 0.01

    # 3. The anchored statistic over resamples of prompts, anchors and raters, with the rater component's normal term.
    n, a, k, B = 8, 6, 3, 60
    anchor_truth = np.round(np.linspace(1.5, 4.5, a) + rng.normal(0, 0.1, a), 3)
    anchor_scores = np.round(anchor_truth[None, :] * 0.8 + 0.7 + rng.normal(0, 0.4, (k, a)), 2)
    own = np.round(rng.uniform(2, 4.5, (k, n)), 2)
    own[2, 5] = np.nan  # rater 2 did not rate video 5
    sd = math.sqrt(variance["expected"]["variance"] / k)
    unit_draws = np.array([np.concatenate([rng.multinomial(n, [1 / n] * n), rng.multinomial(a, [1 / a] * a)]) for _ in range(B)])
    rater_draws = np.array([rng.multinomial(k, [1 / k] * k) for _ in range(B)])
    normals = rng.normal(0, 1, B)

    def value_of(uw, rw, noise):
        def score(col):
            ok = ~np.isnan(col) & (rw > 0)
            return np.nan if not ok.any() else float(np.sum(rw[ok] * col[ok]) / np.sum(rw[ok]))
        s_new = np.array([score(own[:, i]) for i in range(n)])
        s_anchor = np.array([score(anchor_scores[:, j]) for j in range(a)])
        wn, wa = uw[:n].copy(), uw[n:].copy()
        wn[np.isnan(s_new)] = 0
        wa[np.isnan(s_anchor)] = 0
        m = float(np.sum(wn * np.nan_to_num(s_new)) / np.sum(wn))
        cc, dd = fit(anchor_truth[wa > 0], s_anchor[wa > 0], wa[wa > 0])
        if dd <= 0:
            return None
        return (m - cc) / dd + noise

    point = value_of(np.ones(n + a, int), np.ones(k, int), 0.0)
    draws = [value_of(unit_draws[b], rater_draws[b], sd * normals[b]) for b in range(B)]
    kept = np.array([v for v in draws if v is not None])
    low, high = np.percentile(kept, [2.5, 97.5])
    recipe = {"news": n, "anchors": a, "raters": k, "own": [[None if math.isnan(v) else float(v) for v in own[:, i]] for i in range(n)],
              "anchorScores": [anchor_scores[:, j].tolist() for j in range(a)], "anchorTruth": anchor_truth.tolist(), "sd": sd,
              "unitDraws": unit_draws.tolist(), "raterDraws": rater_draws.tolist(), "normals": normals.tolist(),
              "value": point, "draws": draws, "low": float(low), "high": float(high)}
    OUT.write_text(json.dumps({"generator": "scripts/dev/golden/make_anchoring_fixtures.py", "numpy": np.__version__,
                               "inverse": inverse, "raterModelVariance": variance, "recipe": recipe}, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
