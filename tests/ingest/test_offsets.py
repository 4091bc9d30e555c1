"""The offsets rule, as a user checks it from the JSON report alone: ``start``/``end`` index
``open(path, encoding=<encoding>, newline="").read()`` for a file, the record's ``text`` for a
JSONL line, and ``source_text`` (whose SHA-256 is given) for an HTML page."""

import hashlib
import json
from pathlib import Path

import pytest

from factcheck import stages
from factcheck.report.json import report_to_dict
from factcheck.schema import Report

ARTICLE = ("كوريا الشمالية ترسل قوات إلى روسيا لأول مرة\r\n\r\n"
           "أكدت كوريا الشمالية أنها أرسلت 3000 جندي إلى روسيا في 12 أكتوبر 2024، وفق وزارة الدفاع.\r\n"
           "وقال مسؤولون إن 1500 جندي آخرين سيصلون خلال أسبوعين إلى منطقة كورسك.\r\n")


def quoted_from_json(report: dict, claim: dict) -> str:
    """What a user reading only the JSON gets back for a claim's offsets."""
    doc = next(d for d in report["documents"] if d["id"] == claim["doc"])
    path = doc["path"]
    if "source_text" in doc:  # an HTML page: the extracted text, checked against its hash
        host = next(d for d in report["documents"] if d["id"] == (doc["parent"] or doc["id"]))
        text = host["source_text"]
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == doc["source_sha256"]
    elif ".jsonl:" in path:
        file, line = path.rsplit(":", 1)
        text = json.loads(Path(file).read_text(encoding=doc["encoding"]).split("\n")[int(line) - 1])["text"]
    else:
        with open(path, encoding=doc["encoding"], newline="") as handle:
            text = handle.read()
    return text


def write_inputs(folder: Path) -> None:
    (folder / "crlf.txt").write_bytes(ARTICLE.encode("utf-8"))
    (folder / "bom.txt").write_bytes(ARTICLE.encode("utf-8-sig"))
    (folder / "old.txt").write_bytes(ARTICLE.encode("cp1256"))
    (folder / "wide.txt").write_bytes(ARTICLE.encode("utf-16"))
    (folder / "wide-le.txt").write_bytes(ARTICLE.encode("utf-16-le"))
    (folder / "feed.jsonl").write_text(json.dumps({"text": ARTICLE, "title": "t"}, ensure_ascii=False) + "\r\n",
                                       encoding="utf-8")
    paragraphs = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines()[2:])
    (folder / "page.html").write_text(f"<html><head><title>t</title></head><body><article><h1>{ARTICLE.splitlines()[0]}"
                                      f"</h1>{paragraphs}{paragraphs.replace('3000', '2000')}</article></body></html>",
                                      encoding="utf-8")


def test_every_offset_in_the_json_round_trips_to_the_input(tmp_path):
    write_inputs(tmp_path)
    sources, problems = stages.read([tmp_path])
    assert not problems
    documents, _ = stages.articles(sources)
    claims, _ = stages.claims(documents)
    report = report_to_dict(Report(documents=documents, claims=claims, pairs=[]))
    assert "newline=''" in report["offsets"]
    encodings = {d["id"]: d["encoding"] for d in report["documents"]}
    assert encodings == {"bom": "utf-8-sig", "crlf": "utf-8", "feed:1": "utf-8", "old": "cp1256",
                         "page": "utf-8", "wide": "utf-16", "wide-le": "utf-16-le"}
    by_doc = {d["id"]: 0 for d in report["documents"]}
    parts = 0
    for claim in report["claims"]:
        text = quoted_from_json(report, claim)
        assert text[claim["start"]:claim["end"]] == claim["text"]
        for part in claim["quantities"] + claim["dates"]:
            assert text[part["start"]:part["end"]] == part["text"]
            parts += 1
        by_doc[claim["doc"]] += 1
    assert all(count >= 2 for count in by_doc.values()), by_doc
    assert parts >= 2 * len(by_doc)  # the figures and dates inside claims are checked too


@pytest.mark.parametrize("name", ["crlf.txt", "wide.txt"])
def test_newlines_are_not_translated(tmp_path, name):
    write_inputs(tmp_path)
    [source], _ = stages.read([tmp_path / name])
    assert "\r\n" in source.text
