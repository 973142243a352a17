#!/usr/bin/env python3
"""Writes tests/fixtures/aigve-60k-ranks.json: golden AIGVE-60K board ranks computed independently with SciPy.

Reads the published figures straight from data/benchmarks/aigve-60k/published/*.csv (Python's csv module, not the
TypeScript parser) and applies DESIGN.md's ranking rules without any project code:
  * per ranked column: scipy.stats.rankdata(-values, method="min") (standard competition ranks, higher is better);
  * overall: rankdata(rank_sum, method="min") on the sum of the column ranks (lower sum is better).
Entries are keyed by their name as published (model / method). Run from anywhere:
    python3 scripts/dev/golden/make_aigve_ranks.py
"""
import csv
import json
import pathlib

import numpy as np
from scipy.stats import rankdata

ROOT = pathlib.Path(__file__).resolve().parents[3]
PUBLISHED = ROOT / "data" / "benchmarks" / "aigve-60k" / "published"
OUT = ROOT / "tests" / "fixtures" / "aigve-60k-ranks.json"

# board -> (file, name column, [(column key on the board, CSV column)])
BOARDS = {
    "t2v": (
        "t2v-models.csv",
        "model",
        [
            ("perception_mos", "perception_mos"),
            ("correspondence_mos", "correspondence_mos"),
            ("qa_accuracy", "qa_accuracy"),
        ],
    ),
    "v2t-instance": (
        "v2t-methods.csv",
        "method",
        [
            ("perception_srcc", "instance_perception_srcc"),
            ("correspondence_srcc", "instance_correspondence_srcc"),
            ("qa_accuracy", "instance_qa_accuracy"),
        ],
    ),
    "v2t-model": (
        "v2t-methods.csv",
        "method",
        [
            ("perception_srcc", "model_perception_srcc"),
            ("correspondence_srcc", "model_correspondence_srcc"),
            ("qa_score", "model_qa_score"),
        ],
    ),
}


def board_ranks(file, name_column, columns):
    with open(PUBLISHED / file, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    names = [row[name_column] for row in rows]
    column_ranks = {}
    for key, source in columns:
        values = np.array([float(row[source]) for row in rows])
        column_ranks[key] = rankdata(-values, method="min").astype(int)
    sums = np.sum([column_ranks[key] for key, _ in columns], axis=0)
    overall = rankdata(sums, method="min").astype(int)
    return {
        name: {
            "rank": int(overall[i]),
            "rank_sum": int(sums[i]),
            "column_ranks": {key: int(column_ranks[key][i]) for key, _ in columns},
        }
        for i, name in enumerate(names)
    }


def main():
    fixture = {
        "generator": "scripts/dev/golden/make_aigve_ranks.py (scipy.stats.rankdata, method='min')",
        "boards": {board: board_ranks(*spec) for board, spec in BOARDS.items()},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(fixture, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
