"""The whole verdict on a labelled pair file, beside the NLI model alone (``factcheck eval verdict``).

Each (premise, hypothesis) of an XNLI TSV, ANS stance CSV or ArNLI CSV becomes two one-sentence
documents; the checker extracts their features, runs NLI in both directions, the checks and
the verdict (``Checker.judge``). Printed per label: precision / recall / F1 of

* ``verdict``: the label factcheck reports;
* ``nli``: the model's most probable label (both directions combined), no gate, no checks;
* ``nli-gated``: the model's label with the configured ``nli_min_confidence`` gate, no checks.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from factcheck import metrics
from factcheck.schema import LABELS


def model_labels(pairs, min_confidence: float | None) -> list[str]:
    from factcheck.nli.directions import combined_scores

    out = []
    for p in pairs:
        if not p.nli:
            out.append("neutral")
            continue
        scores = combined_scores(p.nli)
        label = max(scores, key=scores.__getitem__)
        out.append("neutral" if min_confidence is not None and label != "neutral"
                   and scores[label] < min_confidence else label)
    return out


def evaluate(checker, data: Sequence) -> dict:
    """Scores of the verdict and of the model alone on labelled pairs (``factcheck.nli.datasets.Pair``)."""
    began = time.perf_counter()
    judged = checker.judge([(d.premise, d.hypothesis) for d in data])
    gold = [d.label for d in data]
    rows = {
        "verdict": [p.label for p in judged],
        "nli": model_labels(judged, None),
        "nli-gated": model_labels(judged, checker.config.nli_min_confidence),
    }
    return {"n": len(data), "seconds": round(time.perf_counter() - began, 1),
            **{name: metrics.classification_scores(gold, pred, LABELS) for name, pred in rows.items()}}


def format_table(result: dict) -> str:
    lines = [f"pairs: {result['n']} ({result['seconds']} s)",
             f"{'':<10} {'acc':>5} {'macF1':>6}  " + "  ".join(f"{lab[:6]:>6} P/R/F1" for lab in LABELS)]
    for name in ("verdict", "nli", "nli-gated"):
        r = result[name]
        cells = "  ".join(f"{r['per_class'][lab]['precision']:.2f}/{r['per_class'][lab]['recall']:.2f}/"
                          f"{r['per_class'][lab]['f1']:.2f}" for lab in LABELS)
        lines.append(f"{name:<10} {r['accuracy']:5.3f} {r['macro_f1']:6.3f}  {cells}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="factcheck eval verdict", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, metavar="FILE", help="XNLI TSV, ANS stance CSV or ArNLI CSV")
    parser.add_argument("--limit", type=int, metavar="N", help="first N pairs only")
    parser.add_argument("--held-out-only", action="store_true",
                        help="XNLI: only the pairs the shipped offline model was not tuned on")
    parser.add_argument("--config", metavar="FILE", help="TOML settings (models, thresholds)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    from factcheck.config import Config
    from factcheck.evaluation.nli_eval import load_pairs
    from factcheck.pipeline import Checker

    data = load_pairs(Path(args.data), held_out_only=args.held_out_only, limit=args.limit)
    config = (Config.from_file(args.config) if args.config else Config()).replace(show_progress=False)
    result = evaluate(Checker(config), data)
    print(json.dumps(result, indent=1) if args.json else format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
