"""Markdown report for people: conflicts first, every quote escaped."""

from __future__ import annotations

import re

from factcheck.report.view import build_view, doc_label, isolate_rtl, reason_text, version_line
from factcheck.schema import Report

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def md_escape(text: str) -> str:
    """Escape Markdown and inline HTML so quoted text renders as the literal text."""
    return _SPECIAL.sub(r"\\\1", text.replace("\r", " ").replace("\n", " ")).replace("&", "&amp;")


def render_markdown(report: Report) -> str:
    view = build_view(report)
    out = ["# Fact-consistency report", ""]
    counts = view.counts
    out.append(
        f"{len(report.documents)} documents, {len(report.claims)} claims, {len(report.pairs)} pairs: "
        f"{counts['contradiction']} contradictions, {counts['entailment']} agreements, {counts['neutral']} neutral."
    )
    out.append("")
    for note in report.notes:
        out.append(f"> {md_escape(note)}")
    if report.problems:
        out += ["", "## Skipped inputs", ""]
        out += [f"- {md_escape(p.path)}: {md_escape(p.message)}" for p in report.problems]
    if view.facts:
        out += ["", "## Facts", ""]
        for fact in view.facts:
            out.append(f"### {md_escape(fact.summary)} ({fact.status})")
            out.append("")
            for version in fact.versions:
                out.append(f"- {md_escape(isolate_rtl(version_line(version)))}")
            out.append("")
    out += ["", "## Pairs", ""]
    for v in view.pairs:
        p = v.pair
        out.append(f"### {p.label} ({p.confidence:.2f}), similarity {p.similarity:.3f}")
        out.append("")
        out.append(f"- **{md_escape(doc_label(v.doc_a))}** [{v.a.start}:{v.a.end}]: {md_escape(v.a.text)}")
        out.append(f"- **{md_escape(doc_label(v.doc_b))}** [{v.b.start}:{v.b.end}]: {md_escape(v.b.text)}")
        for reason in p.reasons:
            out.append(f"- *{md_escape(reason.kind)}*: {md_escape(isolate_rtl(reason_text(reason)))}")
        out.append("")
    out += ["## Documents", "", "| id | title | published | language | parent |", "|---|---|---|---|---|"]
    for d in report.documents:
        out.append(
            f"| {md_escape(d.id)} | {md_escape(d.title or '')} | {d.published or ''} | {d.language} | {md_escape(d.parent or '')} |"
        )
    return "\n".join(out) + "\n"
