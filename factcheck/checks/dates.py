"""The same event told on different days, weekdays, months or years."""

from __future__ import annotations

from datetime import date

from factcheck.checks.base import BaseCheck, register_check
from factcheck.checks.context import PairContext
from factcheck.schema import DateMention, Reason


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


def date_conflict(a: list[DateMention], b: list[DateMention], published_a: date | None = None,
                  published_b: date | None = None) -> str | None:
    """The finest shared granularity at which two claims' dates for one event disagree."""
    da, db = _days(a, published_a), _days(b, published_b)
    for granularity in ("day", "weekday", "month", "year"):
        if da.get(granularity) and db.get(granularity):
            if da[granularity] & db[granularity]:
                return None
            return granularity
    return None


def describe_dates(dates: list[DateMention]) -> str:
    return ", ".join(f"{d.text} ({d.value.isoformat()})" if d.value else d.text for d in dates) or "no date"


@register_check
class DateCheck(BaseCheck):
    kind = "date"

    def compare(self, ctx: PairContext) -> list[Reason]:
        if not ctx.one_event:
            return []
        granularity = date_conflict(ctx.a.dates, ctx.b.dates, ctx.doc_a.published, ctx.doc_b.published)
        if granularity is None:
            return []
        return [Reason("date", "conflict", values=(describe_dates(ctx.a.dates), describe_dates(ctx.b.dates)),
                       sources=ctx.sources, note=granularity)]
