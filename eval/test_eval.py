"""``pytest eval/``: gold integrity, pair scores per ablation, NLI benchmarks, calibration output.

Minimums live in ``eval/thresholds.json`` (re-measure with ``python eval/harness.py
--update-thresholds``); a metric falling below its bound fails the run.
"""

from __future__ import annotations

import json

import pytest

import harness
from factcheck.evaluation import pairs_eval as pe

CORPORA = harness.gold_corpora()


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_gold_spans_round_trip(corpus):
    articles, gold_path = CORPORA[corpus]
    gold = pe.load_gold(gold_path)
    assert gold.pairs, f"{gold_path} holds no gold pairs"
    assert pe.span_errors(gold, articles) == []


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_gold_doc_ids_are_factcheck_documents(corpus):
    from factcheck.ingest import read_sources
    from factcheck import stages

    articles, gold_path = CORPORA[corpus]
    sources, problems = read_sources([articles])
    assert not problems
    documents = {d.id: d for d in stages.articles(sources)[0]}
    gold = pe.load_gold(gold_path)
    for span in [s for p in gold.pairs for s in (p.a, p.b)] + [s for f in gold.facts for s in f.claims]:
        assert span.doc in documents, f"{span.doc} is not a document id factcheck gives"
        doc = documents[span.doc]
        assert doc.start <= span.start and span.end <= doc.end, f"{span} lies outside document {doc.id}"


def test_gold_pairs_are_cross_document_and_unique():
    for corpus, (_, gold_path) in CORPORA.items():
        seen = set()
        for p in pe.load_gold(gold_path).pairs:
            assert p.a.doc != p.b.doc, f"{corpus}: same-document gold pair {p}"
            key = frozenset([(p.a.doc, p.a.start, p.a.end), (p.b.doc, p.b.start, p.b.end)])
            assert key not in seen, f"{corpus}: duplicate gold pair {p}"
            seen.add(key)


def test_gold_covers_every_label_and_kind():
    pairs = [p for _, g in CORPORA.values() for p in pe.load_gold(g).pairs]
    assert {p.label for p in pairs} == set(pe.LABELS)
    assert {p.kind for p in pairs} == {*pe.LEGACY_CONFLICT_REASONS, "other"}


@pytest.mark.parametrize("ablation", list(harness.ABLATIONS))
def test_pair_scores_meet_thresholds(eval_run, thresholds, ablation):
    assert ablation not in eval_run.errors, f"the pipeline crashed:\n{eval_run.errors.get(ablation)}"
    if ablation in eval_run.skipped:
        pytest.skip(f"{ablation}: {eval_run.skipped[ablation]}")
    key = harness.threshold_key(ablation, eval_run.nli_model)
    bounds = thresholds.get("pairs", {}).get(key)
    if not bounds:
        pytest.skip(f"no thresholds recorded for {key!r}: run `python eval/harness.py --update-thresholds`")
    failures = [f"{corpus}: {failure}" for corpus, metrics in bounds.items() if corpus in eval_run.results[ablation]
                for failure in harness.threshold_failures(eval_run.results[ablation][corpus], metrics)]
    assert not failures, f"{ablation} regressed:\n" + "\n".join(failures)


@pytest.mark.parametrize("benchmark", list(harness.BENCHMARKS))
def test_nli_benchmark_meets_thresholds(eval_run, thresholds, benchmark):
    if benchmark not in eval_run.nli:
        pytest.skip(f"NLI benchmark {benchmark}: {eval_run.nli_skipped.get(benchmark, 'not run')}")
    key = f"{benchmark}[{eval_run.nli_model}]"
    bounds = thresholds.get("nli", {}).get(key)
    if not bounds:
        pytest.skip(f"no thresholds recorded for {key!r}: run `python eval/harness.py --update-thresholds`")
    failures = harness.threshold_failures(eval_run.nli[benchmark], bounds)
    assert not failures, f"{key} regressed: " + "; ".join(failures)


def test_structured_checks_beat_embeddings_only(eval_run):
    if {"checks-only", "embeddings-only"} - set(eval_run.results):
        pytest.skip("an ablation did not run (see the table)")
    checks = eval_run.results["checks-only"]["all"]
    embeddings = eval_run.results["embeddings-only"]["all"]
    assert checks["labels"]["contradiction"]["f1"] > embeddings["labels"]["contradiction"]["f1"]


def test_results_and_calibration_written(eval_run):
    results = json.loads(harness.RESULTS.read_text(encoding="utf-8"))
    assert set(results["pairs"]) == set(eval_run.results)
    calibration = json.loads(harness.CALIBRATION.read_text(encoding="utf-8"))
    for ablation, data in calibration.items():
        assert len(data["sweep"]["confidence"]) == len(pe.SWEEP_STEPS), ablation
        assert "ece" in data["ece"]


def test_real_news_scores_meet_thresholds(eval_run, thresholds):
    if eval_run.real_skipped:
        pytest.skip(eval_run.real_skipped)
    crashed = {k: v for k, v in eval_run.errors.items() if k.startswith("real-news/")}
    assert not crashed, "the pipeline crashed on real clusters:\n" + "\n".join(crashed.values())
    bounds = thresholds.get("real_news")
    if not bounds:
        pytest.skip("no real-news thresholds recorded: run `python eval/harness.py --update-thresholds`")
    failures = harness.threshold_failures(eval_run.real["all"], bounds)
    assert not failures, "real-news scores regressed: " + "; ".join(failures)


def test_real_news_gold_spans_round_trip():
    clusters = harness.real_news_dir()
    golds = sorted(harness.REAL_GOLD_DIR.glob("*.jsonl"))
    if not clusters.is_dir():
        pytest.skip(f"real-news clusters not found under {clusters} (set FACTCHECK_REAL_NEWS)")
    import sys

    sys.path.insert(0, str(harness.GOLD_DIR))
    import real_span

    problems = [f"{g.name}:{n}: {e}" for g in golds
                for n, line in enumerate(g.read_text(encoding="utf-8").splitlines(), 1) if line.strip()
                for e in real_span.check_record(json.loads(line))]
    assert len(golds) >= 12 and not problems, problems[:5]


@pytest.mark.parametrize("benchmark", list(harness.BENCHMARKS))
def test_whole_verdict_on_benchmark_pairs_meets_thresholds(eval_run, thresholds, benchmark):
    if benchmark not in eval_run.verdict:
        pytest.skip(f"verdict on {benchmark}: {eval_run.nli_skipped.get(benchmark, 'not run')}")
    key = f"{benchmark}[{eval_run.nli_model}]"
    bounds = thresholds.get("verdict", {}).get(key)
    if not bounds:
        pytest.skip(f"no thresholds recorded for {key!r}: run `python eval/harness.py --update-thresholds`")
    failures = harness.threshold_failures(eval_run.verdict[benchmark], bounds)
    assert not failures, f"verdict on {key} regressed: " + "; ".join(failures)


def test_perturbation_benchmark_meets_thresholds(eval_run, thresholds):
    if not eval_run.perturbation:
        pytest.skip(eval_run.perturbation_skipped or "not run")
    bounds = thresholds.get("perturbation")
    if not bounds:
        pytest.skip("no perturbation thresholds recorded: run `python eval/harness.py --update-thresholds`")
    failures = harness.threshold_failures(eval_run.perturbation, bounds)
    assert not failures, "perturbation benchmark regressed: " + "; ".join(failures)
