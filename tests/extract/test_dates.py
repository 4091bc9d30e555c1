"""Specification of ``find_dates`` and ``parse_publication_date`` on the seeds' dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.dates import find_dates, parse_publication_date
from factcheck.schema import DateMention

# Publication dates of the seed articles (from their headers).
PUB_000 = date(2024, 11, 7)  # Thursday
PUB_003 = date(2024, 10, 27)  # Sunday


def mentions(text: str, reference: date | None = None) -> list[tuple[str, date | None, str]]:
    return [(m.text, m.value, m.granularity) for m in find_dates(text, reference=reference)]


def only(text: str, reference: date | None = None) -> DateMention:
    found = find_dates(text, reference=reference)
    assert len(found) == 1, found
    return found[0]


# --- absolute dates from the seeds -------------------------------------------------------


def test_day_month_with_levantine_pair_and_jari_takes_the_reference_year():
    text = "وفي 25 أكتوبر/ تشرين الأول الجاري، قال الرئيس الأوكراني فولودمير زيلينسكي"
    m = only(text, PUB_000)
    assert (m.text, m.value, m.granularity, m.relative) == (
        "25 أكتوبر/ تشرين الأول الجاري", date(2024, 10, 25), "day", True
    )


def test_day_range_before_a_month_gives_two_days():
    text = "في منطقة كورسك اعتبارا من 27 - 28 أكتوبر/ تشرين الأول المنصرم."
    assert mentions(text, PUB_000) == [
        ("27", date(2024, 10, 27), "day"),
        ("28 أكتوبر/ تشرين الأول المنصرم", date(2024, 10, 28), "day"),
    ]


def test_month_followed_by_madi_is_the_latest_such_month_before_the_reference():
    text = "وفي 6 أغسطس/ آب الماضي، أطلقت أوكرانيا عملية واسعة النطاق على منطقة كورسك"
    assert mentions(text, PUB_000) == [("6 أغسطس/ آب الماضي", date(2024, 8, 6), "day")]
    # "الماضي" in the same month means last year's
    assert only("في 6 نوفمبر الماضي", PUB_000).value == date(2023, 11, 6)


def test_full_date_with_month_pair():
    text = "ومنذ 24 فبراير/ شباط 2022، تشن روسيا هجوما عسكريا على جارتها أوكرانيا"
    m = only(text)
    assert (m.text, m.value, m.granularity, m.relative) == ("24 فبراير/ شباط 2022", date(2022, 2, 24), "day", False)


def test_month_and_year_is_month_granularity():
    text = "منذ بدء الهجوم الروسي على أوكرانيا في فبراير/ شباط 2022."
    assert mentions(text) == [("فبراير/ شباط 2022", date(2022, 2, 1), "month")]
    assert mentions("بدأت القوات الأوكرانية هجومها على كورسك في أغسطس/آب 2024، على أمل") == [
        ("أغسطس/آب 2024", date(2024, 8, 1), "month")
    ]


def test_egyptian_month_with_year():
    assert mentions("وزير الخارجية الأميركية ماركو روبيو، واشنطن 21 يناير 2025 (Getty)") == [
        ("21 يناير 2025", date(2025, 1, 21), "day")
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("April 26, 2025", date(2025, 4, 26)),
        ("26 April 2025", date(2025, 4, 26)),
        ("07.11.2024", date(2024, 11, 7)),
        ("4th, February 2024", date(2024, 2, 4)),
        ("2024-11-07", date(2024, 11, 7)),
        ("3 آذار 2021", date(2021, 3, 3)),
        ("15 كانون الثاني 2023", date(2023, 1, 15)),
        ("1 تشرين الثاني 2023", date(2023, 11, 1)),
        ("9 أيلول 2001", date(2001, 9, 9)),
    ],
)
def test_absolute_day_dates(text, value):
    m = only(text)
    assert (m.value, m.granularity, m.text) == (value, "day", text)


@pytest.mark.parametrize(
    ("name", "month"),
    [
        ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6),
        ("تموز", 7), ("آب", 8), ("أيلول", 9), ("تشرين الأول", 10), ("تشرين الثاني", 11),
        ("كانون الأول", 12), ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("مايو", 5),
        ("يونيو", 6), ("يوليو", 7), ("أغسطس", 8), ("سبتمبر", 9), ("أكتوبر", 10), ("نوفمبر", 11),
        ("ديسمبر", 12),
    ],
)
def test_every_month_name(name, month):
    assert only(f"في 3 {name} 2023").value == date(2023, month, 3)


# --- years, bare months ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted", "year"),
    [
        ("التي اجتاحتها القوات الروسية منذ أن بدأت غزوها الشامل لأوكرانيا في أوائل عام 2022.", "عام 2022", 2022),
        ("تعمل الشركة منذ عام 2019", "عام 2019", 2019),
        ("The plant closed in 2018.", "2018", 2018),
    ],
)
def test_years_alone(text, quoted, year):
    m = only(text)
    assert (m.text, m.value, m.granularity) == (quoted, date(year, 1, 1), "year")


def test_a_year_inside_a_name_is_not_a_date():
    assert find_dates("تصريحات الرئيس الروسي فلاديمير بوتن في قمة البريكس 2024 في اليوم السابق") == []


def test_bare_month_after_a_cue_takes_the_closest_year():
    text = "في مقابلة أجريت في سبتمبر مع صحيفة كوريا تايمز"
    m = only(text, PUB_003)
    assert (m.text, m.value, m.granularity, m.relative) == ("سبتمبر", date(2024, 9, 1), "month", True)
    assert only(text).value is None


def test_bare_month_without_cue_is_not_a_date():
    # "مارس" is also the verb "exercised"
    assert find_dates("مارس الضغط على الحكومة") == []


# --- weekdays and relative expressions ---------------------------------------------------


def test_weekday_resolves_to_most_recent_such_day_on_or_before_reference():
    text = "جاء ذلك في مكالمة هاتفية بينهما، الأربعاء، وفق ما نشره روته"
    m = only(text, PUB_000)
    assert (m.text, m.value, m.granularity, m.weekday, m.relative) == (
        "الأربعاء", date(2024, 11, 6), "weekday", 2, True
    )
    assert only("يوم الأحد", PUB_003).value == PUB_003  # the same day counts


def test_weekday_without_reference_keeps_only_the_weekday():
    text = "حسبما أفادت وكالة الأنباء الرسمية الكورية الشمالية الاثنين، مشيرة إلى أن جنودها"
    m = only(text)
    assert (m.text, m.value, m.granularity, m.weekday) == ("الاثنين", None, "weekday", 0)
    assert only("بدوره شكر بوتين الإثنين الزعيم الكوري").weekday == 0
    assert only("on Saturday").weekday == 5


def test_ithnayn_meaning_the_two_is_not_monday():
    assert find_dates("الخلاف بين الاثنين") == []


def test_today_and_yesterday_with_weekdays():
    text = "وفق ما أعلنته وزارة الخارجية الكورية الجنوبية اليوم الأحد. واستدعت كوريا الجنوبية، أمس السبت، سفير روسيا"
    ref = date(2024, 2, 4)  # a Sunday
    assert mentions(text, ref) == [
        ("اليوم", ref, "day"),
        ("الأحد", ref, "weekday"),
        ("أمس", date(2024, 2, 3), "day"),
        ("السبت", date(2024, 2, 3), "weekday"),
    ]


def test_anaphoric_day_and_channel_name_are_not_today():
    assert find_dates("وفي نفس اليوم، تحدث البيت الأبيض") == []
    assert find_dates("في اليوم السابق") == []
    assert find_dates('ونقلت قناة "روسيا اليوم"، الناطقة بالعربية') == []


def test_last_week_resolves_to_the_monday_of_that_week():
    text = "كشف الأسبوع الماضي عن إرسال كوريا الشمالية 1500 جندي"
    m = only(text, PUB_000)
    assert (m.text, m.value, m.granularity, m.relative) == ("الأسبوع الماضي", date(2024, 10, 28), "week", True)
    assert only(text).value is None
    assert only("last week", PUB_000).value == date(2024, 10, 28)


@pytest.mark.parametrize(
    ("text", "value", "granularity"),
    [
        ("yesterday", date(2024, 11, 6), "day"),
        ("أمس", date(2024, 11, 6), "day"),
        ("اليوم", date(2024, 11, 7), "day"),
        ("الشهر الماضي", date(2024, 10, 1), "month"),
        ("last month", date(2024, 10, 1), "month"),
        ("العام الماضي", date(2023, 1, 1), "year"),
        ("last Saturday", date(2024, 11, 2), "weekday"),
        ("السبت الماضي", date(2024, 11, 2), "weekday"),
    ],
)
def test_relative_expressions(text, value, granularity):
    m = only(text, PUB_000)
    assert (m.value, m.granularity, m.relative) == (value, granularity, True)


# --- event time: times of day, clock times, ordinal and yearless days -------------------

MONDAY_28_APRIL = date(2025, 4, 28)


def when(text: str, reference: date | None = None) -> list[tuple[str, date | None, int | None, str | None]]:
    return [(m.text, m.value, m.weekday, m.time) for m in find_dates(text, reference=reference)]


@pytest.mark.parametrize(
    ("text", "quoted", "weekday", "time"),
    [
        ("ضرب الزلزال المدينة فجر الاثنين", "فجر الاثنين", 0, "dawn"),
        ("وقع الهجوم فجر يوم الاثنين", "فجر يوم الاثنين", 0, "dawn"),
        ("وشن التنظيم مساء الخميس هجوما مضادا", "مساء الخميس", 3, "evening"),
        ("وصل الوفد الاثنين صباحا", "الاثنين صباحا", 0, "morning"),
        ("The quake struck at dawn on Monday", "at dawn on Monday", 0, "dawn"),
        ("The men were seized early Saturday", "early Saturday", 5, "early"),
        ("The bomber blew himself up late Monday", "late Monday", 0, "late"),
        ("The plane departed on Sunday night", "Sunday night", 6, "night"),
    ],
)
def test_a_weekday_keeps_the_time_of_day_it_is_given(text, quoted, weekday, time):
    m = only(text)
    assert (m.text, m.weekday, m.time, m.value) == (quoted, weekday, time, None)
    resolved = only(text, MONDAY_28_APRIL).value  # the latest such day on or before the article's
    assert resolved.weekday() == weekday and timedelta(0) <= MONDAY_28_APRIL - resolved < timedelta(days=7)


@pytest.mark.parametrize(
    ("text", "value", "time"),
    [
        ("مساء أمس", date(2025, 4, 27), "evening"),
        ("فجر اليوم", MONDAY_28_APRIL, "dawn"),
        ("this morning", MONDAY_28_APRIL, "morning"),
        ("last night", date(2025, 4, 27), "night"),
        ("الليلة الماضية", date(2025, 4, 27), "night"),
    ],
)
def test_relative_days_keep_their_time_of_day(text, value, time):
    m = only(text, MONDAY_28_APRIL)
    assert (m.text, m.value, m.granularity, m.time) == (text, value, "day", time)


def test_a_clock_time_goes_with_the_day_it_is_told_on():
    [m] = find_dates("ضرب الزلزال فجر يوم الاثنين الساعة 02:05 بتوقيت غرينتش", reference=MONDAY_28_APRIL)
    assert (m.value, m.time) == (MONDAY_28_APRIL, "dawn, 02:05 GMT")
    assert only("The quake struck at 2:05 p.m. on Sunday").time == "14:05"
    assert only("disappeared on Monday, 0205 GMT").time == "02:05 GMT"


def test_digits_with_a_colon_and_no_cue_are_not_a_clock_time():
    assert only("The home side won 3:1 on Monday").time is None


def test_today_friday_and_yesterday_friday_resolve_to_the_same_friday():
    friday, saturday = date(2024, 2, 2), date(2024, 2, 3)
    assert [m.value for m in find_dates("اليوم الجمعة", reference=friday)] == [friday, friday]
    assert [m.value for m in find_dates("أمس الجمعة", reference=saturday)] == [friday, friday]


def test_a_weekday_without_a_document_date_stays_a_weekday():
    m = only("ضرب الزلزال المدينة فجر الاثنين")
    assert (m.value, m.granularity, m.weekday) == (None, "weekday", 0)


@pytest.mark.parametrize(
    ("text", "quoted", "month", "day"),
    [
        ("قال في الخامس من ديسمبر إن أقل من 3000 مقاتل", "الخامس من ديسمبر", 12, 5),
        ("أعلن العراق النصر في التاسع من ديسمبر كانون الأول", "التاسع من ديسمبر كانون الأول", 12, 9),
        ("في الحادي والعشرين من شهر آذار", "الحادي والعشرين من شهر آذار", 3, 21),
        ("أعلن في الخامس من دجنبر", "الخامس من دجنبر", 12, 5),
        ("on the fifth of December", "the fifth of December", 12, 5),
    ],
)
def test_ordinal_days_are_days(text, quoted, month, day):
    m = only(text)
    assert (m.text, m.granularity, m.month, m.day, m.value) == (quoted, "day", month, day, None)


def test_a_yearless_day_keeps_its_month_and_day_when_no_year_can_be_found():
    m = only("التي تحطمت في المحيط الأطلسي يوم 1 يونيو")
    assert (m.text, m.value, m.month, m.day) == ("1 يونيو", None, 6, 1)
    assert only("يوم 1 يونيو", date(2009, 6, 2)).value == date(2009, 6, 1)


def test_two_names_of_one_month_joined_by_a_dash_or_a_space_are_one_date():
    assert mentions("في 22 نوفمبر - تشرين الثاني الجاري", PUB_000) == [
        ("22 نوفمبر - تشرين الثاني الجاري", date(2024, 11, 22), "day")
    ]


def test_a_month_and_a_count_with_a_thousands_group_are_not_a_date():
    assert find_dates("16 : 42 كانون الأول 3 , 684 مشاهدة") == []


@pytest.mark.parametrize("text", ["prior to the August bombing of Afghanistan", "remained available into October"])
def test_a_capitalised_month_after_the_or_into_is_a_month(text):
    assert only(text).granularity == "month"


# --- publication headers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("Melike Pala, Ahmet Kartal  | 07.11.2024 - محدث : 07.11.2024", date(2024, 11, 7)),
        ("تاريخ النشر: 4th, February 2024 GMT", date(2024, 2, 4)),
        ("أبريل 26, 2025آخر تحديث: أبريل 26, 2025", date(2025, 4, 26)),
        ("أكتوبر 27, 2024آخر تحديث: أكتوبر 27, 2024", date(2024, 10, 27)),
        ("2024-11-07T10:00:00Z", date(2024, 11, 7)),
        ("Thu, 07 Nov 2024 10:30:00 GMT", date(2024, 11, 7)),
    ],
)
def test_publication_date_headers(header, value):
    assert parse_publication_date(header) == value


def test_header_without_date():
    assert parse_publication_date("نشرت في آخر تحديث") is None


# --- properties --------------------------------------------------------------------------

_TO_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.booleans())
def test_round_trip_day_month_year_in_both_digit_systems(d, arabic_digits):
    month = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
             "نوفمبر", "ديسمبر"][d.month - 1]
    text = f"في {d.day} {month} {d.year}"
    if arabic_digits:
        text = text.translate(_TO_ARABIC)
    assert only(text).value == d
    assert parse_publication_date(f"{d.day:02d}.{d.month:02d}.{d.year}") == d


@settings(max_examples=200, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates()))
def test_never_crashes_and_offsets_slice_to_text(text, reference):
    previous_end = 0
    for m in find_dates(text, reference=reference):
        assert text[m.start : m.end] == m.text
        assert m.start >= previous_end
        previous_end = m.end
        assert m.granularity in ("day", "week", "month", "year", "weekday")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_publication_date_never_crashes(text):
    assert parse_publication_date(text) is None or isinstance(parse_publication_date(text), date)
