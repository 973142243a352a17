#!/usr/bin/env python3
"""Writes tests/fixtures/engine/clustered.json: correlations of videos clustered in prompts under fixed prompt weights,
from SciPy on the data written out (each video repeated as many times as its prompt was drawn).

Run from the repository root: python3 scripts/dev/golden/make_clustered_fixtures.py
The instance-level V2T board resamples prompts: a resample draws prompt p w_p times, and every video of p enters
the correlation w_p times. The seeded draws themselves are the engine's own (not reproduced here); these cases
give the weights and check the statistic those weights must give.
"""
import json
import pathlib

import numpy as np
from scipy import stats

OUT = pathlib.Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "engine" / "clustered.json"


def main():
    rng = np.random.default_rng(7)
    sizes = [5, 5, 4, 5, 3, 5, 6, 2]  # videos per prompt, uneven as after a split
    prompt = np.repeat(np.arange(len(sizes)), sizes)
    n = len(prompt)
    difficulty = rng.normal(0, 1, len(sizes))[prompt]
    human = np.round(np.clip(3 + difficulty + rng.normal(0, 0.7, n), 1, 5) * 3) / 3  # 1-5 in thirds: ties
    metric = np.round(0.25 + 0.05 * difficulty + 0.03 * rng.normal(0, 1, n), 2)
    weights = [[1] * len(sizes), list(rng.multinomial(len(sizes), [1 / len(sizes)] * len(sizes))), [2, 0, 1, 0, 3, 0, 1, 1], [0, 0, 0, 4, 0, 0, 4, 0]]
    cases = []
    for w in weights:
        times = np.asarray(w)[prompt]
        x = np.repeat(metric, times)
        y = np.repeat(human, times)
        cases.append({
            "promptWeights": [int(v) for v in w],
            "srcc": float(stats.spearmanr(x, y).statistic),
            "plcc": float(stats.pearsonr(x, y).statistic),
            "krcc": float(stats.kendalltau(x, y, variant="b").statistic),
            "krcc_c": float(stats.kendalltau(x, y, variant="c").statistic),
        })
    out = {"generator": "scripts/dev/golden/make_clustered_fixtures.py", "prompt": [int(p) for p in prompt], "metric": [float(v) for v in metric], "human": [float(v) for v in human], "cases": cases}
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
