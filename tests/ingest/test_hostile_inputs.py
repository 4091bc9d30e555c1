"""Odd and hostile files (issue 15): encodings, a file given twice, reports left among the
inputs, huge and unpunctuated text, JSONL metadata. Each test writes the real file it reads."""

import json
import random

import pytest

from factcheck import stages
from factcheck.ingest import read_sources
from factcheck.ingest.reading import is_factcheck_report

ARABIC = "أكدت كوريا الشمالية للمرة الأولى أنها أرسلت 3000 جندي إلى روسيا، وفق ما قالت وزارة الدفاع.\n"
HEADLINE = "كوريا الشمالية ترسل قوات إلى روسيا لأول مرة\n"


@pytest.mark.parametrize(("codec", "reported"), [
    ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"), ("utf-8-sig", "utf-8-sig"),
])
def test_utf16_with_or_without_bom_and_utf8_bom_are_decoded_and_named(tmp_path, codec, reported):
    path = tmp_path / "article.txt"
    path.write_bytes((HEADLINE + "\n" + ARABIC).encode(codec))
    [source], problems = read_sources([path])
    assert not problems
    assert source.encoding == reported
    assert source.text == HEADLINE + "\n" + ARABIC  # no BOM in the text
    assert source.text == path.read_text(encoding=source.encoding)
    [document], _ = stages.articles([source])
    assert document.title == HEADLINE.strip()


def test_binary_with_nul_bytes_is_still_refused(tmp_path):
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 8)
    _, [problem] = read_sources([tmp_path / "blob.txt"])
    assert "binary" in problem.message


def test_a_file_given_twice_is_read_once_with_a_note(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARABIC, encoding="utf-8")
    sources, problems = read_sources([path, tmp_path, tmp_path / "." / "a.txt"])
    assert [s.id for s in sources] == ["a"]
    assert [p.message for p in problems] == [f"given twice (same file as {path}): read once"] * 2


def test_a_factcheck_report_among_the_inputs_is_skipped_in_every_format(tmp_path):
    (tmp_path / "article.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "report.md").write_text("# Fact-consistency report\n\n2 documents, 24 claims, 30 pairs: 0 contradictions\n")
    (tmp_path / "report.txt").write_text("2 documents, 24 claims, 30 pairs: 0 contradictions, 24 agreements\n")
    (tmp_path / "report.html").write_text("<html><head><title>factcheck report: 2 documents</title></head></html>")
    sources, problems = read_sources([tmp_path])
    assert [s.id for s in sources] == ["article"]
    assert sorted(p.path.rsplit("/", 1)[-1] for p in problems) == ["report.html", "report.md", "report.txt"]
    assert all("a factcheck report" in p.message for p in problems)
    assert not is_factcheck_report("The ministry counted 2 documents and 24 claims.")


def test_a_huge_document_is_cut_at_a_line_end_and_the_cut_is_reported(tmp_path):
    line = "The minister said on Monday that 3,000 troops were sent to the border region.\n"
    (tmp_path / "huge.txt").write_text(line * 5000, encoding="utf-8")
    [source], [problem] = read_sources([tmp_path / "huge.txt"], max_document_chars=10_000)
    assert len(source.text) <= 10_000 and source.text.endswith("\n")
    assert f"cut at character {len(source.text):,}" in problem.message
    assert f"line {source.text.count(chr(10)) + 1:,}" in problem.message and "factcheck batch" in problem.message


def test_inputs_past_the_run_limit_are_not_read_and_named(tmp_path):
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text(ARABIC * 10, encoding="utf-8")
    sources, problems = read_sources([tmp_path], max_run_chars=len(ARABIC) * 15)
    assert [s.id for s in sources] == ["a", "b"]
    [problem] = problems
    assert problem.path.endswith("c.txt") and "factcheck batch" in problem.message


def test_a_long_unpunctuated_paragraph_is_checked_in_pieces_not_dropped(tmp_path):
    words = ("the minister said troops were sent to the border region after talks "
             "with officials in the capital on monday").split()
    rng = random.Random(15)
    blob = " ".join(rng.choice(words) for _ in range(20_000))
    (tmp_path / "blob.txt").write_text(blob, encoding="utf-8")
    sources, _ = read_sources([tmp_path / "blob.txt"])
    documents, _ = stages.articles(sources)
    claims, _ = stages.claims(documents)
    covered = sum(c.end - c.start for c in claims)
    assert covered > 0.95 * len(blob)
    assert all(len(c.text) <= 600 for c in claims)
    assert all(blob[c.start:c.end] == c.text for c in claims)


def test_jsonl_title_is_the_title_and_an_invalid_date_is_reported_by_line(tmp_path):
    records = [{"text": "Troops sent to Russia\nNorth Korea sent 3,000 troops to Russia, officials said on Monday.",
                "title": "Wire: troops", "published": "yesterday"},
               {"text": "South Korea said 1,500 troops were sent to Russia in October.", "published": "2024-10-23"}]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    sources, [problem] = read_sources([path])
    assert problem.path == f"{path}:1" and "'yesterday'" in problem.message and "YYYY-MM-DD" in problem.message
    documents, _ = stages.articles(sources)
    assert documents[0].title == "Wire: troops" and documents[0].published is None
    assert documents[1].published.isoformat() == "2024-10-23"


def test_jsonl_lines_end_only_at_newlines(tmp_path):
    record = {"text": "North Korea sent troops\u2028to Russia, officials said on Monday in Seoul."}
    (tmp_path / "feed.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [source], problems = read_sources([tmp_path / "feed.jsonl"])
    assert not problems and source.text == record["text"]
