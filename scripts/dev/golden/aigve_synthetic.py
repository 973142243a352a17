"""Independent figures of a synthetic AIGVE-60K release for tests/integration/aigve-release.test.ts (never run by the tests).

    node scripts/dev/make-synthetic-aigve.ts --out /tmp/syn/aigve-60k --videos 1200 --models 12 --prompts 150 --dimensions 4 --seed 1 --bundle /tmp/syn/bundle
    python3 scripts/dev/golden/aigve_synthetic.py /tmp/syn/aigve-60k /tmp/syn/bundle > tests/fixtures/aigve-synthetic.json

Reads the release's annotation files and the planted bundle directly (json + scipy), the way LOVE's
stage2_eval_AIGV.py scores: scipy's spearmanr over the test split's videos.
"""
import json
import sys
from collections import defaultdict

import numpy as np
from scipy import stats

release, bundle = sys.argv[1], sys.argv[2]


def lines(name):
    with open(f"{release}/{name}") as f:
        return [json.loads(l) for l in f if l.strip()]


def vid(path):
    parts = path.split("/")
    return f"{parts[-2]}/{parts[-1].rsplit('.', 1)[0]}"


truth = {"perception": {}, "correspondence": {}}
split = {}
for perspective, stem in (("perception", "video_train_mos1"), ("correspondence", "video_train_mos2")):
    for s in ("train", "test"):
        for l in lines(f"{stem}_{s}.jsonl"):
            truth[perspective][vid(l["video"])] = float(l["mos"])
            split[vid(l["video"])] = s
yes = {}
for s in ("train", "test"):
    for l in lines(f"video_train_qa_{s}.jsonl"):
        yes[vid(l["video"])] = l["conversations"][1]["value"].strip().lower() == "yes"

models = sorted({v.split("/")[0] for v in truth["perception"]})
t2v = {}
for m in models:
    vs = [v for v in truth["perception"] if v.split("/")[0] == m]
    t2v[m] = {
        "perception": float(np.mean([truth["perception"][v] for v in vs])),
        "correspondence": float(np.mean([truth["correspondence"][v] for v in vs])),
        "qa": float(100 * np.mean([yes[v] for v in vs])),
        "videos": len(vs),
    }

pred = {}
with open(f"{bundle}/predictions.jsonl") as f:
    for l in f:
        if l.strip():
            p = json.loads(l)
            pred[p["video"]] = p
test = sorted(v for v in truth["perception"] if split[v] == "test")
x = [pred[v]["scores"]["correspondence"] for v in test]
y = [truth["correspondence"][v] for v in test]
by_model = defaultdict(lambda: ([], []))
for v in test:
    by_model[v.split("/")[0]][0].append(pred[v]["scores"]["correspondence"])
    by_model[v.split("/")[0]][1].append(truth["correspondence"][v])
mx = [np.mean(by_model[m][0]) for m in sorted(by_model)]
my = [np.mean(by_model[m][1]) for m in sorted(by_model)]
accuracy = 100 * np.mean([(pred[v]["answer"] == "yes") == yes[v] for v in test])

print(json.dumps({
    "params": {"videos": 1200, "models": 12, "prompts": 150, "dimensions": 4, "seed": 1},
    "t2v": t2v,
    "method": {
        "testVideos": len(test),
        "instanceCorrespondenceSrcc": float(stats.spearmanr(x, y).statistic),
        "modelCorrespondenceSrcc": float(stats.spearmanr(mx, my).statistic),
        "qaAccuracy": float(accuracy),
    },
}, indent=2))
