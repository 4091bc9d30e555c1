"""Typed records that flow through the pipeline.

Data flows one way: ``Source`` (a file or a jsonl record) -> ``Document`` (one article,
possibly split off a host page) -> ``Claim`` (a sentence with its extracted facts) ->
``Pair`` (two claims from different documents with a verdict) -> ``Fact`` (claims about
one thing) -> ``Report``.

Every span is a view: ``(start, end)`` character offsets (Python ``str`` indices) into the
text of the source it came from, so ``source.text[start:end]`` is the quoted text and can
never drift from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Label = Literal["entailment", "neutral", "contradiction"]
LABELS: tuple[Label, ...] = ("entailment", "neutral", "contradiction")


@dataclass(frozen=True)
class Source:
    """The decoded text of one input: a whole file, or one record of a jsonl file."""

    path: str
    text: str
    encoding: str = "utf-8"
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None


@dataclass
class Document:
    """One article. ``start``/``end`` delimit it inside its source's text.

    ``lines`` are the content lines (page furniture removed) as spans into the source text;
    an article split off a host page keeps the host's id in ``parent``.
    """

    id: str
    source: Source
    start: int
    end: int
    title: str | None = None
    title_span: tuple[int, int] | None = None
    published: date | None = None
    language: str = "und"
    parent: str | None = None
    lines: list[tuple[int, int]] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def text(self) -> str:
        return self.source.text[self.start : self.end]


@dataclass(frozen=True)
class Quantity:
    """A number found in a claim, with the range its qualifier allows.

    ``low``/``high`` encode the qualifier: "more than 3,000" is (3000, inf) exclusive of
    nothing we can check, "about 3,000" is a band around it, "up to 11,000" is (0, 11000].
    ``unit`` is the thing counted, normalised (``troops``, ``killed``, ``percent`` ...).
    """

    value: float
    start: int
    end: int
    text: str
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    unit_text: str | None = None


@dataclass(frozen=True)
class DateMention:
    """A date or a relative date expression resolved against the document date."""

    start: int
    end: int
    text: str
    value: date | None = None
    granularity: Literal["day", "week", "month", "year", "weekday"] = "day"  # week: value is its Monday
    weekday: int | None = None
    relative: bool = False


@dataclass
class Claim:
    """A sentence that states something, as a span into its document's source text."""

    id: str
    doc: str
    start: int
    end: int
    text: str
    language: str = "und"
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    attribution: str | None = None
    negated: bool = False
    first: bool = False


@dataclass(frozen=True)
class Reason:
    """One finding about a pair; ``key`` names what was compared (the unit, for quantities),
    ``agrees`` marks a finding that the values fit together rather than conflict."""

    kind: str
    detail: str
    key: str | None = None
    agrees: bool = False


@dataclass
class Pair:
    """Two claims from different documents and what the stages concluded about them.

    ``nli`` holds the model's scores per direction (``a->b`` and ``b->a``), empty when no NLI
    model ran; ``label`` and ``confidence`` are the final verdict.
    """

    a: str
    b: str
    similarity: float
    label: Label = "neutral"
    confidence: float = 0.0
    nli: dict[str, dict[str, float]] = field(default_factory=dict)
    reasons: list[Reason] = field(default_factory=list)


@dataclass
class Fact:
    id: str
    claims: list[str]
    summary: str
    status: Literal["consistent", "conflicting"]
    versions: list[dict] = field(default_factory=list)


@dataclass
class Problem:
    """An input that could not be used, and why."""

    path: str
    message: str


@dataclass
class Report:
    documents: list[Document]
    claims: list[Claim]
    pairs: list[Pair]
    facts: list[Fact] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    models: dict[str, str | None] = field(default_factory=dict)
