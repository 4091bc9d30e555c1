"""Typed records that flow through the pipeline.

Data flows one way: ``Source`` (a file or a jsonl record) -> ``Document`` (one article,
possibly split off a host page) -> ``Claim`` (a sentence with its extracted facts) ->
``Pair`` (two claims from different documents with a verdict) -> ``Fact`` (claims about
one thing) -> ``Report``.

Every span is a view: ``(start, end)`` character offsets (Python ``str`` indices) into the
text of the source it came from, so ``source.text[start:end]`` is the quoted text and can
never drift from it. That holds for a claim and for the parts found inside it (quantities,
dates): one frame, the source's, everywhere.

Records are built by one stage and read by the next; a later stage returns new records
(``dataclasses.replace``) instead of writing into the ones it was given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Label = Literal["entailment", "neutral", "contradiction"]
LABELS: tuple[Label, ...] = ("entailment", "neutral", "contradiction")


@dataclass(frozen=True)
class Source:
    """The decoded text of one input: a whole file, or one record of a jsonl file.

    ``id`` names the document read from it and depends only on this input
    (``factcheck.ingest.ids``); empty for a source made by hand, which then uses its path's stem.
    """

    path: str
    text: str
    id: str = ""
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
    ``unit`` is the thing counted, normalised (``troops``, ``killed``, ``percent`` ...);
    ``key`` is what two figures must share to be compared: the unit, and for a percentage the
    measure it is of (``percent:inflation``). ``start``/``end`` index the source text.
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
    key: str | None = None
    # "update" when its sentence presents it as a change of an earlier figure ("rose to"),
    # "earlier" when it gives it as an earlier report ("had said"), "forecast" when it is of
    # something to come ("would monitor") (``factcheck.extract.frames``)
    trend: str | None = None
    # the place the figure is of, when its phrase names one ("in the town of X")
    place: str | None = None
    # a part of a larger count ("including 11 children")
    part: bool = False


@dataclass(frozen=True)
class DateMention:
    """A date or a relative date expression resolved against the document date; ``start``/``end``
    index the source text.

    ``month``/``day`` are the month and day of month the text names, kept when no year can be
    found ("1 يونيو" in an undated article) so that two such dates can still be compared, as a
    bare weekday is by ``weekday``. ``time`` is the time of day the text gives the day ("dawn",
    "evening", "02:05 GMT"). ``inherited``: not in the claim's sentence but in an earlier one
    of its article that tells the same first (``factcheck.extract.features``); such a date
    says when a "first" happened and is never compared as the date of the claim's event.
    ``reported``: the date of the saying ("a monitoring group said Sunday", "أكد المرصد السبت"),
    not of the event told (``factcheck.extract.attribution.dates_of_saying``).
    """

    start: int
    end: int
    text: str
    value: date | None = None
    granularity: Literal["day", "week", "month", "year", "weekday"] = "day"  # week: value is its Monday
    weekday: int | None = None
    relative: bool = False
    month: int | None = None
    day: int | None = None
    time: str | None = None
    inherited: bool = False
    reported: bool = False


@dataclass
class Claim:
    """A sentence that states something, as a span into its document's source text, with every
    feature the checks compare, extracted once (``factcheck.extract.features``): checks read
    these fields and never parse the text again.
    """

    id: str
    doc: str
    start: int
    end: int
    text: str
    language: str = "und"
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    # who the claim says said it ("the ministry"), None when the outlet says it in its own voice
    attribution: str | None = None
    # a clause of the sentence is denied or negated (a denial verb or a negation particle that
    # does not merely restrict: "لم يتبق سوى" is not one)
    negated: bool = False
    # the content words of what is denied or negated: the words after a denial verb, the clause
    # around a particle ("the envoy denied, on Friday, sending troops" -> envoy, sending, troops)
    negated_words: frozenset[str] = frozenset()
    # an explicit denial verb ("نفى", "denied"), not merely a negated side clause
    denial: bool = False
    # anything absent, not done or withheld ("no word on", "without", "declined to"): broader than negated
    absence: bool = False
    # something presented as happening or confirmed "for the first time"
    first: bool = False
    # "the first official confirmation": a first that another source's first can contradict
    absolute_first: bool = False
    # years the claim places itself in: its dates' years and bare years ("the 2018 quake")
    years: frozenset[int] = frozenset()
    # countries (or their capitals, leaders, demonyms) the claim names
    countries: frozenset[str] = frozenset()
    # set "in neighbouring X": somewhere other than the story's own place
    elsewhere: bool = False
    # normalised content words with its numbers and dates taken out: what the claim is about
    event_words: frozenset[str] = frozenset()


Relation = Literal["conflict", "agree", "update", "apart", "override"]


@dataclass(frozen=True)
class Reason:
    """One finding about a pair, as data; ``factcheck.report.view.reason_text`` writes it as prose.

    ``kind`` is the registered check that found it (``quantity``, ``date``, ``negation``...),
    or ``nli-override`` for the verdict overruling the model. ``relation``: the two claims
    ``conflict``, ``agree`` (their values fit together), one ``update``s the other (a toll
    that rose between reports), or are ``apart`` (about different places, times or scopes, so
    not comparable). ``key`` names what was compared (the unit, for
    quantities); ``values`` and ``sources`` are what each side says and who says it, in the
    pair's ``(a, b)`` order; ``note`` qualifies the finding ("day" for a date conflict).
    ``later``: for an update, the side (``"a"`` or ``"b"``) whose figure is the later one.
    """

    kind: str
    relation: Relation
    key: str | None = None
    values: tuple[str, str] = ("", "")
    sources: tuple[str, str] = ("", "")
    note: str = ""
    later: Literal["a", "b"] | None = None

    @property
    def agrees(self) -> bool:
        return self.relation == "agree"

    @property
    def conflicts(self) -> bool:
        return self.relation == "conflict"


@dataclass
class Pair:
    """Two claims from different documents and what the stages concluded about them.

    Pairing sets ``a``, ``b``, ``similarity``; the NLI stage ``nli``: the model's scores per
    direction (``a->b`` and ``b->a``), empty when no NLI model ran; the checks stage
    ``reasons``; the verdict stage (``factcheck.verdict``), alone, ``label`` and ``confidence``:
    the probability of the label reported.
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


@dataclass(frozen=True)
class Copy:
    """``copy`` republishes ``original`` (syndicated wire copy): two ids of documents, or, for
    ``kind == "sentence"``, of claims. ``kind`` is ``identical`` (same normalised text),
    ``near-identical`` (``share`` of the shorter one's word 5-grams found in the other) or
    ``sentence``. A copy is never compared with its original as an independent source."""

    copy: str
    original: str
    kind: Literal["identical", "near-identical", "sentence"]
    share: float = 1.0


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
    # republished documents and sentences (factcheck.copies): their pairs are not formed
    copies: list[Copy] = field(default_factory=list)
