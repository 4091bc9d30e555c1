"""What every report shows: sources by name, quotes cut between words, pairs chosen by --show."""

import pytest

from factcheck.report.view import build_view, shorten, source_names


def test_sources_are_named_by_outlet_then_site_then_file_name(small_report):
    names = source_names(small_report.documents)
    assert names == {"001_aaaa": "Reuters", "002_bbbb": "aljazeera.net", "003_cccc": "notes.txt"}


def test_two_articles_of_one_outlet_get_distinct_names_not_shortened_ids(small_report):
    doc = small_report.documents[0]
    twin = type(doc)(id="009_zzzz", source=doc.source, start=0, end=10)
    names = source_names([doc, twin])
    assert names["001_aaaa"] != names["009_zzzz"] and all(n.startswith("Reuters") for n in names.values())


def test_a_story_split_off_a_page_is_named_after_the_page_and_its_number(small_report):
    doc = small_report.documents[2]
    glued = type(doc)(id="003_cccc#2", source=doc.source, start=5, end=10, parent="003_cccc")
    assert source_names([doc, glued])["003_cccc#2"] == "notes.txt #2"


def test_said_by_names_outlet_date_and_speaker_last(small_report):
    view = build_view(small_report)
    assert view.said_by(view.claims[small_report.claims[0].id]) == "Reuters · 2025-04-27 · officials"
    assert view.said_by(view.claims[small_report.claims[2].id]) == "aljazeera.net · undated · الوزارة"


@pytest.mark.parametrize("text", ["one two three four five six seven eight nine ten eleven twelve",
                                  "قالت الوزارة إن 1500 جندي وصلوا إلى المنطقة الحدودية صباح اليوم"])
def test_shorten_cuts_between_words(text):
    for limit in range(12, len(text)):
        short = shorten(text, limit)
        assert len(short) <= limit and short.endswith("…")
        assert text.startswith(short[:-1]) and text[len(short) - 1] in " ,،"


def test_neutral_pairs_are_hidden_unless_all_are_asked_for(small_report):
    view = build_view(small_report)
    assert {v.pair.label for v in view.shown()} == {"contradiction"}
    assert len(view.shown("all")) == 4 and len(view.shown("contradictions")) == 3
    with pytest.raises(ValueError, match="contradictions, verdicts, all"):
        view.shown("neutral")


def test_reasons_name_sources_instead_of_document_ids(small_report):
    view = build_view(small_report)
    v = view.shown()[0]
    line = view.reason_line(v, v.pair.reasons[0])
    assert "Reuters · 2025-04-27 · officials" in line and "(x)" not in line


def test_a_where_conflict_and_a_negation_update_read_as_prose():
    from factcheck.report.view import reason_text
    from factcheck.schema import Reason

    where = Reason("where", "conflict", values=("iran", "france"), sources=("Wire", "Daily"))
    assert reason_text(where) == "another country for the same account: iran (Wire) vs france (Daily)"
    later = Reason("negation", "update", values=("denies", "asserts"), sources=("Wire, 5 June", "Daily, 8 June"),
                   note="a later report of what an earlier one said had not happened", later="b")
    assert reason_text(later) == ("a later report of what an earlier one said had not happened: "
                                  "denies (Wire, 5 June) then asserts (Daily, 8 June)")
