"""The seeds' two first official confirmations conflict, each with its day as its article gives
it and its source. Claims are extracted from the seed files as the pipeline extracts them and
checked with the registered checks; no model is loaded."""

import dataclasses
from datetime import date

import pytest

from factcheck import stages
from factcheck.checks import load_checks, run_checks
from factcheck.ingest import articles_from_source
from factcheck.pairing import Thresholds
from factcheck.report.view import reason_text
from factcheck.schema import Claim, Document, Pair

THRESHOLDS = Thresholds(same=0.89, cross=0.847)
KREMLIN_DOC = "002_7f3ffb81817a861b#2"  # "روسيا تزعم تحرير الكامل لكورسك", published 26 April 2025
PYONGYANG_DOC = "004_0c1c4f2951690474"  # undated: its header gives no date


def claims_of(documents: list[Document]) -> dict[str, Claim]:
    found, problems = stages.claims(documents)
    assert not problems
    return {c.id: c for c in found}


def the_claim(claims: dict[str, Claim], doc: str, words: str) -> Claim:
    [claim] = [c for c in claims.values() if c.doc == doc and words in c.text]
    return claim


def first_reason(kremlin: Claim, pyongyang: Claim, documents: list[Document], claims: dict[str, Claim]):
    [pair] = run_checks([Pair(a=kremlin.id, b=pyongyang.id, similarity=0.93)], claims, {d.id: d for d in documents},
                        checks=load_checks(), thresholds=THRESHOLDS)
    [reason] = [r for r in pair.reasons if r.kind == "first"]
    return reason, pair


@pytest.fixture(scope="module")
def seed_claims(seed_documents):
    return claims_of(seed_documents)


def test_the_kremlins_and_pyongyangs_first_confirmations_conflict_each_with_its_day_and_source(seed_documents,
                                                                                                 seed_claims):
    kremlin = the_claim(seed_claims, KREMLIN_DOC, "وأقرّ لأول مرة بوجود قوات كورية شمالية")
    pyongyang = the_claim(seed_claims, PYONGYANG_DOC, "أول تأكيد رسمي")
    reason, pair = first_reason(kremlin, pyongyang, seed_documents, seed_claims)
    assert reason.relation == "conflict"
    assert reason.values == ("a first confirmation on يوم السبت (Saturday 2025-04-26)",
                             "a first confirmation on الاثنين (Monday)")
    assert reason.sources[0].startswith("الكرملين;") and reason.sources[0].endswith(f"{KREMLIN_DOC}, 2025-04-26")
    assert reason.sources[1].endswith(f"{PYONGYANG_DOC}, undated")
    assert "يوم السبت (Saturday 2025-04-26)" in reason_text(reason)
    # the two confirmations are two events: their days are not a date conflict
    assert not [r for r in pair.reasons if r.kind == "date"]


def test_a_first_that_names_no_day_takes_the_day_its_article_first_told_it_on(seed_claims):
    pyongyang = the_claim(seed_claims, PYONGYANG_DOC, "أول تأكيد رسمي")
    lead = the_claim(seed_claims, PYONGYANG_DOC, "أكدت كوريا الشمالية للمرة الأولى")
    [day] = pyongyang.dates
    assert (day.text, day.weekday, day.inherited) == ("الاثنين", 0, True)
    assert (day.start, day.end) == (lead.dates[0].start, lead.dates[0].end)  # a view of the lead's words
    kremlin_again = the_claim(seed_claims, KREMLIN_DOC, "هذه هي المرة الأولى التي يؤكد فيها الكرملين")
    assert [(d.text, d.value, d.inherited) for d in kremlin_again.dates] == [("يوم السبت", date(2025, 4, 26), True)]


def test_pyongyangs_monday_resolves_to_28_april_2025_when_its_article_is_dated(seed_sources, seed_documents):
    [source] = [s for s in seed_sources if PYONGYANG_DOC in s.path]
    dated = articles_from_source(dataclasses.replace(source, published=date(2025, 4, 29)), PYONGYANG_DOC)
    documents = [d for d in seed_documents if d.id != PYONGYANG_DOC] + dated
    claims = claims_of(documents)
    kremlin = the_claim(claims, KREMLIN_DOC, "وأقرّ لأول مرة بوجود قوات كورية شمالية")
    pyongyang = the_claim(claims, PYONGYANG_DOC, "أول تأكيد رسمي")
    reason, _ = first_reason(kremlin, pyongyang, documents, claims)
    assert reason.values[1] == "a first confirmation on الاثنين (Monday 2025-04-28)"
    assert reason.sources[1].endswith(f"{PYONGYANG_DOC}, 2025-04-29")


def test_an_article_retelling_its_own_first_is_not_a_conflict_with_itself():
    from factcheck.checks import load_checks, run_checks
    from factcheck.pipeline import statement_claim
    from factcheck.schema import Pair
    import dataclasses

    doc, a = statement_claim("d", "أكدت كوريا الشمالية للمرة الأولى أنها أرسلت قوات إلى روسيا")
    _, b = statement_claim("d", "وقالت الوكالة إن هذا أول تأكيد رسمي لإرسال قوات كورية شمالية إلى روسيا")
    b = dataclasses.replace(b, id="d:2")
    assert a.first and b.first and (a.absolute_first or b.absolute_first)
    [pair] = run_checks([Pair(a=a.id, b=b.id, similarity=0.95)], {a.id: a, b.id: b}, {"d": doc}, checks=load_checks(),
                        thresholds=None)
    assert not [r for r in pair.reasons if r.kind == "first"]
