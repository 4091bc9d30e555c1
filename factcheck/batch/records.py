"""A story's ``Report`` as table rows and back.

Rows carry the fields of the JSON report (``factcheck.report.json.report_to_dict``), plus the
story; values that are lists or mappings of records (reasons, nli, quantities, dates, versions)
are JSON text, so a row round-trips exactly. The sources table keeps each article's decoded
text, so documents rebuilt from rows quote and slice exactly as the original report did. The
copies table holds the syndicated documents and copied sentences (``factcheck.copies``): a
report without them would compare differently from what ``factcheck check`` shows.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

from factcheck.report.json import report_to_dict
from factcheck.schema import (Claim, Copy, DateMention, Document, Fact, Pair, Problem, Quantity, Reason, Report,
                              Source)

TABLES = ("sources", "documents", "claims", "pairs", "facts", "copies")
#: Columns holding JSON text, per table.
JSON_COLUMNS = {
    "claims": ("quantities", "dates"),
    "pairs": ("reasons", "nli"),
    "facts": ("versions",),
}


def report_rows(report: Report, sources: list[Source], story: str) -> dict[str, list[dict]]:
    """Rows per table for one story's report."""
    data = report_to_dict(report)
    tables = {"sources": [{**_source_row(s), "story": story} for s in sources]}
    for name in ("documents", "claims", "pairs", "facts", "copies"):
        encoded = JSON_COLUMNS.get(name, ())
        tables[name] = [{**{k: json.dumps(v, ensure_ascii=False) if k in encoded else v for k, v in row.items()},
                         "story": story} for row in data[name]]
    return tables


def report_meta(report: Report) -> dict:
    return {"problems": [asdict(p) for p in report.problems], "notes": report.notes, "models": report.models}


def rebuild_report(tables: dict[str, list[dict]], meta: dict) -> Report:
    """The ``Report`` the rows came from, as far as reports show it."""
    sources = {row["path"]: _source(row) for row in tables["sources"]}
    documents = [_document(row, sources) for row in tables["documents"]]
    claims = [_claim(row) for row in tables["claims"]]
    pairs = [_pair(row) for row in tables["pairs"]]
    facts = [Fact(id=r["id"], claims=list(r["claims"]), summary=r["summary"], status=r["status"],
                  versions=json.loads(r["versions"])) for r in tables["facts"]]
    copies = [Copy(copy=r["copy"], original=r["original"], kind=r["kind"], share=r["share"]) for r in tables["copies"]]
    return Report(documents=documents, claims=claims, pairs=pairs, facts=facts,
                  problems=[Problem(**p) for p in meta["problems"]], notes=list(meta["notes"]),
                  models=dict(meta["models"]), copies=copies)


def _source_row(source: Source) -> dict:
    return {"path": source.path, "id": source.id, "text": source.text, "encoding": source.encoding,
            "title": source.title, "published": _iso(source.published), "outlet": source.outlet, "url": source.url}


def _source(row: dict) -> Source:
    return Source(path=row["path"], text=row["text"], id=row["id"], encoding=row["encoding"], title=row["title"],
                  published=_date(row["published"]), outlet=row["outlet"], url=row["url"])


def _document(row: dict, sources: dict[str, Source]) -> Document:
    return Document(id=row["id"], source=sources[row["path"]], start=row["start"], end=row["end"], title=row["title"],
                    published=_date(row["published"]), language=row["language"], parent=row["parent"])


def _claim(row: dict) -> Claim:
    return Claim(id=row["id"], doc=row["doc"], start=row["start"], end=row["end"], text=row["text"],
                 attribution=row["attribution"], negated=row["negated"], denial=row["denial"], first=row["first"],
                 absolute_first=row["absolute_first"], years=frozenset(row["years"] or ()),
                 countries=frozenset(row["countries"] or ()), elsewhere=row["elsewhere"],
                 quantities=[Quantity(**q) for q in json.loads(row["quantities"])],
                 dates=[DateMention(**{**d, "value": _date(d["value"])}) for d in json.loads(row["dates"])])


def _pair(row: dict) -> Pair:
    reasons = [Reason(kind=r["kind"], relation=r["relation"], key=r["key"], values=tuple(r["values"]),
                      sources=tuple(r["sources"]), note=r["note"], later=r["later"])
               for r in json.loads(row["reasons"])]
    return Pair(a=row["a"], b=row["b"], similarity=row["similarity"], label=row["label"],
                confidence=row["confidence"], nli=json.loads(row["nli"]), reasons=reasons)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
