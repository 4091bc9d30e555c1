"""What every human-readable report shows, computed once: sections in reading order."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.schema import Claim, Document, Fact, Pair, Reason, Report

LABEL_ORDER = {"contradiction": 0, "entailment": 1, "neutral": 2}


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

    @property
    def counts(self) -> dict[str, int]:
        counts = {"contradiction": 0, "entailment": 0, "neutral": 0}
        for view in self.pairs:
            counts[view.pair.label] += 1
        return counts


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
    return ReportView(report, documents, claims, pairs, facts)


# How each kind's finding opens, by relation; a kind not listed gets its name.
_OPENINGS = {
    ("quantity", "agree"): "compatible",
    ("date", "conflict"): "different {note}",
    ("negation", "conflict"): "one source denies what the other asserts",
    ("first", "conflict"): "two different firsts, each named the first confirmation",
    ("place", "apart"): "different places",
    ("year", "apart"): "different years",
}


def reason_text(reason: Reason) -> str:
    """A reason as one line of prose: what each side says, who says it, where and when."""
    if reason.kind == "nli-override":
        return f"NLI said contradiction but {reason.note}"
    opening = _OPENINGS.get((reason.kind, reason.relation))
    if opening is None:
        opening = "" if (reason.kind, reason.relation) == ("quantity", "conflict") else \
            f"{reason.kind.replace('-', ' ')} {reason.relation}"
    opening = opening.format(note=reason.note).strip()
    (va, vb), (sa, sb) = reason.values, reason.sources
    sides = " vs ".join(f"{v} ({s})" if s else v for v, s in ((va, sa), (vb, sb)) if v or s)
    return f"{opening}: {sides}" if opening and sides else opening or sides


def doc_label(doc: Document) -> str:
    date = doc.published.isoformat() if doc.published else "undated"
    return f"{doc.id} ({date})"


def version_line(version: dict, *, quote_chars: int = 90) -> str:
    """What one source says about a fact: its figure (or a quote), who, where, when."""
    said = version.get("value") or _shorten(version.get("text") or "", quote_chars)
    who = version.get("attribution") or "unattributed"
    when = version.get("published") or "undated"
    return f"{said} ({who}; {version.get('doc')}, {when})"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
# A run of right-to-left words, with the digits, spaces and punctuation between them.
_RTL_RUN = re.compile(rf"[{_RTL}](?:[{_RTL}\s\d.,،:/\-]*[{_RTL}])?")


def isolate_rtl(text: str, start: str = "\u2068", end: str = "\u2069") -> str:
    """Wrap each Arabic run so that a line mixing it with ids and dates keeps its order.

    Plain text gets Unicode first-strong isolates; HTML passes ``<bdi>``/``</bdi>`` (call it on
    text already escaped: the runs hold no markup characters).
    """
    return _RTL_RUN.sub(lambda m: f"{start}{m.group()}{end}", text)
