"""A self-contained HTML page; every quoted string goes through ``html.escape``."""

from __future__ import annotations

from html import escape

from factcheck.report.view import build_view, doc_label, isolate_rtl, reason_text, version_line
from factcheck.schema import Report

CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
.contradiction{border-left:4px solid #c00}.entailment{border-left:4px solid #080}.neutral{border-left:4px solid #999}
.pair,.fact{padding:.3rem .8rem;margin:.8rem 0}.quote{unicode-bidi:plaintext}.meta{color:#555;font-size:.9em}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}"""


def render_html(report: Report) -> str:
    view = build_view(report)
    counts = view.counts
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>factcheck report</title>",
        f"<style>{CSS}</style></head><body><h1>Fact-consistency report</h1>",
        f"<p>{len(report.documents)} documents, {len(report.claims)} claims, {len(report.pairs)} pairs: "
        f"{counts['contradiction']} contradictions, {counts['entailment']} agreements, {counts['neutral']} neutral.</p>",
    ]
    parts += [f"<p class='meta'>{escape(note)}</p>" for note in report.notes]
    if report.problems:
        parts.append("<h2>Skipped inputs</h2><ul>")
        parts += [f"<li>{escape(p.path)}: {escape(p.message)}</li>" for p in report.problems]
        parts.append("</ul>")
    if view.facts:
        parts.append("<h2>Facts</h2>")
        for fact in view.facts:
            parts.append(f"<div class='fact {'contradiction' if fact.status == 'conflicting' else 'entailment'}'>")
            parts.append(f"<b>{escape(fact.status)}</b>: {_bdi(escape(fact.summary))}<ul>")
            for version in fact.versions:
                parts.append(f"<li>{_bdi(escape(version_line(version)))}</li>")
            parts.append("</ul></div>")
    parts.append("<h2>Pairs</h2>")
    for v in view.pairs:
        p = v.pair
        parts.append(f"<div class='pair {escape(p.label)}'><b>{escape(p.label)}</b> "
                     f"<span class='meta'>confidence {p.confidence:.2f}, similarity {p.similarity:.3f}</span>")
        for claim, doc in ((v.a, v.doc_a), (v.b, v.doc_b)):
            parts.append(f"<p><span class='meta'>{escape(doc_label(doc))} [{claim.start}:{claim.end}]</span><br>"
                         f"<span class='quote' dir='auto'>{escape(claim.text)}</span></p>")
        parts += [f"<p class='meta'>{escape(r.kind)}: {_bdi(escape(reason_text(r)))}</p>" for r in p.reasons]
        parts.append("</div>")
    parts.append("<h2>Documents</h2><table><tr><th>id</th><th>published</th><th>language</th><th>parent</th><th>title</th></tr>")
    for d in report.documents:
        parts.append(f"<tr><td>{escape(d.id)}</td><td>{d.published or ''}</td><td>{escape(d.language)}</td>"
                     f"<td>{escape(d.parent or '')}</td><td dir='auto'>{escape(d.title or '')}</td></tr>")
    parts.append("</table></body></html>")
    return "\n".join(parts) + "\n"


def _bdi(escaped: str) -> str:
    return isolate_rtl(escaped, "<bdi>", "</bdi>")
