"""A negated report against a later assertion: what had not happened yet, then did, is an update;
a denial disputes the other account whenever it came."""

from datetime import date

from factcheck.checks import load_checks, run_checks
from factcheck.extract.features import annotate
from factcheck.schema import Claim, Document, Pair, Source
from factcheck.verdict import decide


def said(doc_id: str, text: str, published: date) -> tuple[Document, Claim]:
    doc = Document(id=doc_id, source=Source(path=f"<{doc_id}>", text=text, id=doc_id), start=0, end=len(text),
                   published=published, language="en", lines=[(0, len(text))])
    claim = Claim(id=f"{doc_id}:1", doc=doc_id, start=0, end=len(text), text=text, language="en")
    return doc, annotate(claim, doc)


def negation(first, second):
    (doc_a, a), (doc_b, b) = first, second
    [pair] = run_checks([Pair(a=a.id, b=b.id, similarity=0.95)], {a.id: a, b.id: b}, {doc_a.id: doc_a, doc_b.id: doc_b},
                        checks=load_checks(), thresholds=None)
    pair = decide(pair, min_confidence=0.9)
    return [r for r in pair.reasons if r.kind == "negation"], pair.label


NOT_YET = "Search teams said wreckage of the airliner had not been recovered from the ocean."
FOUND = "Search teams recovered wreckage of the airliner from the ocean, the navy said."
DENIED = "The airline denied that wreckage of the airliner had been recovered from the ocean."


def test_what_an_earlier_report_said_had_not_happened_then_happened_is_an_update():
    [reason], label = negation(said("a", NOT_YET, date(2009, 6, 5)), said("b", FOUND, date(2009, 6, 8)))
    assert (reason.relation, reason.later, label) == ("update", "b", "neutral")


def test_a_negated_report_after_the_assertion_still_conflicts():
    [reason], label = negation(said("a", NOT_YET, date(2009, 6, 9)), said("b", FOUND, date(2009, 6, 8)))
    assert (reason.relation, label) == ("conflict", "contradiction")


def test_a_denial_conflicts_whichever_came_first():
    [reason], label = negation(said("a", DENIED, date(2009, 6, 5)), said("b", FOUND, date(2009, 6, 8)))
    assert (reason.relation, label) == ("conflict", "contradiction")


def test_reports_of_something_are_no_assertion_a_denial_contradicts():
    reasons, label = negation(said("a", "He said the bodies of the hostages had not been found.", date(1998, 12, 8)),
                              said("b", "The ministry was investigating reports that the bodies of the hostages "
                                        "had been found.", date(1998, 12, 8)))
    assert (reasons, label) == ([], "neutral")
