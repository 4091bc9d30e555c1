"""Choose ``Config.nli_min_confidence``: score the full pipeline on every gold corpus for a
grid of minimum NLI confidences (NLI predictions are computed once and reused).

    python eval/sweep_nli_confidence.py [--grid 0 0.5 0.6 0.7 0.8 0.9 0.95 1.01] [--nli-model NAME]

Prints one row per value: contradiction P/R/F1, entailment F1, accuracy, pair false positives.
The gold corpora are also the evaluation set, so the chosen value is optimistic on them.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

from factcheck.config import Config  # noqa: E402
from factcheck.evaluation import pairs_eval as pe  # noqa: E402
from factcheck.pipeline import Checker, default_encoder, default_nli  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--grid", type=float, nargs="+", default=[0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01])
    parser.add_argument("--nli-model", default=None, help="hub id or folder (default: the offline model)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    base = Config().replace(show_progress=False, nli_model=args.nli_model)
    corpora = harness.gold_corpora()
    encoder, memo = default_encoder(base), harness.MemoNLI(default_nli(base))
    rows = []
    for value in args.grid:
        checker = Checker(dataclasses.replace(base, nli_min_confidence=value), encoder=encoder, nli=memo)
        results = []
        for articles, gold_path in corpora.values():
            report, _ = pe.run_report(articles, checker=checker)
            results.append(pe.score(report, pe.load_gold(gold_path)))
        pooled = pe.pooled(results)
        rows.append({"nli_min_confidence": value, **_summary(pooled)})
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'min conf':>8} {'con P':>6} {'con R':>6} {'con F1':>6} {'ent F1':>6} {'acc':>5} {'FP':>4}")
    for row in rows:
        print(f"{row['nli_min_confidence']:>8.2f} {row['con_p']:>6.2f} {row['con_r']:>6.2f} {row['con_f1']:>6.2f} "
              f"{row['ent_f1']:>6.2f} {row['acc']:>5.2f} {row['fp']:>4}")


def _summary(pooled: dict) -> dict:
    labels = pooled["labels"]
    return {
        "con_p": labels["contradiction"]["precision"],
        "con_r": labels["contradiction"]["recall"],
        "con_f1": labels["contradiction"]["f1"],
        "ent_f1": labels["entailment"]["f1"],
        "acc": pooled["accuracy"] or 0.0,
        "fp": pooled["false_positive_pairs"],
    }


if __name__ == "__main__":
    main()
