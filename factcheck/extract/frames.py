"""What a figure is a figure *of*: the thing counted, where, whether it is part of a larger
count, and whether the sentence presents it as an update of an earlier figure.

Two figures are only comparable when their frames match: "132 people were rescued" is not a
death toll, "17 killed in the town of Hamouriyeh" is a part of "27 killed" across the region,
and "the toll rose to 328" updates "61", it does not contradict it. Cues are read from the
figure's own sentence on ``textnorm``-style folded text; positions are the claim's.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from factcheck.extract._normalize import fold, normalize
# the number reader itself, so that a figure's number is masked exactly as it was read
from factcheck.extract.quantities import number_span
from factcheck.schema import DateMention, Quantity

# What a generic count of people counts, from the nearest cue in its sentence.
MEASURE_CUES: dict[str, tuple[str, ...]] = {
    "killed": ("killed", "kill", "killing", "dead", "died", "deaths", "death toll", "fatalities", "lost their lives",
               "قتل", "قتلوا", "قتلى", "قتيل", "مقتل", "حتفهم", "حتفه", "مصرع", "مصرعهم", "وفاة", "وفيات",
               "ضحايا", "ضحية", "شهيد", "شهداء", "الموتى", "أودى بحياة", "أودت بحياة"),
    "injured": ("injured", "wounded", "injuries", "hurt", "جرح", "جرحى", "جريح", "إصابة", "إصابات", "مصاب",
                "مصابين", "أصيب", "أصيبوا"),
    "rescued": ("rescued", "pulled out alive", "saved", "إنقاذ", "انقاذ", "أنقذ", "أنقذت"),
    "displaced": ("displaced", "homeless", "fled", "refugees", "without homes", "without shelter", "نزوح", "نازح",
                  "نازحين", "مشرد", "مشردين", "تشريد", "لاجئ", "لاجئين", "فروا", "بلا مأوى", "دون مأوى"),
    "evacuated": ("evacuated", "evacuation", "evacuate", "إجلاء", "اجلاء", "أجلي", "إخلاء"),
    "besieged": ("besieged", "trapped", "under siege", "محاصر", "محاصرين", "المحاصرة", "حصار", "يحاصر", "تحاصر"),
    "missing": ("missing", "disappeared", "unaccounted", "مفقود", "مفقودين", "فقدان", "المفقودين"),
    "arrested": ("arrested", "detained", "arrests", "اعتقال", "اعتقل", "توقيف", "القبض", "احتجاز", "معتقل"),
    "affected": ("affected", "متضرر", "متضررين", "تضرر", "المتضررين"),
}
GENERIC_UNITS = frozenset({"people"})
# The sentence presents the figure as a change of an earlier one, or as one that will change.
UPDATE_CUES = (
    "rose to", "risen to", "rising to", "climbed to", "increased to", "jumped to", "bringing the toll to",
    "bringing the death toll to", "new toll", "updated toll", "revised", "latest toll", "expected to rise",
    "could rise", "likely to rise", "may rise", "preliminary", "initial toll", "so far", "up from",
    "ارتفع", "ارتفعت", "ارتفاع", "حصيلة جديدة", "الحصيلة الجديدة", "حصيلة أولية", "الحصيلة الأولية",
    "مرشحة للارتفاع", "مرشح للارتفاع", "قابلة للارتفاع", "حتى الآن", "حتى اللحظة", "بعد أن كان",
)
# The sentence gives its figure as an earlier one, set before its article's present: "the
# previous death toll was 20", "had said on 5 December"; in Arabic a background clause opened by
# وكان with its verb of saying a few words on ("وكان التحالف ... قال في 5 ديسمبر إن أقل من 3000").
EARLIER_CUES = ("previous toll", "previous death toll", "earlier toll", "earlier estimate", "previous estimate",
                "had said", "had reported", "had estimated", "had put", "previously", "كان قد", "كانت قد")
_AR_BACKGROUND = re.compile(fold(
    r"(?<![^\W\d_])وكان(?:ت)?\s+(?:\S+\s+){0,8}?"
    r"(?:قد|قال|قالت|أعلن|أعلنت|أفاد|أفادت|ذكر|ذكرت|أكد|أكدت)(?![^\W\d_])"))
# The sentence gives the figure of something still to come: "2,000 observers would monitor the
# polls" speaks of the polls, whenever it was reported (read only when no update cue is found).
FORECAST_CUES = (
    "will", "would", "expected to", "is to", "are to", "plans to", "planned", "scheduled to", "set to",
    "سوف", "من المتوقع", "المتوقع", "يتوقع", "تتوقع", "ينتظر", "تنتظر", "سيتم", "من المقرر", "المقرر",
)
# The figure is a part of a larger count: "56 dead, including 11 children" (cue before the
# part), "14 died on that island alone" (cue after it).
PART_BEFORE = ("including", "among them", "of whom", "of them", "بينهم", "منهم", "من بينهم", "بينها")
PART_AFTER = ("alone", "وحدها", "وحده", "as a first batch", "in a first batch", "كدفعة أولى", "كدفعة اولى",
              "دفعة أولى", "في دفعة أولى")
# "in the town of Hamouriyeh", "في بلدة حمورية": the figure's own place, when it names one.
_EN_PLACE = re.compile(
    r"\b(?:in|on|at)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|neighbou?ring|nearby)\s+)?"
    r"(?:(?:city|town|village|province|island|district|region|area|camp|state)\s+of\s+)?"
    r"((?:[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]+)?)")
_AR_PLACE = re.compile(
    fold(r"(?:^|\s)[و]?(?:في|ب)\s*(?:ال)?(?:مدينة|بلدة|قرية|محافظة|منطقة|ولاية|إقليم|حي|مخيم|جزيرة)\s+[\"«“]?\s*([^\W\d_]+)"))
_WINDOW = 60  # characters around a figure that speak of it
_PLACE_REACH = 30  # a figure's own place follows it closely ("14 killed in the town of X")
_NOT_PLACES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december the a""".split())


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern:
    folded = sorted({fold(c).lower() for c in cues}, key=len, reverse=True)
    return re.compile(r"(?<![^\W\d_])(?:[وبلف]|ال|وال|بال)?(?:" + "|".join(map(re.escape, folded)) + r")(?![^\W\d_])")


_MEASURES = [(name, _cue_pattern(cues)) for name, cues in MEASURE_CUES.items()]
_UPDATE = _cue_pattern(UPDATE_CUES)
_FORECAST = _cue_pattern(FORECAST_CUES)
_EARLIER = _cue_pattern(EARLIER_CUES)
_PART_BEFORE = _cue_pattern(PART_BEFORE)
_PART_AFTER = _cue_pattern(PART_AFTER)


def frames(quantities: list[Quantity], text: str) -> list[Quantity]:
    """The figures of one sentence (offsets into ``text``), each with its frame. An update,
    earlier-report or forecast cue belongs to the sentence, so it is read once for all of them."""
    trend = _trend(fold(text).lower())
    parts = [q for q in quantities if _is_part(q, text)]
    # A part told inside its whole ("248 people, including a dozen Americans, were killed")
    # does not stand between the whole and the words that say what it counts.
    return [_frame(q, text, [o for o in quantities if o is not q and (q in parts or o not in parts)], trend)
            for q in quantities]


def _trend(folded: str) -> str | None:
    """How the sentence places its figures in time: "update" when it presents them as changed
    ("rose to"), else "earlier" when it gives them as an earlier report ("had said"), else
    "forecast" when it speaks of something to come ("would monitor"), else None."""
    if _UPDATE.search(folded):
        return "update"
    if _EARLIER.search(folded) or _AR_BACKGROUND.search(folded):
        return "earlier"
    return "forecast" if _FORECAST.search(folded) else None


# "Catanduanes and three other provinces", "300 more troops", "خمسة جرحى آخرين": a figure that
# counts what comes on top of something else is a part of the total, not the total.
_ADDITIONAL = re.compile(fold(r"^\s*(?:(?:other|others|more|additional|further)"
                              r"|(?:[^\W\d_]+\s+)?(?:آخرين|آخرون|أخرى|اخرى|إضافيين|إضافيا|إضافية))(?![^\W\d_])"))


def _additional(q: Quantity, text: str) -> bool:
    end = number_span(q, text)[1]
    return bool(_ADDITIONAL.match(fold(text[end:q.end + 20]).lower()))


def _is_part(q: Quantity, text: str) -> bool:
    before = fold(text[max(0, q.start - 25):q.start]).lower()
    return bool(_PART_BEFORE.search(before) or _PART_AFTER.search(fold(text[q.end:q.end + 40]).lower())
                or _additional(q, text))


def _frame(q: Quantity, text: str, others: list[Quantity], trend: str | None) -> Quantity:
    """``q`` with its key, place and part, between its neighbouring figures ``others``."""
    lo = max([0, *(o.end for o in others if o.end <= q.start)], default=0)
    hi = min([len(text), *(o.start for o in others if o.start >= q.end)], default=len(text))
    lo, hi = max(lo, q.start - _WINDOW), min(hi, q.end + _WINDOW)
    before, after = fold(text[lo:q.start]).lower(), fold(text[q.end:hi]).lower()
    key = q.key
    if q.unit in GENERIC_UNITS or (q.unit is None and key == "people"):
        key = _nearest_measure(before, after)
    part = bool(_PART_BEFORE.search(before[-25:]) or _PART_AFTER.search(after[:40]) or _additional(q, text))
    return dataclasses.replace(q, key=key, trend=trend, place=_place(text[q.start:hi], q.end - q.start + _PLACE_REACH),
                               part=part)


def _nearest_measure(before: str, after: str) -> str | None:
    best: tuple[int, str] | None = None
    for name, pattern in _MEASURES:
        for m in pattern.finditer(before):
            distance = len(before) - m.end()
            best = min(best or (distance, name), (distance, name))
        m = pattern.search(after)
        if m:
            best = min(best or (m.start(), name), (m.start(), name))
    return best[1] if best else None


def _place(after: str, reach: int) -> str | None:
    """The place named by a phrase that starts within ``reach`` characters (whole words: a
    window cut inside "Hamouriyeh" or "Sunday" would read "Ha" or "Sunda")."""
    m = _EN_PLACE.search(after) or _AR_PLACE.search(fold(after))
    if not m or m.start() > reach or m.group(1).split()[0].lower() in _NOT_PLACES:
        return None
    return fold(m.group(1)).lower().removeprefix("ال")


# What stands for a figure (and a date) when a figure's context is embedded: a symbol reads
# alike in every language, so "killed # people" and "قتل # شخصا" meet on what is counted.
FIGURE_MASK = "#"
# Words either side of a figure that say what it counts ("soldiers and civilians along the
# river", "in Honduras"). On the fitted data (project gold, half the real-news clusters) the
# shipped encoder told one frame from another better at 12-16 words or a whole sentence than
# at 4-8 (AUC 0.69-0.75 against 0.56-0.64); 16 still keeps a long sentence's far clauses out.
CONTEXT_WORDS = 16


def figure_contexts(text: str, quantities: list[Quantity], dates: Sequence[DateMention] = ()) -> list[str]:
    """For each figure of ``text`` (offsets into it), the words around it with every figure's
    number and every date replaced by ``FIGURE_MASK``: what the figure counts, not its value,
    so that "800 soldiers reinforced a levee" and "3 million soldiers and civilians along the
    river" are told apart by their words, whatever the numbers."""
    numbers = [number_span(q, text) for q in quantities]
    hidden = sorted([*numbers, *((d.start, d.end) for d in dates)])
    return [_window(text, hidden, span) for span in numbers]


def _window(text: str, hidden: list[tuple[int, int]], target: tuple[int, int]) -> str:
    """``CONTEXT_WORDS`` words either side of ``target``, the ``hidden`` spans masked."""
    left = _masked(text, 0, target[0], hidden).split()[-CONTEXT_WORDS:]
    right = _masked(text, target[1], len(text), hidden).split()[:CONTEXT_WORDS]
    return " ".join([*left, FIGURE_MASK, *right])


def _masked(text: str, lo: int, hi: int, hidden: list[tuple[int, int]]) -> str:
    """``text[lo:hi]`` with each of the sorted ``hidden`` spans inside it (or overlapping it)
    replaced by one mask; a date inside a figure's span, or the reverse, is masked once."""
    pieces, cursor = [], lo
    for start, end in hidden:
        if end <= cursor or start >= hi:
            continue
        pieces += [text[cursor:max(start, cursor)], f" {FIGURE_MASK} "]
        cursor = min(end, hi)
    pieces.append(text[cursor:hi])
    return "".join(pieces)
