"""Markdown report for people (GitHub-flavoured): sources, the conflicting facts as a summary
table, each fact's versions as a table, then the pairs ``show`` lists. Quoted text is escaped with
backslashes only where Markdown would read a character as markup, and no invisible marks are
added, so a quote copied from the rendered page is the article's text."""

from __future__ import annotations

import re

from factcheck.report.view import DEFAULT_SHOW, SHOW, PairView, ReportView, build_view, printable, shorten
from factcheck.schema import Report

# What inline Markdown (and a table cell) could read as markup; other punctuation stays as written,
# and so does an underscore inside a word (``001_aaaa``), which GitHub never reads as emphasis.
_SPECIAL = re.compile(r"([\\`*\[\]<>|~&]|_(?![^\W_])|(?<![^\W_])_)")
QUOTE_CHARS = 160


def md_escape(text: str) -> str:
    """Quoted text as a literal Markdown inline (safe in a table cell): one line, markup escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(printable(text).split()))


def render_markdown(report: Report, *, show: str = DEFAULT_SHOW) -> str:
    view = build_view(report)
    counts = view.counts
    out = ["# Fact-consistency report", "",
           f"{len(report.documents)} documents, {len(report.claims)} claims, {len(report.pairs)} pairs: "
           f"{counts['contradiction']} contradictions, {counts['entailment']} agreements, {counts['neutral']} neutral.",
           ""]
    out += [f"> {md_escape(note)}" for note in report.notes]
    out += ["", "## Sources", "", "| source | published | language | claims | title | document id |",
            "|---|---|---|--:|---|---|"]
    per_doc = {d.id: 0 for d in report.documents}
    for claim in report.claims:
        per_doc[claim.doc] = per_doc.get(claim.doc, 0) + 1
    for d in report.documents:
        out.append(f"| {md_escape(view.names[d.id])} | {d.published or 'undated'} | {md_escape(d.language)} | {per_doc[d.id]} "
                   f"| {md_escape(shorten(d.title or '', 90))} | {md_escape(d.id)} |")
    conflicting = [f for f in view.facts if f.status == "conflicting"]
    out += ["", "## Summary", ""]
    if conflicting:
        out += ["| fact | conflict | versions | sources |", "|---|---|--:|---|"]
        for fact in conflicting:
            sources = ", ".join(dict.fromkeys(view.names[v["doc"]] for v in fact.versions))
            out.append(f"| {fact.id}: {md_escape(view.fact_title(fact, chars=90))} | {md_escape(', '.join(view.conflict_kinds(fact)))} "
                       f"| {len(fact.versions)} | {md_escape(sources)} |")
    else:
        out.append("No conflicting facts found.")
    if view.facts:
        out += ["", "## Facts", ""]
        for fact in view.facts:
            out += [f"### {fact.id}: {md_escape(view.fact_title(fact))} ({fact.status})", "",
                    "| says | who | source | date | history | quote |", "|---|---|---|---|---|---|"]
            for version in fact.versions:
                claim = view.claims[version["claim"]]
                out.append(f"| {md_escape(version.get('value') or '')} | {md_escape(claim.attribution or 'unattributed')} "
                           f"| {md_escape(view.names[version['doc']])} | {md_escape(view.when(version))} "
                           f"| {md_escape(view.history(fact, version))} | {md_escape(shorten(claim.text, QUOTE_CHARS))} |")
            out.append("")
    shown = view.shown(show)
    hidden = len(view.pairs) - len(shown)
    out += ["", f"## Pairs ({len(shown)} of {len(view.pairs)})", ""]
    if hidden:
        out += [f"{hidden} pairs not listed ({', '.join(l for l in ('contradiction', 'entailment', 'neutral') if l not in SHOW[show])}); "
                "`--show all` lists every pair.", ""]
    for v in shown:
        out += _pair(view, v)
    if report.problems:
        out += ["## Skipped inputs", ""]
        out += [f"- {md_escape(p.path)}: {md_escape(p.message)}" for p in report.problems]
    return "\n".join(out).rstrip() + "\n"


def _pair(view: ReportView, v: PairView) -> list[str]:
    p = v.pair
    lines = [f"**{p.label}**, confidence {p.confidence:.2f}, similarity {p.similarity:.3f}", "",
             "| source | quote |", "|---|---|"]
    for claim in (v.a, v.b):
        lines.append(f"| {md_escape(view.said_by(claim))} `[{claim.start}:{claim.end})` | {md_escape(claim.text)} |")
    lines.append("")
    lines += [f"- *{md_escape(r.kind)}*: {md_escape(view.reason_line(v, r))}" for r in p.reasons]
    return lines + ([""] if p.reasons else [])

