"""Who asserts a sentence, whether it is denied/negated, whether it claims a first.

Lexical and explainable: each answer comes from a keyword table below. These are cues,
not a parse: ``is_negated`` says a negation word is present, not that it scopes over
the main clause.

``find_attribution`` tries, in order, and returns the first actor it can read:

1. an explicit source marker: "حسبما أفادت X", "وفقًا لـ X", "بحسب X", "نقلا عن X",
   "according to X" (this wins over the main verb: in "أكدت كوريا الشمالية ... حسبما
   أفادت الوكالة الرسمية" the reporting source is the agency);
2. a reporting verb with its subject after it (Arabic VSO: "قال X", "ذكرت X",
   "وأشار X إلى"), or a reporting noun ("إعلان X أن"); when X's report is itself
   "أن Y كشف/أعلن ..." the inner Y is the originator and is returned;
3. English "X said" / "said X".

The actor is the run of words after the cue, cut at punctuation, a conjunction, a
complementizer ("أن", "إن", "that"), a preposition or time word, or after
``MAX_ACTOR_WORDS`` words. Offsets are not returned: the actor is a label.
"""

from __future__ import annotations

import dataclasses
import re

from ._normalize import NOT_AFTER_LETTER as NAL
from ._normalize import NOT_BEFORE_LETTER as NBL
from ._normalize import Normalized, fold, normalize
from .dates import YEAR_RE

MAX_ACTOR_WORDS = 8

# --- keyword tables -------------------------------------------------------------------

# Explicit source markers; the actor follows. "وفق"/"وفقا"/"حسب" may carry the clitic
# "لـ" on the actor ("وفقًا لوكالة تاس"), stripped when reading it.
AR_SOURCE_MARKERS = (
    "حسبما أفادت به", "حسبما أفاد به", "حسبما أفادت", "حسبما أفاد", "حسبما ذكرت", "حسبما ذكر",
    "حسبما أعلنت", "حسبما أعلن", "حسبما نقلت", "حسبما نقل", "حسبما أوردت", "حسبما أورد",
    "بحسب ما أفادت به", "بحسب ما أفاد به", "بحسب ما أفادت", "بحسب ما أفاد", "بحسب ما ذكرت",
    "بحسب ما ذكر", "بحسب ما أعلنت", "بحسب ما أعلن", "بحسب ما نقلت", "بحسب ما أوردت",
    "وفق ما نشره", "وفق ما نشرته", "وفق ما ذكره", "وفق ما ذكرته", "وفق ما أعلنه", "وفق ما أعلنته",
    "وفقا لما ذكره", "وفقا لما ذكرته", "وفقا لما أعلنه", "وفقا لما أعلنته", "وفقا لما نشره",
    "وفقا لما نشرته", "وفقا لما أفاد به", "وفقا لما أفادت به",
    "وفقا ل", "وفق", "بحسب", "حسب", "نقلا عن", "على لسان", "استنادا إلى", "طبقا ل",
)
EN_SOURCE_MARKERS = ("according to", "as reported by", "reported by", "quoted by", "citing", "cited by")

# Reporting verbs (past and present, masculine and feminine); a "و"/"ف" clitic may lead.
# Left out on purpose: "نشر" (also "deployment"), masculine "نقل" (also "transfer") and
# "نفى", which folds to the noun "نفي" (denial).
AR_REPORTING_VERBS = (
    "قال", "قالت", "يقول", "تقول", "أفاد", "أفادت", "ذكر", "ذكرت", "أعلن", "أعلنت", "أكد", "أكدت",
    "أوضح", "أوضحت", "أشار", "أشارت", "أضاف", "أضافت", "صرح", "صرحت", "نقلت", "كشف",
    "كشفت", "تحدث", "تحدثت", "أبلغ", "أبلغت", "زعم", "زعمت", "اتهم", "اتهمت", "حذر", "حذرت",
    "نفت", "أقر", "أقرت", "اعترف", "اعترفت", "أورد", "أوردت", "يؤكد", "تؤكد",
)
# Reporting nouns: only count when the actor is followed by "أن" ("إعلان البيت الأبيض أنه").
AR_REPORTING_NOUNS = ("إعلان", "تصريح", "تصريحات", "بيان", "تأكيد", "اعتراف", "تقرير")
EN_REPORTING_VERBS = (
    "said", "says", "told", "announced", "stated", "reported", "confirmed", "claimed", "added",
    "noted", "warned", "denied", "acknowledged", "alleged",
)

# Words that end the actor phrase.
AR_ACTOR_STOPS = (
    "و", "أو", "ثم", "لكن", "بل", "أن", "إن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "بأن",
    "بأنه", "بأنها", "لأن", "في", "على", "عن", "إلى", "خلال", "مع", "عبر", "لدى", "الذي", "التي",
    "الذين", "حيث", "كما", "قائلا", "قائلة", "مؤكدا", "مؤكدة", "مشيرا", "مشيرة", "مضيفا", "مضيفة",
    "لافتا", "لافتة", "معتبرا", "معتبرة", "اليوم", "أمس", "يوم", "مساء", "صباح", "الأسبوع", "الشهر",
    "للمرة", "لأول", "أيضا", "إثر", "بعد", "قبل", "منذ", "ذلك", "هذا", "هذه", "عن",
    "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",
)
EN_ACTOR_STOPS = (
    "that", "on", "in", "at", "for", "with", "and", "or", "but", "who", "which", "when", "after",
    "before", "as", "to", "from", "during", "while", "because", "late", "earlier", "today",
    "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "has", "have", "had", "was", "were", "is", "are", "it", "its",
)
# Heads after "وفقًا لـ"/"according to" that mean "pursuant to", not a source.
NOT_SOURCES = (
    "معاهدة", "المعاهدة", "اتفاق", "الاتفاق", "اتفاقية", "الاتفاقية", "قانون", "القانون", "قرار",
    "القرار", "قرارات", "أمر", "الأمر", "أوامر", "خطة", "الخطة", "ميثاق", "الميثاق", "دستور",
    "الدستور", "مبدأ", "شروط", "الشروط", "نظام", "النظام", "بند", "البند", "الحاجة", "ما",
    "plan", "the plan", "law", "the law", "the agreement", "the treaty", "the rules",
)

# Negation / denial cues. Arabic verbs of denial (with object suffixes) and negation
# particles; "لا" only before a verb and not in fixed phrases that are not negations
# ("لا يقل عن" = at least, "لا يزال" = still, "لا سيما" = especially).
# Matched on the text with diacritics removed but "ى" kept: folded, the verb "نفى" (denied)
# would equal the noun "نفي" (denial), as in "امتنع عن تأكيد أو نفي" (declined to confirm
# or deny), which is not a denial.
AR_DENIAL_VERB_RE = r"(?:نفى|نفاه|نفاها|نفت|نفته|نفوا|نفتا|ينفي|تنفي|ينفون|ينفيان|تنفيان)(?:ه|ها|هم|هما)?"
AR_NEGATION_PARTICLES = ("لم", "لن", "ليس", "ليست", "لسنا", "لست", "ليسوا", "ولم", "ولن", "فلم")
AR_LA_NOT_NEGATION = ("لا يقل", "لا تقل", "لا يزال", "لا تزال", "لا زال", "لا سيما", "لا يزيد", "لا تتجاوز", "لا يتجاوز")
EN_NEGATION_RE = r"\b(?:not|never|no longer|deny|denies|denied|denying|\w+n't)\b"
EN_NOT_NEGATION = ("not only", "whether or not", "if not")

# "For the first time" and first official confirmations.
FIRST_CLAIM_PHRASES = (
    "لأول مرة", "للمرة الأولى", "المرة الأولى", "أول مرة", "أول تأكيد", "أول اعتراف", "أول إقرار",
    "for the first time", "the first time", "first official confirmation", "first confirmation",
    "first acknowledgment", "first acknowledgement", "first admission",
)

# --- compiled patterns ----------------------------------------------------------------


def _alt(phrases: tuple[str, ...]) -> str:
    return "|".join(
        re.escape(fold(p)).replace(r"\ ", r"\s+") for p in sorted(set(phrases), key=len, reverse=True)
    )


AR_SOURCE_RE = re.compile(rf"{NAL}[وف]?(?:{_alt(AR_SOURCE_MARKERS)})(?:ـ)?\s*")
EN_SOURCE_RE = re.compile(rf"\b(?:{_alt(EN_SOURCE_MARKERS)})\s+", re.IGNORECASE)
AR_VERB_RE = re.compile(rf"{NAL}[وف]?(?:{_alt(AR_REPORTING_VERBS)}){NBL}\s*")
AR_NOUN_RE = re.compile(rf"{NAL}[وبل]?(?:ال)?(?:{_alt(AR_REPORTING_NOUNS)}){NBL}\s+")
EN_X_SAID_RE = re.compile(rf"\b(?:{_alt(EN_REPORTING_VERBS)})\b", re.IGNORECASE)
# Inverted only after a quote or comma: '"...," said John Kirby'.
EN_SAID_X_RE = re.compile(r"[,\"”’]\s*(?:said|says)\s+(?=[A-Z])")
# "... أن Y كشف/أعلن": the inner originator of a reported report.
AR_INNER_RE = re.compile(r"\s*[،,]?\s*(?:ب)?[اإأ]ن(?:ه|ها)?\s+")

_WORD_OR_STOP_RE = re.compile(r"[^\s،,.:;؛!?؟()\[\]{}\"“”«»'‘’–—]+|[،,.:;؛!?؟()\[\]{}–—]")
_QUOTES = "\"“”«»'‘’"
_PUNCT = "،,.:;؛!?؟()[]{}–—"
_AR_STOPS = frozenset(fold(w) for w in AR_ACTOR_STOPS)
_EN_STOPS = frozenset(EN_ACTOR_STOPS)
_NOT_SOURCES = frozenset(fold(w).lower() for w in NOT_SOURCES)
_AR_VERBS_F = frozenset(fold(w) for w in AR_REPORTING_VERBS)
_COMPLEMENTIZERS = frozenset(fold(w) for w in ("أن", "أنه", "أنها", "بأن", "بأنه", "بأنها"))

AR_DENIAL_RE = re.compile(rf"{NAL}[وف]?{AR_DENIAL_VERB_RE}{NBL}")
_DIACRITICS_RE = re.compile("[\u064b-\u065f\u0670\u0640]")
AR_NEG_RE = re.compile(rf"{NAL}(?:{_alt(AR_NEGATION_PARTICLES)}){NBL}")
AR_LA_RE = re.compile(rf"{NAL}[وف]?لا\s+(?P<next>[يتنا][^\W\d_]+)")
_AR_LA_EXCEPT = tuple(fold(p) for p in AR_LA_NOT_NEGATION)
EN_NEG_RE = re.compile(EN_NEGATION_RE, re.IGNORECASE)
_EN_NOT_NEG_RE = re.compile(r"\b(?:" + "|".join(EN_NOT_NEGATION).replace(" ", r"\s+") + r")\b", re.IGNORECASE)
FIRST_RE = re.compile(rf"{NAL}(?:[وفل])?(?:{_alt(FIRST_CLAIM_PHRASES)}){NBL}", re.IGNORECASE)

# --- actor reading --------------------------------------------------------------------


def _read_actor(norm: Normalized, pos: int, *, after_lam: bool = False) -> tuple[str, int, str] | None:
    """The actor phrase starting at normalised ``pos``: (text, normalised end, stop word).

    ``after_lam``: the cue ended with the clitic "لـ" ("وفقًا لـ"); a second "ل" is then
    the article's ("وفقًا للوكالة" = according to the agency) and is shown as "ال" (words
    that begin with "ل" lose it: "للجنة" reads "الجنة", a known limit).
    """
    s = norm.text
    words: list[tuple[int, int]] = []
    stop = ""
    for m in _WORD_OR_STOP_RE.finditer(s, pos, min(len(s), pos + 200)):
        tok = m.group()
        bare = tok.strip(_QUOTES)
        low = bare.lower()
        if tok in _PUNCT or not bare:
            if not bare and words:
                continue  # a lone quote inside a name: «يونهاب»
            stop = tok
            break
        if low in _AR_STOPS or low in _EN_STOPS or (low in _AR_VERBS_F and words):
            stop = low
            break
        words.append((m.start(), m.end()))
        if len(words) >= MAX_ACTOR_WORDS:
            break
    if not words:
        return None
    # "وفقا للوكالة" = لـ + الوكالة with the alef dropped: put it back.
    article = after_lam and s[words[0][0]] == "ل"
    a, b = norm.span(words[0][0], words[-1][1])
    text = ("ا" if article else "") + _clean(norm.original[a:b])
    if not text:
        return None
    return text, words[-1][1], stop


def _clean(actor: str) -> str:
    """Drop quote marks and tatweel around/inside a name: «وكالة أنباء “يونهاب”» -> plain."""
    actor = actor.translate({ord(c): " " for c in _QUOTES}).strip("ـ \t\n")
    return " ".join(actor.split())


def _is_source(actor: str) -> bool:
    low = fold(actor).lower()
    head = low.split()[0] if low.split() else ""
    return low not in _NOT_SOURCES and head not in _NOT_SOURCES


def _inner_originator(norm: Normalized, end: int) -> str | None:
    """In "ذكرت الوزارة، أن جهاز المخابرات كشف", the agency that "كشف" (revealed)."""
    m = AR_INNER_RE.match(norm.text, end)
    if not m:
        return None
    got = _read_actor(norm, m.end())
    if got is None:
        return None
    actor, _end, stop = got
    if stop in _AR_VERBS_F:
        return actor
    return None


def find_attribution(text: str) -> str | None:
    """The actor a sentence attributes its assertion to, or None."""
    norm = normalize(text)
    s = norm.text
    for rx in (AR_SOURCE_RE, EN_SOURCE_RE):
        for m in rx.finditer(s):
            got = _read_actor(norm, m.end(), after_lam=m.group().rstrip().endswith("ل"))
            if got and _is_source(got[0]):
                return got[0]
    for m in AR_VERB_RE.finditer(s):
        got = _read_actor(norm, m.end())
        if got is None:
            continue
        return _inner_originator(norm, got[1]) or got[0]
    for m in AR_NOUN_RE.finditer(s):
        got = _read_actor(norm, m.end())
        if got and got[2] in _COMPLEMENTIZERS:
            return got[0]
    for m in EN_X_SAID_RE.finditer(s):
        actor = _actor_before(norm, m.start())
        if actor:
            return actor
    for m in EN_SAID_X_RE.finditer(s):
        got = _read_actor(norm, m.end())
        if got:
            return got[0]
    return None


def _actor_before(norm: Normalized, pos: int) -> str | None:
    """English "the White House said": the words before the verb, back to a clause edge."""
    s = norm.text
    chunk_start = max(0, pos - 120)
    words = list(_WORD_OR_STOP_RE.finditer(s, chunk_start, pos))
    kept: list[re.Match[str]] = []
    for m in reversed(words):
        tok = m.group()
        if tok in _PUNCT or tok.lower() in {"that", "and", "but", "which", "who", "as", "while", "when", "because", "so"}:
            break
        kept.append(m)
        if len(kept) >= 6:
            break
    if not kept:
        return None
    kept.reverse()
    a, b = norm.span(kept[0].start(), kept[-1].end())
    return _clean(norm.original[a:b]) or None


# --- negation and firsts --------------------------------------------------------------


def is_negated(text: str) -> bool:
    """True when a clause of the sentence is denied or negated (see ``negated_clauses``)."""
    return bool(negated_clauses(text))


# Where the scope of a negation ends. Strong breaks end any scope: "but"/"لكن", ";", and the
# participles that hang a side remark on a sentence ("..., لافتا إلى أنه لن ...", "وهو اتهام
# تنفيه الحكومة"). Weak breaks (commas, quotes, brackets) end a particle's clause, not a denial
# verb's, whose object often follows a comma ("نفى المبعوث , يوم الجمعة , إرسال قوات").
_STRONG_BREAK = re.compile(
    r"([;؛|]|\b(?:but|although|though|while|whereas|however|which)\b"
    r"|(?<![^\W\d_])(?:لكن|ولكن|بينما|فيما|الا ان|إلا أن|غير ان|غير أن|لافتا|لافتة|مشيرا|مشيرة|مضيفا|مضيفة"
    r"|وهو ما|وهي ما|وهو اتهام|وهي اتهامات|الامر الذي|الأمر الذي)(?![^\W\d_]))",
    re.IGNORECASE)
# A denial hung on the sentence as a relative remark ("..., وهو ما تنفيه موسكو", "..., which
# Moscow denies") reports a dispute: the outlet tells both sides and asserts neither.
_DISPUTE_REMARK = re.compile(r"^(?:which|وهو ما|وهي ما|وهو اتهام|وهي اتهامات)$", re.IGNORECASE)
_WEAK_BREAK = re.compile(r"[,،:\"“”«»()–—]|\s-\s")
# "لم يتبق سوى 1000" (only 1,000 remain), "ليس إلا": a negation that restricts, not one that denies.
_AR_EXCLUSIVE = re.compile(rf"{NAL}(?:سوى|سوي|الا|إلا){NBL}")
_EN_DENIAL_RE = re.compile(r"\bden(?:y|ies|ied|ying)\b", re.IGNORECASE)
_EN_EXCLUSIVE = re.compile(r"\b(?:nothing but|no more than|no less than|no fewer than|none other than)\b", re.IGNORECASE)
# A negation inside a condition ("many could die if they did not get care", "اذا لم يحصلن على
# رعاية", "unless") states no fact to deny; normalised text (ا for إ).
_CONDITIONAL_NEGATION = re.compile(
    r"(?<![^\W\d_])(?:[وف]?(?:اذا|لو|ان)\s+(?:لم|لا|لن)|ما\s+لم)(?![^\W\d_])"
    r"|\b(?:if|unless|whether)\b[^,;]*\b(?:not|never|n't)\b|\bunless\b", re.IGNORECASE)


def negated_clauses(text: str) -> list[str]:
    """The stretches of the sentence a denial verb or a negation particle speaks of: from a
    denial verb to the next strong break, or the clause around a particle; negations that
    only restrict ("لم يتبق سوى", "no more than") are not counted. Lexical, not a parse."""
    found = []
    parts = _STRONG_BREAK.split(_DIACRITICS_RE.sub("", text))  # segments, with each break between them
    for index in range(0, len(parts), 2):
        segment = parts[index]
        if not segment or not segment.strip():
            continue
        verb = AR_DENIAL_RE.search(segment) or _EN_DENIAL_RE.search(segment)
        if verb:
            if not (index and _DISPUTE_REMARK.match(parts[index - 1].strip())):
                found.append(segment[verb.start():])
            continue
        for clause in _WEAK_BREAK.split(segment):
            if clause.strip() and _negates(normalize(clause).text):
                found.append(clause)
    return found


def _negates(s: str) -> bool:
    if _AR_EXCLUSIVE.search(s) or _CONDITIONAL_NEGATION.search(s):
        return False
    if AR_NEG_RE.search(s):
        return True
    if any(not any(s.startswith(p, m.start() + (1 if s[m.start()] in "وف" else 0)) for p in _AR_LA_EXCEPT)
           for m in AR_LA_RE.finditer(s)):
        return True
    return bool(EN_NEG_RE.search(_EN_EXCLUSIVE.sub(" ", _EN_NOT_NEG_RE.sub(" ", s))))


def is_first_claim(text: str) -> bool:
    """True when the sentence presents something as happening/confirmed for the first time."""
    return bool(FIRST_RE.search(normalize(text).text))


# A date right after a verb of saying (in Arabic, after the verb and its subject) dates the
# report, not the event: "a monitoring group said Sunday", "أكد المرصد السوري لحقوق الإنسان
# السبت", "حسبما أفادت وكالة الأنباء الاثنين". Verbs that are often the event themselves
# ("announced", "confirmed", "أعلن") are left out; a clause that opens the content ("that",
# "إن", "أن") ends the reach, since a date after it belongs to what was said.
EN_SAYING_DATE_RE = re.compile(
    r"\b(?:said|says|reported|told|added|stated)(?:\s+[A-Z][\w.-]*){0,2}\s+(?:on\s+|late\s+|early\s+)?$")
AR_SAYING_DATE_RE = re.compile(
    rf"{NAL}[وف]?(?:حسبما\s+|كما\s+)?(?:{_alt(tuple(fold(v) for v in ('قال', 'قالت', 'أفاد', 'أفادت', 'ذكر', 'ذكرت', 'أكد', 'أكدت', 'أوضح', 'أوضحت', 'أضاف', 'أضافت', 'صرح', 'صرحت', 'أورد', 'أوردت')))})"
    rf"(?:\s+(?!(?:[وف]?(?:ان|بان|انه|انها|ل|على|في|عن)){NBL})[^\s،,.:;؛!?؟\d]+){{0,7}}\s*(?:يوم\s+|اليوم\s*\(?\s*)?$")


# A publication stamp glued into the text ("Date of publication 4 October 2016 At least 22
# people...", "| Syrian Mirror الأحد , يناير 21 2018", "نشر 15 تشرين الثاني / نوفمبر 2017 14:53"):
# a whole date with its year after a label, a page separator or nothing at all (the start of
# the text), or with the clock time of posting after it.
STAMP_CLOCK_RE = re.compile(r"^\W{0,3}\d{1,2}\s*:\s*\d\d")
_STAMP_LABEL_RE = re.compile(
    fold(r"(?:published|publication|updated|posted|نشر|نشره|تحديث|النشر|محدث)\s*(?:on|:|يوم|في)?$"))


def dates_of_saying(text: str, dates: list) -> list:
    """``dates`` (offsets into ``text``) with those that date the report marked ``reported``:
    the day of the saying, and a publication stamp glued into the text."""
    marked = []
    for i, mention in enumerate(dates):
        before = text[:mention.start].rstrip()
        before = before + " " if before else before
        saying = EN_SAYING_DATE_RE.search(before) or AR_SAYING_DATE_RE.search(fold(before))
        marked.append(dataclasses.replace(mention, reported=True) if saying or _stamp(text, dates, i) else mention)
    return marked


def _stamp(text: str, dates: list, i: int) -> bool:
    mention = dates[i]
    if not _whole(mention):
        # a weekday right before a stamped date is part of the stamp ("Saturday 15 April 2017")
        nxt = dates[i + 1] if i + 1 < len(dates) else None
        return (mention.granularity == "weekday" and nxt is not None and _whole(nxt)
                and not text[mention.end:nxt.start].strip(" ,،")) and _stamp(text, dates, i + 1)
    before = text[:mention.start]
    if i > 0 and dates[i - 1].granularity == "weekday" and not text[dates[i - 1].end:mention.start].strip(" ,،"):
        before = text[:dates[i - 1].start]
    if STAMP_CLOCK_RE.match(text[mention.end:mention.end + 12]):
        return True
    return not before.strip() or _labelled(before)


def _labelled(before: str) -> bool:
    """The words before end in a publication label or a page separator, not merely in text."""
    tail = fold(before[-40:]).lower().rstrip()
    return tail.endswith("|") or bool(_STAMP_LABEL_RE.search(tail))


def _whole(mention) -> bool:
    """A calendar date with its year, as a stamp gives it."""
    return (mention.granularity == "day" and mention.value is not None and not mention.relative
            and bool(YEAR_RE.search(fold(mention.text))))
