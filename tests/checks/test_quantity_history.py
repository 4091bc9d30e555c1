"""Figures of one frame ordered in time: a later, larger figure (or a later one presented as a
revision, or one its article gives as an earlier report) is an update; two figures of one moment,
or a lower one later without a correction, conflict. Sentences are extracted as the pipeline
extracts them; only their articles' dates are set by hand."""

from datetime import date

from factcheck.checks import load_checks, run_checks
from factcheck.checks.context import claim_moment, later_of
from factcheck.extract.features import annotate
from factcheck.pairing import Thresholds
from factcheck.schema import Claim, Document, Pair, Source
from factcheck.verdict import decide

THRESHOLDS = Thresholds(same=0.89, cross=0.847)


def said(doc_id: str, text: str, published: date | None = None) -> tuple[Document, Claim]:
    """``text`` as the one claim of an article published on ``published``."""
    doc = Document(id=doc_id, source=Source(path=f"<{doc_id}>", text=text, id=doc_id), start=0, end=len(text),
                   published=published, language="ar" if not text.isascii() else "en", lines=[(0, len(text))])
    claim = Claim(id=f"{doc_id}:1", doc=doc_id, start=0, end=len(text), text=text, language=doc.language)
    return doc, annotate(claim, doc)


def quantity_reason(first: tuple[Document, Claim], second: tuple[Document, Claim]):
    """The quantity reason and the verdict for the pair (first, second)."""
    (doc_a, a), (doc_b, b) = first, second
    [pair] = run_checks([Pair(a=a.id, b=b.id, similarity=0.95)], {a.id: a, b.id: b}, {doc_a.id: doc_a, doc_b.id: doc_b},
                        checks=load_checks(), thresholds=THRESHOLDS)
    pair = decide(pair, min_confidence=0.5)
    [reason] = [r for r in pair.reasons if r.kind == "quantity"]
    return reason, pair.label


MONDAY = "At least 14 people were killed in the suicide attack on the wedding in Hasakah, medics said."
TUESDAY = "At least 30 people were killed in the suicide attack on the wedding in Hasakah, medics said."


def test_a_larger_toll_reported_a_day_later_updates_the_earlier_one():
    reason, label = quantity_reason(said("d1", TUESDAY, date(2016, 10, 4)), said("d2", MONDAY, date(2016, 10, 3)))
    assert (reason.relation, reason.later, label) == ("update", "a", "neutral")
    assert reason.values == ("at least 30 killed", "at least 14 killed")


def test_two_tolls_of_one_day_or_of_no_known_day_conflict():
    for published in (date(2016, 10, 3), None):
        reason, label = quantity_reason(said("d1", TUESDAY, published), said("d2", MONDAY, published))
        assert (reason.relation, reason.later, label) == ("conflict", None, "contradiction")


def test_a_lower_toll_on_a_later_day_conflicts_unless_presented_as_revised():
    reason, label = quantity_reason(said("d1", TUESDAY, date(2016, 10, 3)), said("d2", MONDAY, date(2016, 10, 4)))
    assert (reason.relation, label) == ("conflict", "contradiction")
    assert reason.note == "a lower figure on a later day, with no correction"
    revised = ("The toll was revised to at least 14 people killed in the suicide attack on the wedding in Hasakah, "
               "medics said.")
    reason, label = quantity_reason(said("d1", TUESDAY, date(2016, 10, 3)), said("d2", revised, date(2016, 10, 4)))
    assert (reason.relation, reason.later, label) == ("update", "b", "neutral")


def test_a_figure_dated_in_its_own_sentence_is_placed_on_that_day_not_its_article_s():
    dated = said("d1", "On 1 October at least 14 people were killed in the attacks on weddings in Hasakah, medics said.",
                 date(2016, 10, 4))
    undated = said("d2", "At least 30 people were killed in the attacks on weddings in Hasakah, medics said.",
                   date(2016, 10, 3))
    assert claim_moment(dated[1], dated[0]).first == date(2016, 10, 1)
    assert claim_moment(undated[1], undated[0]).basis == "published"


def test_the_day_of_an_attack_does_not_order_its_toll_against_a_toll_of_the_same_day_s_papers():
    # "killed 30 on Monday" in Tuesday's paper and "killed 32" in Tuesday's: Monday is when the
    # bomb went off, not when its toll was counted (the real-news gold: differing tolls)
    monday = said("d1", "A suicide bomber killed 30 people on Monday in an attack on a wedding in Hasakah.",
                  date(2016, 10, 4))
    undated = said("d2", "A suicide bomber struck a wedding in Hasakah, killing 32 people.", date(2016, 10, 4))
    reason, label = quantity_reason(monday, undated)
    assert (reason.relation, label) == ("conflict", "contradiction")


def test_a_toll_dated_by_its_event_against_an_undated_one_is_ordered_by_the_papers_days():
    dated = said("d1", "On 1 October at least 30 people were killed in the attacks on weddings in Hasakah, medics said.",
                 date(2016, 10, 4))
    undated = said("d2", "At least 14 people were killed in the attacks on weddings in Hasakah, medics said.",
                   date(2016, 10, 3))
    assert later_of(dated[1], dated[0], undated[1], undated[0]) == "a"
    reason, label = quantity_reason(dated, undated)
    assert (reason.relation, reason.later, label) == ("update", "a", "neutral")


def test_the_same_event_day_in_both_sentences_leaves_the_order_to_the_publication_dates():
    first = said("d1", "As many as 200,000 people were killed by the quake, which struck on January 12.",
                 date(2010, 1, 29))
    final = said("d2", "The January 12 quake left 222,570 people killed, the United Nations reported.",
                 date(2010, 3, 18))
    reason, label = quantity_reason(first, final)
    assert (reason.relation, reason.later, label) == ("update", "b", "neutral")


def test_forecasts_of_one_event_conflict_whenever_they_were_reported():
    first = said("v1", "The commission said 2,000 international observers would monitor the polls.", date(2023, 10, 2))
    later = said("v3", "Some 3,000 international observers are expected to monitor the polls.", date(2023, 10, 4))
    reason, label = quantity_reason(first, later)
    assert (reason.relation, label) == ("conflict", "contradiction")


def test_a_part_larger_than_the_earlier_whole_is_judged_by_its_frame_not_its_day():
    whole = said("q2", "وأعلنت وزارة الداخلية أن الزلزال أسفر عن مقتل ١٢٠٠ شخص.", date(2024, 3, 12))
    part = said("q4", "وأفادت مصادر طبية بأن عدد القتلى تجاوز ألفي شخص في المستشفيات الميدانية وحدها.",
                date(2024, 3, 13))
    reason, label = quantity_reason(whole, part)
    assert (reason.relation, reason.note, label) == ("conflict", "a part larger than the whole count", "contradiction")


def test_a_figure_the_article_gives_as_an_earlier_report_is_updated_even_by_a_lower_one():
    """The coalition's own words: fewer than 3,000 fighters on 5 December, fewer than 1,000 now."""
    background = said("c1", "وكان التحالف الذي تقوده الولايات المتحدة قال في الخامس من ديسمبر إن أقل من 3000 مقاتل "
                            "ما زالوا في سوريا والعراق.")
    now = said("c2", "التحالف الدولي: لم يتبق سوى أقل من 1000 مقاتل لتنظيم داعش في سوريا والعراق.")
    assert [q.trend for q in background[1].quantities] == ["earlier"]
    reason, label = quantity_reason(background, now)
    assert (reason.relation, reason.later, label) == ("update", "b", "neutral")


TOWN = "At least 17 people were killed in the town of Hamouriyeh in the air strikes on the besieged enclave, rescuers said."
REGION = "At least 27 people were killed in the air strikes on the besieged enclave, rescuers said."
TOWN_LARGER = "At least 60 people were killed in the town of Hamouriyeh in the air strikes on the besieged enclave, rescuers said."


def test_a_smaller_figure_for_a_named_town_is_part_of_the_wider_count_not_a_conflict():
    reason, label = quantity_reason(said("a", TOWN), said("b", REGION))
    assert (reason.relation, label) == ("apart", "neutral")
    assert "hamouriyeh" in reason.note
    ar_town = "وقال عمال الدفاع المدني إن ما لا يقل عن 17 شخصا لقوا حتفهم في بلدة حمورية في ضربة جوية على سوق."
    ar_region = "وقال عمال الدفاع المدني إن ما لا يقل عن 27 شخصا لقوا حتفهم في ضربة جوية على سوق."
    assert quantity_reason(said("c", ar_town), said("d", ar_region))[0].relation == "apart"


def test_a_town_s_figure_larger_than_the_wider_count_still_conflicts():
    reason, label = quantity_reason(said("a", TOWN_LARGER), said("b", REGION))
    assert (reason.relation, label) == ("conflict", "contradiction")


def test_two_unplaced_weekdays_a_day_apart_order_their_tolls():
    friday = said("d1", "Typhoon Babs headed toward China Friday after rains that killed at least 82 people.")
    saturday = said("d2", "Typhoon Babs raced toward China on Saturday, leaving at least 129 people dead.")
    reason, label = quantity_reason(friday, saturday)
    assert (reason.relation, reason.later, label) == ("update", "b", "neutral")


def test_a_figure_restated_in_another_unit_in_brackets_is_not_compared_on_its_rounding():
    a = said("d1", "The typhoon was centered about 300 kilometers (187 miles) southeast of Hong Kong.")
    b = said("d2", "The typhoon was centered about 300 kilometers (186 miles) southeast of Hong Kong.")
    assert [q.unit for q in a[1].quantities] == ["km"]
    reason, label = quantity_reason(a, b)
    assert label != "contradiction"


def test_figures_of_two_named_places_are_apart_even_when_one_is_a_part():
    reason, label = quantity_reason(said("a", "Eight others died in Nicaragua in the flooding."),
                                    said("b", "Six people died in southern Mexico in the flooding."))
    assert (reason.relation, label) == ("apart", "neutral")


def test_a_neighbouring_country_the_other_claim_also_names_is_the_same_place():
    nairobi = said("a", "A total of 248 people were killed in the Nairobi bombing of the embassy in Kenya.",
                   date(1998, 10, 2))
    neighbouring = said("b", "A nearly simultaneous bombing of the embassy in neighboring Kenya killed 213 people.",
                        date(1998, 10, 2))
    reason, label = quantity_reason(nairobi, neighbouring)
    assert (reason.relation, label) == ("conflict", "contradiction")
