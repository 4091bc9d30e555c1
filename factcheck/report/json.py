"""Machine-readable report: stable field names, ISO dates, offsets into the original files.

Text is kept exactly as read (control characters included, escaped by JSON). ``offsets``
states the rule every ``start``/``end`` follows (``factcheck.ingest.reading``); a document read
from an HTML page carries the text extracted from it (``source_text``) and its SHA-256, since
its offsets index that text rather than the file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict

from factcheck.report.view import reason_text
from factcheck.schema import Document, Report

OFFSETS = ("start/end are character (Unicode code point) offsets into the decoded text of the document's "
           "source, as stored: for a file, open(path, encoding=<encoding>, newline='').read() (no newline "
           "translation; a byte-order mark is not part of the text); for a JSONL record (path 'file:line'), "
           "its \"text\" field; for an HTML page, the extracted article text given in source_text (for a story split off a page, in its "
           "parent's)")


def report_to_dict(report: Report) -> dict:
    return {
        "offsets": OFFSETS,
        "documents": [
            {
                "id": d.id,
                "path": d.path,
                "title": d.title,
                "published": d.published.isoformat() if d.published else None,
                "language": d.language,
                "parent": d.parent,
                "start": d.start,
                "end": d.end,
                "encoding": d.source.encoding,
                **_extracted(d),
            }
            for d in report.documents
        ],
        "claims": [
            {
                "id": c.id,
                "doc": c.doc,
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "attribution": c.attribution,
                "negated": c.negated,
                "denial": c.denial,
                "first": c.first,
                "absolute_first": c.absolute_first,
                "years": sorted(c.years),
                "countries": sorted(c.countries),
                "elsewhere": c.elsewhere,
                "quantities": [asdict(q) for q in c.quantities],
                "dates": [{**asdict(d), "value": d.value.isoformat() if d.value else None} for d in c.dates],
            }
            for c in report.claims
        ],
        "pairs": [
            {
                "a": p.a,
                "b": p.b,
                "label": p.label,
                "confidence": p.confidence,
                "similarity": p.similarity,
                "reasons": [{"kind": r.kind, "relation": r.relation, "detail": reason_text(r), "key": r.key,
                             "values": list(r.values), "sources": list(r.sources), "note": r.note,
                             "agrees": r.agrees, "later": r.later} for r in p.reasons],
                "nli": p.nli,
            }
            for p in report.pairs
        ],
        "facts": [
            {"id": f.id, "claims": f.claims, "summary": f.summary, "status": f.status, "versions": f.versions}
            for f in report.facts
        ],
        "copies": [{"copy": c.copy, "original": c.original, "kind": c.kind, "share": c.share} for c in report.copies],
        "problems": [{"path": p.path, "message": p.message} for p in report.problems],
        "notes": report.notes,
        "models": report.models,
    }


def _extracted(doc: Document) -> dict:
    """For a document read from an HTML page: the text its offsets index, and that text's hash."""
    if not doc.path.lower().endswith((".html", ".htm")):
        return {}
    text = doc.source.text
    return {"source_text": text if doc.parent is None else None,
            "source_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}


def render_json(report: Report, *, show: str | None = None) -> str:
    """Every pair, whatever ``show`` says (it is taken so that all formats are called alike)."""
    # Infinity (an open-ended range) is not JSON: write it as null.
    return json.dumps(finite(report_to_dict(report)), ensure_ascii=False, indent=2) + "\n"


def finite(value):
    """The same data with NaN and infinities as None, which JSON can carry."""
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [finite(v) for v in value]
    return value
