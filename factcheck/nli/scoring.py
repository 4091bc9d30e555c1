"""Score an NLI predictor on labelled pairs: the predicted label of each pair, timed, against
its gold label. Used at the end of training and by ``factcheck eval nli``.

``predict`` is ``NLIModel.predict``-like: a list of (premise, hypothesis) in, one probability
dict per pair out; any callable of that shape works (training passes its in-memory network).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from factcheck.metrics import classification_scores
from factcheck.nli.datasets import LABELS, Pair

__all__ = ["predict_labels", "evaluate", "format_metrics", "BINARY_LABELS"]

Predict = Callable[[list[tuple[str, str]]], list[dict[str, float]]]

#: Gold labels of binary files (ArbTEDS): predictions are folded to these two.
BINARY_LABELS = ("entailment", "not-entailment")


def predict_labels(predict: Predict, pairs: Sequence[Pair]) -> list[str]:
    """The most probable label of each pair, in order."""
    probs = predict([(p.premise, p.hypothesis) for p in pairs])
    return [max(d, key=d.__getitem__) for d in probs]


def evaluate(predict: Predict, pairs: Sequence[Pair]) -> dict:
    """:func:`factcheck.metrics.classification_scores` of the predictions, plus ``seconds`` and
    ``pairs_per_second``. Binary gold (``not-entailment`` present) folds the predictions."""
    start = time.perf_counter()
    pred = predict_labels(predict, pairs)
    seconds = time.perf_counter() - start
    gold = [p.label for p in pairs]
    if any(g == "not-entailment" for g in gold):  # binary ArbTEDS
        pred = ["entailment" if x == "entailment" else "not-entailment" for x in pred]
        m = classification_scores(gold, pred, BINARY_LABELS)
    else:
        m = classification_scores(gold, pred, LABELS)
    m["seconds"] = round(seconds, 2)
    m["pairs_per_second"] = round(len(pairs) / seconds, 2) if seconds else 0.0
    return m


def format_metrics(m: dict) -> str:
    """The scores of :func:`evaluate` as a small text table with the confusion matrix."""
    labels = m["labels"]
    lines = [f"pairs: {m['n']}   accuracy: {m['accuracy']:.4f}   macro-F1: {m['macro_f1']:.4f}"]
    if "pairs_per_second" in m:
        lines[0] += f"   pairs/s: {m['pairs_per_second']:.1f}"
    lines.append(f"{'class':15s} {'prec':>6s} {'rec':>6s} {'f1':>6s} {'n':>6s}")
    for label in labels:
        c = m["per_class"][label]
        lines.append(f"{label:15s} {c['precision']:6.3f} {c['recall']:6.3f} {c['f1']:6.3f} {c['support']:6d}")
    lines.append("confusion (rows gold, cols predicted): " + " ".join(label[:7] for label in labels))
    for g in labels:
        lines.append(f"  {g:15s}" + " ".join(f"{m['confusion'][g][p]:7d}" for p in labels))
    return "\n".join(lines)
