"""An NLI predictor scored on labelled pairs: predicted labels, binary folding, the text table."""

from factcheck.nli.datasets import Pair
from factcheck.nli.scoring import evaluate, format_metrics, predict_labels


def _always(label):
    def predict(pairs):
        others = {"entailment": 0.1, "neutral": 0.1, "contradiction": 0.1}
        return [{**others, label: 0.8} for _ in pairs]

    return predict


PAIRS = [Pair("a", "b", "contradiction", "t"), Pair("c", "d", "contradiction", "t"), Pair("e", "f", "neutral", "t")]


def test_the_most_probable_label_is_predicted_for_each_pair():
    assert predict_labels(_always("neutral"), PAIRS) == ["neutral"] * 3


def test_three_way_scores_and_speed():
    m = evaluate(_always("contradiction"), PAIRS)
    assert (m["n"], m["accuracy"], m["labels"]) == (3, 0.6667, ["entailment", "neutral", "contradiction"])
    assert m["per_class"]["contradiction"]["precision"] == 0.6667 and m["per_class"]["contradiction"]["recall"] == 1.0
    assert m["macro_f1"] == 0.4  # mean over the labels present in gold: (0.8 + 0.0) / 2
    assert m["confusion"]["neutral"]["contradiction"] == 1
    assert m["pairs_per_second"] >= 0 and "seconds" in m


def test_binary_gold_folds_the_predictions():
    pairs = [Pair("a", "b", "entailment", "arbteds"), Pair("c", "d", "not-entailment", "arbteds")]
    m = evaluate(_always("contradiction"), pairs)
    assert m["labels"] == ["entailment", "not-entailment"]
    assert m["confusion"]["not-entailment"]["not-entailment"] == 1 and m["accuracy"] == 0.5


def test_the_table_lists_every_class_and_the_confusion_matrix():
    text = format_metrics(evaluate(_always("neutral"), PAIRS))
    assert text.startswith("pairs: 3   accuracy: 0.3333")
    assert all(label in text for label in ("entailment", "neutral", "contradiction", "confusion"))
