#!/usr/bin/env python3
"""Writes tests/fixtures/engine/agreement-ceiling.json: golden human agreement ceilings and verification values.

Run from the repository root: python3 scripts/dev/golden/make_agreement_ceiling_fixtures.py [<datasets folder>]
Independent of the TypeScript engine:
- ICC(C,1) from the two-way ANOVA mean squares of a videos x raters table (weights = rows repeated), its
  Spearman-Brown step-up to k raters, checked against ICC(C,k) = (MSR - MSE) / MSR, and sqrt(R_k);
- the same on FETV's raw ratings (three raters x 3,017 videos per perspective, straight from FETV-EVAL's files)
  when the dataset is there, with the Pearson correlation of the true-score proxy as a sanity check;
- the seeded verification sample (xoshiro128** seeded by SplitMix32, a partial Fisher-Yates shuffle),
  reimplemented here in plain Python integers;
- mean differences with the normal 95% interval (scipy.stats.norm.ppf).
"""
import json
import math
import pathlib
import sys

import numpy as np
from scipy.stats import norm

REPO = pathlib.Path(__file__).resolve().parents[3]
OUT = REPO / "tests" / "fixtures" / "engine" / "agreement-ceiling.json"
DATASETS = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / ".." / "shared" / "datasets"


def icc_c1(table):
    x = np.asarray(table, dtype=float)
    n, k = x.shape
    grand = x.mean()
    ssr = k * ((x.mean(axis=1) - grand) ** 2).sum()
    ssc = n * ((x.mean(axis=0) - grand) ** 2).sum()
    sst = ((x - grand) ** 2).sum()
    sse = sst - ssr - ssc
    msr = ssr / (n - 1)
    mse = sse / ((n - 1) * (k - 1))
    return float((msr - mse) / (msr + (k - 1) * mse)), float((msr - mse) / msr)


def ceiling_case(name, table, weights=None):
    t = np.asarray(table, dtype=float)
    expanded = t if weights is None else np.repeat(t, weights, axis=0)
    r1, icc_ck = icc_c1(expanded)
    k = t.shape[1]
    rk = k * r1 / (1 + (k - 1) * r1)
    assert abs(rk - icc_ck) < 1e-9, (rk, icc_ck)
    return {
        "name": name,
        "table": t.tolist(),
        "weights": None if weights is None else [int(w) for w in weights],
        "expected": {"raters": k, "singleRater": r1, "reliability": rk, "ceiling": math.sqrt(max(rk, 0.0))},
    }


M32 = 0xFFFFFFFF


def splitmix32(state):
    state[0] = (state[0] + 0x9E3779B9) & M32
    z = state[0]
    z = ((z ^ (z >> 16)) * 0x85EBCA6B) & M32
    z = ((z ^ (z >> 13)) * 0xC2B2AE35) & M32
    return (z ^ (z >> 16)) & M32


def rotl(x, r):
    return ((x << r) | (x >> (32 - r))) & M32


class Xoshiro:
    def __init__(self, seed):
        st = [seed & M32]
        self.s = [splitmix32(st) for _ in range(4)]
        if not any(self.s):
            self.s[0] = 1

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & M32, 7) * 9) & M32
        t = (s[1] << 9) & M32
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 11)
        return result

    def next_int(self, bound):
        limit = 2**32 - (2**32 % bound)
        v = self.next()
        while v >= limit:
            v = self.next()
        return v % bound


def sample(ids, size, seed):
    pool = sorted(set(ids))
    rng = Xoshiro(seed)
    for i in range(size):
        j = i + rng.next_int(len(pool) - i)
        pool[i], pool[j] = pool[j], pool[i]
    return sorted(pool[:size])


def mean_difference(d):
    d = np.asarray(d, dtype=float)
    n = len(d)
    mean = d.mean()
    half = norm.ppf(0.975) * d.std(ddof=1) / math.sqrt(n)
    return {"n": n, "mean": float(mean), "low": float(mean - half), "high": float(mean + half), "coversZero": bool(mean - half <= 0 <= mean + half)}


def fetv_ceilings():
    fetv = DATASETS / "fetv-eval"
    if not (fetv / "manual_eval_results").is_dir():
        return None
    models = ["cogvideo", "damo-text2video", "text2video-zero", "zeroscope", "ground-truth"]
    perspectives = ["static_quality", "temporal_quality", "alignment"]
    scores = {}
    for r, rater in enumerate(["human0", "human1", "human2"]):
        for name in models:
            path = fetv / "manual_eval_results" / rater / f"manual_eval_results_{name}.json"
            for line in path.read_text().splitlines():
                if not line.strip():
                    continue
                ((index, record),) = json.loads(line).items()
                for p in perspectives:
                    scores.setdefault((p, name, int(index)), [None, None, None])[r] = record[p]
    out = {}
    for p in perspectives:
        rows = [v for (q, _, _), v in sorted(scores.items()) if q == p and None not in v]
        r1, _ = icc_c1(rows)
        rk = 3 * r1 / (1 + 2 * r1)
        out[p] = {"videos": len(rows), "raters": 3, "singleRater": r1, "reliability": rk, "ceiling": math.sqrt(rk)}
    return out


def main():
    rng = np.random.default_rng(17)
    true = rng.normal(size=40)
    noisy = np.column_stack([true + rng.normal(scale=0.8, size=40) + shift for shift in (0.0, 0.5, -0.3)])
    cases = [
        ceiling_case("hand: 4 videos x 2 raters", [[1, 2], [2, 2], [3, 4], [5, 4]]),
        ceiling_case("hand: 5 videos x 3 raters on 1-5", [[1, 1, 2], [2, 3, 2], [3, 3, 4], [4, 5, 4], [5, 4, 5]]),
        ceiling_case("simulated: 40 videos x 3 raters with rater shifts", noisy.tolist()),
        ceiling_case("weighted: rows repeated", [[1, 2], [2, 2], [3, 4], [5, 4], [2, 1]], [2, 0, 1, 3, 1]),
        ceiling_case("little agreement: negative ICC", [[1, 3], [3, 1], [2, 2], [1, 2]]),
    ]
    ids = [f"v{i}" for i in range(50)] + [f"cogvideo/{i}" for i in range(30)]
    samples = [
        {"ids": ids, "size": size, "seed": seed, "expected": sample(ids, size, seed)}
        for size, seed in [(1, 1), (10, 20240601), (30, 7), (80, 3)]
    ]
    diffs = [
        {"name": "centred", "differences": rng.normal(scale=0.5, size=40).tolist()},
        {"name": "shifted", "differences": (rng.normal(scale=0.5, size=40) + 0.6).tolist()},
        {"name": "hand", "differences": [0.1, -0.2, 0.3, 0.0, -0.1]},
    ]
    for d in diffs:
        d["expected"] = mean_difference(d["differences"])
    spearman_brown = [{"r1": r1, "k": k, "expected": k * r1 / (1 + (k - 1) * r1)} for r1, k in [(0.5, 3), (0.3, 10), (0.9, 1), (-0.2, 3)]]
    fixture = {"ceilings": cases, "spearmanBrown": spearman_brown, "samples": samples, "meanDifferences": diffs, "fetv": fetv_ceilings()}
    OUT.write_text(json.dumps(fixture, indent=1) + "\n")
    print(f"wrote {OUT.relative_to(REPO)}; FETV: {json.dumps(fixture['fetv'], indent=1)}")


if __name__ == "__main__":
    main()
