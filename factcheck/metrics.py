"""Classification scores, computed once for every caller: per-label precision/recall/F1,
accuracy, macro-F1, confusion matrix and expected calibration error.

Labels are whatever strings the caller scores (three NLI labels, a binary pair, a subset);
nothing here knows their names. Ratios are rounded to 4 decimals; a ratio with an empty
denominator is 0.0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["prf", "label_scores", "accuracy", "macro_f1", "confusion", "classification_scores",
           "expected_calibration_error", "ECE_BINS"]

ECE_BINS = 10


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 of one label from its counts, with ``support`` (tp + fn, the gold
    count) and ``predicted`` (tp + fp)."""
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = _ratio(2 * precision * recall, precision + recall)
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "support": tp + fn, "predicted": tp + fp}


def label_scores(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, dict]:
    """:func:`prf` of each label in ``labels``, one-vs-rest over all the pairs (a gold or
    predicted value outside ``labels`` still counts as "not this label")."""
    pairs = list(zip(gold, pred, strict=True))
    out = {}
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        out[label] = prf(tp, fp, fn)
    return out


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    return round(_ratio(sum(g == p for g, p in zip(gold, pred, strict=True)), len(gold)), 4)


def macro_f1(scores: Mapping[str, dict], labels: Sequence[str] | None = None) -> float:
    """Mean of the (rounded) per-label F1 of ``labels`` (default: every label in ``scores``)."""
    labels = list(scores) if labels is None else list(labels)
    return round(_ratio(sum(scores[label]["f1"] for label in labels), len(labels)), 4)


def confusion(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, dict[str, int]]:
    """Counts ``matrix[gold][predicted]``; pairs with a value outside ``labels`` are not counted."""
    matrix = {g: {p: 0 for p in labels} for g in labels}
    for g, p in zip(gold, pred, strict=True):
        if g in matrix and p in matrix[g]:
            matrix[g][p] += 1
    return matrix


def classification_scores(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict:
    """Everything at once: ``n``, ``accuracy``, ``macro_f1`` (over the labels present in gold),
    ``per_class`` (:func:`prf` by label), ``confusion`` and ``labels``."""
    per_class = label_scores(gold, pred, labels)
    present = [label for label in labels if per_class[label]["support"]]
    return {"n": len(gold), "accuracy": accuracy(gold, pred), "macro_f1": macro_f1(per_class, present),
            "per_class": per_class, "confusion": confusion(gold, pred, labels), "labels": list(labels)}


def expected_calibration_error(confidences: Sequence[float], correct: Sequence[bool], bins: int = ECE_BINS) -> dict:
    """ECE with equal-width bins over (0, 1]; also returns the reliability table."""
    table = []
    n = len(confidences)
    ece = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [k for k, c in enumerate(confidences) if (low < c <= high) or (b == 0 and c == 0.0)]
        if not members:
            continue
        conf = sum(confidences[k] for k in members) / len(members)
        acc = sum(1 for k in members if correct[k]) / len(members)
        ece += len(members) / n * abs(acc - conf)
        table.append({"low": low, "high": high, "n": len(members), "confidence": round(conf, 4), "accuracy": round(acc, 4)})
    return {"ece": round(ece, 4) if n else None, "n": n, "bins": table}
