"""One verdict per pair: label and confidence, the probability of the label reported."""

import pytest

from factcheck.schema import Pair, Reason
from factcheck.verdict import decide, measured_rule_precision


def directions(entailment, neutral, contradiction):
    scores = {"entailment": entailment, "neutral": neutral, "contradiction": contradiction}
    return {"a->b": scores, "b->a": scores}


def test_a_gated_model_verdict_reports_the_neutral_probability():
    pair = decide(Pair("a:1", "b:1", 0.9, nli=directions(0.1, 0.3, 0.6)), min_confidence=0.9)
    assert pair.label == "neutral" and pair.confidence == pytest.approx(0.3)


def test_a_confident_model_verdict_stands():
    pair = decide(Pair("a:1", "b:1", 0.9, nli=directions(0.95, 0.03, 0.02)), min_confidence=0.9)
    assert pair.label == "entailment" and pair.confidence == pytest.approx(0.95)


def test_a_rule_conflict_carries_its_measured_precision():
    conflict = Reason("date", "conflict", values=("Saturday", "Sunday"))
    pair = decide(Pair("a:1", "b:1", 0.9, reasons=[conflict]), min_confidence=0.9,
                  rule_precision={"date": 0.8})
    assert pair.label == "contradiction" and pair.confidence == 0.8


def test_the_shipped_rule_precisions_are_probabilities_for_every_built_in_kind():
    shipped = measured_rule_precision()
    assert {"quantity", "date", "negation", "first"} <= set(shipped)
    assert all(0 < p < 1 for p in shipped.values())


def test_apart_claims_overrule_a_model_contradiction_but_not_a_rule_conflict():
    apart = Reason("place", "apart", values=("egypt", "kenya"))
    model = directions(0.02, 0.03, 0.95)
    overruled = decide(Pair("a:1", "b:1", 0.9, nli=model, reasons=[apart]), min_confidence=0.9)
    assert overruled.label == "neutral" and overruled.reasons[-1].kind == "nli-override"
    conflict = Reason("negation", "conflict", values=("denies", "asserts"))
    kept = decide(Pair("a:1", "b:1", 0.9, nli=model, reasons=[conflict, apart]), min_confidence=0.9)
    assert kept.label == "contradiction" and kept.confidence == pytest.approx(0.95)


def test_a_found_pair_s_model_contradiction_that_no_check_confirms_is_reported_only_above_its_gate():
    model = directions(0.01, 0.02, 0.97)
    alone = decide(Pair("a:1", "b:1", 0.9, nli=model), min_confidence=0.9, contradiction_gate=None)
    assert alone.label == "neutral"
    assert any(r.kind == "nli-override" and "no check confirms" in r.note for r in alone.reasons)
    assert decide(Pair("a:1", "b:1", 0.9, nli=model), min_confidence=0.9, contradiction_gate=0.95).label == "contradiction"
    confirmed = Reason("quantity", "conflict", key="killed", values=("300 killed", "450 killed"))
    assert decide(Pair("a:1", "b:1", 0.9, nli=model, reasons=[confirmed]), min_confidence=0.9,
                  contradiction_gate=None).label == "contradiction"


def test_a_pair_given_as_one_story_keeps_its_contradiction_against_places_and_figures_but_not_years():
    model = directions(0.01, 0.02, 0.97)
    places = Reason("place", "apart", values=("egypt", "sudan"))
    weeks = Reason("quantity", "agree", key="weeks", values=("10 weeks", "10 weeks"))
    years = Reason("year", "apart", values=("2018", "2023"))
    for reasons, label in (([places], "contradiction"), ([weeks], "contradiction"), ([years], "neutral")):
        pair = Pair("a:1", "b:1", 0.9, nli=model, reasons=reasons)
        assert decide(pair, min_confidence=0.0, given=True, contradiction_gate=None).label == label
        assert decide(pair, min_confidence=0.0, contradiction_gate=0.0).label == "neutral"  # found: overruled
