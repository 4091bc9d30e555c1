"""What every check may ask about a pair, worked out once: is it one event, one time, one place."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from factcheck.schema import Claim, Document
from factcheck.textnorm import overlap

# Two claims describe the same event when most content words of the shorter one recur in
# the other (dates, numbers and stop words excluded).
SAME_EVENT_OVERLAP = 0.5


def source_of(claim: Claim, doc: Document) -> str:
    """Who says it, in which document, when: "البيت الأبيض; 003_349d…, 2024-10-27"."""
    when = doc.published.isoformat() if doc.published else "undated"
    who = claim.attribution or "unattributed"
    return f"{who}; {doc.id}, {when}"


@dataclass(frozen=True)
class PairContext:
    """Two claims, their documents, ``similar``: the embeddings put both on one event (used
    across languages, where words cannot be matched), and ``close``: they are as similar as
    claims paired on similarity alone."""

    a: Claim
    b: Claim
    doc_a: Document
    doc_b: Document
    similar: bool = False
    close: bool = False

    @property
    def sources(self) -> tuple[str, str]:
        return source_of(self.a, self.doc_a), source_of(self.b, self.doc_b)

    @property
    def cross_language(self) -> bool:
        return self.a.language != self.b.language

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
    def different_places(self) -> bool:
        """Both claims name countries and share none, or only one says it is set in a
        neighbouring place: Egypt's 4% growth against Kenya's 1%."""
        ca, cb = self.a.countries, self.b.countries
        return (bool(ca) and bool(cb) and not (ca & cb)) or self.a.elsewhere != self.b.elsewhere

    @cached_property
    def one_sided_place(self) -> bool:
        """One claim names a country, the other none: "a 4.1 quake hit Crete" beside the story's
        own quake."""
        return bool(self.a.countries) != bool(self.b.countries)
