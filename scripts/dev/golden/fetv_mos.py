"""Independent FETV MOS values for tests/integration/import-fetv.test.ts (never run by the tests).

Usage: python3 scripts/dev/golden/fetv_mos.py [<datasets folder>]   (default: ../shared/datasets)
Reimplements the MOS procedure of the issue with numpy/scipy, straight from the raw FETV-EVAL files:
one ratings matrix per perspective (3 raters x 3,017 videos, reference videos included), per-item
kurtosis screening of raters, masking of outlying ratings, per-rater z-scores rescaled to 0-100.
"""
import json
import math
import sys
from pathlib import Path

import numpy as np
from scipy.stats import kurtosis

ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / ".." / "shared" / "datasets")
FETV = ROOT / "fetv-eval"
MODELS = {  # file name -> our entry id
    "cogvideo": "cogvideo",
    "damo-text2video": "modelscope-t2v",
    "text2video-zero": "text2video-zero",
    "zeroscope": "zeroscope",
    "ground-truth": "reference",
}
PERSPECTIVES = ["static_quality", "temporal_quality", "alignment"]
RATERS = ["human0", "human1", "human2"]


def read_ratings():
    """{(rater, video id, perspective): score}"""
    scores = {}
    for rater in RATERS:
        for name, entry in MODELS.items():
            path = FETV / "manual_eval_results" / rater / f"manual_eval_results_{name}.json"
            for line in path.read_text().splitlines():
                if not line.strip():
                    continue
                ((index, record),) = json.loads(line).items()
                for p in PERSPECTIVES:
                    scores[(rater, f"{entry}/{int(index)}", p)] = record[p]
    return scores


def mos(matrix):
    """matrix: raters x items, NaN = missing. Per item: mos, raw mos, sd (n-1) of the rescaled z-scores, count."""
    r_count, n_items = matrix.shape
    present = ~np.isnan(matrix)
    # Constant raters (SD 0 or < 2 ratings) have no z-score: left out.
    usable = np.array([present[r].sum() >= 2 and np.nanstd(matrix[r], ddof=1) > 0 for r in range(r_count)])
    mu = np.full(n_items, np.nan)
    sigma = np.full(n_items, np.nan)
    k = np.full(n_items, math.sqrt(20))
    for i in range(n_items):
        col = matrix[usable & present[:, i], i]
        if len(col) == 0:
            continue
        mu[i] = col.mean()
        sigma[i] = col.std(ddof=1) if len(col) > 1 else 0.0
        if len(col) > 1 and col.std() > 0:
            beta = kurtosis(col, fisher=False, bias=True)
            if 2 <= beta <= 4:
                k[i] = 2.0
    hi = mu + k * sigma
    lo = mu - k * sigma
    rejected = np.zeros(r_count, dtype=bool)
    for r in range(r_count):
        if not usable[r]:
            continue
        items = present[r] & ~np.isnan(mu)
        s = matrix[r]
        p_hits = items & (s >= hi)
        q_hits = items & ~p_hits & (s <= lo)
        p, q = p_hits.sum(), q_hits.sum()
        if p + q > 0 and (p + q) / n_items > 0.05 and abs(p - q) / (p + q) < 0.3:
            rejected[r] = True
    z = np.full(matrix.shape, np.nan)
    for r in range(r_count):
        if usable[r]:
            row = matrix[r]
            z[r] = (row - np.nanmean(row)) / np.nanstd(row, ddof=1)
    zp = (z + 3) * 100 / 6
    used = present & (usable & ~rejected)[:, None] & (matrix >= lo) & (matrix <= hi)
    out = []
    for i in range(n_items):
        u = used[:, i]
        n = int(u.sum())
        raw = matrix[u, i]
        out.append(
            {
                "mos": float(zp[u, i].mean()) if n else None,
                "rawMos": float(raw.mean()) if n else None,
                "sd": float(zp[u, i].std(ddof=1)) if n > 1 else None,
                "count": n,
            }
        )
    return out, usable, rejected


def main():
    scores = read_ratings()
    videos = sorted({v for (_, v, _) in scores})
    print(f"{len(videos)} videos")
    shown = ["cogvideo/0", "modelscope-t2v/2", "text2video-zero/531", "zeroscope/618", "reference/0", "reference/100"]
    for p in PERSPECTIVES:
        matrix = np.array([[scores.get((r, v, p), np.nan) for v in videos] for r in RATERS], dtype=float)
        result, usable, rejected = mos(matrix)
        print(p, "usable", usable.tolist(), "rejected", rejected.tolist(),
              "masked", int((~np.isnan(matrix)).sum() - sum(x["count"] for x in result)))
        for v in shown:
            x = result[videos.index(v)]
            print(f"  {v}: mos={x['mos']!r} rawMos={x['rawMos']!r} sd={x['sd']!r} count={x['count']}")


if __name__ == "__main__":
    main()
