"""Every feature the checks compare, read once per claim: ``annotate(claim, doc)``.

The extractors work on the claim's own text; this module moves what they find into the
source's frame (``Claim.start`` added), so every span on a claim indexes the same text as
the claim itself (``schema`` module docstring).
"""

from __future__ import annotations

import dataclasses
import re

from factcheck.extract._normalize import normalize
from factcheck.extract.attribution import dates_of_saying, find_attribution, is_first_claim, negated_clauses
from factcheck.extract.cues import has_absence, is_absolute_first, is_denial
from factcheck.extract.dates import YEAR_RE, find_dates
from factcheck.extract.frames import frames
from factcheck.extract.measures import unit_key
from factcheck.extract.places import countries, elsewhere
from factcheck.extract.quantities import find_quantities
from factcheck.schema import Claim, DateMention, Document, Quantity
from factcheck.sentences import sentence_spans
from factcheck.textnorm import content_words



def annotate(claim: Claim, doc: Document) -> Claim:
    """A copy of ``claim`` with its quantities, dates, cues, places, years and event words."""
    text = claim.text
    found = [dataclasses.replace(q, key=unit_key(q, text)) for q in without_conversions(find_quantities(text), text)]
    quantities = frames(found, text)
    dates = dates_of_saying(text, find_dates(text, reference=doc.published))
    own = [_shift(d, claim.start) for d in dates]
    negated = negated_clauses(text)
    return dataclasses.replace(
        claim,
        quantities=[_shift(q, claim.start) for q in quantities],
        dates=own + first_told_on(claim, doc, own),
        attribution=find_attribution(text),
        negated=bool(negated),
        negated_words=frozenset(event_words(" ".join(negated), [])),
        denial=is_denial(text),
        absence=has_absence(text),
        first=is_first_claim(text),
        absolute_first=is_absolute_first(text),
        years=frozenset(explicit_years(text, quantities, dates)),
        countries=countries(text),
        elsewhere=elsewhere(text),
        event_words=frozenset(event_words(text, [*quantities, *dates])),
    )


# "120 kph (75 mph)", "13.13 مليار درهم ( 3.6 مليار دولار )": the same figure in another unit,
# rounded as the writer pleased ("187 miles" against another paper's "186 miles" for 300 km).
_CONVERSION_OPEN = re.compile(r"^\s*[(\[\"“«]\s*$")


def without_conversions(quantities: list[Quantity], text: str) -> list[Quantity]:
    """``quantities`` less those that restate the figure before them in brackets."""
    kept = []
    for i, q in enumerate(quantities):
        prev = quantities[i - 1] if i else None
        if prev is not None and _CONVERSION_OPEN.match(text[prev.end:q.start]) and \
                re.match(r"^\s*[)\]\"”»]", text[q.end:q.end + 4]):
            continue
        kept.append(q)
    return kept


def _shift(part: Quantity | DateMention, offset: int):
    return dataclasses.replace(part, start=part.start + offset, end=part.end + offset)


def first_told_on(claim: Claim, doc: Document, own: list[DateMention]) -> list[DateMention]:
    """The day of a "first" that the claim refers back to without naming it ("هذا أول تأكيد
    رسمي"): the day named by the nearest earlier sentence of its article that tells a first
    ("أكدت كوريا الشمالية للمرة الأولى ... الاثنين"). An article says once when the first
    happened; these dates come back ``inherited`` and only say when the first was."""
    if not is_first_claim(claim.text) or any(_names_a_day(d) for d in own):
        return []
    text = doc.source.text
    for start, end in reversed(_sentences_before(doc, claim.start)):
        sentence = text[start:end]
        if not is_first_claim(sentence):
            continue
        days = [d for d in find_dates(sentence, reference=doc.published) if _names_a_day(d)]
        if days:
            return [dataclasses.replace(_shift(d, start), inherited=True) for d in days]
    return []


def _names_a_day(mention: DateMention) -> bool:
    return mention.granularity in ("day", "weekday")


def _sentences_before(doc: Document, position: int) -> list[tuple[int, int]]:
    """Spans of the document's sentences that end before ``position``, in order."""
    text = doc.source.text
    return [(s, e) for line_start, line_end in doc.lines if line_start < position
            for s, e in sentence_spans(text, line_start, line_end, doc.language) if e <= position]


def explicit_years(text: str, quantities: list[Quantity], dates: list[DateMention]) -> set[int]:
    """Years the claim names: its dates, plus bare years the date finder leaves alone
    ("the 2018 election", "قمة 2024"), which still place the claim in time. A number read as
    a quantity ("2000 جندي") is not a year. Spans of ``quantities`` index ``text``."""
    years = {d.value.year for d in dates if d.value is not None and d.granularity != "weekday"}
    norm = normalize(text)  # digits folded, diacritics dropped: positions map back through norm.span
    taken = [(q.start, q.end) for q in quantities]
    for match in YEAR_RE.finditer(norm.text):
        start, _ = norm.span(match.start(), match.end())
        if not any(s <= start < e for s, e in taken):
            years.add(int(match.group()))
    return years


def event_words(text: str, parts: list[Quantity | DateMention]) -> set[str]:
    """Content words with the numbers and dates cut out: what the claim is about."""
    for part in sorted(parts, key=lambda p: -p.start):
        text = text[: part.start] + " " + text[part.end :]
    return content_words(text)
