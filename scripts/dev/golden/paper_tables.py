#!/usr/bin/env python3
"""Writes tests/fixtures/paper-tables.json: the FETV paper's alignment table and Table 1 of the T2VScore paper,
recomputed from the raw dataset files by each paper's own protocol, independently of the TypeScript code.

FETV (llyx97/FETV-EVAL auto_human_correlation.py): a video's human score is the mean of the 3 raters' 1-5
ratings; all 5 sources pooled (4 generators and the 541 real videos); per category, the videos of prompts in it;
scipy.stats.kendalltau(variant="c") and spearmanr. Also each source's plain mean rating per perspective (the FETV
T2V board) and the same correlations for the two quality perspectives.
TVGE (linzhiqiu/t2v_metrics dataset.py, class T2VScore): every video pooled; spearmanr and kendalltau (tau-b)
against the distributed alignment and quality scores; each model's mean score. Also Spearman's rho by the textbook
formula 1 - 6 sum(d^2) / (n (n^2 - 1)) on mid-ranks without tie correction ("srcc_untied"), for TVGE and for FETV's
cells, which tells which implementation each paper used.

Run from the repository root: python3 scripts/dev/golden/paper_tables.py [DATASETS_DIR]
(default ../shared/datasets). The tests read the JSON only.
"""
import csv
import json
import os
import pathlib
import sys

import numpy as np
from scipy import stats

REPO = pathlib.Path(__file__).resolve().parents[3]
OUT = REPO / "tests" / "fixtures" / "paper-tables.json"
DATASETS = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "datasets"

FETV_METRICS = ["CLIPScore", "CLIPScore-ft", "BLIPScore", "Otter-VQA", "UMTScore"]
# (manual-file name, auto-file name, our entry id)
FETV_MODELS = [("cogvideo", "cogvideo", "cogvideo"), ("text2video-zero", "text2video-zero", "text2video-zero"),
               ("damo-text2video", "modelscope-t2v", "modelscope-t2v"), ("ground-truth", "ground-truth", "reference"),
               ("zeroscope", "zeroscope", "zeroscope")]
# FETV's category names and our dimension ids.
FETV_CATEGORIES = {"simple": "complexity-simple", "medium": "complexity-medium", "complex": "complexity-complex",
                   "color": "attribute-color", "quantity": "attribute-quantity", "camera view": "attribute-camera-view",
                   "speed": "attribute-speed", "motion direction": "attribute-motion-direction", "event order": "attribute-event-order"}
PERSPECTIVES = ["static_quality", "temporal_quality", "alignment"]
TVGE_METRICS = ["CLIP Score", "X-CLIP Score", "BLIP-BLEU", "T2VScore-A (GPT-4V)"]


def json_lines(path):
    out = {}
    for line in open(path):
        if line.strip():
            out.update(json.loads(line))
    return out


def srcc_untied(x, y):
    rx, ry = stats.rankdata(x), stats.rankdata(y)
    n = len(rx)
    return float(1 - 6 * np.sum((rx - ry) ** 2) / (n * (n * n - 1)))


def fetv(root):
    categories = {}
    for index, line in enumerate(open(root / "datas" / "fetv_data.json")):
        d = json.loads(line)
        found = set(d["prompt complexity"])
        for value in d["attribute control"].values():
            found.update(value or [])
        categories[str(index)] = found & set(FETV_CATEGORIES)
    human = {}
    for manual, auto, ours in FETV_MODELS:
        raters = [json_lines(root / "manual_eval_results" / f"human{h}" / f"manual_eval_results_{manual}.json") for h in range(3)]
        human[auto] = {p: {i: float(np.mean([r[i][p] for r in raters])) for i in raters[0]} for p in PERSPECTIVES}
    table = {}
    for metric in FETV_METRICS:
        scores = {auto: json.load(open(root / "auto_eval_results" / metric / f"auto_eval_results_{auto}.json")) for _, auto, _ in FETV_MODELS}
        table[metric] = {}
        for perspective in PERSPECTIVES:
            table[metric][perspective] = {}
            for category in [*FETV_CATEGORIES, "overall"]:
                a, h = [], []
                for _, auto, _ in FETV_MODELS:
                    for i in sorted(human[auto][perspective], key=int):
                        if category == "overall" or category in categories[i]:
                            a.append(float(scores[auto][i]))
                            h.append(human[auto][perspective][i])
                dimension = "overall" if category == "overall" else FETV_CATEGORIES[category]
                table[metric][perspective][dimension] = {
                    "krcc_c": float(stats.kendalltau(h, a, variant="c").statistic),
                    "srcc": float(stats.spearmanr(h, a).statistic),
                    "srcc_untied": srcc_untied(h, a),
                    "n": len(a),
                }
    means = {ours: {p: float(np.mean(list(human[auto][p].values()))) for p in PERSPECTIVES} for _, auto, ours in FETV_MODELS}
    # Each metric as an automatic evaluator: the least-squares line from its scores to the human scores over the
    # generated videos, and each generator left out in turn (fit without it, predict its mean).
    evaluators = {}
    for metric in FETV_METRICS:
        scores = {auto: json.load(open(root / "auto_eval_results" / metric / f"auto_eval_results_{auto}.json")) for _, auto, _ in FETV_MODELS}
        evaluators[metric] = {}
        for perspective in PERSPECTIVES:
            x, y, g = [], [], []
            for _, auto, ours in FETV_MODELS:
                if ours == "reference":
                    continue
                for i in human[auto][perspective]:
                    x.append(float(scores[auto][i]))
                    y.append(human[auto][perspective][i])
                    g.append(ours)
            x, y, g = np.array(x), np.array(y), np.array(g)
            slope, intercept = np.polyfit(x, y, 1)
            held = {}
            for model in sorted(set(g)):
                s_, i_ = np.polyfit(x[g != model], y[g != model], 1)
                held[model] = {"observed": float(y[g == model].mean()), "predicted": float((i_ + s_ * x[g == model]).mean())}
            errors = [h["predicted"] - h["observed"] for h in held.values()]
            evaluators[metric][perspective] = {"intercept": float(intercept), "slope": float(slope), "low": float(x.min()), "high": float(x.max()),
                                               "heldOut": held, "rmse": float(np.sqrt(np.mean(np.square(errors))))}
    return {"correlations": table, "modelMeans": means, "evaluators": evaluators}


def tvge(root):
    alignment = json.load(open(root / "t2vscore_alignment_score.json"))
    quality = json.load(open(root / "t2vscore_quality_score.json"))
    rows = list(csv.DictReader(open(root / "t2vscore_results.csv", newline="", encoding="utf-8")))
    data = []
    for r in rows:
        key, model = str(int(r["video_id"])), r["model_name"]
        data.append({"model": model, "alignment": float(np.mean(alignment[key]["models"][model])),
                     "quality": float(np.mean(quality[key]["models"][model])), **{m: float(r[m]) for m in TVGE_METRICS}})
    table = {}
    for metric in TVGE_METRICS:
        x = [d[metric] for d in data]
        table[metric] = {p: {"srcc": float(stats.spearmanr(x, [d[p] for d in data]).statistic),
                             "srcc_untied": srcc_untied(x, [d[p] for d in data]),
                             "krcc": float(stats.kendalltau(x, [d[p] for d in data], variant="b").statistic), "n": len(x)}
                         for p in ["quality", "alignment"]}
    means = {m: {p: float(np.mean([d[p] for d in data if d["model"] == m])) for p in ["quality", "alignment"]}
             for m in sorted({d["model"] for d in data})}
    return {"correlations": table, "modelMeans": means}


def main():
    out = {"generator": "scripts/dev/golden/paper_tables.py", "scipy": __import__("scipy").__version__,
           "fetv": fetv(DATASETS / "fetv-eval"), "tvge": tvge(DATASETS / "tvge")}
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
