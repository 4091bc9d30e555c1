"""Scoring logic of factcheck.evaluation.pairs_eval on hand-made reports: no models, fast."""

import json

import pytest

from factcheck.evaluation import pairs_eval as pe
from factcheck.evaluation.pairs_eval import GoldPair, Span


def claim(cid, doc, start, end):
    return {"id": cid, "doc": doc, "start": start, "end": end, "text": "x" * (end - start)}


def pair(a, b, label, confidence=0.9, similarity=0.9, reasons=()):
    return {"a": a, "b": b, "label": label, "confidence": confidence, "similarity": similarity,
            "reasons": [{"kind": k, "detail": d} for k, d in reasons], "nli": {}}


REPORT = {
    "claims": [
        claim("A1", "docA", 0, 50), claim("A2", "docA", 50, 100),
        claim("B1", "docB", 0, 40), claim("B2", "docB", 40, 90),
        claim("C1", "docC#2", 10, 60),
    ],
    "pairs": [
        pair("A1", "B1", "contradiction", 0.9, reasons=[("quantity", "1,500 vs 3,000")]),  # gold contradiction: TP
        pair("B2", "A2", "entailment", 0.8),    # reversed order, gold entailment: TP
        pair("A1", "C1", "contradiction", 0.7, reasons=[("date", "Saturday vs Sunday")]),  # not in gold: FP
        pair("A2", "C1", "neutral", 0.0),       # unmatched neutral: ignored
    ],
}

GOLD = [
    GoldPair(Span("docA", 10, 20), Span("docB", 5, 15), "contradiction", "quantity"),
    GoldPair(Span("docA", 60, 70), Span("docB", 45, 55), "entailment", "other"),
    GoldPair(Span("docB", 0, 10), Span("docC#2", 55, 80), "contradiction", "negation"),  # never paired: FN
]


def test_span_overlap_is_half_open_and_per_document():
    s = Span("d", 10, 20)
    assert s.overlaps("d", 19, 30) and s.overlaps("d", 0, 11) and s.overlaps("d", 12, 13)
    assert not s.overlaps("d", 20, 30) and not s.overlaps("d", 0, 10)
    assert not s.overlaps("other", 10, 20)


def test_matching_either_order_missing_gold_is_neutral_and_fp_counted():
    items = pe.match(REPORT, GOLD)
    by_gold = {i.gold_index: i for i in items}
    assert by_gold[0].pred == "contradiction" and by_gold[0].paired
    assert by_gold[1].pred == "entailment"
    assert by_gold[2].pred == "neutral" and not by_gold[2].paired
    fps = [i for i in items if i.gold_index is None]
    assert len(fps) == 1 and fps[0].pred == "contradiction" and fps[0].gold == "neutral" and fps[0].kind == "date"


def test_per_label_precision_recall_f1():
    result = pe.score(REPORT, pe.Gold(pairs=GOLD))
    con = result["labels"]["contradiction"]
    assert (con["precision"], con["recall"]) == (0.5, 0.5) and con["f1"] == 0.5
    ent = result["labels"]["entailment"]
    assert (ent["precision"], ent["recall"], ent["f1"]) == (1.0, 1.0, 1.0)
    neu = result["labels"]["neutral"]  # gold neutral: only the FP; predicted neutral: the missed gold pair
    assert (neu["precision"], neu["recall"], neu["f1"]) == (0.0, 0.0, 0.0)
    assert result["gold_pairs"] == 3 and result["false_positive_pairs"] == 1
    assert result["pair_recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["confusion"]["contradiction"]["neutral"] == 1
    assert result["kinds"]["quantity"]["contradiction"]["recall"] == 1.0
    assert result["kinds"]["negation"]["contradiction"]["recall"] == 0.0
    assert result["kinds"]["date"]["gold"] == 0 and result["kinds"]["date"]["contradiction"]["predicted"] == 1


def test_best_matching_prediction_is_chosen_without_looking_at_gold():
    report = {"claims": REPORT["claims"],
              "pairs": [pair("A1", "B1", "neutral", 0.0, 0.95), pair("A1", "B2", "contradiction", 0.6, 0.8)]}
    gold = [GoldPair(Span("docA", 0, 50), Span("docB", 30, 50), "contradiction", "quantity")]  # overlaps B1 and B2
    items = pe.match(report, gold)
    assert len(items) == 1 and items[0].pred == "contradiction" and items[0].confidence == 0.6


def test_compatible_quantity_reason_is_not_a_conflict_kind():
    p = pair("A1", "B1", "entailment", reasons=[("quantity", "compatible: about 3,000 vs 3,100")])
    assert pe.predicted_kind(p) == "other"


def test_ece():
    assert pe.expected_calibration_error([0.9] * 10, [True] * 9 + [False])["ece"] == pytest.approx(0.0)
    assert pe.expected_calibration_error([1.0, 1.0], [False, False])["ece"] == pytest.approx(1.0)
    r = pe.expected_calibration_error([0.95, 0.95, 0.55, 0.55], [True, False, True, True])
    # bin 0.9-1: conf .95 acc .5 -> .45; bin 0.5-0.6: conf .55 acc 1 -> .45; weighted: .45
    assert r["ece"] == pytest.approx(0.45) and len(r["bins"]) == 2
    assert pe.expected_calibration_error([], [])["ece"] is None


def test_calibration_leaves_out_pairs_without_confidence():
    result = pe.score(REPORT, pe.Gold(pairs=GOLD))
    assert result["calibration"]["n"] == 3  # two gold matches and the FP, all with a confidence
    assert result["calibration"]["without_confidence"] == 0


def test_sweep_drops_low_confidence_verdicts():
    rows = {r["threshold"]: r for r in pe.score(REPORT, pe.Gold(pairs=GOLD))["sweep"]["confidence"]}
    assert rows[0.0]["contradiction_precision"] == 0.5
    assert rows[0.75]["contradiction_precision"] == 1.0 and rows[0.75]["contradiction_recall"] == 0.5
    assert rows[1.0]["contradiction_recall"] == 0.0


def test_pooled_equals_concatenation():
    r = pe.score(REPORT, pe.Gold(pairs=GOLD))
    both = pe.pooled([r, r])
    assert both["gold_pairs"] == 6 and both["labels"]["contradiction"]["precision"] == 0.5


def test_load_gold_and_span_round_trip(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "Published: 12 March 2024\nThe quake killed 1,200 people on Saturday.\n"
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    (corpus / "b.txt").write_text("تاريخ النشر: 12 مارس 2024\nقتل ١٢٠٠ شخص يوم الأحد.\n", encoding="utf-8")
    b_text = (corpus / "b.txt").read_text(encoding="utf-8")
    sa = text.index("killed 1,200")
    sb = b_text.index("١٢٠٠")
    good = {"corpus": "t", "a": {"doc": "a", "start": sa, "end": sa + 12, "text": "killed 1,200"},
            "b": {"doc": "b", "start": sb, "end": sb + 4, "text": "١٢٠٠"}, "label": "entailment", "kind": "quantity"}
    bad = json.loads(json.dumps(good))
    bad["b"]["start"] += 1
    fact = {"fact": "toll", "claims": [good["a"], good["b"]], "status": "consistent"}
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in (good, bad, fact)) + "\n", encoding="utf-8")
    gold = pe.load_gold(gold_file)
    assert len(gold.pairs) == 2 and len(gold.facts) == 1
    errors = pe.span_errors(gold, corpus)
    assert len(errors) == 1 and "b [" in errors[0]


def test_load_gold_rejects_bad_label(tmp_path):
    f = tmp_path / "g.jsonl"
    f.write_text('{"a": {"doc": "a", "start": 0, "end": 1}, "b": {"doc": "b", "start": 0, "end": 1}, "label": "agree"}\n')
    with pytest.raises(pe.GoldError, match="label"):
        pe.load_gold(f)


def test_fact_scores():
    report = {"claims": REPORT["claims"], "facts": [{"id": "f1", "claims": ["A1", "B1"], "status": "conflicting"}]}
    facts = [pe.GoldFact("troops", [Span("docA", 0, 5), Span("docB", 0, 5)], "conflicting"),
             pe.GoldFact("other", [Span("docA", 60, 65), Span("docC#2", 20, 25)], "consistent")]
    assert pe.fact_scores(report, facts) == {"gold_facts": 2, "recall": 0.5, "status_accuracy": 1.0}


def test_cli_scores_a_saved_report(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "docA.txt").write_text("a" * 100, encoding="utf-8")
    (corpus / "docB.txt").write_text("b" * 100, encoding="utf-8")
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"a": {"doc": "docA", "start": 10, "end": 20, "text": "a" * 10},
                                "b": {"doc": "docB", "start": 5, "end": 15, "text": "b" * 10},
                                "label": "contradiction", "kind": "quantity"}) + "\n")
    report = tmp_path / "r.json"
    report.write_text(json.dumps(REPORT))
    assert pe.main(["--corpus", str(corpus), "--gold", str(gold), "--report", str(report), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["labels"]["contradiction"]["recall"] == 1.0 and out["false_positive_pairs"] == 2


def _harness():
    import importlib.util
    import sys
    from pathlib import Path

    if "eval_harness" in sys.modules:
        return sys.modules["eval_harness"]
    path = Path(__file__).resolve().parents[2] / "eval" / "harness.py"
    spec = importlib.util.spec_from_file_location("eval_harness", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_harness"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_thresholds_are_measured_minus_margin_and_checked():
    h = _harness()
    scores = pe.score(REPORT, pe.Gold(pairs=GOLD))
    run = h.Run(results={"checks-only": {"all": scores}, "full": {"all": scores}}, nli_model="m")
    bounds = h.measured_thresholds(run, margin=0.05)
    assert bounds["pairs"]["checks-only"]["all"]["labels.contradiction.f1"] == 0.45
    assert bounds["pairs"]["checks-only"]["all"]["max:false_positive_pairs"] == 3  # 1 + at least 2
    assert "full[m]" in bounds["pairs"]  # NLI ablations are keyed by model
    assert h.threshold_failures(scores, bounds["pairs"]["checks-only"]["all"]) == []
    worse = {**scores, "false_positive_pairs": 9, "labels": {**scores["labels"], "contradiction": {
        **scores["labels"]["contradiction"], "f1": 0.1}}}
    failures = h.threshold_failures(worse, bounds["pairs"]["checks-only"]["all"])
    assert any("contradiction.f1" in f for f in failures) and any("false_positive_pairs" in f for f in failures)


def test_memo_nli_scores_each_pair_once():
    h = _harness()
    calls = []

    class Fake:
        def predict(self, pairs):
            calls.append(list(pairs))
            return [{"entailment": 1.0, "neutral": 0.0, "contradiction": 0.0} for _ in pairs]

    memo = h.MemoNLI(Fake())
    assert len(memo.predict([("a", "b"), ("b", "a"), ("a", "b")])) == 3
    memo.predict([("a", "b"), ("c", "d")])
    assert calls == [[("a", "b"), ("b", "a")], [("c", "d")]]


def test_nli_benchmarks_skip_cleanly_without_model_or_data(monkeypatch, tmp_path):
    h = _harness()
    run = h.Run(nli_model=None)
    h.run_nli(run, log=lambda *_: None)
    assert set(run.nli_skipped) == set(h.BENCHMARKS) and "no NLI model" in run.nli_skipped["xnli-ar"]
    monkeypatch.setenv("FACTCHECK_DATASETS", str(tmp_path / "absent"))
    monkeypatch.delenv("FACTCHECK_EVAL_HUB", raising=False)
    run = h.Run(nli_model="some/model")  # never loaded: no data to score
    h.run_nli(run, log=lambda *_: None)
    assert not run.nli and all("not found" in reason for reason in run.nli_skipped.values())


def test_nli_model_from_env(monkeypatch):
    h = _harness()
    monkeypatch.setenv("FACTCHECK_EVAL_NLI_MODEL", "none")
    assert h.nli_model_name() is None
    monkeypatch.setenv("FACTCHECK_EVAL_NLI_MODEL", "org/model")
    assert h.nli_model_name() == "org/model"
