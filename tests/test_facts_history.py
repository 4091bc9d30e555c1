"""A valued fact is its figure's history, read from the checks' reasons: versions in the order of
the day each speaks of (its own date, else its article's; undated last), each naming the
versions it disagrees with, updates, is updated by and agrees with."""

from datetime import date

from factcheck.facts import group_facts
from factcheck.schema import Claim, DateMention, Document, Pair, Reason, Source


def doc(doc_id, published=None):
    return Document(id=doc_id, source=Source(path=f"{doc_id}.txt", text=""), start=0, end=0, published=published)


def claim(doc_id, text, dates=()):
    return Claim(id=f"{doc_id}:1", doc=doc_id, start=0, end=len(text), text=text, dates=list(dates))


def reason(relation, va, vb, later=None):
    return Reason("quantity", relation, key="killed", values=(va, vb), note="", later=later)


MONDAY = DateMention(start=0, end=6, text="Monday", value=date(2016, 10, 3), granularity="weekday", weekday=0)
DOCS = {d.id: d for d in (doc("early", date(2016, 10, 4)), doc("late", date(2016, 10, 5)),
                          doc("rival", date(2016, 10, 4)), doc("nodate"))}
CLAIMS = {c.id: c for c in (claim("early", "14 killed on Monday", [MONDAY]), claim("late", "30 killed"),
                            claim("rival", "20 killed"), claim("nodate", "14 killed"))}
PAIRS = [
    Pair(a="late:1", b="early:1", similarity=0.9, reasons=[reason("update", "30 killed", "14 killed", later="a")]),
    Pair(a="early:1", b="rival:1", similarity=0.9, label="contradiction",
         reasons=[reason("conflict", "14 killed", "20 killed")]),
    Pair(a="nodate:1", b="early:1", similarity=0.9, reasons=[reason("agree", "14 killed", "14 killed")]),
]


def the_fact():
    [fact] = group_facts(PAIRS, CLAIMS, DOCS)
    return fact, {v["claim"]: v for v in fact.versions}


def test_versions_follow_the_day_they_speak_of_with_its_source():
    fact, _ = the_fact()
    assert [(v["claim"], v["time"], v["time_basis"]) for v in fact.versions] == [
        ("early:1", "2016-10-03", "claim"),  # its own Monday, before its article's 4 October
        ("rival:1", "2016-10-04", "published"),
        ("late:1", "2016-10-05", "published"),
        ("nodate:1", None, None),
    ]
    assert fact.status == "conflicting"


def test_each_version_names_what_it_disagrees_with_updates_is_updated_by_and_agrees_with():
    _, version = the_fact()
    assert version["late:1"]["updates"] == ["early:1"] and version["early:1"]["updated_by"] == ["late:1"]
    assert version["early:1"]["disagrees_with"] == ["rival:1"] and version["rival:1"]["disagrees_with"] == ["early:1"]
    assert version["nodate:1"]["agrees_with"] == ["early:1"]
    assert version["late:1"]["disagrees_with"] == [] and version["late:1"]["updated_by"] == []


def test_the_fields_a_version_had_before_its_history_are_kept():
    _, version = the_fact()
    assert {"claim", "doc", "published", "attribution", "value", "text"} <= set(version["early:1"])
    assert version["early:1"]["published"] == "2016-10-04"
