"""The checks on real seed sentences, with hand-written extractions so only the rules are tested."""

from datetime import date

import dataclasses

from factcheck.checks import load_checks, run_checks
from factcheck.extract.cues import has_absence, is_absolute_first, is_denial
from factcheck.extract.features import event_words, explicit_years
from factcheck.extract.places import countries, elsewhere
from factcheck.pairing import Thresholds
from factcheck.report.view import reason_text
from factcheck.schema import Claim, DateMention, Document, Pair, Quantity, Source
from factcheck.verdict import decide


def doc(doc_id, published=None):
    return Document(id=doc_id, source=Source(path=f"{doc_id}.txt", text=""), start=0, end=0, published=published)


def claim(cid, text, *, quantities=(), dates=(), first=False, negated=False, attribution=None):
    """Hand-written figures, dates and flags; the text-level features as extraction reads them."""
    quantities = [dataclasses.replace(q, key=q.key or q.unit) for q in quantities]
    return Claim(id=cid, doc=cid.split(":")[0], start=0, end=len(text), text=text, quantities=quantities,
                 dates=list(dates), first=first, negated=negated, attribution=attribution,
                 denial=is_denial(text), absence=has_absence(text), absolute_first=is_absolute_first(text),
                 years=frozenset(explicit_years(text, quantities, list(dates))), countries=countries(text),
                 elsewhere=elsewhere(text), event_words=frozenset(event_words(text, [*quantities, *dates])))


def model_says(label, confidence):
    rest = (1 - confidence) / 2
    scores = {k: (confidence if k == label else rest) for k in ("entailment", "neutral", "contradiction")}
    return {"a->b": scores, "b->a": scores}


# the offline e5 model's calibrated pairing thresholds (same language, across languages)
THRESHOLDS = Thresholds(same=0.89, cross=0.847)


def check_pair(pair, a, b, doc_a, doc_b):
    """The checks stage, then the verdict stage, on one pair, as the pipeline runs them."""
    [checked] = run_checks([pair], {a.id: a, b.id: b}, {doc_a.id: doc_a, doc_b.id: doc_b}, checks=load_checks(),
                           thresholds=THRESHOLDS)
    return decide(checked, min_confidence=0.5)


def troops(value, qualifier="exact"):
    return Quantity(value=value, start=0, end=1, text=str(value), qualifier=qualifier, unit="troops")


WHITE_HOUSE = claim("000:1", "تحدث البيت الأبيض الأمريكي في بيان، عن إحضار أكثر من 3 آلاف جندي كوري شمالي إلى روسيا",
                    quantities=[troops(3000, "more_than")], attribution="البيت الأبيض الأمريكي")
NIS = claim("001:1", "كشف جهاز المخابرات الكوري الجنوبي عن إرسال كوريا الشمالية 1500 جندي إلى الشرق الأقصى الروسي",
            quantities=[troops(1500)], attribution="جهاز المخابرات الكوري الجنوبي")
MEETING = claim("003:1", "إعلان البيت الأبيض أنه وجد أدلة على أن كوريا الشمالية أرسلت 3000 جندي إلى روسيا",
                quantities=[troops(3000)])


def run(a, b, published_a=None, published_b=None):
    return check_pair(Pair(a=a.id, b=b.id, similarity=0.9), a, b, doc(a.doc, published_a), doc(b.doc, published_b))


def test_incompatible_troop_numbers_are_a_quantity_contradiction_naming_both_sources():
    pair = run(WHITE_HOUSE, NIS, date(2024, 11, 7))
    assert pair.label == "contradiction"
    [reason] = pair.reasons
    assert reason.kind == "quantity"
    detail = reason_text(reason)
    assert "more than 3,000 troops" in detail and "1,500 troops" in detail
    assert "البيت الأبيض الأمريكي" in detail and "2024-11-07" in detail


def test_more_than_3000_and_3000_agree():
    pair = run(WHITE_HOUSE, MEETING)
    assert pair.label != "contradiction"
    assert reason_text(pair.reasons[0]).startswith("compatible") and pair.reasons[0].agrees


def test_figures_that_agree_override_an_nli_contradiction():
    pair = Pair(a=WHITE_HOUSE.id, b=MEETING.id, similarity=0.9, nli=model_says("contradiction", 0.8))
    pair = check_pair(pair, WHITE_HOUSE, MEETING, doc("000"), doc("003"))
    assert pair.label == "neutral"


def test_same_event_on_different_weekdays_is_a_date_contradiction():
    a = claim("a:1", "The earthquake struck the coastal city on Saturday, the agency said.",
              dates=[DateMention(start=0, end=1, text="Saturday", weekday=5, granularity="weekday")])
    b = claim("b:1", "The earthquake struck the coastal city on Sunday.",
              dates=[DateMention(start=0, end=1, text="Sunday", weekday=6, granularity="weekday")])
    pair = run(a, b)
    assert pair.label == "contradiction" and pair.reasons[0].kind == "date"


def test_a_denial_of_the_same_event_is_a_negation_contradiction():
    a = claim("a:1", "The ministry denied that civilians were killed in the strike on the market.", negated=True)
    b = claim("b:1", "Civilians were killed in the strike on the market, witnesses said.")
    pair = run(a, b)
    assert pair.label == "contradiction" and pair.reasons[0].kind == "negation"


def test_two_first_official_confirmations_conflict_but_two_own_firsts_do_not():
    kremlin = claim("002#2:1", "هذه هي المرة الأولى التي يؤكد فيها الكرملين وجود قوات كورية شمالية", first=True)
    kcna = claim("004:1", "ونقلت الوكالة عن اللجنة العسكرية المركزية أن هذا أول تأكيد رسمي لنشر قوات كورية شمالية في روسيا",
                 first=True)
    own = claim("004:2", "أكدت كوريا الشمالية للمرة الأولى أنها أرسلت قوات إلى روسيا", first=True)
    assert run(kremlin, kcna).reasons[0].kind == "first"
    assert run(kremlin, own).label != "contradiction"


def test_look_alike_figures_about_different_countries_are_not_compared():
    egypt = claim("a:1", "Egypt's economy grew 4% last year.",
                  quantities=[Quantity(value=4, start=0, end=1, text="4%", unit="percent")])
    kenya = claim("b:1", "Kenya's economy grew 1% last year.",
                  quantities=[Quantity(value=1, start=0, end=1, text="1%", unit="percent")])
    pair = run(egypt, kenya)
    assert pair.label == "neutral" and not [r for r in pair.reasons if r.relation in ("conflict", "agree")]
    assert [(r.kind, r.relation) for r in pair.reasons] == [("place", "apart")]


def test_a_model_contradiction_between_different_years_or_countries_is_overruled():
    old_quake = claim("q3:1", "The region's last deadly earthquake, in 2018, killed about 300 people.",
                      dates=[DateMention(text="2018", start=36, end=40, value=date(2018, 1, 1), granularity="year")])
    this_quake = claim("q4:1", "Rescuers said the toll from Tazrout's earthquake rose to 1,200 dead this morning.")
    pair = Pair(a=old_quake.id, b=this_quake.id, similarity=0.87, nli=model_says("contradiction", 0.96))
    pair = check_pair(pair, old_quake, this_quake, doc("q3", date(2026, 3, 2)), doc("q4", date(2026, 3, 2)))
    assert pair.label == "neutral"
    assert [r.kind for r in pair.reasons] == ["year", "nli-override"]
    assert "different years" in reason_text(pair.reasons[-1])

    egypt = claim("r1:1", "Egypt's economy grew 4% last year, the statistics agency said.")
    kenya = claim("r2:1", "نما الاقتصاد الكيني بنسبة 1% العام الماضي.")
    pair = Pair(a=egypt.id, b=kenya.id, similarity=0.87, nli=model_says("contradiction", 0.93))
    pair = check_pair(pair, egypt, kenya, doc("r1"), doc("r2"))
    assert pair.label == "neutral" and "different places" in reason_text(pair.reasons[-1])


def test_differing_figures_in_sentences_about_different_things_are_not_a_conflict():
    rescued = claim("a:1", "Rescuers pulled 132 people out of the rubble alive, the UN spokeswoman said.",
                    quantities=[Quantity(value=132, start=0, end=1, text="132", unit="people", key="rescued")])
    killed = claim("b:1", "The earthquake killed 200,000 people and left 1.5 million homeless.",
                   quantities=[Quantity(value=200000, start=0, end=1, text="200,000", unit="people", key="killed")])
    assert run(rescued, killed).label == "neutral"
    far = check_pair(Pair(a=WHITE_HOUSE.id, b=NIS.id, similarity=0.80), WHITE_HOUSE, NIS, doc("000"), doc("001"))
    assert far.label == "neutral" and far.reasons[0].relation == "apart"  # few shared words, not close either


def test_a_toll_presented_as_updated_is_an_update_not_a_conflict():
    early = claim("a:1", "At least 14 people were killed in the blast at the wedding hall, the observatory said.",
                  quantities=[Quantity(value=14, start=0, end=1, text="14", qualifier="at_least", unit="killed",
                                       key="killed")])
    later = claim("b:1", "The toll from the blast at the wedding hall rose to 32 people killed, the observatory said.",
                  quantities=[Quantity(value=32, start=0, end=1, text="32", unit="killed", key="killed",
                                       trend="update")])
    pair = run(early, later)
    assert pair.label == "neutral" and [r.relation for r in pair.reasons] == ["update"]


def test_two_sentences_that_both_say_something_is_absent_do_not_conflict():
    a = claim("a:1", "British officials said they had not received any ransom demand for the missing men.",
              negated=True)
    b = claim("b:1", "There was no word on any ransom demand for the missing men.")
    assert b.absence and run(a, b).label == "neutral"
