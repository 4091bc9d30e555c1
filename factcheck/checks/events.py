"""Dates, denials and "first time" statements compared between two claims about one event."""

from __future__ import annotations

import re
from datetime import date

from factcheck.schema import Claim, DateMention
from factcheck.textnorm import content_words, normalize, overlap

# Two claims describe the same event when most content words of the shorter one recur in
# the other (dates, numbers and stop words excluded).
SAME_EVENT_OVERLAP = 0.5
SAME_FACT_OVERLAP = 0.3

_ABSOLUTE_FIRST = re.compile(
    r"اول\s+(?:تاكيد|اعتراف|اقرار|اعلان)\s+رسمي|first\s+official\s+(?:confirmation|acknowledg\w*|admission)"
    r"|(?:confirmed|acknowledged)\s+officially\s+for\s+the\s+first\s+time",
    re.IGNORECASE,
)


def event_words(claim: Claim) -> set[str]:
    text = claim.text
    for part in sorted([*claim.dates, *claim.quantities], key=lambda p: -p.start):
        text = text[: part.start] + " " + text[part.end :]
    return content_words(text)


def same_event(a: Claim, b: Claim, *, similar: bool = False, threshold: float = SAME_EVENT_OVERLAP) -> bool:
    """Most content words shared or, across languages where words cannot match, embeddings
    the caller judged ``similar``."""
    return similar or overlap(event_words(a), event_words(b)) >= threshold


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def explicit_years(claim: Claim) -> set[int]:
    """Years the claim names: its dates, plus bare years the date finder leaves alone
    ("the 2018 election", "قمة 2024"), which still place the claim in time."""
    years = {d.value.year for d in claim.dates if d.value is not None and d.granularity != "weekday"}
    text = normalize(claim.text)
    taken = [(q.start, q.end) for q in claim.quantities]
    for match in _YEAR.finditer(text):
        if not any(s <= match.start() < e for s, e in taken):
            years.add(int(match.group()))
    return years


def different_times(a: Claim, b: Claim, published_a: date | None, published_b: date | None) -> bool:
    """Claims set in different years are about different events ("the 2018 quake killed 300"
    vs this year's toll). A claim without a year is taken to speak of its publication year
    only when the other names an earlier year; two undated claims are never told apart."""
    ya, yb = explicit_years(a), explicit_years(b)
    if ya and yb:
        return not (ya & yb)
    if ya and published_b is not None:
        return max(ya) < published_b.year
    if yb and published_a is not None:
        return max(yb) < published_a.year
    return False


def _days(dates: list[DateMention], published: date | None = None) -> dict[str, set]:
    """Date values by granularity. "Today" (a relative date equal to the publication date)
    dates the report, not the event, so it is left out."""
    by_granularity: dict[str, set] = {}
    for d in dates:
        if d.relative and d.granularity == "day" and d.value is not None and d.value == published:
            continue
        if d.value is not None and d.granularity == "day":
            by_granularity.setdefault("day", set()).add(d.value)
            by_granularity.setdefault("weekday", set()).add(d.value.weekday())
            by_granularity.setdefault("year", set()).add(d.value.year)
        elif d.value is not None and d.granularity == "month":
            by_granularity.setdefault("month", set()).add((d.value.year, d.value.month))
            by_granularity.setdefault("year", set()).add(d.value.year)
        elif d.value is not None and d.granularity == "year":
            by_granularity.setdefault("year", set()).add(d.value.year)
        if d.weekday is not None:
            by_granularity.setdefault("weekday", set()).add(d.weekday)
    return by_granularity


def date_conflict(a: Claim, b: Claim, published_a: date | None = None, published_b: date | None = None) -> str | None:
    """The finest shared granularity at which the claims' dates for one event disagree."""
    da, db = _days(a.dates, published_a), _days(b.dates, published_b)
    for granularity in ("day", "weekday", "month", "year"):
        if da.get(granularity) and db.get(granularity):
            if da[granularity] & db[granularity]:
                return None
            return granularity
    return None


def describe_dates(claim: Claim) -> str:
    parts = []
    for d in claim.dates:
        parts.append(f"{d.text} ({d.value.isoformat()})" if d.value else d.text)
    return ", ".join(parts) or "no date"


def is_absolute_first(claim: Claim) -> bool:
    return bool(_ABSOLUTE_FIRST.search(normalize(claim.text)))


_DENIAL = re.compile(r"(?:^|\s)[وف]?(?:نفي|نفت|نفوا|نفيا|تنفي|ينفي|نفيه)(?:\s|$)|\bden(?:y|ies|ied)\b|\brejected\s+reports\b")


def is_denial(claim: Claim) -> bool:
    """An explicit denial verb, not merely a negated side clause ("but he did not say ...")."""
    return bool(_DENIAL.search(normalize(claim.text)))


def denial_conflict(a: Claim, b: Claim, *, similar: bool = False) -> bool:
    """A denial against an assertion of the same event. Across languages, where words cannot
    be matched, only an explicit denial verb on embeddings this close counts."""
    if a.negated == b.negated:
        return False
    if overlap(event_words(a), event_words(b)) >= SAME_EVENT_OVERLAP:
        return True
    denier = a if a.negated else b
    return similar and is_denial(denier)


def first_conflict(a: Claim, b: Claim) -> bool:
    """Two "first" statements that cannot both hold.

    Different actors each doing something for their own first time is fine; a claim that an
    event is *the* first official confirmation conflicts with another source's earlier or
    different confirmation of the same fact.
    """
    if not (a.first and b.first):
        return False
    if not (is_absolute_first(a) or is_absolute_first(b)):
        return False
    return overlap(event_words(a), event_words(b)) >= SAME_FACT_OVERLAP
