"""The same event told on different days, weekdays, months or years.

A date is read at the levels it fills, finest first: the calendar day (a date, or a weekday or
"yesterday" resolved from its article's date), the day of the month (a date whose year the
article does not give), the weekday, the week, the month, the month of the year, the year. Two
dates can be one time when they share a value at the finest level both fill: "today Friday" in
Friday's article and "yesterday Friday" in Saturday's are one day, "on Tuesday" and "at dawn
on Monday" are not. Two claims conflict when, each date of one paired with a date of the
other that can be the same time (as many as can be), each still has one left and the two are
comparable (``date_conflict``).
"""

from __future__ import annotations

from datetime import date, timedelta

from factcheck.checks.base import BaseCheck, register_check
from factcheck.checks.context import PairContext
from factcheck.checks.quantity import compatible
from factcheck.schema import DateMention, Reason

# (level, how a reason names a difference at it), finest first.
LEVELS = (
    ("day", "day"), ("day of year", "day"), ("weekday", "weekday"), ("week", "week"), ("month", "month"),
    ("month of year", "month"), ("year", "year"),
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
# Days after its own that a time of day late in the day reaches: an overnight event is told on
# either side of midnight ("ليل الأحد" / "فجر الاثنين", "Sunday night" / "early Monday"), and
# "ليلة الجمعة" is Thursday night as often as Friday night. An early hour does not reach back:
# the real-news gold marks "seized early Sunday" against "taken hostage Saturday" a conflict.
SPILL = {"night": (0, 1), "late": (0, 1), "midnight": (0, 1), "eve": (-1, 1)}
# A clock time from this hour on is the next day in a time zone further east.
LATE_HOURS = 20
# A weekday resolved from its article's date is the latest such day; an article may announce
# the coming one as well ("will meet on Thursday"), so it stands for both.
WEEK = timedelta(days=7)


def spill(time: str | None) -> tuple[int, int]:
    """How many days before and after its own a mention's time of day may fall on."""
    low = high = 0
    for part in (time or "").split(", "):
        if part[:2].isdigit():  # a clock time, "23:40 GMT"
            reach = (0, 1) if int(part[:2]) >= LATE_HOURS else (0, 0)
        else:
            reach = SPILL.get(part, (0, 0))
        low, high = min(low, reach[0]), max(high, reach[1])
    return low, high


def _around(day: date, time: str | None) -> set[date]:
    low, high = spill(time)
    return {day + timedelta(days=k) for k in range(low, high + 1)}


def calendar_days(mention: DateMention) -> set[date]:
    """The calendar days a day or a resolved weekday may name; empty for coarser or unresolved ones."""
    if mention.value is None or mention.granularity not in ("day", "weekday"):
        return set()
    days = _around(mention.value, mention.time)
    if mention.granularity == "weekday":
        days |= {d + WEEK for d in days}
    return days


def levels(mention: DateMention) -> dict[str, set]:
    """The mention's values at each level it fills."""
    days = calendar_days(mention)
    if days:
        return {
            "day": days, "day of year": {(d.month, d.day) for d in days}, "weekday": {d.weekday() for d in days},
            "week": {d - timedelta(days=d.weekday()) for d in days}, "month": {(d.year, d.month) for d in days},
            "month of year": {d.month for d in days}, "year": {d.year for d in days},
        }
    out: dict[str, set] = {}
    if mention.weekday is not None:
        low, high = spill(mention.time)
        out["weekday"] = {(mention.weekday + k) % 7 for k in range(low, high + 1)}
    if mention.month is not None and mention.day is not None and _in_leap_year(mention.month, mention.day):
        day = date(2000, mention.month, mention.day)
        out["day of year"] = {(d.month, d.day) for d in _around(day, mention.time)}
    if mention.month is not None:
        out["month of year"] = {mention.month}
    value = mention.value
    if value is not None and mention.granularity == "week":
        out["week"] = {value}
        out["year"] = {value.year, (value + timedelta(days=6)).year}
    elif value is not None and mention.granularity == "month":
        out.update({"month": {(value.year, value.month)}, "year": {value.year}})
    elif value is not None and mention.granularity == "year":
        out["year"] = {value.year}
    return out


def _in_leap_year(month: int, day: int) -> bool:
    """A day of the month with no year: in a leap year, so that "29 شباط" has one."""
    try:
        date(2000, month, day)
    except ValueError:
        return False
    return True


def reports_today(mention: DateMention, published: date | None) -> bool:
    """A bare "today" ("اليوم", "today") dates the report, not the event. "Today Friday" keeps
    its weekday, and "this morning" or "فجر اليوم" tells when the event happened."""
    return (mention.granularity == "day" and mention.relative and mention.day is None and not mention.time
            and mention.value is not None and mention.value == published)


def event_dates(dates: list[DateMention], published: date | None = None) -> list[DateMention]:
    """The claim's own dates that may date its event (not those of the saying)."""
    return [d for d in dates if not d.inherited and not d.reported and not reports_today(d, published)]


def _compared(x: DateMention, y: DateMention) -> tuple[str, bool] | None:
    """The finest level both dates fill, and whether they share a value at it (can be one time);
    None when they have no level in common ("Monday" and "2017")."""
    lx, ly = levels(x), levels(y)
    for level, note in LEVELS:
        if lx.get(level) and ly.get(level):
            return note, bool(lx[level] & ly[level])
    return None


def _one_time(x: DateMention, y: DateMention) -> bool:
    found = _compared(x, y)
    return found is not None and found[1]


def _matched(a: list[DateMention], b: list[DateMention]) -> dict[int, int]:
    """As many dates of ``a`` as can be, each paired with its own date of ``b`` that can be the
    same time (a maximum bipartite matching, by augmenting paths): b's index -> a's index."""
    owner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j, y in enumerate(b):
            if j in seen or not _one_time(a[i], y):
                continue
            seen.add(j)
            if j not in owner or place(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(a)):
        place(i, set())
    return owner


def date_conflict(a: list[DateMention], b: list[DateMention], published_a: date | None = None,
                  published_b: date | None = None) -> str | None:
    """How a reason names the difference ("day", "weekday", "month"...) when the claims date
    their event differently, else None.

    Each date of one claim is paired with a date of the other that can be the same time, as
    many as can be; a date left over on each side, the two comparable, is a conflict. So a
    sentence may date more than its event ("said on Monday that Sunday's strike...") and agree
    with one that gives only the Monday, while "Tuesday (4 April)" against "Thursday (4 April)"
    still differ.
    """
    ea, eb = event_dates(a, published_a), event_dates(b, published_b)
    owner = _matched(ea, eb)
    left_a = [x for i, x in enumerate(ea) if i not in owner.values()]
    left_b = [y for j, y in enumerate(eb) if j not in owner]
    notes = {found[0] for x in left_a for y in left_b if (found := _compared(x, y))}
    return next((note for _, note in LEVELS if note in notes), None)


def describe(mention: DateMention) -> str:
    """A date as the article gives it, then as resolved: "يوم السبت (Saturday 2025-04-26)",
    "فجر الاثنين (Monday, dawn)", "1 يونيو (June 1)"."""
    value, parts = mention.value, []
    if value is not None and mention.granularity in ("day", "weekday"):
        parts.append(f"{WEEKDAY_NAMES[value.weekday()]} {value.isoformat()}")
    elif value is not None:
        parts.append(value.isoformat())
    elif mention.weekday is not None:
        parts.append(WEEKDAY_NAMES[mention.weekday])
    elif mention.month is not None:
        parts.append(" ".join([MONTH_NAMES[mention.month - 1], *([str(mention.day)] if mention.day else [])]))
    if mention.time:
        parts.append(mention.time)
    return f"{mention.text} ({', '.join(parts)})" if parts else mention.text


def describe_dates(dates: list[DateMention]) -> str:
    return ", ".join(describe(d) for d in dates if not d.inherited) or "no date"


def figures_moved(ctx: PairContext) -> bool:
    """The claims give figures that do not fit: with different dates they are two reports made
    on two occasions ("on 5 December fewer than 3,000 fighters remained", "on Wednesday fewer
    than 1,000"), not one event told on two days; the figures are the quantity check's to judge.
    Figures of different things (troops, weeks) are not compared; a figure with no unit may be
    of the other's ("أقل من ألف من مقاتلي التنظيم", whose unit extraction misses), two with none
    are not known to count anything."""
    verdicts = [compatible(x, y) for x in ctx.a.quantities for y in ctx.b.quantities
                if (x.key or y.key) and (x.key is None or y.key is None or x.key == y.key)]
    decided = [v for v in verdicts if v is not None]
    return bool(decided) and not any(decided)


@register_check
class DateCheck(BaseCheck):
    kind = "date"

    def compare(self, ctx: PairContext) -> list[Reason]:
        if not ctx.one_event or figures_moved(ctx):
            return []
        granularity = date_conflict(ctx.a.dates, ctx.b.dates, ctx.doc_a.published, ctx.doc_b.published)
        if granularity is None:
            return []
        return [Reason("date", "conflict", values=(describe_dates(ctx.a.dates), describe_dates(ctx.b.dates)),
                       sources=ctx.sources, note=granularity)]
