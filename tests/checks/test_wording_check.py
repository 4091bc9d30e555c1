"""Near-copies agree: a model contradiction between two claims that tell the same thing in nearly
the same words is overruled, unless a check finds a real difference."""

import dataclasses

from factcheck.checks import load_checks, run_checks
from factcheck.pipeline import statement_claim
from factcheck.schema import Pair
from factcheck.verdict import decide

CONTRADICTS = {"entailment": 0.01, "neutral": 0.02, "contradiction": 0.97}


def judged(first: str, second: str):
    da, a = statement_claim("a", first)
    db, b = statement_claim("b", second)
    [pair] = run_checks([Pair(a=a.id, b=b.id, similarity=0.99)], {a.id: a, b.id: b}, {"a": da, "b": db},
                        checks=load_checks(), thresholds=None)
    return decide(dataclasses.replace(pair, nli={"a->b": CONTRADICTS, "b->a": CONTRADICTS}), min_confidence=0.9)


def test_a_spelling_apart_is_not_a_contradiction_whatever_the_model_says():
    pair = judged("وقامت القوات الأمريكية بدور المستشارين على الأرض مع قوات الحكومة العراقية ومع فصائل كردية وعربية في سوريا .",
                  "وقامت القوات الأميركية بدور المستشار على الأرض مع قوات الحكومة العراقية ومع فصائل كردية وعربية في سوريا .")
    assert pair.label == "neutral"
    assert any(r.kind == "nli-override" and "same words" in r.note for r in pair.reasons)


def test_the_same_words_with_other_figures_still_conflict():
    pair = judged("The earthquake killed 300 people in the north of the country on Sunday.",
                  "The earthquake killed 450 people in the north of the country on Sunday.")
    assert pair.label == "contradiction" and any(r.kind == "quantity" for r in pair.reasons)


def test_a_negated_copy_is_not_the_same_wording():
    pair = judged("The ministry confirmed that the dam collapsed after the heavy rains on Sunday.",
                  "The ministry did not confirm that the dam collapsed after the heavy rains on Sunday.")
    assert not any(r.kind == "wording" for r in pair.reasons)


def test_a_changed_figure_the_quantity_check_cannot_compare_is_left_to_the_model():
    pair = judged("The fire destroyed 300 of the houses in the old town on Sunday, officials said.",
                  "The fire destroyed 450 of the houses in the old town on Sunday, officials said.")
    assert not any(r.kind == "wording" for r in pair.reasons) and pair.label == "contradiction"


def test_another_country_or_name_in_the_same_words_is_left_to_the_model():
    pair = judged("Officials said that China sent two military transport planes to the border region on Sunday.",
                  "Officials said that Russia sent two military transport planes to the border region on Sunday.")
    assert not any(r.kind == "wording" for r in pair.reasons)


def test_one_word_swapped_for_another_is_not_a_copy():
    pair = judged("The government withdrew the plan to deport thousands of migrants from the southern camps.",
                  "The government approved the plan to deport thousands of migrants from the southern camps.")
    assert not any(r.kind == "wording" for r in pair.reasons) and pair.label == "contradiction"


def test_the_same_account_with_another_country_in_it_is_a_where_conflict_naming_both():
    pair = judged("Iran blamed America and states backed by Washington for the attack on the military parade.",
                  "France blamed America and states backed by Washington for the attack on the military parade.")
    [where] = [r for r in pair.reasons if r.kind == "where"]
    assert (where.relation, pair.label) == ("conflict", "contradiction")
    assert "iran" in where.values[0].lower() and "france" in where.values[1].lower()


def test_a_claim_naming_one_country_more_is_no_swap():
    pair = judged("Russia and Iran discussed the evacuation of the wounded from the besieged enclave on Sunday.",
                  "Russia discussed the evacuation of the wounded from the besieged enclave on Sunday.")
    assert not any(r.kind == "where" for r in pair.reasons)
