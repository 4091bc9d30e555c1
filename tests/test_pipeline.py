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


def test_claims_are_paired_only_across_documents(seed_report):
    doc_of = {c.id: c.doc for c in seed_report.claims}
    assert seed_report.pairs
    for pair in seed_report.pairs:
        assert doc_of[pair.a] != doc_of[pair.b]


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
    for render in (render_terminal, render_markdown, render_html):
        assert "002_7f3ffb81817a861b" in render(seed_report)
