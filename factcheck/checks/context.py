"""What every check may ask about a pair, worked out once: is it one event, one time, one place,
and which of the two speaks of a later day."""

from __future__ import annotations

import calendar
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Literal

import numpy as np

from factcheck.schema import Claim, DateMention, Document
from factcheck.textnorm import overlap

# Two claims describe the same event when most content words of the shorter one recur in
# the other (dates, numbers and stop words excluded).
SAME_EVENT_OVERLAP = 0.5

Side = Literal["a", "b"]


def source_of(claim: Claim, doc: Document) -> str:
    """Who says it, in which document, when: "البيت الأبيض; 003_349d…, 2024-10-27"."""
    when = doc.published.isoformat() if doc.published else "undated"
    who = claim.attribution or "unattributed"
    return f"{who}; {doc.id}, {when}"


@dataclass(frozen=True)
class FrameMatch:
    """Whether two figures count the same thing, read from their masked contexts
    (``extract.frames.figure_contexts``): ``vectors`` maps (claim id, index of the figure in
    ``Claim.quantities``) to the unit vector of its context; two figures match when their cosine
    is at least ``same`` in one language, ``cross`` across languages (cross-language cosines
    run lower for one meaning, as the pairing's thresholds do)."""

    vectors: Mapping[tuple[str, int], np.ndarray] = field(repr=False, compare=False)
    same: float
    cross: float

    def similarity(self, a: Claim, i: int, b: Claim, j: int) -> float | None:
        """The cosine of the two figures' contexts; None when either was not embedded."""
        va, vb = self.vectors.get((a.id, i)), self.vectors.get((b.id, j))
        if va is None or vb is None:
            return None
        return float(np.dot(va, vb))

    def alike(self, a: Claim, i: int, b: Claim, j: int) -> bool | None:
        """``a``'s figure ``i`` and ``b``'s figure ``j`` count the same thing; None when unknown."""
        cosine = self.similarity(a, i, b, j)
        if cosine is None:
            return None
        return cosine >= (self.same if a.language == b.language else self.cross)


@dataclass(frozen=True)
class PairContext:
    """Two claims, their documents, ``similar``: the embeddings put both on one event (used
    across languages, where words cannot be matched), ``close``: they are as similar as
    claims paired on similarity alone, and ``frames``: whether two of their figures count
    the same thing (None: not known, figures are compared on their keys alone)."""

    a: Claim
    b: Claim
    doc_a: Document
    doc_b: Document
    similar: bool = False
    close: bool = False
    frames: FrameMatch | None = None

    @property
    def sources(self) -> tuple[str, str]:
        return source_of(self.a, self.doc_a), source_of(self.b, self.doc_b)

    @property
    def cross_language(self) -> bool:
        return self.a.language != self.b.language

    def figures_alike(self, i: int, j: int) -> bool | None:
        """``a``'s figure ``i`` and ``b``'s figure ``j`` count the same thing (``FrameMatch``);
        None when their contexts were not embedded."""
        return None if self.frames is None else self.frames.alike(self.a, i, self.b, j)

    @cached_property
    def word_overlap(self) -> float:
        return overlap(self.a.event_words, self.b.event_words)

    @cached_property
    def one_event(self) -> bool:
        """Most content words shared or, across languages, embeddings judged ``similar``."""
        return self.similar or self.word_overlap >= SAME_EVENT_OVERLAP

    @cached_property
    def different_years(self) -> bool:
        """Claims set in different years are about different events ("the 2018 quake killed 300"
        vs this year's toll). A claim without a year is taken to speak of its publication year
        only when the other names an earlier year; two undated claims are never told apart."""
        ya, yb = self.a.years, self.b.years
        published_a, published_b = self.doc_a.published, self.doc_b.published
        if ya and yb:
            return not (ya & yb)
        if ya and published_b is not None:
            return max(ya) < published_b.year
        if yb and published_a is not None:
            return max(yb) < published_a.year
        return False

    @cached_property
    def later(self) -> Side | None:
        """The claim whose time is the later one (``later_of``); None when they may be one moment."""
        return later_of(self.a, self.doc_a, self.b, self.doc_b)

    @cached_property
    def different_places(self) -> bool:
        """Both claims name countries and share none, or only one says it is set in a
        neighbouring place and they name no country in common: Egypt's 4% growth against
        Kenya's 1%; "the attack in neighbouring Kenya killed 213" is still about the Nairobi
        bombing another claim places in Kenya."""
        ca, cb = self.a.countries, self.b.countries
        if ca & cb:
            return False
        return (bool(ca) and bool(cb)) or self.a.elsewhere != self.b.elsewhere

    @cached_property
    def one_sided_place(self) -> bool:
        """One claim names a country, the other none: "a 4.1 quake hit Crete" beside the story's
        own quake."""
        return bool(self.a.countries) != bool(self.b.countries)


@dataclass(frozen=True)
class Moment:
    """The days a claim speaks of, ``first`` to ``last``, read from its own dates (``claim``) or,
    when it gives none, from its document's publication date (``published``)."""

    first: date
    last: date
    basis: Literal["claim", "published"]

    def isoformat(self) -> str:
        """One day, or an ISO 8601 interval ("2024-10-03/2024-10-04")."""
        days = [self.first.isoformat()] + ([self.last.isoformat()] if self.last != self.first else [])
        return "/".join(days)


def mention_span(mention: DateMention) -> tuple[date, date] | None:
    """The first and last calendar day a date may name; None for one without a year ("5 December"
    in an undated article, a bare weekday), which cannot be placed before or after another.

    A weekday resolved from its article's date names that past day only: a figure is reported of
    a day gone by, not of the coming one the date check also allows for."""
    from factcheck.checks.dates import calendar_days  # dates.py imports this module

    value = mention.value
    if value is None:
        return None
    if mention.granularity in ("day", "weekday"):
        days = calendar_days(dataclasses.replace(mention, granularity="day"))
        return min(days), max(days)
    if mention.granularity == "week":
        return value, value + timedelta(days=6)
    if mention.granularity == "month":
        return value.replace(day=1), value.replace(day=calendar.monthrange(value.year, value.month)[1])
    if mention.granularity == "year":
        return date(value.year, 1, 1), date(value.year, 12, 31)
    return None


def claim_moment(claim: Claim, doc: Document) -> Moment | None:
    """When the claim's figures hold: the days its own event dates name (``checks.dates.event_dates``:
    no inherited date, no bare "today"), else its document's publication date; None when neither
    is known."""
    from factcheck.checks.dates import event_dates  # dates.py imports this module

    spans = [s for m in event_dates(claim.dates, doc.published) if (s := mention_span(m))]
    # else the day of the saying: "the toll has risen to 112, a monitor said Sunday" holds on Sunday
    spans = spans or [s for m in claim.dates if m.reported and not m.inherited and (s := mention_span(m))]
    if spans:
        return Moment(min(lo for lo, _ in spans), max(hi for _, hi in spans), "claim")
    if doc.published is not None:
        return Moment(doc.published, doc.published, "published")
    return None


def later_of(a: Claim, doc_a: Document, b: Claim, doc_b: Document) -> Side | None:
    """Which claim speaks of a later day: ordered by their moments (``claim_moment``); when those
    may be one day (two sentences naming the day of one quake), by their publication dates. None
    when neither tells them apart, or when the two disagree (an article that dates its figure
    before the other article's date, though published after it)."""
    moment_a, moment_b = claim_moment(a, doc_a), claim_moment(b, doc_b)
    by_moment = _after(moment_a, moment_b)
    by_report = _after(_published(doc_a), _published(doc_b))
    if (moment_a and moment_b and moment_a.basis != moment_b.basis and doc_a.published and doc_b.published):
        # "killed 30 on Monday" in Tuesday's paper against "killed 32" in Tuesday's: Monday is the
        # attack's day, not the day its toll was counted; only the papers' days order the tolls
        by_moment = None
    if by_moment and by_report and by_moment != by_report:
        return None
    return by_moment or by_report or _weekday_order(a, b)


# Two bare weekdays of one story, neither placed in a calendar: the nearer reading is the one
# meant ("Friday" then "Saturday", not a Saturday six days before), when the gap is this short.
NEAR_WEEKDAYS = 2


def _weekday_order(a: Claim, b: Claim) -> Side | None:
    """Which of two claims dated by one unplaced weekday each speaks of the later day."""
    days = []
    for claim in (a, b):
        found = {m.weekday for m in claim.dates if m.weekday is not None and m.value is None and not m.inherited}
        if len(found) != 1:
            return None
        days.append(found.pop())
    gap = (days[1] - days[0]) % 7
    if 0 < gap <= NEAR_WEEKDAYS:
        return "b"
    if 0 < 7 - gap <= NEAR_WEEKDAYS:
        return "a"
    return None


def _published(doc: Document) -> Moment | None:
    return Moment(doc.published, doc.published, "published") if doc.published else None


def _after(x: Moment | None, y: Moment | None) -> Side | None:
    if x is None or y is None:
        return None
    if x.first > y.last:
        return "a"
    if y.first > x.last:
        return "b"
    return None
