"""Dates, denials and "first time" statements compared between two claims about one event."""

from __future__ import annotations

import re

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


def same_event(a: Claim, b: Claim, *, threshold: float = SAME_EVENT_OVERLAP) -> bool:
    return overlap(event_words(a), event_words(b)) >= threshold


def _days(dates: list[DateMention]) -> dict[str, set]:
    by_granularity: dict[str, set] = {}
    for d in dates:
        if d.value is not None and d.granularity == "day":
            by_granularity.setdefault("day", set()).add(d.value)
            by_granularity.setdefault("year", set()).add(d.value.year)
        elif d.value is not None and d.granularity == "month":
            by_granularity.setdefault("month", set()).add((d.value.year, d.value.month))
            by_granularity.setdefault("year", set()).add(d.value.year)
        elif d.value is not None and d.granularity == "year":
            by_granularity.setdefault("year", set()).add(d.value.year)
        elif d.weekday is not None:
            by_granularity.setdefault("weekday", set()).add(d.weekday)
    for granularity in ("day",):
        for value in by_granularity.get(granularity, set()):
            by_granularity.setdefault("weekday", set()).add(value.weekday())
    return by_granularity


def date_conflict(a: Claim, b: Claim) -> str | None:
    """The finest shared granularity at which the claims' dates for one event disagree."""
    da, db = _days(a.dates), _days(b.dates)
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


def denial_conflict(a: Claim, b: Claim) -> bool:
    return a.negated != b.negated and same_event(a, b)


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
