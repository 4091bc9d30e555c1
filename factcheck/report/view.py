"""What every human-readable report shows, computed once: sections in reading order."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from urllib.parse import urlsplit

from factcheck.schema import Claim, Document, Fact, Pair, Reason, Report

LABEL_ORDER = {"contradiction": 0, "entailment": 1, "neutral": 2}
# What ``--show`` lists: the labels each choice keeps. Neutral pairs are hidden by default.
SHOW = {
    "contradictions": ("contradiction",),
    "verdicts": ("contradiction", "entailment"),
    "all": ("contradiction", "entailment", "neutral"),
}
DEFAULT_SHOW = "verdicts"


@dataclass(frozen=True)
class PairView:
    pair: Pair
    a: Claim
    b: Claim
    doc_a: Document
    doc_b: Document


@dataclass(frozen=True)
class ReportView:
    report: Report
    documents: dict[str, Document]
    claims: dict[str, Claim]
    pairs: list[PairView]
    facts: list[Fact]
    # a reader's name for each document: its outlet (or site, or file name), unique in the report
    names: dict[str, str] = field(default_factory=dict)

    def shown(self, show: str = DEFAULT_SHOW) -> list[PairView]:
        """The pairs a ``--show`` choice lists, in reading order."""
        if show not in SHOW:
            raise ValueError(f"unknown --show value {show!r}: use one of {', '.join(SHOW)}")
        return [v for v in self.pairs if v.pair.label in SHOW[show]]

    def said_by(self, claim: Claim) -> str:
        """Where, when and by whom a claim is said: "reuters.com · 2024-10-27 · البيت الأبيض".

        The speaker comes last, so that in plain text (Markdown) an Arabic name is never followed
        by the digits of an id or a date, which the bidi algorithm would pull into its run.
        """
        doc = self.documents[claim.doc]
        when = doc.published.isoformat() if doc.published else "undated"
        return " · ".join(part for part in (self.names[doc.id], when, claim.attribution) if part)

    def reason_line(self, v: PairView, reason: Reason) -> str:
        """``reason_text`` with each side's source written by name instead of by document id."""
        if any(reason.sources):
            reason = replace(reason, sources=(self.said_by(v.a), self.said_by(v.b)))
        return reason_text(reason)

    def version_line(self, version: dict, *, quote_chars: int = 90) -> str:
        """What one source says about a fact: its figure (or a quote), who, where, when."""
        said = version.get("value") or shorten(version.get("text") or "", quote_chars)
        return f"{said} ({self.said_by(self.claims[version['claim']])})"

    def when(self, version: dict) -> str:
        """The day a version speaks of: its own date when the claim gives one ("2024-12-05, in the
        text"), else its article's, else "undated"."""
        time = version.get("time")
        if time and version.get("time_basis") == "claim":
            return f"{time}, in the text"
        return time or version.get("published") or "undated"

    def history(self, fact: Fact, version: dict) -> str:
        """Where a version stands among the fact's others: the earlier figures it is a later
        estimate of, those that updated it, and those of the same moment it disagrees with,
        each by its figure and day ("later estimate than 3,000 troops (2024-10-27); disagrees
        with 1,500 troops (undated)"). Empty for a version the fact links to no other."""
        others = {v["claim"]: v for v in fact.versions}

        def named(ids: list[str]) -> str:
            return ", ".join(f"{others[i].get('value') or 'its claim'} ({self.when(others[i])})"
                             for i in ids if i in others)

        parts = [(_HISTORY[link], named(version.get(link) or [])) for link in _HISTORY]
        return "; ".join(f"{words} {names}" for words, names in parts if names)

    def fact_title(self, fact: Fact, *, chars: int = 120) -> str:
        """A valued fact's summary ("troops: 1,500 vs 3,000"), or a statement fact's lead quote
        shortened at a word boundary."""
        if fact.versions and not any(v.get("value") for v in fact.versions):
            return shorten(fact.versions[0].get("text") or fact.summary, chars)
        return fact.summary

    def own_pairs(self, fact: Fact) -> list[PairView]:
        """The pairs between two claims of ``fact``."""
        inside = set(fact.claims)
        return [v for v in self.pairs if v.a.id in inside and v.b.id in inside]

    def conflict_kinds(self, fact: Fact) -> list[str]:
        """The kinds of conflict among a fact's contradictions; ``model`` when only the NLI model called one."""
        contradictions = [v for v in self.own_pairs(fact) if v.pair.label == "contradiction"]
        kinds = sorted({r.kind for v in contradictions for r in v.pair.reasons if r.conflicts})
        return kinds or (["model"] if contradictions else [])

    @property
    def counts(self) -> dict[str, int]:
        counts = {"contradiction": 0, "entailment": 0, "neutral": 0}
        for view in self.pairs:
            counts[view.pair.label] += 1
        return counts


# How a version's links to the others read (``facts._LINKS``), in the order shown.
_HISTORY = {"updates": "later estimate than", "updated_by": "updated by", "disagrees_with": "disagrees with"}


def build_view(report: Report) -> ReportView:
    documents = {d.id: d for d in report.documents}
    claims = {c.id: c for c in report.claims}
    pairs = [
        PairView(p, claims[p.a], claims[p.b], documents[claims[p.a].doc], documents[claims[p.b].doc])
        for p in report.pairs
    ]
    # Conflicts first, then the surest verdicts.
    pairs.sort(key=lambda v: (LABEL_ORDER[v.pair.label], -v.pair.confidence, -v.pair.similarity))
    facts = sorted(report.facts, key=lambda f: (f.status != "conflicting", f.id))
    return ReportView(report, documents, claims, pairs, facts, source_names(report.documents))


def source_name(doc: Document) -> str:
    """The outlet (JSONL ``source``, an HTML page's site name), else the URL's host, else the file
    name; a story split off its host page adds its number (``page.txt #2``)."""
    source = doc.source
    name = source.outlet or _host(source.url) or PurePath(source.path).name or source.path
    story = doc.id.partition("#")[2]
    return f"{name} #{story}" if story else name


def source_names(documents: list[Document]) -> dict[str, str]:
    """``source_name`` for each document, made unique: two articles from one outlet get their
    dates (or numbers) added, never a shortened id."""
    base = {d.id: source_name(d) for d in documents}
    seen: dict[str, list[Document]] = {}
    for d in documents:
        seen.setdefault(base[d.id], []).append(d)
    names = {}
    for name, docs in seen.items():
        for n, d in enumerate(docs, start=1):
            names[d.id] = name if len(docs) == 1 else f"{name} ({n})"
    return names


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


# How each kind's finding opens, by relation; a kind not listed gets its name.
_OPENINGS = {
    ("quantity", "agree"): "compatible",
    ("quantity", "update"): "updated figure ({note})",
    ("quantity", "apart"): "not comparable ({note})",
    ("date", "conflict"): "different {note}",
    ("negation", "conflict"): "one source denies what the other asserts",
    ("negation", "update"): "{note}",
    ("where", "conflict"): "another country for the same account",
    ("first", "conflict"): "two different firsts, each named the first confirmation",
    ("place", "apart"): "different places",
    ("year", "apart"): "different years",
    ("wording", "agree"): "{note}",
}


def reason_text(reason: Reason) -> str:
    """A reason as one line of prose: what each side says, who says it, where and when."""
    if reason.kind == "nli-override":
        return f"NLI said contradiction but {reason.note}"
    opening = _OPENINGS.get((reason.kind, reason.relation))
    if opening is None:
        opening = "" if (reason.kind, reason.relation) == ("quantity", "conflict") else \
            f"{reason.kind.replace('-', ' ')} {reason.relation}"
    opening = opening.format(note=reason.note).replace(" ()", "").strip()
    (va, vb), (sa, sb) = reason.values, reason.sources
    if not (va or vb):  # a finding about the pair, not two values: name the two sources
        return f"{opening}: {sa} and {sb}" if opening and sa and sb else opening
    sides = _sides(reason)
    return f"{opening}: {sides}" if opening and sides else opening or sides


def _sides(reason: Reason) -> str:
    """What each side says and who says it; an update's earlier figure first ("3,000 (…) then
    up to 11,000 (…)")."""
    sides = [(v, s) for v, s in zip(reason.values, reason.sources, strict=True) if v or s]
    joint = " vs "
    if reason.relation == "update" and reason.later and len(sides) == 2:
        sides, joint = (sides if reason.later == "b" else sides[::-1]), " then "
    return joint.join(f"{v} ({s})" if s else v for v, s in sides)


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word boundary (never mid-word), ``…`` marking the cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > 0:  # only a first word longer than the limit is cut inside
        cut = cut[:space]
    return cut.rstrip(" ,،;:.-") + "…"


_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
# A run of right-to-left words, with the digits, spaces and punctuation between them.
_RTL_RUN = re.compile(rf"[{_RTL}](?:[{_RTL}\s\d.,،:/\-]*[{_RTL}])?")


def isolate_rtl(text: str, start: str = "\u2068", end: str = "\u2069") -> str:
    """Wrap each Arabic run so that a line mixing it with ids and dates keeps its order.

    Plain text gets Unicode first-strong isolates; HTML passes ``<bdi>``/``</bdi>`` (call it on
    text already escaped: the runs hold no markup characters).
    """
    return _RTL_RUN.sub(lambda m: f"{start}{m.group()}{end}", text)


# C0 controls but tab and newline, DEL, and C1 controls (CSI U+009B opens escape sequences too).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` safe to print in a text report: every control character that a terminal would
    act on (ESC opening a title change, cursor move or hidden text; BEL; CR; C1 controls) shown
    as a visible symbol instead ("␛" for ESC, U+2400 + code for C0, "\\x9b"-style for C1).
    Call it on article text before any report but JSON quotes it; JSON keeps the text exact."""
    return _CONTROL.sub(_shown, text)


def _shown(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else f"\\x{code:02x}"
