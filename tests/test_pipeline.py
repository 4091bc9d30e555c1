"""The whole checker on the five seed articles, with the offline default models."""

import json

import pytest

from factcheck.report import render_html, render_json, render_markdown, render_terminal

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_report(seeds_dir, tmp_path_factory):
    from factcheck import Checker, Config

    return Checker(Config()).check([seeds_dir])


def test_every_claim_span_round_trips_to_the_original_file(seed_report):
    docs = {d.id: d for d in seed_report.documents}
    for claim in seed_report.claims:
        with open(docs[claim.doc].path, encoding="utf-8", newline="") as handle:
            assert handle.read()[claim.start:claim.end] == claim.text


def test_claims_of_one_document_are_paired_only_between_different_speakers(seed_report):
    from factcheck.pairing import speaker

    claims = {c.id: c for c in seed_report.claims}
    assert seed_report.pairs
    for pair in seed_report.pairs:
        a, b = claims[pair.a], claims[pair.b]
        assert a.doc != b.doc or (a.attribution and b.attribution and speaker(a) != speaker(b))


def test_host_and_appended_story_count_as_different_documents(seed_report):
    doc_of = {c.id: c.doc for c in seed_report.claims}
    docs = {frozenset((doc_of[p.a], doc_of[p.b])) for p in seed_report.pairs}
    assert any("002_7f3ffb81817a861b#2" in pair for pair in docs)


def test_json_report_has_the_documented_fields(seed_report):
    data = json.loads(render_json(seed_report))
    assert len(data["documents"]) == 7
    assert set(data["documents"][0]) >= {"id", "path", "title", "published", "language", "parent", "start", "end"}
    assert set(data["claims"][0]) >= {"id", "doc", "text", "start", "end"}
    assert set(data["pairs"][0]) >= {"a", "b", "label", "confidence", "similarity", "reasons"}
    assert {p["label"] for p in data["pairs"]} <= {"entailment", "neutral", "contradiction"}


def test_every_format_renders_the_seeds(seed_report):
    summary = f"7 documents, {len(seed_report.claims)} claims, {len(seed_report.pairs)} pairs"
    for render in (render_terminal, render_markdown, render_html):
        assert summary in render(seed_report)


def test_troop_numbers_are_one_conflicting_fact_with_every_version(seed_report):
    troops = [f for f in seed_report.facts if f.summary.startswith("troops:")]
    assert troops and troops[0].status == "conflicting"
    values = {v["value"] for v in troops[0].versions}
    assert {"1,500 troops", "more than 3,000 troops", "3,000 troops", "up to 11,000 troops"} <= values


def test_seed_troop_figures_conflict_with_the_undated_1500_and_april_2025_updates_the_white_house(seed_report):
    doc_of = {c.id: c.doc.split("_")[0] for c in seed_report.claims}
    quantity = {frozenset((doc_of[p.a], doc_of[p.b])): p for p in seed_report.pairs
                if any(r.kind == "quantity" for r in p.reasons)}
    for docs in [{"000", "001"}, {"001", "003"}, {"001", "002"}]:
        assert quantity[frozenset(docs)].label == "contradiction", docs
    for docs in [{"000", "002"}, {"002", "003"}]:  # up to 11,000 in April 2025: a later estimate
        pair = quantity[frozenset(docs)]
        assert pair.label != "contradiction" and [r.relation for r in pair.reasons if r.kind == "quantity"] == ["update"]
    assert quantity[frozenset({"000", "003"})].label != "contradiction"


def test_kremlin_acknowledgement_conflicts_with_the_first_official_confirmation_from_pyongyang(seed_report):
    firsts = [p for p in seed_report.pairs if any(r.kind == "first" for r in p.reasons)]
    assert any(p.a.startswith("002_7f3ffb81817a861b#2") and p.b.startswith("004_") for p in firsts)


def test_no_conflict_with_the_appended_iran_story_or_between_the_two_summonings(seed_report):
    text = {c.id: c.text for c in seed_report.claims}
    for pair in seed_report.pairs:
        if pair.label != "contradiction":
            continue
        assert "003_349d150d1a2d97aa#2" not in (pair.a.split(":")[0], pair.b.split(":")[0])
        assert not ("استدعت" in text[pair.a] and "استدعت" in text[pair.b])


def test_a_failing_extractor_skips_one_article_and_keeps_the_rest(seeds_dir, monkeypatch):
    from factcheck import Checker, Config
    from factcheck.extract import features as claims_module

    original = claims_module.find_quantities

    def broken_on_troops(text):
        if "1500 جندي" in text:
            raise ValueError("boom")
        return original(text)

    monkeypatch.setattr(claims_module, "find_quantities", broken_on_troops)
    report = Checker(Config(nli_model=None)).check([seeds_dir])
    assert [p.path.rsplit("/", 1)[-1] for p in report.problems] == ["001_765a9e3110cb316c.txt (001_765a9e3110cb316c)"]
    assert {c.doc for c in report.claims} >= {"000_80cd373ff1d3d8d0", "004_0c1c4f2951690474"}
    assert report.pairs


def test_a_run_on_the_cpu_with_models_already_built_imports_neither_pytorch_nor_transformers(seed_report, seeds_dir):
    """Importing them costs seconds; ONNX Runtime and the tokenizers library do the work instead."""
    import subprocess
    import sys

    pytest.importorskip("onnxruntime")
    probe = ("import sys; from factcheck import Checker, Config; "
             f"report = Checker(Config(device='cpu')).check([{str(seeds_dir)!r}]); "
             "print(len(report.pairs), *(name in sys.modules for name in ('torch', 'transformers', 'sentence_transformers')))")
    pairs, *imported = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                      check=True).stdout.split()
    assert int(pairs) == len(seed_report.pairs)
    assert imported == ["False", "False", "False"]
