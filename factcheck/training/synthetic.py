"""Synthetic hard cases with known labels, made from real news sentences for NLI training.

Built from train-side sentences only (ANS claims train, ANS stance train, ArbTEDS train, XNLI
train-index premises, SICK/ArNLI train); any candidate whose premise or hypothesis equals an
evaluation sentence is dropped (:func:`synthetic_pairs`, ``forbidden``).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence

from factcheck.nli.datasets import Pair, clean_text, norm_key

_WESTERN = "0123456789"
_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
_TO_INDIC = str.maketrans(_WESTERN, _ARABIC_INDIC)
_TO_WESTERN = str.maketrans(_ARABIC_INDIC, _WESTERN)
_NUM_RE = re.compile(r"[0-9٠-٩]+(?:[.,٫][0-9٠-٩]+)?")
_AR_LETTERS = re.compile(r"[\u0621-\u064A]")

# Arabic counted thousands/millions: "3 آلاف" -> "11 ألف" (the noun agrees with the number).
_AR_SCALE = [("آلاف", "ألف"), ("ملايين", "مليون"), ("مليارات", "مليار")]

AR_WEEKDAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
AR_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]

_EN_AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|can|would|could|does|did)\b")


def _lower_first(text: str) -> str:
    """The sentence continuing a prefix: "Police said" -> "police said"; "UN said" stays."""
    return text[0].lower() + text[1:] if not text[:2].isupper() else text


def is_arabic(text: str) -> bool:
    return bool(_AR_LETTERS.search(text))


def _different_number(rng: random.Random, digits: str) -> str:
    value = int(digits)
    for _ in range(20):
        if value < 10:
            new = rng.choice([v for v in range(1, 20) if v != value])
        elif 1900 <= value <= 2100:  # a year
            new = value + rng.choice([-3, -2, -1, 1, 2, 3])
        else:
            new = max(1, int(value * rng.choice([0.3, 0.5, 2, 3, 1.5, 0.7]))) + rng.choice([0, 1, 7])
        if new != value:
            return str(new)
    return str(value + 1)


def number_swap(text: str, rng: random.Random) -> str | None:
    """Change one number (keeping its digit script); None if the text has no number."""
    matches = list(_NUM_RE.finditer(text))
    if not matches:
        return None
    m = rng.choice(matches)
    raw = m.group(0)
    indic = any(c in _ARABIC_INDIC for c in raw)
    whole = re.split(r"[.,٫]", raw.translate(_TO_WESTERN))[0]
    new = _different_number(rng, whole)
    if indic:
        new = new.translate(_TO_INDIC)
    out = text[: m.start()] + new + text[m.end():]
    # "3 آلاف" -> "11 ألف": numbers above 10 take the singular counted noun.
    tail = out[m.start() + len(new):]
    for plural, singular in _AR_SCALE:
        if int(new.translate(_TO_WESTERN)) > 10 and tail.lstrip().startswith(plural):
            gap = len(tail) - len(tail.lstrip())
            out = out[: m.start() + len(new)] + tail[:gap] + singular + tail[gap + len(plural):]
            break
    return out if out != text else None


def digits_script_swap(text: str) -> str | None:
    """Same numbers, other digit script (an entailment: 3 == ٣)."""
    if not _NUM_RE.search(text):
        return None
    if any(c in _ARABIC_INDIC for c in text):
        return text.translate(_TO_WESTERN)
    return text.translate(_TO_INDIC)


def negate(text: str, rng: random.Random) -> str | None:
    """A contradiction by negation: Arabic لم/لا before a leading present verb, "نفى"/"ليس صحيحا أن",
    English auxiliary + not / "denied that" / "It is not true that"."""
    if is_arabic(text):
        words = text.split()
        first = words[0] if words else ""
        if len(first) >= 4 and first[0] == "ي" and rng.random() < 0.6:  # a leading present-tense verb
            return " ".join([rng.choice(["لم", "لا"]), *words])
        return rng.choice(["ليس صحيحا أن ", "غير صحيح أن ", "نفت المصادر الرسمية أن "]) + text
    m = _EN_AUX.search(text)
    if m and rng.random() < 0.6:
        return text[: m.end()] + " not" + text[m.end():]
    if not text:
        return None
    return rng.choice(["It is not true that ", "Officials denied that ", "It is false that "]) + _lower_first(text)


def date_swap(text: str, rng: random.Random) -> str | None:
    """Replace a weekday or month name by another one; None if there is none."""
    for names in (AR_WEEKDAYS, AR_MONTHS, EN_WEEKDAYS, EN_MONTHS):
        present = [n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]
        if present:
            old = rng.choice(present)
            new = rng.choice([n for n in names if n != old])
            return re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, text, count=1)
    return None


def add_weekday(text: str, rng: random.Random, day: str | None = None) -> str:
    if is_arabic(text):
        return f"{text.rstrip('. ')} يوم {day or rng.choice(AR_WEEKDAYS)}"
    return f"{text.rstrip('. ')} on {day or rng.choice(EN_WEEKDAYS)}."


# Actors whose swap turns a "for the first time" statement into a contradiction (only one of
# them can have been first). Surface forms as they appear in running text.
AR_ACTORS = ["روسيا", "كوريا الشمالية", "الولايات المتحدة", "الصين", "إيران", "مصر", "تركيا", "فرنسا",
             "بريطانيا", "ألمانيا", "اليابان", "الكرملين", "بيونغ يانغ", "واشنطن", "موسكو", "إسرائيل",
             "السعودية", "قطر", "الأردن", "العراق", "سوريا", "لبنان", "أوكرانيا", "الهند"]
EN_ACTORS = ["Russia", "North Korea", "the United States", "China", "Iran", "Egypt", "Turkey", "France",
             "Britain", "Germany", "Japan", "the Kremlin", "Pyongyang", "Washington", "Moscow", "Israel",
             "Saudi Arabia", "Qatar", "Jordan", "Iraq", "Syria", "Lebanon", "Ukraine", "India"]
_AR_FIRST = ("لأول مرة", "للمرة الأولى", "أول ")
_EN_FIRST = ("for the first time", "first ")


def actor_swap(text: str, rng: random.Random) -> str | None:
    """Replace one named actor (country, capital, government seat) by another; None if none."""
    names = AR_ACTORS if is_arabic(text) else EN_ACTORS
    bound = r"(?<![\w\u0600-\u06FF])" if not is_arabic(text) else r"(?<![\u0621-\u064A])"
    present = [n for n in names if re.search(rf"{bound}(?:[وبل]?){re.escape(n)}(?![\w])", text)]
    if not present:
        return None
    old = max(present, key=len)  # "North Korea", not a shorter name inside it
    new = rng.choice([n for n in names if n != old and n not in old and old not in n])
    return re.sub(re.escape(old), new, text, count=1)


def first_claim(text: str, rng: random.Random) -> str:
    """The sentence as a "first time" statement (unchanged if it already is one)."""
    if is_arabic(text):
        if any(m in text for m in _AR_FIRST):
            return text
        return f"{rng.choice(['لأول مرة،', 'للمرة الأولى،'])} {text}"
    if any(m in text.lower() for m in _EN_FIRST):
        return text
    return f"For the first time, {_lower_first(text)}"


_WORD = re.compile(r"[\w\u0600-\u06FF]{4,}")


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def drop_trailing_clause(text: str) -> str | None:
    """Drop the last clause (after a comma, "و", "and", "after"...): a shorter, entailed sentence."""
    candidates = [m.start() for m in re.finditer(r"[،,;:]| (?:و|بعد|وسط|حيث|and|after|while|as|which) ", text)]
    candidates = [c for c in candidates if len(text[:c].split()) >= 4 and len(text[c:].split()) >= 2]
    if not candidates:
        return None
    return text[: candidates[-1]].rstrip(" ،,;:") or None


# Share of the synthetic budget per kind, by mix version (v1 trained the shipped model).
SYNTHETIC_QUOTAS = {
    "v1": {"number": 0.20, "digits": 0.05, "negation": 0.17, "date": 0.06, "weekday-swap": 0.08,
           "weekday-drop": 0.06, "weekday-added": 0.08, "copy": 0.08, "clause-drop": 0.12, "clause-added": 0.10},
    "v2": {"number": 0.16, "digits": 0.04, "negation": 0.14, "date": 0.05, "weekday-swap": 0.06,
           "weekday-drop": 0.05, "weekday-added": 0.06, "copy": 0.06, "clause-drop": 0.10, "clause-added": 0.08,
           "first-actor": 0.08, "unrelated": 0.12},
}


def synthetic_pairs(sentences: Sequence[str], *, seed: int, n: int, forbidden: Iterable[str] = (),
                    quota: dict[str, float] | None = None) -> list[Pair]:
    """About ``n`` hard cases with known labels from real news sentences.

    Kinds (label): number swap (contradiction), digit-script swap (entailment), negation, both
    directions (contradiction), weekday/month swap (contradiction), weekday added to premise and
    swapped in hypothesis (contradiction) or dropped (entailment), weekday only in the
    hypothesis (neutral), copy (entailment), trailing clause dropped (entailment), clause added
    (neutral), actor swap in a "first time" statement (contradiction), unrelated news on a
    shared topic word (neutral: the checker meets such pairs all the time and must not call
    them contradictions). Candidates touching a ``forbidden`` (evaluation) sentence are dropped.
    """
    rng = random.Random(seed)
    banned = {norm_key(s) for s in forbidden}
    pool = sorted({s for s in (clean_text(x) for x in sentences) if 4 <= len(s.split()) <= 60 and norm_key(s) not in banned})
    rng.shuffle(pool)
    with_numbers = [s for s in pool if _NUM_RE.search(s)]
    with_dates = [s for s in pool if date_swap(s, random.Random(0))]
    quota = dict(quota or SYNTHETIC_QUOTAS["v1"])  # share of n per kind
    out: list[Pair] = []
    seen: set[tuple[str, str]] = set()

    def add(p: str | None, h: str | None, label: str, kind: str) -> bool:
        if not p or not h or (p, h) in seen or norm_key(p) in banned or norm_key(h) in banned:
            return False
        seen.add((p, h))
        out.append(Pair(p, h, label, f"synthetic-{kind}"))
        return True

    def fill(kind: str, src: Sequence[str], make) -> None:
        want = round(n * quota.get(kind, 0.0))
        got = 0
        for s in src:
            if got >= want:
                break
            got += bool(make(s))

    fill("number", with_numbers, lambda s: add(s, number_swap(s, rng), "contradiction", "number")
         if rng.random() < 0.5 else add(number_swap(s, rng), s, "contradiction", "number"))
    fill("digits", with_numbers[::-1], lambda s: add(s, digits_script_swap(s), "entailment", "digits"))
    fill("negation", pool, lambda s: add(s, negate(s, rng), "contradiction", "negation")
         if rng.random() < 0.7 else add(negate(s, rng), s, "contradiction", "negation"))
    fill("date", with_dates, lambda s: add(s, date_swap(s, rng), "contradiction", "date"))
    shuffled = pool[len(pool) // 2:] + pool[: len(pool) // 2]

    def weekday_swap(s: str) -> bool:
        day_ar, day_en = rng.randrange(7), rng.randrange(7)
        other_ar = AR_WEEKDAYS[(day_ar + rng.randrange(1, 7)) % 7]
        other_en = EN_WEEKDAYS[(day_en + rng.randrange(1, 7)) % 7]
        ar = is_arabic(s)
        p = add_weekday(s, rng, AR_WEEKDAYS[day_ar] if ar else EN_WEEKDAYS[day_en])
        return add(p, add_weekday(s, rng, other_ar if ar else other_en), "contradiction", "weekday-swap")

    fill("weekday-swap", shuffled, weekday_swap)
    fill("weekday-drop", shuffled[::-1], lambda s: add(add_weekday(s, rng), s, "entailment", "weekday-drop"))
    fill("weekday-added", pool[::-1], lambda s: add(s, add_weekday(s, rng), "neutral", "weekday-added"))
    fill("copy", shuffled[::3], lambda s: add(s, s, "entailment", "copy"))
    fill("clause-drop", pool, lambda s: add(s, drop_trailing_clause(s), "entailment", "clause-drop"))

    def clause_added(s: str) -> bool:
        short = drop_trailing_clause(s)
        return add(short, s, "neutral", "clause-added") if short else False

    fill("clause-added", pool[::-1], clause_added)

    def first_actor(s: str) -> bool:
        swapped = actor_swap(s, rng)
        if not swapped:
            return False
        return add(first_claim(s, rng), first_claim(swapped, rng), "contradiction", "first-actor")

    fill("first-actor", pool, first_actor)

    # Unrelated: same script, at least one shared content word, little else in common.
    by_word: dict[str, list[str]] = {}
    for s in pool:
        for w in _content_words(s):
            by_word.setdefault(w, []).append(s)

    def unrelated(s: str) -> bool:
        words = sorted(_content_words(s))
        rng.shuffle(words)
        for w in words[:5]:
            partners = by_word.get(w, [])
            if len(partners) < 2:
                continue
            other = rng.choice(partners)
            a, b = _content_words(s), _content_words(other)
            if other != s and is_arabic(other) == is_arabic(s) and len(a & b) / len(a | b) < 0.15:
                return add(s, other, "neutral", "unrelated")
        return False

    fill("unrelated", pool[len(pool) // 3:], unrelated)
    rng.shuffle(out)
    return out
