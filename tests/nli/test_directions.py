"""Both directions of a pair, and the one verdict combined from them."""

from factcheck.nli import NLIModel, both_directions, combine


def test_both_directions_are_scored(tiny_nli):
    model = NLIModel(model=tiny_nli, device="cpu")
    a, b = "north korea sent 3000 troops", "troops"
    [scores] = both_directions(model, [(a, b)])
    assert scores == {"a->b": model.predict([(a, b)])[0], "b->a": model.predict([(b, a)])[0]}


def test_contradiction_is_averaged_and_entailment_in_either_direction_counts():
    label, confidence = combine({
        "a->b": {"entailment": 0.9, "neutral": 0.05, "contradiction": 0.05},
        "b->a": {"entailment": 0.2, "neutral": 0.7, "contradiction": 0.1},
    })
    assert (label, confidence) == ("entailment", 0.9)
    label, _ = combine({
        "a->b": {"entailment": 0.05, "neutral": 0.15, "contradiction": 0.8},
        "b->a": {"entailment": 0.05, "neutral": 0.25, "contradiction": 0.7},
    })
    assert label == "contradiction"
