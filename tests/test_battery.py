"""Every kind of input a user or a tester throws at `factcheck check`, in one run, the way they
run it (a subprocess): the good inputs are all in the report, each bad one is named on stderr
with its problem, the exit code says inputs were skipped, and nothing prints a traceback."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EN = ("Troops sent to Russia\n\nNorth Korea sent 3,000 troops to Russia, the White House said on Wednesday.\n\n"
      "The troops arrived in the port of Vladivostok in October and moved west by train to Kursk.\n\n"
      "South Korea's intelligence service said the soldiers were training at several Russian bases.\n\n"
      "Officials in Seoul said the deployment could grow to 10,000 troops by December this year.\n")
AR = ("كوريا الشمالية ترسل قوات إلى روسيا لأول مرة\r\n\r\n"
      "أكدت كوريا الشمالية أنها أرسلت 1500 جندي إلى روسيا في أكتوبر، وفق جهاز المخابرات الكوري الجنوبي.\r\n"
      "وقال مسؤولون إن القوات وصلت إلى ميناء فلاديفوستوك ثم انتقلت بالقطار إلى منطقة كورسك.\r\n")


def write_corpus(corpus: Path) -> dict[str, str]:
    """The inputs, and for each bad one the words its message must contain."""
    corpus.mkdir()
    (corpus / "wire.txt").write_text(EN, encoding="utf-8")
    (corpus / "republished.txt").write_text(EN, encoding="utf-8")  # syndicated copy
    (corpus / "bom.txt").write_bytes(AR.encode("utf-8-sig"))
    (corpus / "wide.txt").write_bytes(AR.replace("1500", "2000").encode("utf-16"))
    (corpus / "old.txt").write_bytes(AR.replace("1500", "2500").encode("cp1256"))
    (corpus / "ansi.txt").write_text(EN.replace("Wednesday", "Wednesday \x1b]0;owned\x07\x1b[8m").replace(
        "3,000", "4,000"), encoding="utf-8")
    (corpus / "blob.txt").write_text(" ".join(f"word{i} troops border talks" for i in range(700)), encoding="utf-8")
    (corpus / "page.html").write_text("<html><head><title>Troops</title><script>alert(1)</script></head><body>"
                                      "<article><h1>Troops in Russia</h1>" + "".join(
                                          f"<p>{line}</p>" for line in EN.split("\n\n")[1:]) +
                                      "</article></body></html>", encoding="utf-8")
    (corpus / "feed.jsonl").write_text("\n".join([
        json.dumps({"text": EN.split("\n\n", 1)[1].replace("3,000", "5,000"), "title": "Feed title",
                    "published": "last week"}),
        "{broken",
    ]), encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    (corpus / "latin.txt").write_bytes("caf\xe9 cr\xe8me br\xfbl\xe9e au menu du jour".encode("latin-1"))
    (corpus / "report.md").write_text("# Fact-consistency report\n\n3 documents, 24 claims, 30 pairs: 1 contradictions\n")
    os.symlink("loop", corpus / "loop.txt")
    return {
        "empty.txt": "empty file", "binary.txt": "binary", "latin.txt": "not UTF-8",
        "report.md": "a factcheck report", "feed.jsonl:1": "invalid \"published\"",
        "feed.jsonl:2": "invalid JSON", "missing.txt": "no such file", "wire.txt": "given twice",
    }


@pytest.mark.slow
def test_every_input_class_in_one_run(tmp_path):
    expected = write_corpus(tmp_path / "corpus")
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(tmp_path / "corpus"), str(tmp_path / "corpus" / "wire.txt"),
         str(tmp_path / "missing.txt"), "--no-nli", "--no-progress", "--format", "json", "-o", str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode == 1, run.stderr
    said = {line for line in run.stderr.splitlines() if line.startswith("factcheck: skipped ")}
    for name, problem in expected.items():
        assert any(f"/{name}: " in line and problem in line for line in said), (name, run.stderr)
    report = json.loads(out.read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in report["documents"]}
    assert {"wire", "republished", "bom", "wide", "old", "ansi", "blob", "page", "feed:1"} <= set(docs)
    assert (docs["bom"]["encoding"], docs["wide"]["encoding"], docs["old"]["encoding"]) == ("utf-8-sig", "utf-16", "cp1256")
    assert docs["feed:1"]["title"] == "Feed title"
    # the same story as a file, its republication and a web page: one original, two identical copies
    identical = {(c["copy"], c["original"]) for c in report["copies"] if c["kind"] == "identical"}
    assert {("republished", "page"), ("wire", "page")} == identical
    claimed = {c["doc"] for c in report["claims"]}
    assert not {"republished", "wire"} & claimed and {"bom", "wide", "old", "ansi", "blob", "page", "feed:1"} <= claimed
    assert any("\x1b]0;owned" in c["text"] for c in report["claims"])  # JSON keeps the text exact
    # near-identical copies (one figure changed) are compared only where they differ
    near = {c["copy"] for c in report["copies"] if c["kind"] == "near-identical"} | {
        c["original"] for c in report["copies"] if c["kind"] == "near-identical"}
    assert {"ansi", "feed:1", "page", "bom", "wide", "old"} <= near
    texts = {c["id"]: c["text"] for c in report["claims"]}
    assert report["pairs"] and not any(texts[p["a"]] == texts[p["b"]] for p in report["pairs"])


def report_doc(report: dict, claim_id: str) -> str:
    return next(c["doc"] for c in report["claims"] if c["id"] == claim_id)
