"""The date check: one event told on two days conflicts, one day told two ways does not.

Claims are real-looking sentences in dated (or undated) one-sentence articles, with every
feature extracted as the pipeline extracts it; no model is loaded."""

from datetime import date

from factcheck.checks import load_checks, run_checks
from factcheck.checks.dates import date_conflict
from factcheck.extract.features import annotate
from factcheck.ingest.language import detect_language
from factcheck.pairing import Thresholds
from factcheck.report.view import reason_text
from factcheck.schema import Claim, Document, Pair, Source

THRESHOLDS = Thresholds(same=0.89, cross=0.847)
MON, TUE, WED = date(2025, 4, 28), date(2025, 4, 29), date(2025, 4, 30)


def told(doc_id: str, text: str, published: date | None = None) -> tuple[Document, Claim]:
    """A one-sentence article published on ``published``, and its claim as extraction reads it."""
    source = Source(path=f"<{doc_id}>", text=text, id=doc_id)
    doc = Document(id=doc_id, source=source, start=0, end=len(text), published=published,
                   language=detect_language(text), lines=[(0, len(text))])
    return doc, annotate(Claim(id=f"{doc_id}:1", doc=doc_id, start=0, end=len(text), text=text,
                               language=doc.language), doc)


def date_reasons(a: tuple[Document, Claim], b: tuple[Document, Claim]):
    (doc_a, claim_a), (doc_b, claim_b) = a, b
    [pair] = run_checks([Pair(a=claim_a.id, b=claim_b.id, similarity=0.9)], {claim_a.id: claim_a, claim_b.id: claim_b},
                        {doc_a.id: doc_a, doc_b.id: doc_b}, checks=load_checks(), thresholds=THRESHOLDS)
    return [r for r in pair.reasons if r.kind == "date"]


def conflict(a: tuple[Document, Claim], b: tuple[Document, Claim]) -> str | None:
    (doc_a, claim_a), (doc_b, claim_b) = a, b
    return date_conflict(claim_a.dates, claim_b.dates, doc_a.published, doc_b.published)


def test_the_quake_on_tuesday_and_at_dawn_on_monday_conflict_naming_both_days_and_sources():
    tuesday = told("wire", "The earthquake struck the coastal city on Tuesday, the agency said.", WED)
    monday = told("daily", "The earthquake struck the coastal city at dawn on Monday.", WED)
    [reason] = date_reasons(tuesday, monday)
    assert (reason.relation, reason.note) == ("conflict", "day")
    text = reason_text(reason)
    assert "Tuesday (Tuesday 2025-04-29)" in text and "at dawn on Monday (Monday 2025-04-28, dawn)" in text
    assert "wire, 2025-04-30" in text and "daily, 2025-04-30" in text


def test_the_same_in_arabic_and_without_article_dates_as_weekdays():
    tuesday = told("a", "ضرب الزلزال المدينة الساحلية يوم الثلاثاء وفق الوكالة")
    monday = told("b", "ضرب الزلزال المدينة الساحلية فجر الاثنين")
    [reason] = date_reasons(tuesday, monday)
    assert reason.note == "weekday"
    assert reason.values == ("يوم الثلاثاء (Tuesday)", "فجر الاثنين (Monday, dawn)")
    assert date_reasons(monday, told("c", "ضرب الزلزال المدينة الساحلية يوم الاثنين")) == []


def test_today_friday_and_yesterday_friday_in_the_next_days_article_are_one_day():
    friday, saturday = date(2024, 2, 2), date(2024, 2, 3)
    today = told("a", "استدعت كوريا الجنوبية اليوم الجمعة سفير روسيا للاحتجاج على التصريحات", friday)
    yesterday = told("b", "استدعت كوريا الجنوبية أمس الجمعة سفير روسيا للاحتجاج على التصريحات", saturday)
    assert date_reasons(today, yesterday) == []
    thursday = told("c", "استدعت كوريا الجنوبية أول أمس الخميس سفير روسيا للاحتجاج على التصريحات", saturday)
    assert [r.note for r in date_reasons(today, thursday)] == ["day"]
    assert conflict(told("d", "South Korea summoned the ambassador today, Friday.", friday),
                    told("e", "South Korea summoned the ambassador yesterday, Friday.", saturday)) is None


def test_a_weekday_in_a_dated_article_is_the_calendar_day_it_names():
    saturday = told("a", "The army said it had retaken the town on Saturday.", MON)
    assert conflict(saturday, told("b", "The army said it had retaken the town on 26 April 2025.")) is None
    # 19 April 2025 was a Saturday too, but not the Saturday of an article of 28 April
    assert conflict(saturday, told("c", "The army said it had retaken the town on 19 April 2025.")) == "day"


def test_a_weekday_an_article_announces_may_be_the_coming_one():
    announced = told("a", "The two leaders will meet in Geneva on Thursday.", date(2025, 4, 21))
    assert conflict(announced, told("b", "The two leaders met in Geneva yesterday.", date(2025, 4, 25))) is None
    assert conflict(announced, told("c", "The two leaders met in Geneva yesterday.", date(2025, 4, 23))) == "day"


def test_an_overnight_event_may_be_told_on_either_side_of_midnight_but_an_early_hour_does_not_reach_back():
    assert conflict(told("a", "The plane departed on Sunday night."),
                    told("b", "The plane departed early Monday.")) is None
    assert conflict(told("a", "انطلق الهجوم ليل الأحد"), told("b", "انطلق الهجوم فجر الاثنين")) is None
    assert conflict(told("a", "The four were seized early Sunday morning."),
                    told("b", "The four were taken hostage Saturday.")) == "weekday"


def test_a_date_of_something_else_in_one_sentence_is_no_conflict_but_a_differing_one_is():
    said = told("a", "The observatory said on Monday that Sunday's strike killed civilians in the town.")
    assert conflict(said, told("b", "The observatory said on Monday that the strike killed civilians.")) is None
    thursday = told("c", "Residents, who were questioned Thursday by police, told reporters Friday of four visitors.")
    saturday = told("d", "Residents, who were questioned Saturday by police, told reporters Friday of four visitors.")
    assert conflict(thursday, saturday) == "weekday"


def test_days_without_a_year_are_compared_by_month_and_day():
    june = told("a", "Air France flight 447 disappeared over the Atlantic Ocean on June 1.")
    assert conflict(june, told("b", "اختفت الرحلة 447 فوق المحيط الأطلسي يوم 1 يونيو")) is None
    assert conflict(june, told("c", "اختفت الرحلة 447 فوق المحيط الأطلسي يوم 1 أكتوبر")) == "day"
    assert conflict(told("d", "أعلن العراق النصر النهائي على التنظيم في التاسع من ديسمبر"),
                    told("e", "أعلن العراق النصر النهائي على التنظيم في التاسع من أبريل")) == "day"


def test_figures_that_changed_with_the_date_are_two_reports_not_one_event_told_on_two_days():
    earlier = told("a", "The coalition said on 5 December that fewer than 3,000 fighters remained in Iraq and Syria.")
    later = told("b", "The coalition said on 27 December that fewer than 1,000 fighters remained in Iraq and Syria.")
    assert date_reasons(earlier, later) == []
    same_figure = told("c", "The coalition said on 27 December that fewer than 3,000 fighters remained in Iraq "
                            "and Syria.")
    assert date_reasons(earlier, same_figure) == []  # the same thing said on two days


def test_the_day_of_the_saying_is_not_the_day_of_the_event():
    said_sunday = told("a", "At least 112 people were killed in the bombing of the convoy, a monitoring group said Sunday.")
    killed_saturday = told("b", "At least 112 people were killed Saturday in the bombing of the convoy.")
    assert date_reasons(said_sunday, killed_saturday) == []
    observatory = told("c", "واكد المرصد السوري لحقوق الانسان السبت استعادة التنظيم السيطرة التامة على مدينة البوكمال.")
    friday = told("d", "استعاد التنظيم الجمعة السيطرة التامة على مدينة البوكمال.")
    assert date_reasons(observatory, friday) == []
    # a date inside what was said is the event's
    killed_sunday = told("e", "The monitoring group said that at least 112 people were killed Sunday in the bombing of the convoy.")
    assert [r.note for r in date_reasons(killed_sunday, killed_saturday)] == ["weekday"]


def test_a_bare_today_dates_the_report_but_this_morning_dates_the_event():
    assert conflict(told("a", "قال الوزير اليوم إن المفاوضات انتهت", MON),
                    told("b", "قال الوزير اليوم إن المفاوضات انتهت", TUE)) is None
    assert conflict(told("a", "انتهت المفاوضات صباح اليوم", MON), told("b", "انتهت المفاوضات صباح اليوم", TUE)) == "day"


def test_a_publication_stamp_glued_into_the_text_is_not_the_event_s_day():
    monday = told("a", "3 Oct 2016 At least 20 people were killed in the suicide bombing of the wedding on Monday.")
    stamped = told("b", "Date of publication 4 October 2016 At least 20 people were killed Monday in the suicide "
                        "bombing of the wedding.")
    assert date_reasons(monday, stamped) == []
    clock = told("c", "نشر 15 تشرين الثاني / نوفمبر 2017 14:53 قصفت قاذفات روسية مواقع التنظيم قرب البوكمال يوم الأربعاء.")
    wednesday = told("d", "قصفت قاذفات روسية مواقع التنظيم قرب البوكمال يوم الأربعاء 15 تشرين الثاني / نوفمبر 2017.")
    assert date_reasons(clock, wednesday) == []
    # a date that opens a sentence after a preposition is the event's
    assert [r.note for r in date_reasons(told("e", "On 12 January 2010 an earthquake struck the capital."),
                                         told("f", "On 13 January 2010 an earthquake struck the capital."))] == ["day"]
