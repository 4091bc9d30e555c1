"""The seeds' North Korean troop figures as one fact with its history: the South Korean
intelligence's 1,500 disagrees with the White House's 3,000 and "more than 3,000" (its article
gives no date to set it apart), and April 2025's "up to 11,000" is a later estimate of the White
House figures. Claims are extracted from the seed files as the pipeline extracts them, every
pair of them is checked with the registered checks and the verdict; no model is loaded."""

from itertools import combinations

import pytest

from factcheck import stages
from factcheck.checks import load_checks, run_checks
from factcheck.facts import group_facts
from factcheck.pairing import Thresholds
from factcheck.schema import Pair
from factcheck.verdict import decide

THRESHOLDS = Thresholds(same=0.89, cross=0.847)
# (document, words of its troop sentence)
TROOP_SENTENCES = {
    "white house": ("003_349d150d1a2d97aa", "أرسلت 3000 جندي إلى روسيا"),
    "more than": ("000_80cd373ff1d3d8d0", "أكثر من 3 آلاف جندي"),
    "estimates": ("002_7f3ffb81817a861b#2", "قد يصل عددها إلى 11 ألف جندي"),
    "intelligence": ("001_765a9e3110cb316c", "1500 جندي من القوات الخاصة"),
}


@pytest.fixture(scope="module")
def troop_fact(seed_documents):
    found, problems = stages.claims(seed_documents)
    assert not problems
    claims = {c.id: c for c in found}
    ids = {name: _the_claim(found, doc, words) for name, (doc, words) in TROOP_SENTENCES.items()}
    pairs = [Pair(a=a, b=b, similarity=0.93) for a, b in combinations(ids.values(), 2)]
    checked = run_checks(pairs, claims, {d.id: d for d in seed_documents}, checks=load_checks(), thresholds=THRESHOLDS)
    decided = [decide(p, min_confidence=0.5) for p in checked]
    [fact] = [f for f in group_facts(decided, claims, {d.id: d for d in seed_documents})
              if f.summary.startswith("troops:")]
    return fact, ids


def _the_claim(claims, doc, words):
    [claim] = [c.id for c in claims if c.doc == doc and words in c.text]
    return claim


def test_the_troop_figures_are_one_conflicting_fact_in_the_order_of_their_days(troop_fact):
    fact, ids = troop_fact
    assert fact.status == "conflicting"
    assert [(v["value"], v["time"], v["attribution"]) for v in fact.versions] == [
        ("3,000 troops", "2024-10-27", "البيت الأبيض"),
        ("more than 3,000 troops", "2024-11-07", "البيت الأبيض الأمريكي"),
        ("up to 11,000 troops", "2025-04-26", "تقديرات أوكرانية وكورية جنوبية"),
        ("1,500 troops", None, "جهاز المخابرات الكوري الجنوبي"),
    ]
    assert [v["doc"] for v in fact.versions] == [doc for doc, _ in TROOP_SENTENCES.values()]
    assert {v["time_basis"] for v in fact.versions[:3]} == {"published"}


def test_the_intelligence_figure_disagrees_with_the_white_house_figures_of_october(troop_fact):
    fact, ids = troop_fact
    version = {v["claim"]: v for v in fact.versions}
    intelligence = version[ids["intelligence"]]
    assert {ids["white house"], ids["more than"]} <= set(intelligence["disagrees_with"])
    assert ids["intelligence"] in version[ids["white house"]]["disagrees_with"]
    assert version[ids["white house"]]["agrees_with"] == [ids["more than"]]


def test_up_to_11000_in_april_2025_is_a_later_estimate_of_the_white_house_figures(troop_fact):
    fact, ids = troop_fact
    version = {v["claim"]: v for v in fact.versions}
    assert version[ids["estimates"]]["updates"] == [ids["white house"], ids["more than"]]
    assert version[ids["white house"]]["updated_by"] == [ids["estimates"]]
    assert version[ids["more than"]]["updated_by"] == [ids["estimates"]]
    # the undated 1,500 cannot be placed before April 2025: it stays a disagreement, not an earlier estimate
    assert ids["intelligence"] in version[ids["estimates"]]["disagrees_with"]
    assert not version[ids["intelligence"]]["updated_by"]
