"""Adding a conflict kind is one check class and its registration: nothing else is edited.

A toy check ("the two claims give a widget different colours") is registered here; it shows
up in pairing, the verdict, the facts, every report format and the evaluation.
"""

import json

import numpy as np
import pytest

from factcheck.checks import CHECKS, BaseCheck, load_checks, register_check
from factcheck.config import Config
from factcheck.evaluation import pairs_eval as pe
from factcheck.pairing import structured_keys
from factcheck.pipeline import Checker
from factcheck.report import render_json, render_markdown, render_terminal
from factcheck.schema import Reason

COLOURS = ("red", "blue", "green")


def colour(text):
    return next((c for c in COLOURS if f"{c} widget" in text), None)


class ToyCheck(BaseCheck):
    kind = "toy"

    def keys(self, claim):
        return {"widget"} if colour(claim.text) else set()

    def compare(self, ctx):
        ca, cb = colour(ctx.a.text), colour(ctx.b.text)
        if ca and cb and ca != cb:
            return [Reason("toy", "conflict", key="widget colour", values=(ca, cb), sources=ctx.sources)]
        return []


@pytest.fixture
def toy_registered():
    register_check(ToyCheck)
    yield
    CHECKS.unregister("toy")


class NearOnlyForWidgets:
    """Claims are far apart (cosine 0), except widget claims, at cosine 0.95: below the
    pairing threshold of 0.97, above the structured one of 0.92."""

    def encode(self, texts):
        vectors = np.zeros((len(texts), len(texts) + 2), dtype=np.float32)
        for i, text in enumerate(texts):
            if colour(text):
                vectors[i, 0], vectors[i, 1] = 1.0, 0.0 if colour(text) == "red" else 0.329
            else:
                vectors[i, i + 2] = 1.0
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "one.txt").write_text("The factory painted every red widget for the fair last week.\n"
                                      "Officials opened the new bridge over the river on Monday.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("The factory painted every blue widget for the fair last week.\n"
                                      "Heavy rain closed three schools in the northern district.\n", encoding="utf-8")
    return tmp_path


def test_a_registered_check_is_used_everywhere_without_editing_other_modules(toy_registered, corpus):
    config = Config(nli_model=None, similarity_threshold=0.97, structured_margin=0.05)
    checker = Checker(config, encoder=NearOnlyForWidgets())
    assert "toy" in [c.kind for c in checker.checks]
    report = checker.check([corpus])

    # pairing: the widget claims meet through the toy check's key, not through similarity
    red, blue = (next(c for c in report.claims if f"{x} widget" in c.text) for x in ("red", "blue"))
    assert "toy:widget" in structured_keys(red, checker.checks)
    [pair] = [p for p in report.pairs if {p.a, p.b} == {red.id, blue.id}]
    assert pair.similarity < 0.97

    # verdict: a contradiction, with the unmeasured rule's confidence
    assert pair.label == "contradiction" and 0 < pair.confidence < 1
    assert [r.kind for r in pair.reasons if r.conflicts] == ["toy"]

    # facts: one valued fact keyed by what the toy check compared
    [fact] = [f for f in report.facts if f.summary.startswith("widget colour")]
    assert fact.status == "conflicting" and set(fact.claims) == {red.id, blue.id}
    assert {v["value"] for v in fact.versions} == {"red", "blue"}

    # reports: the reason as prose in every format
    data = json.loads(render_json(report))
    [reason] = [r for p in data["pairs"] for r in p["reasons"] if r["kind"] == "toy"]
    assert reason["relation"] == "conflict" and "red" in reason["detail"] and "blue" in reason["detail"]
    assert "toy conflict" in render_markdown(report) and "toy conflict" in render_terminal(report, width=200)

    # evaluation: a gold pair of kind "toy" is scored under its own kind
    gold = pe.Gold(pairs=[pe.GoldPair(pe.Span(red.doc, red.start, red.end, red.text),
                                      pe.Span(blue.doc, blue.start, blue.end, blue.text), "contradiction", "toy")])
    scores = pe.score(data, gold)
    assert scores["kinds"]["toy"]["contradiction"]["f1"] == 1.0


def test_an_unregistered_check_name_lists_the_registered_ones():
    from factcheck.errors import ConfigError

    with pytest.raises(ConfigError, match="quantity"):
        load_checks(["quantity", "colour"])


def test_config_selects_checks_by_name_in_the_given_order():
    assert [c.kind for c in load_checks(["first", "quantity"])] == ["first", "quantity"]
    # the swap check before the gates: "different countries" would end the comparison first
    assert [c.kind for c in load_checks()][:3] == ["where", "place", "year"]
