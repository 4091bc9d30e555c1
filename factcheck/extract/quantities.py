"""Find quantities (a number, its qualifier and the thing counted) in Arabic and English.

Every ``Quantity`` is explainable from the tables below: the number is read from digits
(Western, Arabic-Indic or Persian, with separators) or number words, the qualifier from
``QUALIFIERS`` and the unit from ``UNIT_WORDS``/``UNIT_PHRASES``.

Libraries: English number *words* ("two thousand five hundred") are evaluated by
``text2num`` (strict: it rejects "two three", so a run of number words it refuses is
shortened until it parses). No maintained library reads Arabic number phrases with
offsets or mixed digits and words ("11 ألف", "3 آلاف و500"): ``pyarabic.number``
returns 0 for "ألفي" and 1000 for "11 ألف", and ``number-parser``'s Arabic data has a
dozen entries. So Arabic words use the local table ``AR_NUMBER_WORDS`` and one small
evaluator (``_combine``) that also handles digit + multiplier in both languages.

Ranges (``low``/``high``) by qualifier, with ``v`` the value:

* ``exact``: ``[v, v]``
* ``more_than`` / ``at_least``: ``[v, None]`` (the qualifier says whether ``v`` is included)
* ``up_to`` (an estimate's top: "قد يصل إلى", "as many as"), ``at_most`` (a bound: "لا
  يزيد عن", "no more than") and ``less_than``: ``[None, v]``
* ``about``: ``[v * (1 - ABOUT_TOLERANCE), v * (1 + ABOUT_TOLERANCE)]``, a +-10% band
* ``vague``: a plural of a power of ten with no count ("آلاف الجنود", "thousands of
  troops", "عشرات الآلاف") is ``value = low =`` that power (1000, 10000 ...) and
  ``high=None``: at least that order of magnitude, nothing more precise. The singular
  "ألف جندي" is not vague: it is exactly one thousand.

Units: the counted noun right after the number (after adjectives in English), normalised
by ``UNIT_WORDS``; otherwise ``unit=None`` and the next word is kept in ``unit_text``. A
count of people governed by a verb of killing/injuring becomes ``killed``/``injured``
(``TOLL_CUES``: "the quake killed 1,200 people", "أسفر عن مقتل 1200 شخص").

Not quantities (left to the date module or dropped): numbers inside a date mention
(years after "عام"/a month, day-of-month), bare 4-digit years 1800-2100 without a
multiplier or known unit ("قمة البريكس 2024"), clock times, ordinals ("4th"), ids and
model numbers ("F-16", "COVID-19", "رقم 5"), and a bare integer between a name and a
definite word ("تشيونجونج 2 الكوري").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from text_to_num import text2num

from factcheck.schema import Quantity

from ._normalize import NOT_AFTER_LETTER as NAL
from ._normalize import NOT_BEFORE_LETTER as NBL
from ._normalize import Normalized, fold, normalize
from .dates import _find as _find_dates

ABOUT_TOLERANCE = 0.10

# --- keyword tables -------------------------------------------------------------------

# Kinds of number words:
#   "n"      a value that adds up ("خمسة", "عشرون", "ألفين" = 2000)
#   "scale"  multiplies what precedes it, or 1 ("ألف", "مليون", "مئة", "million")
#   "vscale" a plural scale: multiplier after a count ("ثلاثة آلاف"), vague alone ("آلاف")
#   "vague"  plural of a power of ten that is never exact ("عشرات", "مئات", "dozens")
#   "half"   "نصف": half of the following scale, or of the preceding one ("مليون ونصف")
AR_NUMBER_WORDS: dict[str, tuple[float, str]] = {
    "صفر": (0, "n"),
    "واحد": (1, "n"), "واحدة": (1, "n"), "أحد": (1, "n"), "إحدى": (1, "n"),
    "اثنان": (2, "n"), "اثنين": (2, "n"), "اثنتان": (2, "n"), "اثنتين": (2, "n"),
    "اثنا": (2, "n"), "اثني": (2, "n"), "اثنتا": (2, "n"), "اثنتي": (2, "n"),
    "ثلاث": (3, "n"), "ثلاثة": (3, "n"), "أربع": (4, "n"), "أربعة": (4, "n"),
    "خمس": (5, "n"), "خمسة": (5, "n"), "ست": (6, "n"), "ستة": (6, "n"),
    "سبع": (7, "n"), "سبعة": (7, "n"), "ثمان": (8, "n"), "ثماني": (8, "n"), "ثمانية": (8, "n"),
    "تسع": (9, "n"), "تسعة": (9, "n"), "عشر": (10, "n"), "عشرة": (10, "n"),
    "عشرون": (20, "n"), "عشرين": (20, "n"), "ثلاثون": (30, "n"), "ثلاثين": (30, "n"),
    "أربعون": (40, "n"), "أربعين": (40, "n"), "خمسون": (50, "n"), "خمسين": (50, "n"),
    "ستون": (60, "n"), "ستين": (60, "n"), "سبعون": (70, "n"), "سبعين": (70, "n"),
    "ثمانون": (80, "n"), "ثمانين": (80, "n"), "تسعون": (90, "n"), "تسعين": (90, "n"),
    "مئة": (100, "scale"), "مائة": (100, "scale"),
    "مئتان": (200, "n"), "مئتين": (200, "n"), "مئتا": (200, "n"), "مئتي": (200, "n"),
    "مائتان": (200, "n"), "مائتين": (200, "n"), "مائتا": (200, "n"), "مائتي": (200, "n"),
    **{p + s: (v, "n") for p, v in (("ثلاث", 300), ("أربع", 400), ("خمس", 500), ("ست", 600),
                                    ("سبع", 700), ("ثمان", 800), ("تسع", 900))
       for s in ("مئة", "مائة")},
    # "ألفًا" (accusative after 11-99) folds to "ألفا", the same letters as the dual "ألفا جندي":
    # after a number it is the scale, at the start of a phrase the dual (``_read_phrase``).
    "ألف": (1000, "scale"), "ألفا": (1000, "scale"),
    "ألفان": (2000, "n"), "ألفين": (2000, "n"), "ألفي": (2000, "n"),
    "آلاف": (1000, "vscale"), "ألوف": (1000, "vscale"), "الآلاف": (1000, "vague"),
    "مليون": (1e6, "scale"), "مليونا": (1e6, "scale"),
    "مليونان": (2e6, "n"), "مليونين": (2e6, "n"), "مليوني": (2e6, "n"),
    "ملايين": (1e6, "vscale"), "الملايين": (1e6, "vague"),
    "مليار": (1e9, "scale"), "مليارا": (1e9, "scale"), "بليون": (1e9, "scale"),
    "ملياران": (2e9, "n"), "مليارين": (2e9, "n"), "ملياري": (2e9, "n"),
    "مليارات": (1e9, "vscale"),
    "تريليون": (1e12, "scale"), "ترليون": (1e12, "scale"),
    # "بضعة آلاف" (a few thousand): at least three of them, never exact
    "بضع": (3, "vague"), "بضعة": (3, "vague"),
    "عشرات": (10, "vague"), "العشرات": (10, "vague"), "مئات": (100, "vague"),
    "المئات": (100, "vague"), "مئات": (100, "vague"),
    "نصف": (0.5, "half"),
}
# Words that stand for 1 alone are not reported ("أحد المسؤولين" = one of the officials,
# "دولة واحدة"); they still count inside a phrase ("واحد وعشرون").
AR_LONE_ONES = ("واحد", "واحدة", "أحد", "إحدى", "اثنا", "اثني", "اثنتا", "اثنتي", "نصف", "عشر")
# Letters glued in front of a number or number word: "و" and, "ب" by/with, "ل" for,
# "ف" so, "ك" as ("بـ3" = by 3, "وخمسمائة" = and five hundred).
AR_CLITICS = ("و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "فل", "وك")

# English number words for *finding* runs; their values come from text2num.
EN_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion trillion".split()
)
EN_SCALES: dict[str, float] = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
EN_VAGUE: dict[str, float] = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
}
# Scale suffixes glued to digits ("$1.5bn"); the one-letter ones only after a currency
# sign, since "5m" alone is usually five metres.
SUFFIX_SCALES: dict[str, float] = {"bn": 1e9, "mn": 1e6, "tn": 1e12, "m": 1e6, "k": 1e3, "b": 1e9}
CURRENCY_ONLY_SUFFIXES = ("m", "k", "b")

# qualifier -> phrases that end right before the number (regex syntax allowed).
QUALIFIERS: dict[str, tuple[str, ...]] = {
    "more_than": (
        "أكثر من", "ما يزيد عن", "ما يزيد على", "يزيد عن", "يزيد على", "ما يربو على",
        "ما يربو عن", "يربو على", "أزيد من", "ما يفوق", "يفوق", "ما يتجاوز", "يتجاوز",
        "تتجاوز", "تجاوز", "تجاوزت", "تخطى", "يتخطى", "فاق", "فوق", "more than", "exceeded", "topped",
        "surpassed", "over", "above", "in excess of", "upwards of",
        "exceeding", "greater than",
    ),
    "at_least": (
        "ما لا يقل عن", "لا يقل عن", "لا تقل عن", "على الأقل", "at least", "no fewer than",
        "no less than", "not less than", "a minimum of",
    ),
    "up_to": (
        r"(?:قد )?[يت]صل(?: \S+){0,2} (?:إلى|حتى)", "ما يصل إلى", "حتى", "لغاية", "up to",
        "as many as",
    ),
    "at_most": (
        "ما لا يزيد عن", "ما لا يزيد على", "لا يزيد عن", "لا يزيد على", "لا يتجاوز", "لا تتجاوز",
        "بحد أقصى", "at most", "no more than", "not more than", "a maximum of",
    ),
    "about": (
        "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقارب", "ما يقرب من", "يقارب",
        "تقارب", "تقريبا", "ما يناهز", "يناهز", "ما يقدر ب", "يقدر ب", "تقدر ب", "about",
        "around", "approximately", r"approx\.", "roughly", "nearly", "almost", "some",
        "close to", "an estimated", "estimated", "circa",
    ),
    "less_than": (
        "أقل من", "ما يقل عن", "يقل عن", "ما دون", "less than", "fewer than", "under", "below",
    ),
}
# qualifier -> phrases right after the number and its unit ("3000 جندي على الأقل").
POST_QUALIFIERS: dict[str, tuple[str, ...]] = {
    "at_least": ("على الأقل", "at least", "فأكثر", "أو أكثر", "or more"),
    "about": ("تقريبا", "approximately", "or so", "roughly"),
}

# unit -> words for the thing counted, right after the number (Arabic counted nouns are
# indefinite and follow the number; accusative "جنديًا" folds to "جنديا").
UNIT_WORDS: dict[str, tuple[str, ...]] = {
    "troops": (
        "جندي", "جنود", "جنديا", "عسكري", "عسكريين", "عسكريون", "عسكريا", "مقاتل", "مقاتلين",
        "مقاتلون", "مقاتلا", "troops", "troop", "soldiers", "soldier", "servicemen", "fighters",
    ),
    "killed": (
        "قتيل", "قتلى", "قتيلا", "شهيد", "شهداء", "شهيدا", "killed", "dead", "deaths", "fatalities",
    ),
    "injured": ("جريح", "جرحى", "جريحا", "مصاب", "مصابين", "مصابون", "مصابا", "injured", "wounded"),
    "people": (
        "شخص", "أشخاص", "شخصا", "مدني", "مدنيين", "مدنيا", "مواطن", "مواطنين", "مواطنا", "people",
        "persons", "civilians",
    ),
    "usd": ("دولار", "دولارا", "دولارات", "dollars", "dollar", "usd"),
    "eur": ("يورو", "euros", "euro", "eur"),
    "magnitude": ("درجة", "درجات", "magnitude"),
    "km": ("كيلومتر", "كيلومترا", "كيلومترات", "كم", "km", "kilometres", "kilometers", "kilometre", "kilometer"),
    "years": ("عام", "عاما", "أعوام", "سنة", "سنوات", "years", "year"),
    "months": ("شهر", "شهرا", "أشهر", "شهور", "months", "month"),
    "weeks": ("أسبوع", "أسبوعا", "أسابيع", "weeks", "week"),
    "days": ("يوم", "يوما", "أيام", "days", "day"),
    "hours": ("ساعة", "ساعات", "hours", "hour"),
    "countries": ("دولة", "دول", "بلد", "بلدان", "countries", "country", "nations"),
    "missiles": ("صاروخ", "صواريخ", "صاروخا", "missiles", "missile", "rockets", "rocket"),
    "tonnes": ("طن", "أطنان", "طنا", "tonnes", "tons", "tonne", "ton"),
}
# A count of people becomes a toll when a verb of killing/injuring governs it:
# "the quake killed 1,200 people", "أسفر عن مقتل 1200 شخص", "1,200 people were killed".
# unit -> (cues right before the number and its qualifier, cues right after its noun);
# regex syntax, a space means one or more spaces.
TOLL_CUES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "killed": (
        ("kill", "kills", "killed", "killing", "قتل", "قتلت", "مقتل", "أودى بحياة", "أودت بحياة",
         r"death toll(?: \S+){0,2}", r"(?:عدد|حصيلة) (?:القتلى|الوفيات|الضحايا)(?: \S+){0,2}"),
        ("were killed", "have been killed", "had been killed", "died", "were dead", "قتلوا", "لقوا حتفهم",
         "لقوا مصرعهم", "ماتوا", "توفوا"),
    ),
    "injured": (
        ("injured", "injuring", "injures", "wounded", "wounding", "أصيب", "أصيبت", "إصابة", "جرح"),
        ("were injured", "were wounded", "have been injured", "أصيبوا", "جرحوا"),
    ),
}
TOLL_APPLIES_TO = (None, "people")  # troops killed stay "troops"

# Multi-word and symbol units, tried first (regex syntax; a space means one or more spaces).
UNIT_PHRASES: tuple[tuple[str, str], ...] = (
    ("percentage_points", r"نقطة مئوية|نقاط مئوية|percentage points?"),
    ("basis_points", r"نقطة أساس|نقاط أساس|basis points?|bps|bp"),
    ("percent", r"%|في الم(?:ئ|ائ)ة|بالم(?:ئ|ائ)ة|per cent|percent|pct"),
)
CURRENCY_PREFIXES: dict[str, str] = {"us$": "usd", "$": "usd", "usd": "usd", "€": "eur", "eur": "eur", "£": "gbp"}

# Words after which a number is an id or a time, not a count.
ID_PREFIXES = ("رقم", "المادة", "القرار", "الساعة", "no", "number", "nr", "article", "resolution")
# (and "هـ" after a Hijri year: "1446 هـ")
TIME_SUFFIXES = ("am", "pm", "a.m.", "p.m.", "صباحا", "مساء", "مساءا", "ص", "م", "o'clock", "gmt", "utc", "هـ")
# Words that are never the thing counted (generic unit fallback), nor a name before a number.
STOPWORDS = frozenset(
    fold(w)
    for w in (
        "في من إلى على عن مع أو و أن إن ثم بعد قبل منذ حتى خلال عند لدى هذا هذه ذلك تلك التي الذي "
        "كما حيث بين دون غير قد لا لم لن ما هو هي هم كان كانت يوم عام مقابل نحو حوالي "
        "the a an of in on at to for from by with and or but as is are was were be been than "
        "that which who this these those it its their his her per into over about before after "
        "since during while then ago later earlier more less when where"
    ).split()
)
YEAR_MIN, YEAR_MAX = 1800, 2100
MAX_DIGITS = 15  # longer digit strings are ids, phone numbers or junk

# --- compiled patterns ----------------------------------------------------------------


def _phrase_rx(phrase: str) -> str:
    return fold(phrase).replace(" ", r"\s+")


def _qualifier_rx(phrases: dict[str, tuple[str, ...]], *, before: bool) -> re.Pattern[str]:
    groups = "|".join(
        f"(?P<{q}>{'|'.join(_phrase_rx(p) for p in sorted(ps, key=len, reverse=True))})"
        for q, ps in phrases.items()
    )
    if before:
        # Ends right before the number; may carry a clitic ("بأكثر من", "ونحو").
        return re.compile(rf"{NAL}(?:وب|ول|[وفبلك])?(?:{groups})\s*$", re.IGNORECASE)
    return re.compile(rf"\s*(?:{groups}){NBL}", re.IGNORECASE)


PRE_QUALIFIER_RE = _qualifier_rx(QUALIFIERS, before=True)
POST_QUALIFIER_RE = _qualifier_rx(POST_QUALIFIERS, before=False)
UNIT_PHRASE_RE = re.compile(
    r"\s*(?:" + "|".join(f"(?P<{u}>{_phrase_rx(p)})" for u, p in UNIT_PHRASES) + rf"){NBL}",
    re.IGNORECASE,
)
CURRENCY_RE = re.compile(r"(?:(US\$|\$|€|£)|\b(USD|EUR)\s+)\s*$", re.IGNORECASE)
TOLL_BEFORE_RE = {
    unit: re.compile(rf"{NAL}[وف]?(?:{'|'.join(_phrase_rx(c) for c in sorted(before, key=len, reverse=True))})\s+$", re.IGNORECASE)
    for unit, (before, _after) in TOLL_CUES.items()
}
TOLL_AFTER_RE = {
    unit: re.compile(rf"\s*(?:{'|'.join(_phrase_rx(c) for c in sorted(after, key=len, reverse=True))}){NBL}", re.IGNORECASE)
    for unit, (_before, after) in TOLL_CUES.items()
}
MAGNITUDE_BEFORE_RE = re.compile(r"\bmagnitude(?:\s+of)?\s*$", re.IGNORECASE)
TOKEN_RE = re.compile(r"(?P<num>[0-9]+(?:[.,][0-9]+)*)|(?P<word>[^\W\d_]+)|(?P<sym>\S)")

_THOUSANDS_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_EURO_THOUSANDS_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3}){2,}|[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]+")
_PLAIN_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_DECIMAL_COMMA_RE = re.compile(r"[0-9]+,[0-9]{1,2}")  # "7,8" in some Arabic outlets

_AR_WORDS: dict[str, tuple[float, str]] = {fold(k): v for k, v in AR_NUMBER_WORDS.items()}
_DUAL_THOUSAND = fold("ألفا")
_AR_LONE_ONES = frozenset(fold(w) for w in AR_LONE_ONES)
_AR_TEENS_TEN = frozenset(fold(w) for w in ("عشر", "عشرة"))
_DEFINITE_SCALES = frozenset(fold(w) for w in ("الألف", "المليون", "المليار"))
_UNIT_LOOKUP: dict[str, str] = {fold(w).lower(): u for u, ws in UNIT_WORDS.items() for w in ws}
_ID_PREFIXES = frozenset(fold(w).lower() for w in ID_PREFIXES)
TIME_SUFFIX_RE = re.compile(
    r"\s*(?:" + "|".join(re.escape(fold(x)) for x in TIME_SUFFIXES) + r")(?![^\W\d_])", re.IGNORECASE
)

# --- tokens and numbers ---------------------------------------------------------------


@dataclass(frozen=True)
class _Tok:
    kind: str  # "num" | "word" | "sym"
    start: int
    end: int
    text: str


@dataclass
class _Phrase:
    start: int  # normalised offsets of the number itself (after any clitic)
    end: int
    first: int  # index of the first and last token used
    last: int
    value: float
    vague: bool
    scaled: bool  # a multiplier word/suffix was used
    bare_int: bool  # digits only, no separator/decimal, no multiplier (year/id candidate)
    currency: str | None = None


def _tokens(s: str) -> list[_Tok]:
    return [_Tok(m.lastgroup or "sym", m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(s)]


def _parse_digits(blob: str) -> tuple[float, bool] | None:
    """Value of a digit string with separators, and whether it is a bare integer."""
    if sum(c.isdigit() for c in blob) > MAX_DIGITS:
        return None
    if blob.isdigit():
        return float(blob), True
    if _THOUSANDS_RE.fullmatch(blob):
        return float(blob.replace(",", "")), False
    if _PLAIN_RE.fullmatch(blob):
        return float(blob), False
    if _EURO_THOUSANDS_RE.fullmatch(blob):
        return float(blob.replace(".", "").replace(",", ".")), False
    if _DECIMAL_COMMA_RE.fullmatch(blob):
        return float(blob.replace(",", ".")), False
    return None  # "07.11.2024", "1.2.3": dates, versions, ids


def _ar_word(word: str) -> tuple[tuple[float, str] | None, int]:
    """Number-word entry of an Arabic word and the length of the clitic stripped to get it."""
    if word in _AR_WORDS:
        return _AR_WORDS[word], 0
    for clitic in AR_CLITICS:
        rest = word[len(clitic) :]
        # Two-letter numbers behind a clitic are too often other words ("لست" = I am not).
        if word.startswith(clitic) and len(rest) >= 3 and rest in _AR_WORDS:
            return _AR_WORDS[rest], len(clitic)
    return None, 0


def _combine(items: list[tuple[float, str]]) -> float:
    """Add up number items, applying scales: [3, ×1000, 500] -> 3500; [0.5, ×1e6] -> 500000."""
    total = partial = 0.0
    last_scale = 0.0
    for value, kind in items:
        if kind in ("scale", "vscale"):
            if value < 1000:  # hundred multiplies only the small part: "ثلاث مئة ألف"
                partial = (partial or 1) * value
            else:
                total += (partial or 1) * value
                partial, last_scale = 0.0, value
        elif kind == "half" and last_scale and not partial:
            total += last_scale * value  # "مليون ونصف"
        else:
            partial += value
    return total + partial


def _en_words_value(words: list[str]) -> tuple[float, int] | None:
    """Value of the longest prefix of English number words text2num accepts, and its length."""
    for n in range(len(words), 0, -1):
        phrase = " ".join("one" if (w == "a" and i == 0) else w for i, w in enumerate(words[:n]))
        if words[n - 1] in ("and", "a"):
            continue
        try:
            return float(text2num(phrase, "en")), n
        except ValueError:
            continue
    return None


# --- reading one number phrase --------------------------------------------------------


def _digit_context_ok(s: str, tok: _Tok) -> bool:
    """Reject digits that are part of ids, ranges, times or fractions."""
    a, e = tok.start, tok.end
    if a > 0:
        c = s[a - 1]
        if c.isalpha():
            run = re.search(r"[^\W\d_]+$", s[max(0, a - 4) : a])
            if not run or run.group() not in AR_CLITICS:
                return False  # "F16", "MH17", "كوفيد19"
        elif c in "-–/:#" and a >= 2 and (s[a - 2].isalnum()):
            return False  # "F-16", "27-28", "24/7", "10:30"
    if e < len(s):
        c = s[e]
        nxt = s[e + 1] if e + 1 < len(s) else ""
        if c in ":/" and nxt.isdigit():
            return False
        if c in "-–" and nxt.isdigit():
            return False
    return True


def _suffix_scale(s: str, tok: _Tok, toks: list[_Tok], i: int, currency: bool) -> tuple[float | None, bool]:
    """A Latin suffix glued to the digits: (scale, ok). ok=False rejects the number."""
    if i + 1 >= len(toks) or toks[i + 1].start != tok.end or toks[i + 1].kind != "word":
        return None, True
    suffix = toks[i + 1].text
    if not suffix.isascii():
        return None, True  # "3آلاف": an Arabic word glued on, read normally
    low = suffix.lower()
    if low in SUFFIX_SCALES and (currency or low not in CURRENCY_ONLY_SUFFIXES):
        return SUFFIX_SCALES[low], True
    if low in EN_SCALES:
        return EN_SCALES[low], True
    return None, False  # "4th", "5G", "2nd"


def _read_phrase(s: str, toks: list[_Tok], i: int) -> _Phrase | None:
    tok = toks[i]
    items: list[tuple[float, str]] = []
    scaled = False
    bare_int = False
    currency = None
    j = i
    if tok.kind == "num":
        parsed = _parse_digits(tok.text)
        if parsed is None or not _digit_context_ok(s, tok):
            return None
        value, bare_int = parsed
        cm = CURRENCY_RE.search(s, max(0, tok.start - 6), tok.start)
        currency = CURRENCY_PREFIXES[(cm.group(1) or cm.group(2)).lower()] if cm else None
        items.append((value, "n"))
        scale, ok = _suffix_scale(s, tok, toks, i, currency is not None)
        if not ok:
            return None
        if scale:
            items.append((scale, "scale"))
            scaled, j = True, i + 1
        start = tok.start
        lang = "digits"
    elif tok.kind == "word":
        low = tok.text.lower()
        entry, clitic = _ar_word(tok.text)
        if entry is not None:
            if tok.text[clitic:] == _DUAL_THOUSAND:
                entry = (2000, "n")  # nothing before it to multiply: the dual, "ألفا شخص"
            items.append(entry)
            start = tok.start + clitic
            lang = "ar"
        elif low in EN_NUMBER_WORDS or low in EN_VAGUE or low in ("a", "dozen", "tens"):
            return _read_en_words(s, toks, i)
        else:
            return None
    else:
        return None

    # Extend with multipliers, Arabic teens and "و"-coordinated parts.
    while j + 1 < len(toks):
        k = j + 1
        nxt = toks[k]
        if nxt.kind != "word":
            break
        conj = False
        word_tok = nxt
        if nxt.text == "و" and k + 1 < len(toks):
            # standalone or glued "و" before digits or a number word: "3 آلاف و500"
            conj, k = True, k + 1
            word_tok = toks[k]
            if word_tok.kind == "num":
                tail = _parse_digits(word_tok.text)
                if items[-1][1] in ("scale", "vscale") and tail is not None:
                    items.append((tail[0], "n"))
                    j = k
                    continue
                break
            if word_tok.kind != "word":
                break
        if lang == "digits" and word_tok.text.lower() in EN_SCALES and not conj:
            items.append((EN_SCALES[word_tok.text.lower()], "scale"))
            scaled, j = True, k
            continue
        if word_tok.text.lower() in EN_VAGUE and lang == "digits" and not conj:
            break
        entry, clitic = _ar_word(word_tok.text)
        if entry is None:
            break
        if clitic and word_tok.text.startswith("و"):
            conj = True
        value, kind = entry
        prev_value, prev_kind = items[-1]
        if kind in ("vague", "vscale") and prev_kind == "vague" and not conj:
            items.append((value, "vague"))  # "عشرات الآلاف", "بضعة آلاف": still vague
            j = k
        elif kind in ("scale", "vscale") and not conj and not clitic:
            items.append((value, "scale"))
            scaled, j = True, k
        elif kind == "n" and not conj and word_tok.text in _AR_TEENS_TEN and prev_kind == "n" and prev_value < 10:
            items.append(entry)  # "ثلاثة عشر", "أحد عشر"
            j = k
        elif conj and kind in ("n", "half") and prev_kind != "vague":
            items.append(entry)  # "ألف وخمسمائة", "خمسة وعشرون", "مليون ونصف"
            j = k
            # "مليون ونصف المليون": the repeated definite scale adds nothing
            if kind == "half" and k + 1 < len(toks) and toks[k + 1].text in _DEFINITE_SCALES:
                j = k + 1
        else:
            break

    kinds = [k for _, k in items]
    vague = kinds[0] in ("vague", "vscale") and all(k in ("vague", "vscale") for k in kinds)
    if vague:
        value = float(math.prod(v for v, _ in items))
    else:
        value = _combine(items)
    if len(items) == 1 and lang == "ar" and toks[i].text[start - toks[i].start :] in _AR_LONE_ONES:
        return None
    return _Phrase(start, toks[j].end, i, j, value, vague, scaled, bare_int and not scaled, currency)


def _read_en_words(s: str, toks: list[_Tok], i: int) -> _Phrase | None:
    """A run of English number words: "two thousand five hundred", "a million", "thousands"."""
    first = toks[i].text.lower()
    if first in EN_VAGUE:
        value = float(EN_VAGUE[first])
        j = i
        # "hundreds of thousands", "tens of thousands"
        if j + 2 < len(toks) and toks[j + 1].text.lower() == "of" and toks[j + 2].text.lower() in EN_VAGUE:
            value *= EN_VAGUE[toks[j + 2].text.lower()]
            j += 2
        return _Phrase(toks[i].start, toks[j].end, i, j, value, True, False, False)
    if first == "tens" and i + 2 < len(toks) and toks[i + 1].text.lower() == "of":
        nxt = toks[i + 2].text.lower()
        if nxt in EN_VAGUE:
            return _Phrase(toks[i].start, toks[i + 2].end, i, i + 2, 10 * EN_VAGUE[nxt], True, False, False)
    # Collect word tokens (joined by spaces or hyphens) that can be part of a number.
    words: list[str] = []
    idx: list[int] = []
    k = i
    while k < len(toks):
        t = toks[k]
        low = t.text.lower()
        if t.kind == "word" and (low in EN_NUMBER_WORDS or (low in ("a", "dozen") and not words)
                                 or (low == "dozen" and words == ["a"]) or (low == "and" and words)):
            words.append(low)
            idx.append(k)
            k += 1
        elif t.kind == "sym" and t.text == "-" and words and k + 1 < len(toks) and toks[k + 1].start == t.end:
            k += 1
        else:
            break
    if not words:
        return None
    if words[0] == "a" and len(words) > 1 and words[1] == "dozen":
        return _Phrase(toks[i].start, toks[idx[1]].end, i, idx[1], 12, False, False, False)
    if words[0] == "dozen":
        return None
    got = _en_words_value(words)
    if got is None:
        return None
    value, n = got
    if n == 1 and words[0] in ("one", "a"):
        return None  # "one of the", "no one": too noisy alone
    if words[0] == "a" and n == 1:
        return None
    last = idx[n - 1]
    scaled = any(w in EN_SCALES for w in words[:n])
    return _Phrase(toks[i].start, toks[last].end, i, last, value, False, scaled, False)


# --- units, qualifiers, exclusions ----------------------------------------------------


def _lookup_unit(word: str, *, allow_definite: bool) -> str | None:
    low = word.lower()
    candidates = [low]
    if allow_definite and low.startswith("ال") and len(low) > 3:
        candidates.append(low[2:])
    for c in list(candidates):
        if c.endswith("ا") and len(c) > 3:
            candidates.append(c[:-1])
    for c in candidates:
        if c in _UNIT_LOOKUP:
            return _UNIT_LOOKUP[c]
    return None


def _unit_after(
    s: str, toks: list[_Tok], ph: _Phrase
) -> tuple[str | None, tuple[int, int] | None, bool]:
    """(unit, normalised span of the unit words, known) after a phrase."""
    m = UNIT_PHRASE_RE.match(s, ph.end)
    if m and m.lastgroup:
        return m.lastgroup, (m.start(m.lastgroup), m.end()), True
    k = ph.last + 1
    # "1500 من الجنود", "thousands of troops": the noun may be definite after these.
    allow_definite = ph.vague
    k_after_of = k
    if k < len(toks) and toks[k].text.lower() in ("من", "of"):
        allow_definite = True
        k_after_of = k + 1
    english = k_after_of < len(toks) and toks[k_after_of].text.isascii()
    # English lets adjectives sit between number and noun: "3,000 North Korean troops".
    reach = 4 if english else 1
    for n, kk in enumerate(range(k_after_of, min(len(toks), k_after_of + reach))):
        t = toks[kk]
        if t.kind != "word":
            break
        unit = _lookup_unit(t.text, allow_definite=allow_definite or english)
        if unit:
            return unit, (t.start, t.end), True
        if fold(t.text).lower() in STOPWORDS and n > 0:
            break
    # Generic fallback: the very next word, if it can be a counted noun. In English the
    # noun may follow adjectives ("2,000 international observers"): of up to three plain
    # lowercase words, take the first plural-looking one.
    if k < len(toks) and toks[k].kind == "word":
        t = toks[k]
        w = t.text.lower()
        if (
            w not in STOPWORDS
            and not (w.startswith("ال") and not ph.vague)
            and not w.startswith("و")
            and not (w.isascii() and t.text[0].isupper())
        ):
            if w.isascii():
                t = _english_head_noun(toks, k)
            return None, (t.start, t.end), False
    return None, None, False


def _english_head_noun(toks: list[_Tok], k: int) -> _Tok:
    run: list[_Tok] = []
    for t in toks[k : k + 3]:
        low = t.text.lower()
        if t.kind != "word" or not t.text.isascii() or not t.text.islower() or low in STOPWORDS:
            break
        if run and run[-1].end + 1 < t.start and not t.text.isalpha():
            break
        run.append(t)
    plural = next((t for t in run if t.text.endswith("s") and not t.text.endswith("ss")), None)
    return plural or toks[k]


def _prev_word(s: str, i: int) -> str:
    m = re.search(r"([^\W\d_][^\s]*)\s*$", s[max(0, i - 30) : i])
    return m.group(1).lower().rstrip(".") if m else ""


def _is_excluded(s: str, toks: list[_Tok], ph: _Phrase, known_unit: bool, qualified: bool) -> bool:
    """Years, times, ids and names that look like counts."""
    tok = toks[ph.first]
    if tok.kind != "num":
        return False
    if _prev_word(s, ph.start) in _ID_PREFIXES and not qualified:
        return True  # "رقم 5", "Resolution 2231"
    if TIME_SUFFIX_RE.match(s, ph.end) and not known_unit:
        return True  # "10 صباحا", "10 am", "1446 هـ"
    if ph.bare_int and ph.currency is None and _year_before_a_noun(s, toks, ph):
        return True  # "the 2018 quake killed 50": the year of another event, not 2018 killed
    if ph.bare_int and not known_unit and ph.currency is None:
        if YEAR_MIN <= ph.value <= YEAR_MAX and len(tok.text) == 4:
            return True  # "قمة البريكس 2024"
        prev_tok = toks[ph.first - 1] if ph.first > 0 else None
        next_tok = toks[ph.last + 1] if ph.last + 1 < len(toks) else None
        if (
            not qualified
            and prev_tok is not None
            and prev_tok.kind == "word"
            and fold(prev_tok.text).lower() not in STOPWORDS
            and not _is_clitic_of(prev_tok, tok)
        ):
            if next_tok is not None and next_tok.kind == "word" and next_tok.text.startswith("ال"):
                return True  # "تشيونجونج 2 الكوري": a name, a number, a definite word
            if prev_tok.text.isascii() and prev_tok.text[0].isupper():
                return True  # "Apollo 13", "Windows 11"
    return False


def _year_before_a_noun(s: str, toks: list[_Tok], ph: _Phrase) -> bool:
    """A four-digit year after "the"/"this"/"its" and before a word that is not counted: "the 2018
    quake", "its 2016 report" (while "the 2000 troops" counts troops)."""
    tok = toks[ph.first]
    if not (YEAR_MIN <= ph.value <= YEAR_MAX and len(tok.text) == 4) or ph.last + 1 >= len(toks):
        return False
    after = toks[ph.last + 1]
    return (_prev_word(s, ph.start) in ("the", "this", "that", "its", "their", "his", "her")
            and after.kind == "word" and after.text.isascii() and _lookup_unit(after.text, allow_definite=False) is None)


def _is_clitic_of(prev: _Tok, tok: _Tok) -> bool:
    return prev.end == tok.start and prev.text in AR_CLITICS


def _range(qualifier: str, value: float) -> tuple[float | None, float | None]:
    if qualifier in ("more_than", "at_least", "vague"):
        return value, None
    if qualifier in ("up_to", "at_most", "less_than"):
        return None, value
    if qualifier == "about":
        # Rounded so that 3000 gives (2700.0, 3300.0), not 3300.0000000000005.
        return round(value * (1 - ABOUT_TOLERANCE), 9), round(value * (1 + ABOUT_TOLERANCE), 9)
    return value, value


# --- public API -----------------------------------------------------------------------


# "7 . 2": spaces on both sides of the point (a list "3, 4" or a sentence end "7. 2" is not one)
_SPACED_DECIMAL = re.compile(r"\d( +)\.( +)\d")


def _join_spaced_decimals(norm: Normalized) -> Normalized:
    """Scraped Arabic pages space out a decimal point ("7 . 2", "14 . 73 مليار"): read it as
    7.2 and 14.73 by dropping those spaces from the matched text, offsets still mapping back."""
    drop = {i for m in _SPACED_DECIMAL.finditer(norm.text) for g in (1, 2) for i in range(m.start(g), m.end(g))}
    if not drop:
        return norm
    kept = [i for i in range(len(norm.text)) if i not in drop]
    text = "".join(norm.text[i] for i in kept)
    return Normalized(norm.original, text, (*(norm.orig(i) for i in kept), len(norm.original)))


def find_quantities(text: str) -> list[Quantity]:
    """Quantities in ``text`` in order, with spans covering qualifier, number and unit."""
    norm = _join_spaced_decimals(normalize(text))
    s = norm.text
    toks = _tokens(s)
    dates = [(d.start, d.end, d.granularity) for d in _find_dates(norm, None)]
    out: list[Quantity] = []
    floor = 0  # normalised end of the previous quantity: spans never overlap
    i = 0
    while i < len(toks):
        ph = _read_phrase(s, toks, i)
        if ph is None or ph.start < floor:
            i += 1
            continue
        built = _build(norm, toks, ph, dates, floor)
        if built is not None:
            out.append(built[0])
            floor = built[1]
        i = ph.last + 1
    return out


def _build(
    norm: Normalized, toks: list[_Tok], ph: _Phrase, dates: list[tuple[int, int, str]], floor: int
) -> tuple[Quantity, int] | None:
    """The Quantity for a number phrase and its normalised end, or None when excluded."""
    s = norm.text
    unit, unit_span, known = _unit_after(s, toks, ph)
    if ph.currency and not known:
        unit, unit_span, known = ph.currency, None, True
    magnitude_before = MAGNITUDE_BEFORE_RE.search(s, max(floor, ph.start - 16), ph.start)
    if magnitude_before and not known:
        unit, unit_span, known = "magnitude", None, True
    if ph.end < len(s) and s.startswith("-magnitude", ph.end):
        unit, unit_span, known = "magnitude", (ph.end + 1, ph.end + 10), True

    start, end = ph.start, ph.end
    cm = CURRENCY_RE.search(s, max(floor, start - 6), start) if ph.currency else None
    if cm:
        start = cm.start()
        unit_span = unit_span or (cm.start(), cm.end())
    elif magnitude_before and unit == "magnitude" and unit_span is None:
        start = magnitude_before.start()
        unit_span = (magnitude_before.start(), magnitude_before.start() + len("magnitude"))
    if unit_span:
        end = max(end, unit_span[1])
        start = min(start, unit_span[0])

    qualifier = "exact"
    qm = PRE_QUALIFIER_RE.search(s, max(floor, start - 80), start)
    if qm and qm.lastgroup:
        qualifier = qm.lastgroup
        start = qm.start(qm.lastgroup)
    else:
        pm = POST_QUALIFIER_RE.match(s, end)
        if pm and pm.lastgroup:
            qualifier = pm.lastgroup
            end = pm.end()
    if ph.vague:
        qualifier = "vague"

    if unit in TOLL_APPLIES_TO:
        for toll, before_rx in TOLL_BEFORE_RE.items():
            if before_rx.search(s, max(floor, start - 40), start) or TOLL_AFTER_RE[toll].match(s, end):
                unit, known = toll, True
                break

    if _is_excluded(s, toks, ph, known or ph.scaled, qualifier != "exact"):
        return None
    # Numbers inside a date belong to the date module; a weak "year" cue ("في 2000")
    # yields to a count with a multiplier or a known unit ("في 2000 جندي").
    num_a, num_b = norm.span(ph.start, ph.end)
    for d_start, d_end, granularity in dates:
        if d_start < num_b and num_a < d_end:
            if granularity == "year" and (known or ph.scaled):
                continue
            return None

    a, b = norm.span(start, end)
    low, high = _range(qualifier, ph.value)
    unit_text = norm.slice(*unit_span) if unit_span else None
    quantity = Quantity(
        value=ph.value,
        start=a,
        end=b,
        text=norm.original[a:b],
        qualifier=qualifier,
        low=low,
        high=high,
        unit=unit if known else None,
        unit_text=unit_text,
    )
    return quantity, end


def number_span(q: Quantity, text: str) -> tuple[int, int]:
    """Where the number itself lies in ``text``: a figure's span also covers its qualifier and
    unit words ("more than 2,000 were injured"), which say what it counts."""
    norm = _join_spaced_decimals(normalize(text[q.start:q.end]))
    tokens = _tokens(norm.text)
    for i in range(len(tokens)):
        phrase = _read_phrase(norm.text, tokens, i)
        if phrase is not None:
            start, end = norm.span(phrase.start, phrase.end)
            return q.start + start, q.start + end
    return q.start, q.end
