"""The HTML report: one self-contained page (no network, no external files) rendered from
Jinja2 templates with autoescaping, so every string taken from an article is escaped by the
template engine, never by hand. Figures and the timeline are inline SVG computed in Python
(``figures``, ``timeline``); a little inline JavaScript filters what is shown.

Views, in order: summary cards for conflicting facts (with a number line for figures), the
timeline, the who-contradicts-whom matrix, the pairs (filterable; neutral ones hidden unless
``show`` says otherwise), and each document in full with its claims highlighted.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from factcheck.report.context import runs
from factcheck.report.figures import figures, number_line
from factcheck.report.matrix import verdict_counts
from factcheck.report.timeline import build_timeline
from factcheck.report.view import DEFAULT_SHOW, SHOW, ReportView, build_view, isolate_rtl, printable, shorten
from factcheck.schema import Fact, Report

QUOTE_CHARS = 220


@cache
def environment() -> Environment:
    env = Environment(loader=PackageLoader("factcheck.report", "templates"),
                      autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      finalize=_printable)
    env.filters["shorten"] = shorten
    env.filters["bidi"] = bidi
    return env


def _printable(value):
    """Every string a template prints shows its control characters; markup built here is already clean."""
    return printable(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def bidi(text: str) -> Markup:
    """Escaped text with each Arabic run in a ``<bdi>``, for a line mixing Arabic names with ids,
    dates and figures (an Arabic name followed by digits would otherwise take them into its run)."""
    return Markup(isolate_rtl(str(escape(printable(str(text)))), "<bdi>", "</bdi>"))


def render_html(report: Report, *, show: str = DEFAULT_SHOW) -> str:
    if show not in SHOW:
        raise ValueError(f"unknown show value {show!r}: use one of {', '.join(SHOW)}")
    view = build_view(report)
    return environment().get_template("report.html.j2").render(page(view, show)) + "\n"


def page(view: ReportView, show: str) -> dict:
    """Everything the template shows, as plain values; html ids are short and safe (``c12``, ``d3``)."""
    report = view.report
    claim_hid = {c.id: f"c{i}" for i, c in enumerate(report.claims, start=1)}
    doc_hid = {d.id: f"d{i}" for i, d in enumerate(report.documents, start=1)}
    conflicting_claims = {c for v in view.pairs if v.pair.label == "contradiction" for c in (v.a.id, v.b.id)}
    pairs = [
        {
            "label": v.pair.label, "confidence": v.pair.confidence, "similarity": v.pair.similarity,
            "hidden": v.pair.label not in SHOW[show],
            "kinds": sorted({r.kind for r in v.pair.reasons}),
            "docs": (doc_hid[v.doc_a.id], doc_hid[v.doc_b.id]),
            "langs": sorted({v.doc_a.language, v.doc_b.language}),
            # a neutral pair's quotes are filled in from the highlighted text when shown, to keep the page light
            "sides": [{"hid": claim_hid[c.id], "lang": c.language,
                       "text": None if v.pair.label == "neutral" else shorten(c.text, QUOTE_CHARS),
                       "said_by": view.said_by(c)} for c in (v.a, v.b)],
            "reasons": [{"kind": r.kind, "relation": r.relation, "text": view.reason_line(v, r)}
                        for r in v.pair.reasons],
        }
        for v in view.pairs
    ]
    counts = verdict_counts(view.pairs)
    docs = report.documents
    matrix = [[None if a.id == b.id else counts.get(frozenset((a.id, b.id)), {}) for b in docs] for a in docs]
    timeline = build_timeline(docs, report.claims, conflicting_claims, view.names)
    return {
        "counts": view.counts, "n_documents": len(docs), "n_claims": len(report.claims), "n_pairs": len(view.pairs),
        "notes": report.notes, "problems": report.problems, "shown_labels": SHOW[show],
        "documents": [_document(view, d, doc_hid, claim_hid) for d in docs],
        "names": view.names, "doc_hid": doc_hid, "claim_hid": claim_hid,
        "said_by": {c.id: view.said_by(c) for c in report.claims},
        "cards": [_card(view, f, claim_hid, doc_hid) for f in view.facts if f.status == "conflicting"],
        "agreed": [_card(view, f, claim_hid, doc_hid) for f in view.facts if f.status != "conflicting"],
        "timeline": timeline, "matrix": matrix, "pairs": pairs,
        "kinds": sorted({k for p in pairs for k in p["kinds"]}),
        "languages": sorted({d.language for d in docs}),
    }


def _card(view: ReportView, fact: Fact, claim_hid: dict[str, str], doc_hid: dict[str, str]) -> dict:
    reasons = [r for v in view.own_pairs(fact) for r in v.pair.reasons
               if r.relation in ("conflict", "agree", "update")]
    keys = sorted({r.key for r in reasons if r.kind == "quantity" and r.key})
    line = None
    if keys:
        quantities = {c: view.claims[c].quantities for c in fact.claims}
        line = number_line(keys[0], figures(fact, keys[0], quantities))
    versions, by_claim = [], {}
    for version in fact.versions:
        claim = view.claims[version["claim"]]
        doc = view.documents[claim.doc]
        versions.append({"value": version.get("value"), "who": claim.attribution, "outlet": view.names[doc.id],
                         "published": doc.published.isoformat() if doc.published else None,
                         "when": view.when(version), "history": view.history(fact, version),
                         "hid": claim_hid[claim.id], "quote": shorten(claim.text, QUOTE_CHARS), "lang": claim.language,
                         "doc": claim.doc})
        by_claim[claim.id] = {"hid": claim_hid[claim.id], "outlet": view.names[doc.id], "said_by": view.said_by(claim)}
    return {"id": fact.id, "title": view.fact_title(fact), "status": fact.status, "versions": versions,
            "conflicts": view.conflict_kinds(fact), "line": line, "by_claim": by_claim,
            "docs": sorted({doc_hid[v["doc"]] for v in versions}),
            "langs": sorted({v["lang"] for v in versions})}


def _document(view: ReportView, doc, doc_hid: dict[str, str], claim_hid: dict[str, str]) -> dict:
    claims = [c for c in view.report.claims if c.doc == doc.id]
    children = [view.names[d.id] for d in view.report.documents if d.parent == doc.id]
    return {"hid": doc_hid[doc.id], "id": doc.id, "letter": _letter(int(doc_hid[doc.id][1:]) - 1), "name": view.names[doc.id], "path": doc.path, "url": _web(doc.source.url),
            "start": doc.start, "end": doc.end,
            "title": doc.title, "published": doc.published.isoformat() if doc.published else None,
            "language": doc.language, "dir": "rtl" if doc.language in ("ar", "fa", "ur", "he") else "auto",
            "parent": view.names.get(doc.parent) if doc.parent else None,
            "parent_hid": doc_hid.get(doc.parent) if doc.parent else None,
            "children": children, "n_claims": len(claims), "runs": runs(doc, claims)}


def _web(url: str | None) -> str | None:
    """A link only to a web page: no ``javascript:`` or ``data:`` URL from an input becomes a link."""
    return url if url and url.split(":", 1)[0].lower() in ("http", "https") else None


def _letter(n: int) -> str:
    """A, B, ... Z, AA, AB, ...: a document's column in the matrix."""
    return (_letter(n // 26 - 1) if n >= 26 else "") + chr(ord("A") + n % 26)
