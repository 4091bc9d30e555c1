"""Machine-readable report: stable field names, ISO dates, offsets into the original files."""

from __future__ import annotations

import json
from dataclasses import asdict

from factcheck.report.view import reason_text
from factcheck.schema import Report


def report_to_dict(report: Report) -> dict:
    return {
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
                             "agrees": r.agrees} for r in p.reasons],
                "nli": p.nli,
            }
            for p in report.pairs
        ],
        "facts": [
            {"id": f.id, "claims": f.claims, "summary": f.summary, "status": f.status, "versions": f.versions}
            for f in report.facts
        ],
        "problems": [{"path": p.path, "message": p.message} for p in report.problems],
        "notes": report.notes,
        "models": report.models,
    }


def render_json(report: Report) -> str:
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
