"""Find dates and relative date expressions in Arabic and English news text.

Explainable by construction: each mention comes from one of the regexes below, built
from the month/weekday/relative-word tables, and is parsed with those tables, not a
model. ``dateparser`` knows Arabic but not the Levantine month names ("تشرين الأول",
"شباط") and, used as a finder, turns ordinary words into dates; it is only the last
resort of ``parse_publication_date`` for header formats the regexes do not know.

Conventions for ``DateMention``:

* ``value`` is the first day of the period for coarse granularities: a month mention is
  ``date(y, m, 1)``, a year ``date(y, 1, 1)``, a week (``granularity="week"``) the Monday
  of that ISO week.
* ``relative`` is True when the value depends on the reference date (weekdays, "أمس",
  "last week", and day/month mentions without a year whose year was inferred).
* Without a ``reference`` such mentions keep ``value=None`` (and ``weekday`` for weekdays).
* A yearless "25 أكتوبر" takes the year that puts it closest to the reference; a month
  followed by "الماضي"/"المنصرم" takes the latest such month before the reference,
  "الجاري"/"الحالي" the reference's year, "المقبل"/"القادم" the next one after it.
* ``month``/``day`` keep the month and day of month the text names, so that a yearless date in
  an undated article ("يوم 1 يونيو", "في الخامس من ديسمبر") is still comparable, as a bare
  weekday is by ``weekday``.
* ``time`` is the time of day stated with a day: "فجر الاثنين", "مساء أمس", "at dawn on
  Monday", "late Tuesday", "last night" (dawn, evening, late, night...), and a clock time near
  it ("02:05 GMT", "14:05" for "2:05 p.m.").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from factcheck.schema import DateMention

from ._normalize import NOT_AFTER_LETTER as NAL
from ._normalize import NOT_BEFORE_LETTER as NBL
from ._normalize import Normalized, fold, normalize

# A four-digit year standing alone ("the 2018 quake", "21 يناير 2018").
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")

# --- keyword tables -------------------------------------------------------------------

# Egyptian/Gulf (and Maghrebi) transliterated month names, Levantine/Iraqi Syriac names,
# and English names with their abbreviations.
AR_MONTHS: dict[str, int] = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4,
    "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8,
    "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # Maghrebi (Algeria/Tunisia/Morocco)
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "يوليوز": 7,
    "أوت": 8, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
    # Levantine / Iraqi
    "كانون الثاني": 1, "كانون ثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5,
    "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين أول": 10,
    "تشرين الثاني": 11, "تشرين ثاني": 11, "كانون الأول": 12, "كانون أول": 12,
}
EN_MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

# Python weekday numbers (Monday == 0).
AR_WEEKDAYS: dict[str, int] = {
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
    "الجمعة": 4, "السبت": 5, "الأحد": 6,
}
EN_WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}

# Direction words after an Arabic month/weekday, or before an English one.
PAST, CURRENT, NEXT = -1, 0, 1
AR_MODIFIERS: dict[str, int] = {
    "الماضي": PAST, "الماضية": PAST, "المنصرم": PAST, "المنصرمة": PAST, "الفائت": PAST,
    "الجاري": CURRENT, "الجارية": CURRENT, "الحالي": CURRENT, "الحالية": CURRENT,
    "المقبل": NEXT, "المقبلة": NEXT, "القادم": NEXT, "القادمة": NEXT,
}
EN_MODIFIERS: dict[str, int] = {"last": PAST, "past": PAST, "this": CURRENT, "next": NEXT, "coming": NEXT}

# Relative expressions: phrase -> (unit, offset in units from the reference).
AR_RELATIVE: dict[str, tuple[str, int]] = {
    "أول أمس": ("day", -2), "أول من أمس": ("day", -2), "أمس الأول": ("day", -2),
    "أمس": ("day", -1), "الأمس": ("day", -1), "بالأمس": ("day", -1), "البارحة": ("day", -1),
    "اليوم": ("day", 0),
    "غدا": ("day", 1), "بعد غد": ("day", 2),
    "الأسبوع الماضي": ("week", -1), "الأسبوع المنصرم": ("week", -1), "الأسبوع الفائت": ("week", -1),
    "هذا الأسبوع": ("week", 0), "الأسبوع الجاري": ("week", 0), "الأسبوع الحالي": ("week", 0),
    "الأسبوع المقبل": ("week", 1), "الأسبوع القادم": ("week", 1),
    "الليلة الماضية": ("day", -1),
    "الشهر الماضي": ("month", -1), "الشهر المنصرم": ("month", -1), "الشهر الفائت": ("month", -1),
    "هذا الشهر": ("month", 0), "الشهر الجاري": ("month", 0), "الشهر الحالي": ("month", 0),
    "الشهر المقبل": ("month", 1), "الشهر القادم": ("month", 1),
    "العام الماضي": ("year", -1), "السنة الماضية": ("year", -1), "العام المنصرم": ("year", -1),
    "العام الفائت": ("year", -1),
    "هذا العام": ("year", 0), "العام الجاري": ("year", 0), "العام الحالي": ("year", 0),
    "السنة الحالية": ("year", 0), "هذه السنة": ("year", 0),
    "العام المقبل": ("year", 1), "العام القادم": ("year", 1), "السنة المقبلة": ("year", 1),
}
EN_RELATIVE: dict[str, tuple[str, int]] = {
    "the day before yesterday": ("day", -2), "yesterday": ("day", -1), "today": ("day", 0),
    "tomorrow": ("day", 1),
    "last week": ("week", -1), "this week": ("week", 0), "next week": ("week", 1),
    "earlier this week": ("week", 0),
    "last month": ("month", -1), "this month": ("month", 0), "next month": ("month", 1),
    "earlier this month": ("month", 0),
    "last year": ("year", -1), "this year": ("year", 0), "next year": ("year", 1),
    "earlier this year": ("year", 0),
    "this morning": ("day", 0), "this afternoon": ("day", 0), "this evening": ("day", 0), "tonight": ("day", 0),
    "last night": ("day", -1),
}
# Relative expressions that carry their time of day.
RELATIVE_TIMES: dict[str, str] = {
    "this morning": "morning", "this afternoon": "afternoon", "this evening": "evening", "tonight": "night",
    "last night": "night", "الليلة الماضية": "night",
}

# Times of day. Arabic names them before the day ("فجر الاثنين", "مساء أمس") or as an adverb
# after it ("الاثنين صباحا"); English before ("at dawn on Monday", "late Tuesday") or after
# ("Monday morning"). "ليلة الجمعة" is the night before Friday as often as Friday night:
# "eve" keeps that open. "ظهر" (noon) is left out: before a weekday it is as often the verb
# "appeared".
AR_TIMES_BEFORE: dict[str, str] = {
    "فجر": "dawn", "الفجر": "dawn", "صباح": "morning", "ظهيرة": "noon", "عصر": "afternoon",
    "مساء": "evening", "ليل": "night", "ليلة": "eve", "منتصف ليل": "midnight", "منتصف ليلة": "eve",
    "منتصف الليل": "midnight", "ساعات الصباح الأولى من": "dawn", "الساعات الأولى من": "dawn",
}
AR_TIMES_AFTER: dict[str, str] = {
    "فجرا": "dawn", "صباحا": "morning", "ظهرا": "noon", "عصرا": "afternoon", "مساء": "evening", "ليلا": "night",
}
EN_TIMES_BEFORE: dict[str, str] = {
    "at dawn": "dawn", "before dawn": "dawn", "in the early hours": "dawn", "early": "early", "late": "late",
    "on the morning": "morning", "on the afternoon": "afternoon", "on the evening": "evening",
    "on the night": "night",
}
EN_TIMES_AFTER: dict[str, str] = {
    "morning": "morning", "afternoon": "afternoon", "evening": "evening", "night": "night",
}

# A clock time needs a cue (the hour word, am/pm or a time zone): "3:1" is a score, "12.5" a figure.
CLOCK_CUES = ("الساعة", "الساعه", "عند", "at", "around", "about", "نحو", "حوالي")
TIME_ZONES: dict[str, str] = {
    "GMT": "GMT", "UTC": "UTC", "بتوقيت غرينتش": "GMT", "بتوقيت جرينتش": "GMT", "بتوقيت غرينيتش": "GMT",
    "ت غ": "GMT", "ت.غ": "GMT", "local time": "local time", "بالتوقيت المحلي": "local time",
}
# Attach a clock time to a day mention at most this many characters away.
CLOCK_REACH = 60

# Ordinal days: "في الخامس من ديسمبر", "the fifth of December".
_AR_UNITS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
AR_ORDINAL_DAYS: dict[str, int] = {
    **{w: i for i, w in enumerate(_AR_UNITS, start=1)},
    "الواحد": 1, "العاشر": 10, "الحادي عشر": 11, "العشرين": 20, "الثلاثين": 30,
    **{f"{w} عشر": 10 + i for i, w in enumerate(_AR_UNITS[1:], start=2)},
    **{f"{w} والعشرين": 20 + i for i, w in enumerate(["الحادي", *_AR_UNITS[1:]], start=1)},
    "الواحد والعشرين": 21, "الحادي والثلاثين": 31, "الواحد والثلاثين": 31,
}
# "الأسبوع الأول من مايو" is the first week of May, "النصف الثاني من" the second half.
AR_ORDINAL_NOT_AFTER = ("الأسبوع", "الأسابيع", "النصف", "الربع", "الثلث", "العقد", "القرن", "الشطر", "الفصل")
_EN_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
EN_ORDINAL_DAYS: dict[str, int] = {
    **{w: i for i, w in enumerate(_EN_UNITS, start=1)},
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    **{f"twenty-{w}": 20 + i for i, w in enumerate(_EN_UNITS, start=1)},
    **{f"twenty {w}": 20 + i for i, w in enumerate(_EN_UNITS, start=1)},
    "thirty-first": 31, "thirty first": 31,
}
# "اليوم" is also "the day": "في نفس اليوم" (the same day), "في اليوم السابق" (the day
# before), and part of names ("روسيا اليوم"). These neighbours make it non-deictic.
AR_TODAY_NOT_AFTER = ("نفس", "ذات", "ذلك", "روسيا", "هذا")
AR_TODAY_NOT_BEFORE = (
    "السابق", "التالي", "الذي", "التي", "نفسه", "ذاته", "الأول", "الثاني", "الأخير",
    "الوطني", "العالمي", "الدولي",
)
# "الاثنين" is also "the two": "بين الاثنين", "كلا الاثنين".
AR_MONDAY_NOT_AFTER = ("بين", "كلا", "من")

# Words that make a bare month name a date ("في سبتمبر"); without one, "مارس" is as often
# the verb "practised" and "آب"/"تموز"/"نيسان" are names.
AR_MONTH_CUES = (
    "في", "خلال", "منذ", "شهر", "بداية", "مطلع", "أوائل", "أواخر", "منتصف", "نهاية",
    "حتى", "قبل", "بعد", "وفي", "ومنذ", "وخلال",
)
EN_MONTH_CUES = (
    "in", "since", "during", "of", "by", "until", "till", "early", "late", "mid", "before", "after", "the", "into",
    "through", "throughout", "from", "between", "and", "to",
)

# Cues that make a bare 4-digit number a year. Arabic "عام/سنة" belong to the expression
# ("عام 2022") and are kept in the span; prepositions are not.
AR_YEAR_NOUNS = ("عام", "العام", "سنة", "السنة")
AR_YEAR_PREPS = (
    "منذ", "حتى", "خلال", "بحلول", "في", "قبل", "بعد", "مطلع", "أوائل", "أواخر", "منتصف",
    "نهاية", "بداية",
)
EN_YEAR_CUES = (
    "in", "since", "during", "by", "until", "till", "from", "before", "after", "of", "early",
    "late", "mid", "year", "summer", "winter", "spring", "autumn", "fall",
)
YEAR_MIN, YEAR_MAX = 1800, 2100

# Publication headers: labels stripped before handing a line to dateparser.
HEADER_LABELS = (
    "تاريخ النشر", "نشر في", "نشرت في", "آخر تحديث", "تم التحديث", "محدث", "Published",
    "Updated", "Last updated", "Posted", "GMT", "UTC",
)

# --- compiled patterns ----------------------------------------------------------------


def _alt(words: list[str]) -> str:
    """Regex alternation of folded keywords, longest first, spaces as \\s+."""
    folded = sorted({fold(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)


_MONTH_LOOKUP: dict[str, int] = {
    **{fold(k): v for k, v in AR_MONTHS.items()},
    **EN_MONTHS,
}
_EN_ABBREVIATIONS = [m for m in EN_MONTHS if len(m) <= 4 and m not in ("june", "july")]
# Only abbreviations take a dot ("Nov."); a full name's trailing dot ends the sentence.
_MONTH = (
    rf"{NAL}(?:(?:{_alt(_EN_ABBREVIATIONS)})\.(?!\w)|(?:{_alt(list(AR_MONTHS) + list(EN_MONTHS))}){NBL})"
)


def _monthx(tag: str) -> str:
    # "أكتوبر/ تشرين الأول", "أغسطس/آب", "أكتوبر (تشرين الأول)", "ديسمبر كانون الأول",
    # "نوفمبر - تشرين الثاني": one month, two names.
    return rf"(?P<m{tag}>{_MONTH})(?:(?:\s*[/(\-–]\s*|\s+)(?P<n{tag}>{_MONTH})(?:\s*\))?)?"


_AR_MOD = _alt(list(AR_MODIFIERS))
_MOD_AFTER = rf"(?:\s+(?P<mod>(?:من\s+)?(?:العام|السنه)\s+(?:{_AR_MOD})|{_AR_MOD}){NBL})?"
_EN_PRE = rf"(?:(?P<pre>{_alt(list(EN_MODIFIERS))})\s+)?"
_DAY = r"(?P<d>[0-9]{1,2})(?:st|nd|rd|th)?(?![0-9])"
_YEAR = r"(?P<y>[0-9]{4})(?![0-9])"

# dd.mm.yyyy, dd/mm/yyyy, dd-mm-yyyy (news headers are day-first) and ISO yyyy-mm-dd.
NUMERIC_RE = re.compile(r"(?<![0-9.])(?P<a>[0-9]{1,2})(?P<sep>[./-])(?P<b>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})(?![0-9])")
ISO_RE = re.compile(r"(?<![0-9])(?P<y>[0-9]{4})-(?P<b>[0-9]{2})-(?P<a>[0-9]{2})(?![0-9])")
# "25 أكتوبر/ تشرين الأول الجاري", "27 - 28 أكتوبر", "4th, February 2024", "26 April 2025".
DMY_RE = re.compile(
    rf"(?<![0-9.,])(?:(?P<d0>[0-9]{{1,2}})\s*[-–—]\s*)?{_DAY}\s*,?\s*(?:of\s+|من\s+)?(?:شهر\s+)?"
    rf"{_monthx('')}(?:\s*,?\s*{_YEAR})?{_MOD_AFTER}",
    re.IGNORECASE,
)
# "في الخامس من ديسمبر/ كانون الأول 2017", "the fifth of December".
ORDINAL_RE = re.compile(
    rf"{NAL}(?:(?P<ar>{_alt(list(AR_ORDINAL_DAYS))})\s+من\s+(?:شهر\s+)?"
    rf"|\bthe\s+(?P<en>{_alt(list(EN_ORDINAL_DAYS))})\s+of\s+)"
    rf"{_monthx('')}(?:\s*,?\s*{_YEAR})?{_MOD_AFTER}",
    re.IGNORECASE,
)
# "April 26, 2025", "أكتوبر 27, 2024آخر تحديث".
# A day followed by a thousands group is a count: "كانون الأول 3 , 684 مشاهدة" (3,684 views).
MDY_RE = re.compile(
    rf"{_EN_PRE}{_monthx('')}\s*{_DAY}(?:\s*,?\s*{_YEAR}|(?!\s*,\s*[0-9]{{3}}(?![0-9])))", re.IGNORECASE
)
# "فبراير/ شباط 2022", "August 2024".
MY_RE = re.compile(rf"{_EN_PRE}{_monthx('')}\s*,?\s*{_YEAR}", re.IGNORECASE)
# A bare month: "في سبتمبر", "أغسطس/ آب الماضي", "last October".
M_RE = re.compile(rf"{_EN_PRE}{_monthx('')}{_MOD_AFTER}", re.IGNORECASE)

YEAR_NOUN_RE = re.compile(rf"{NAL}(?:[وبل]|ول|وب)?(?P<cue>{_alt(list(AR_YEAR_NOUNS))})\s+{_YEAR}")
YEAR_PREP_RE = re.compile(rf"{NAL}[وف]?(?:{_alt(list(AR_YEAR_PREPS))})\s+{_YEAR}")
YEAR_EN_RE = re.compile(
    rf"\b(?:{_alt(list(EN_YEAR_CUES))})(?:\s+of)?(?:\s+(?:early|late)|\s*-?\s*)?\s*{_YEAR}", re.IGNORECASE
)

_WEEKDAY_LOOKUP = {**{fold(k): v for k, v in AR_WEEKDAYS.items()}, **EN_WEEKDAYS}
# A time of day before the day ("وفجر يوم الاثنين") or after it ("الاثنين مساء", "Monday night").
_AR_TOD = rf"(?:(?P<tod>[وبف]?(?:{_alt(list(AR_TIMES_BEFORE))}))\s+)?"
_AR_TOD_AFTER = rf"(?:\s+(?P<tod_after>{_alt(list(AR_TIMES_AFTER))}){NBL})?"
_EN_TOD = rf"(?:(?P<tod>{_alt(list(EN_TIMES_BEFORE))})\s+(?:(?:on|of)\s+)?)?"
_EN_TOD_AFTER = rf"(?:\s+(?P<tod_after>{_alt(list(EN_TIMES_AFTER))})\b)?"
AR_WEEKDAY_RE = re.compile(
    rf"{NAL}{_AR_TOD}(?:(?P<yawm>[وف]?يوم)\s+)?(?:[وب](?=ال))?(?P<wd>{_alt(list(AR_WEEKDAYS))}){NBL}"
    rf"(?:\s+(?P<mod>{_AR_MOD}){NBL})?{_AR_TOD_AFTER}"
)
EN_WEEKDAY_RE = re.compile(
    rf"\b{_EN_TOD}{_EN_PRE}(?P<wd>{_alt(list(EN_WEEKDAYS))})\b{_EN_TOD_AFTER}", re.IGNORECASE
)

_RELATIVE_LOOKUP = {
    **{re.sub(r"\s+", " ", fold(k)): v for k, v in AR_RELATIVE.items()},
    **EN_RELATIVE,
}
AR_RELATIVE_RE = re.compile(
    rf"{NAL}{_AR_TOD}(?:[وب](?=ال)|و(?=امس|غدا))?(?P<rel>{_alt(list(AR_RELATIVE))}){NBL}{_AR_TOD_AFTER}"
)
EN_RELATIVE_RE = re.compile(rf"\b{_EN_TOD}(?P<rel>{_alt(list(EN_RELATIVE))})\b{_EN_TOD_AFTER}", re.IGNORECASE)

_TIME_LOOKUP = {
    **{re.sub(r"\s+", " ", fold(k)): v for k, v in {**AR_TIMES_BEFORE, **AR_TIMES_AFTER}.items()},
    **EN_TIMES_BEFORE, **EN_TIMES_AFTER,
    **{re.sub(r"\s+", " ", fold(k)): v for k, v in RELATIVE_TIMES.items()},
}
_ZONE_LOOKUP = {re.sub(r"\s+", " ", fold(k)).lower(): v for k, v in TIME_ZONES.items()}
# "الساعة 02:05 بتوقيت غرينتش", "at 2:05 a.m.", "0205 GMT".
CLOCK_RE = re.compile(
    rf"(?:{NAL}(?P<cue>{_alt(list(CLOCK_CUES))})\s+)?"
    rf"(?:(?<![0-9:.,])(?P<h>[01]?[0-9]|2[0-3])\s*:\s*(?P<mi>[0-5][0-9])"
    rf"|(?<![0-9])(?P<hm>[0-2][0-9][0-5][0-9])(?=\s*(?:GMT|UTC)))"
    rf"(?![0-9])(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?|ص{NBL}|م{NBL}))?"
    rf"(?:\s*\(?(?P<zone>{_alt(list(TIME_ZONES))}){NBL}\)?)?",
    re.IGNORECASE,
)

_AR_MOD_FOLDED = {fold(k): v for k, v in AR_MODIFIERS.items()}
_ORDINAL_LOOKUP = {**{re.sub(r"\s+", " ", fold(k)): v for k, v in AR_ORDINAL_DAYS.items()}, **EN_ORDINAL_DAYS}
_AR_MONTH_CUES_F = frozenset(fold(w) for w in AR_MONTH_CUES)
_MONDAY_NOT_AFTER_F = frozenset(fold(w) for w in AR_MONDAY_NOT_AFTER)
_ORDINAL_NOT_AFTER_F = frozenset(fold(w) for w in AR_ORDINAL_NOT_AFTER)
_TODAY_NOT_AFTER_F = frozenset(fold(w) for w in AR_TODAY_NOT_AFTER)
_TODAY_NOT_BEFORE_F = frozenset(fold(w) for w in AR_TODAY_NOT_BEFORE)
_PREV_WORD_RE = re.compile(r"([^\W\d_]+)\W*$")
_NEXT_WORD_RE = re.compile(r"^\W*?([^\W\d_]+)")

# --- helpers --------------------------------------------------------------------------


def _month_of(name: str | None) -> int | None:
    if not name:
        return None
    return _MONTH_LOOKUP.get(re.sub(r"\s+", " ", name.rstrip(".").lower()))


def _prev_word(s: str, i: int) -> str:
    m = _PREV_WORD_RE.search(s, max(0, i - 40), i)
    return m.group(1).lower() if m else ""


def _next_word(s: str, i: int) -> str:
    m = _NEXT_WORD_RE.match(s[i : i + 40])
    return m.group(1).lower() if m else ""


def _direction(m: re.Match[str]) -> int | None:
    """The PAST/CURRENT/NEXT modifier of a month or weekday match, if any.

    "أكتوبر من العام الماضي" moves the year, not the month: returned as 10 * direction.
    """
    groups = m.groupdict()
    if groups.get("pre"):
        return EN_MODIFIERS[groups["pre"].lower()]
    mod = groups.get("mod")
    if not mod:
        return None
    words = mod.split()
    direction = _AR_MOD_FOLDED[words[-1]]
    return 10 * direction if len(words) > 1 else direction


def _year_for(month: int, day: int, direction: int | None, reference: date) -> int:
    """Year of a yearless "day month" (mid-month for a bare month) seen on ``reference``."""
    if direction is not None and abs(direction) >= 10:
        return reference.year + direction // 10
    if direction == CURRENT:
        return reference.year
    if direction == PAST:
        return reference.year if month < reference.month else reference.year - 1
    if direction == NEXT:
        return reference.year if month > reference.month else reference.year + 1
    best, best_gap = reference.year, None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        d = _safe_date(year, month, min(day, 28)) or date(year, month, 1)
        gap = abs((d - reference).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _valid_year(y: int) -> bool:
    return YEAR_MIN <= y <= YEAR_MAX


def _shift(reference: date, unit: str, n: int) -> date:
    if unit == "day":
        return reference + timedelta(days=n)
    if unit == "week":
        monday = reference - timedelta(days=reference.weekday())
        return monday + timedelta(weeks=n)
    if unit == "month":
        k = reference.year * 12 + (reference.month - 1) + n
        return date(k // 12, k % 12 + 1, 1)
    return date(reference.year + n, 1, 1)


# --- the finder -----------------------------------------------------------------------

_Cand = tuple[int, int, dict]  # normalised span and the DateMention fields


def _numeric(s: str) -> list[_Cand]:
    out: list[_Cand] = []
    for m in NUMERIC_RE.finditer(s):
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        if b > 12 >= a:  # mm/dd/yyyy: only when the day-first reading is impossible
            a, b = b, a
        d = _safe_date(y, b, a) if _valid_year(y) else None
        if d:
            out.append((m.start(), m.end(), {"value": d, "granularity": "day", "month": d.month, "day": d.day}))
    for m in ISO_RE.finditer(s):
        y = int(m["y"])
        d = _safe_date(y, int(m["b"]), int(m["a"])) if _valid_year(y) else None
        if d:
            out.append((m.start(), m.end(), {"value": d, "granularity": "day", "month": d.month, "day": d.day}))
    return out


def _days_named(m: re.Match[str]) -> list[tuple[int, tuple[int, int]]]:
    """The day numbers a day-month match names, each with its span: "27 - 28 أكتوبر" names two,
    the first spanning only "27"; "الخامس من ديسمبر" names 5."""
    groups = m.groupdict()
    if groups.get("ar") or groups.get("en"):
        word = re.sub(r"\s+", " ", (groups.get("ar") or groups.get("en")).lower())
        return [(_ORDINAL_LOOKUP[word], (m.start(), m.end()))]
    day = int(m["d"])
    if groups.get("d0"):
        return [(int(m["d0"]), (m.start("d0"), m.end("d0"))), (day, (m.start("d"), m.end()))]
    return [(day, (m.start(), m.end()))]


def _day_dates(s: str, reference: date | None) -> list[_Cand]:
    out: list[_Cand] = []
    for rx in (DMY_RE, MDY_RE, ORDINAL_RE):
        for m in rx.finditer(s):
            month = _month_of(m["m"])
            if month is None or (rx is ORDINAL_RE and _prev_word(s, m.start()) in _ORDINAL_NOT_AFTER_F):
                continue
            year = int(m["y"]) if m["y"] else None
            if year is not None and not _valid_year(year):
                continue
            direction = _direction(m)
            for day, span in _days_named(m):
                if not 1 <= day <= 31:
                    break
                y = year
                if y is None and reference is not None:
                    y = _year_for(month, day, direction, reference)
                value = _safe_date(y, month, day) if y is not None else None
                if (y is not None and value is None) or _safe_date(2000, month, day) is None:
                    continue  # "31 فبراير"
                out.append((*span, {"value": value, "granularity": "day", "relative": year is None,
                                    "month": month, "day": day}))
    return out


def _month_dates(s: str, reference: date | None) -> list[_Cand]:
    out: list[_Cand] = []
    for m in MY_RE.finditer(s):
        month, year = _month_of(m["m"]), int(m["y"])
        if month and _valid_year(year):
            out.append((m.start(), m.end(), {"value": date(year, month, 1), "granularity": "month", "month": month}))
    for m in M_RE.finditer(s):
        month = _month_of(m["m"])
        if month is None:
            continue
        direction = _direction(m)
        if direction is None and not m["n"]:
            # A bare name needs a cue before it ("في سبتمبر"), else it may be a verb/name.
            prev = _prev_word(s, m.start())
            cues = _AR_MONTH_CUES_F if not m["m"].isascii() else EN_MONTH_CUES
            if prev not in cues:
                continue
            # English bare "may"/"march" also need a capital: "in March", not "in march to".
            if m["m"].isascii() and not m["m"][0].isupper():
                continue
        value = None
        if reference is not None:
            value = date(_year_for(month, 15, direction, reference), month, 1)
        out.append((m.start(), m.end(), {"value": value, "granularity": "month", "relative": True, "month": month}))
    return out


def _years(s: str) -> list[_Cand]:
    out: list[_Cand] = []
    for rx in (YEAR_NOUN_RE, YEAR_PREP_RE, YEAR_EN_RE):
        for m in rx.finditer(s):
            y = int(m["y"])
            if not _valid_year(y):
                continue
            start = m.start("cue") if rx is YEAR_NOUN_RE else m.start("y")
            out.append((start, m.end(), {"value": date(y, 1, 1), "granularity": "year"}))
    return out


def _time_of_day(m: re.Match[str], key: str | None = None) -> str | None:
    """The time of day a weekday or relative match states, if any ("فجر", "Monday night")."""
    for group in ("tod", "tod_after"):
        if m[group]:
            word = re.sub(r"\s+", " ", m[group].lower())
            return _TIME_LOOKUP.get(word) or _TIME_LOOKUP.get(word[1:])  # "وفجر": a clitic before it
    return _TIME_LOOKUP.get(key) if key else None


def _weekday_value(wd: int, direction: int | None, reference: date | None) -> date | None:
    """The day a weekday names seen on ``reference``: the latest such day on or before it ("last
    Saturday": before it), or the next one after it ("next Saturday")."""
    if reference is None:
        return None
    if direction == NEXT:
        return reference + timedelta(days=((wd - reference.weekday()) % 7) or 7)
    back = (reference.weekday() - wd) % 7
    if direction == PAST and back == 0:
        back = 7
    return reference - timedelta(days=back)


def _weekdays(s: str, reference: date | None) -> list[_Cand]:
    out: list[_Cand] = []
    for rx in (AR_WEEKDAY_RE, EN_WEEKDAY_RE):
        for m in rx.finditer(s):
            wd = _WEEKDAY_LOOKUP[m["wd"].lower()]
            bare = not (m["tod"] or (rx is AR_WEEKDAY_RE and m["yawm"]))
            if rx is AR_WEEKDAY_RE and wd == 0 and bare:
                if _prev_word(s, m.start("wd")) in _MONDAY_NOT_AFTER_F:
                    continue
            start = m.start("wd") if rx is AR_WEEKDAY_RE and bare else m.start()
            out.append((start, m.end(), {"value": _weekday_value(wd, _direction(m), reference),
                                         "granularity": "weekday", "weekday": wd, "relative": True,
                                         "time": _time_of_day(m)}))
    return out


def _relatives(s: str, reference: date | None) -> list[_Cand]:
    out: list[_Cand] = []
    for rx in (AR_RELATIVE_RE, EN_RELATIVE_RE):
        for m in rx.finditer(s):
            key = re.sub(r"\s+", " ", m["rel"].lower())
            unit, n = _RELATIVE_LOOKUP[key]
            if key == "اليوم":
                if _prev_word(s, m.start("rel")) in _TODAY_NOT_AFTER_F:
                    continue
                if _next_word(s, m.end("rel")) in _TODAY_NOT_BEFORE_F:
                    continue
            value = _shift(reference, unit, n) if reference is not None else None
            start = m.start() if m["tod"] else m.start("rel")
            time = _time_of_day(m, key) if unit == "day" else None
            out.append((start, m.end(), {"value": value, "granularity": unit, "relative": True, "time": time}))
    return out


def _clock(m: re.Match[str]) -> str | None:
    """"02:05 GMT", "14:05" (from "2:05 p.m."): a clock time in 24 hours with its zone, or None
    for digits with no cue that they are a time."""
    if not (m["cue"] or m["ampm"] or m["zone"]):
        return None
    hour, minute = (int(m["h"]), m["mi"]) if m["h"] else (int(m["hm"][:2]), m["hm"][2:])
    ampm = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm in ("pm", "م") and hour < 12:
        hour += 12
    elif ampm in ("am", "ص") and hour == 12:
        hour = 0
    zone = _ZONE_LOOKUP.get(re.sub(r"\s+", " ", m["zone"].lower())) if m["zone"] else None
    return f"{hour:02d}:{minute}" + (f" {zone}" if zone else "")


def _with_clock_times(s: str, cands: list[_Cand]) -> list[_Cand]:
    """Each clock time given to the nearest day mention (a day, weekday or "yesterday") within
    ``CLOCK_REACH`` characters: "فجر الاثنين، الساعة 02:05 بتوقيت غرينتش" is dawn, 02:05 GMT."""
    days = [c for c in cands if c[2]["granularity"] in ("day", "weekday")]
    for m in CLOCK_RE.finditer(s):
        clock = _clock(m)
        if clock is None or not days:
            continue
        gap, nearest = min((max(c[0] - m.end(), m.start() - c[1], 0), i) for i, c in enumerate(days))
        if gap <= CLOCK_REACH:
            fields = days[nearest][2]
            fields["time"] = f"{fields['time']}, {clock}" if fields.get("time") else clock
    return cands


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Keep non-overlapping candidates, preferring the leftmost, then the longest."""
    chosen: list[_Cand] = []
    taken_until = -1
    for c in sorted(cands, key=lambda c: (c[0], -(c[1] - c[0]))):
        if c[0] >= taken_until and c[1] > c[0]:
            chosen.append(c)
            taken_until = c[1]
    return chosen


def _find(norm: Normalized, reference: date | None) -> list[DateMention]:
    s = norm.text
    if reference is not None and not date.min.year < reference.year < date.max.year:
        reference = None  # resolving a year either side would overflow ``date``
    cands = (
        _numeric(s)
        + _day_dates(s, reference)
        + _month_dates(s, reference)
        + _years(s)
        + _weekdays(s, reference)
        + _relatives(s, reference)
    )
    out: list[DateMention] = []
    for start, end, fields in _with_clock_times(s, _select(cands)):
        a, b = norm.span(start, end)
        out.append(DateMention(start=a, end=b, text=norm.original[a:b], **fields))
    return out


def find_dates(text: str, *, reference: date | None = None) -> list[DateMention]:
    """All date expressions in ``text``, in order, non-overlapping, with offsets into ``text``."""
    return _find(normalize(text), reference)


# --- publication headers --------------------------------------------------------------

_LABEL_RE = re.compile("|".join(re.escape(fold(x)) for x in HEADER_LABELS), re.IGNORECASE)


def parse_publication_date(text: str) -> date | None:
    """The first complete (day, month, year) date of a news header line.

    Handles "07.11.2024 - محدث : 07.11.2024", "تاريخ النشر: 4th, February 2024 GMT",
    "أبريل 26, 2025آخر تحديث: أبريل 26, 2025", ISO stamps; the first date is the
    publication date (an update date follows it). Falls back to ``dateparser`` on the
    header with its labels removed.
    """
    for mention in find_dates(text):
        if mention.granularity == "day" and mention.value is not None and not mention.relative:
            return mention.value
    return _dateparser_fallback(text)


def _dateparser_fallback(text: str) -> date | None:
    head = fold(text)[:200]
    # Keep the part before an "updated" label: the first date is the publication date.
    parts = [p.strip(" :|-–—\t") for p in _LABEL_RE.split(head)]
    candidates = [p for p in parts if re.search(r"[0-9]", p)]
    if not candidates:
        return None
    try:
        import dateparser  # slow to import and only needed here
    except ImportError:  # pragma: no cover - dateparser is a declared dependency
        return None
    settings = {
        "DATE_ORDER": "DMY",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DATES_FROM": "past",
        # "منذ 3 ساعات" / "3 hours ago" are relative to the crawl, not a publication date.
        "PARSERS": ["custom-formats", "absolute-time"],
    }
    for part in candidates[:3]:
        try:
            parsed = dateparser.parse(part[:100], languages=["ar", "en"], settings=settings)
        except Exception:  # dateparser raises assorted errors on junk input
            continue
        if parsed is not None and _valid_year(parsed.year):
            return parsed.date()
    return None
