"""Frame indices of LOVE's segment-centre rule and of vLLM's even rule, from NumPy, for tests/fixtures/evaluate/frame-rule.json.

The segment-centre rule is copied from IntMeGroup/LOVE train/infer_perception.py (get_index, no bound):
start_idx = max(0, round(-100000 * fps)) = 0, end_idx = min(round(100000 * fps), max_frame) = len - 1.
The even rule is vLLM's: np.linspace(0, total_frames - 1, num_frames, dtype=int).
Run from the repository root: python3 scripts/dev/golden/make_frame_rule_fixtures.py
"""
import json
import os

import numpy as np


def get_index(max_frame, num_segments, fps=24.0):
    start, end = -100000, 100000
    start_idx = max(0, round(start * fps))
    end_idx = min(round(end * fps), max_frame)
    seg_size = float(end_idx - start_idx) / num_segments
    return np.array([int(start_idx + (seg_size / 2) + np.round(seg_size * idx)) for idx in range(num_segments)])


cases = []
for length in list(range(1, 70)) + [81, 97, 120, 121, 145, 161, 200, 241, 1000]:
    for count in (1, 4, 8, 16, 32):
        cases.append({
            "length": length,
            "count": count,
            "segmentCentres": [int(i) for i in get_index(length - 1, count)],
            "even": [int(i) for i in np.linspace(0, length - 1, count, dtype=int)],
        })

os.makedirs("tests/fixtures/evaluate", exist_ok=True)
with open("tests/fixtures/evaluate/frame-rule.json", "w") as f:
    json.dump({"source": "scripts/dev/golden/make_frame_rule_fixtures.py (NumPy " + np.__version__ + ")", "cases": cases}, f)
print(f"wrote {len(cases)} cases")
