"""The timeline: each source on its own lane, its publication date and the dates of the events
its claims report, as geometry for the HTML report's inline SVG, plus the same events as a
chronological list. Sources with no publication date are laid out apart, below the dated ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from factcheck.schema import Claim, Document

WIDTH = 760
CHAR = 6.4  # width of a lane name's character at the SVG's font size
LANE = 26
TOP = 22


@dataclass(frozen=True)
class Event:
    claim: Claim
    doc: Document
    when: date
    granularity: str
    x: float
    conflict: bool


@dataclass(frozen=True)
class Lane:
    doc: Document
    y: float
    published_x: float | None
    events: list[Event]


@dataclass(frozen=True)
class Timeline:
    gutter: float              # room for the lane names, left of the axis
    lanes: list[Lane]          # dated sources first, then undated ones
    undated_from: int          # index of the first undated lane (== len(lanes) when none)
    ticks: list[tuple[float, str]]
    width: int
    height: int
    events: list[Event]        # every placed event, in date order


def build_timeline(documents: list[Document], claims: list[Claim], conflicting: set[str], names: dict[str, str],
                   *, width: int = WIDTH) -> Timeline | None:
    """None when nothing in the report has a date. Lane names are written in full (``names``)."""
    dated_claims = [(c, d) for c in claims for d in c.dates[:1] if d.value]
    days = [d.published for d in documents if d.published] + [m.value for _, m in dated_claims]
    if not days:
        return None
    first, last = min(days), max(days)
    pad = max(timedelta(days=10), (last - first) / 20)
    start, end = first - pad, last + pad
    gutter = min(width / 2, 16 + CHAR * max(len(names[d.id]) for d in documents))
    inner = width - gutter - 12

    def x_of(day: date) -> float:
        return round(gutter + inner * (day - start).days / max((end - start).days, 1), 1)

    by_doc: dict[str, list[Event]] = {d.id: [] for d in documents}
    docs = {d.id: d for d in documents}
    events = []
    for claim, mention in dated_claims:
        event = Event(claim, docs[claim.doc], mention.value, mention.granularity, x_of(mention.value),
                      claim.id in conflicting)
        by_doc[claim.doc].append(event)
        events.append(event)
    ordered = sorted(documents, key=lambda d: (d.published is None, d.published or date.min, d.id))
    lanes = [Lane(d, TOP + i * LANE + (LANE // 2 if d.published is None else 0),
                  x_of(d.published) if d.published else None, by_doc[d.id]) for i, d in enumerate(ordered)]
    undated_from = next((i for i, d in enumerate(ordered) if d.published is None), len(ordered))
    height = int((lanes[-1].y if lanes else TOP) + LANE)
    events.sort(key=lambda e: (e.when, e.doc.published or date.max, e.claim.id))
    return Timeline(gutter, lanes, undated_from, _ticks(start, end, x_of), width, height, events)


def _ticks(start: date, end: date, x_of) -> list[tuple[float, str]]:
    months = (end.year - start.year) * 12 + end.month - start.month
    step = next(s for s in (1, 2, 3, 6, 12, 24, 60, 120) if months / s <= 6)
    ticks = []
    year, month = start.year, start.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        if (year * 12 + month - 1) % step:
            continue
        day = date(year, month, 1)
        if day > end:
            return ticks
        ticks.append((x_of(day), day.strftime("%Y") if step >= 12 else day.strftime("%b %Y")))
