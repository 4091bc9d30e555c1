"""The one implementation of precision/recall/F1, accuracy, macro-F1, confusion and ECE."""

import pytest

from factcheck import metrics

LABELS = ("entailment", "neutral", "contradiction")


def test_prf_from_counts_is_rounded_and_carries_its_counts():
    assert metrics.prf(2, 1, 1) == {"precision": 0.6667, "recall": 0.6667, "f1": 0.6667, "support": 3, "predicted": 3}
    assert metrics.prf(0, 0, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0, "predicted": 0}


def test_label_scores_are_one_vs_rest_even_for_a_subset_of_labels():
    gold = ["neutral", "contradiction", "contradiction"]
    pred = ["contradiction", "contradiction", "neutral"]
    [(label, scores)] = metrics.label_scores(gold, pred, ("contradiction",)).items()
    # the neutral gold predicted as contradiction is a false positive although neutral is not scored
    assert label == "contradiction" and (scores["precision"], scores["recall"], scores["support"]) == (0.5, 0.5, 2)


def test_accuracy_and_macro_f1():
    gold, pred = ["entailment", "neutral", "neutral"], ["entailment", "neutral", "contradiction"]
    assert metrics.accuracy(gold, pred) == 0.6667
    assert metrics.accuracy([], []) == 0.0
    scores = metrics.label_scores(gold, pred, LABELS)
    assert metrics.macro_f1(scores) == round((1.0 + 0.6667 + 0.0) / 3, 4)
    assert metrics.macro_f1(scores, ["entailment", "neutral"]) == round((1.0 + 0.6667) / 2, 4)
    assert metrics.macro_f1(scores, []) == 0.0


def test_confusion_counts_gold_rows_and_predicted_columns_within_the_labels():
    matrix = metrics.confusion(["neutral", "neutral", "other"], ["contradiction", "neutral", "neutral"], LABELS)
    assert matrix["neutral"] == {"entailment": 0, "neutral": 1, "contradiction": 1}
    assert sum(sum(row.values()) for row in matrix.values()) == 2


def test_classification_scores_average_over_the_labels_present_in_gold():
    m = metrics.classification_scores(["contradiction", "contradiction", "neutral"], ["contradiction"] * 3, LABELS)
    assert set(m) == {"n", "accuracy", "macro_f1", "per_class", "confusion", "labels"}
    assert (m["n"], m["accuracy"], m["macro_f1"], m["labels"]) == (3, 0.6667, 0.4, list(LABELS))


def test_expected_calibration_error_and_reliability_bins():
    assert metrics.expected_calibration_error([0.9] * 10, [True] * 9 + [False])["ece"] == pytest.approx(0.0)
    assert metrics.expected_calibration_error([1.0, 1.0], [False, False])["ece"] == pytest.approx(1.0)
    r = metrics.expected_calibration_error([0.95, 0.95, 0.55, 0.55], [True, False, True, True])
    assert r["ece"] == pytest.approx(0.5 * 0.45 + 0.5 * 0.45)
    assert [(b["n"], b["accuracy"]) for b in r["bins"]] == [(2, 1.0), (2, 0.5)]
    assert metrics.expected_calibration_error([], [])["ece"] is None
