"""Evaluation harness behind ``pytest eval/`` (and ``python eval/harness.py``).

* pair-level scores of each gold corpus (``eval/gold/<corpus>.jsonl``) under four ablations:
  embeddings only, NLI only, structured checks only, full pipeline;
* NLI benchmarks (XNLI ar/en dev, ANS stance dev) from ``../shared/datasets`` through the
  ``datasets`` library, with the configured NLI model;
* calibration (ECE, reliability bins, confidence/similarity sweeps) -> ``eval/calibration.json``
  (+ ``eval/calibration.png`` when matplotlib is installed);
* every number -> ``eval/results.json``; minimums in ``eval/thresholds.json``.

Re-measure the thresholds after a deliberate change (extractors, models)::

    PYTHONPATH=. python eval/harness.py --update-thresholds   # measured value minus the margin

Environment: ``FACTCHECK_EVAL_NLI_MODEL`` (a model name, or ``none``) overrides
``Config().nli_model``; ``FACTCHECK_EVAL_FULL=1`` (or ``pytest --eval-full``) runs the full dev
sets instead of the default subsets; ``FACTCHECK_DATASETS`` points at the data directory.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

EVAL = Path(__file__).resolve().parent
ROOT = EVAL.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from factcheck import metrics  # noqa: E402
from factcheck.evaluation import pairs_eval as pe  # noqa: E402

GOLD_DIR = EVAL / "gold"
RESULTS = EVAL / "results.json"
# every missed discrepancy and every false alarm of the last run, to read (not a record: regenerated)
REAL_DETAILS = EVAL / "real_news_details.json"
# the checker's real-news scores before the verdicts were rebuilt (issue: measure before you fix)
REAL_BASELINE = EVAL / "real_news_baseline.json"
CALIBRATION = EVAL / "calibration.json"
CALIBRATION_PNG = EVAL / "calibration.png"
THRESHOLDS = EVAL / "thresholds.json"

# Pipeline ablations: (NLI: "required" / "if-available" / False, structured checks).
# "full" is the pipeline as configured: with the NLI model when there is one, else checks only.
ABLATIONS = {
    "embeddings-only": (False, False),
    "nli-only": ("required", False),
    "checks-only": (False, True),
    "full": ("if-available", True),
}

# Hub copies, used when the local file is absent and FACTCHECK_EVAL_HUB=1 (needs network).
HUB = {"xnli-ar": ("facebook/xnli", "ar"), "xnli-en": ("facebook/xnli", "en")}
XNLI_HUB_LABELS = {0: "entailment", 1: "neutral", 2: "contradiction"}

# NLI benchmarks: name -> (relative path, format, default subset size).
BENCHMARKS = {
    "xnli-ar": ("xnli/dev-ar.tsv", "xnli", 300),
    "xnli-en": ("xnli/dev-en.tsv", "xnli", 300),
    "ans-stance": ("ans/stance/dev.csv", "ans", 300),
}
ANS_LABELS = {"agree": "entailment", "disagree": "contradiction", "other": "neutral"}


def full_mode() -> bool:
    return os.environ.get("FACTCHECK_EVAL_FULL", "").lower() in ("1", "true", "yes")


def datasets_dir() -> Path:
    return Path(os.environ.get("FACTCHECK_DATASETS", ROOT.parent / "shared" / "datasets"))


def nli_model_name() -> str | None:
    """The NLI model to evaluate: $FACTCHECK_EVAL_NLI_MODEL, else the configured default, else None."""
    from factcheck.config import Config

    env = os.environ.get("FACTCHECK_EVAL_NLI_MODEL")
    if env is not None:
        return None if env.strip().lower() in ("", "none", "off") else env.strip()
    return Config().nli_model


def corpus_dir(corpus: str) -> Path:
    return ROOT / "seeds" if corpus == "seeds" else EVAL / "corpora" / corpus


REAL_GOLD_DIR = GOLD_DIR / "real"


def real_news_dir() -> Path:
    return Path(os.environ.get("FACTCHECK_REAL_NEWS", ROOT.parent / "shared" / "real-news"))


def gold_corpora() -> dict[str, tuple[Path, Path]]:
    """corpus name -> (articles dir, gold file), for every ``eval/gold/*.jsonl``."""
    return {p.stem: (corpus_dir(p.stem), p) for p in sorted(GOLD_DIR.glob("*.jsonl"))}


# ----------------------------------------------------------------------------- pair evaluation


@dataclass
class Run:
    results: dict = field(default_factory=dict)  # ablation -> corpus|"all" -> scores
    skipped: dict = field(default_factory=dict)  # ablation -> reason
    errors: dict = field(default_factory=dict)  # ablation -> traceback of a pipeline crash
    nli: dict = field(default_factory=dict)  # benchmark -> scores
    nli_skipped: dict = field(default_factory=dict)  # benchmark -> reason
    nli_model: str | None = None
    seconds: dict = field(default_factory=dict)
    nli_backend: object = None  # the loaded NLI model, shared by the ablations and the benchmarks
    real: dict = field(default_factory=dict)  # real-news cluster -> scores, plus "all"
    real_skipped: str | None = None
    verdict: dict = field(default_factory=dict)  # benchmark -> full verdict vs model alone
    perturbation: dict = field(default_factory=dict)
    perturbation_skipped: str | None = None


class MemoNLI:
    """Wraps an ``NLIModel``: each (premise, hypothesis) is scored once for all ablations."""

    def __init__(self, model) -> None:
        self.model = model
        self.cache: dict[tuple[str, str], dict] = {}

    def predict(self, pairs):
        missing = list(dict.fromkeys(p for p in pairs if p not in self.cache))
        if missing:
            self.cache.update(zip(missing, self.model.predict(missing), strict=True))
        return [self.cache[p] for p in pairs]


def ablation_config(name: str, nli_model: str | None):
    from factcheck.config import Config

    uses_nli, checks = ABLATIONS[name]
    config = Config().replace(show_progress=False)
    # Config.replace ignores None, so the NLI model is set through dataclasses directly.
    import dataclasses

    return dataclasses.replace(config, nli_model=nli_model if uses_nli else None, structured_checks=checks)


def run_pairs(run: Run, corpora: dict | None = None, log=print) -> None:
    """Run the pipeline once per corpus per ablation (identical configs share one run)."""
    from factcheck.errors import FactcheckError
    from factcheck.pipeline import Checker, default_encoder, default_nli

    corpora = corpora or gold_corpora()
    model = run.nli_model
    done: dict[tuple, dict] = {}
    shared_encoder = shared_nli = None
    for ablation, (uses_nli, _) in ABLATIONS.items():
        if uses_nli == "required" and not model:
            run.skipped[ablation] = "no NLI model (set FACTCHECK_EVAL_NLI_MODEL or Config.nli_model)"
            continue
        config = ablation_config(ablation, model)
        key = (config.nli_model, config.structured_checks)
        if key in done:
            run.results[ablation] = done[key]
            continue
        # one embedding model and one memoised NLI model for all ablations
        shared_encoder = shared_encoder or default_encoder(config)
        if config.nli_model and shared_nli is None:
            shared_nli = MemoNLI(default_nli(config))
            run.nli_backend = shared_nli.model
        checker = Checker(config, encoder=shared_encoder, nli=shared_nli if config.nli_model else None)
        began = time.perf_counter()
        per_corpus: dict = {}
        try:
            for corpus, (articles, gold_path) in corpora.items():
                gold = pe.load_gold(gold_path)
                report, seconds = pe.run_report(articles, checker=checker)
                per_corpus[corpus] = pe.score(report, gold)
                per_corpus[corpus]["seconds"] = round(seconds, 2)
        except FactcheckError as exc:  # e.g. the NLI model cannot be loaded
            run.skipped[ablation] = f"{type(exc).__name__}: {exc}"
            continue
        except Exception:  # a crash is a failure of that ablation, not of the whole evaluation
            import traceback

            run.errors[ablation] = traceback.format_exc()
            log(f"[eval] {ablation} crashed:\n{run.errors[ablation]}")
            continue
        per_corpus["all"] = pe.pooled(per_corpus[c] for c in corpora)
        run.results[ablation] = done[key] = per_corpus
        run.seconds[ablation] = round(time.perf_counter() - began, 1)
        log(f"[eval] {ablation}: {run.seconds[ablation]} s")


# ----------------------------------------------------------------------------- NLI benchmarks


def load_benchmark(name: str, limit: int | None) -> list[tuple[str, str, str]]:
    """(premise, hypothesis, label) rows through ``datasets.load_dataset('csv', ...)``."""
    import csv

    from datasets import load_dataset

    rel, fmt, _ = BENCHMARKS[name]
    path = datasets_dir() / rel
    if not path.exists() and name in HUB:
        ds = load_dataset(*HUB[name], split="validation")
        rows = [(r["premise"], r["hypothesis"], XNLI_HUB_LABELS.get(r["label"], "")) for r in ds]
        return rows[:limit] if limit else rows
    if fmt == "xnli":
        ds = load_dataset("csv", data_files=str(path), delimiter="\t", quoting=csv.QUOTE_NONE,
                          column_names=["premise", "hypothesis", "label"], split="train")
        rows = [(r["premise"], r["hypothesis"], str(r["label"]).strip()) for r in ds]
    else:
        ds = load_dataset("csv", data_files=str(path), split="train")
        rows = [(r["s1"], r["s2"], ANS_LABELS.get(str(r["stance"]).strip(), "")) for r in ds]
    rows = [r for r in rows if r[0] and r[1] and r[2] in pe.LABELS]
    if fmt == "xnli":
        held = _held_out_indices()
        if held is not None:  # the shipped model was tuned on part of XNLI dev: score only the rest
            rows = [rows[i] for i in held if i < len(rows)]
    return rows[:limit] if limit else rows


def _held_out_indices() -> list[int] | None:
    try:
        from factcheck.evaluation.nli_eval import held_out_indices

        return held_out_indices()
    except Exception:  # module or manifest absent: the whole dev set is unseen
        return None


def run_nli(run: Run, log=print) -> None:
    model_name = run.nli_model
    if not model_name:
        for name in BENCHMARKS:
            run.nli_skipped[name] = "no NLI model (set FACTCHECK_EVAL_NLI_MODEL or Config.nli_model)"
        return
    try:
        import datasets  # noqa: F401
    except ImportError:
        for name in BENCHMARKS:
            run.nli_skipped[name] = "the `datasets` package is not installed (pip install factcheck[eval])"
        return
    from factcheck.errors import FactcheckError
    from factcheck.nli import NLIModel

    model = run.nli_backend or NLIModel(model=model_name)
    for name, (rel, _, default_limit) in BENCHMARKS.items():
        path = datasets_dir() / rel
        hub = name in HUB and os.environ.get("FACTCHECK_EVAL_HUB", "").lower() in ("1", "true", "yes")
        if not path.exists() and not hub:
            run.nli_skipped[name] = f"{path} not found (data dir absent; set FACTCHECK_DATASETS)"
            continue
        rows = load_benchmark(name, None if full_mode() else default_limit)
        began = time.perf_counter()
        try:
            probs = model.predict([(p, h) for p, h, _ in rows])
        except FactcheckError as exc:
            run.nli_skipped[name] = f"{type(exc).__name__}: {exc}"
            continue
        seconds = time.perf_counter() - began
        gold, pred = [g for _, _, g in rows], [max(p, key=p.get) for p in probs]
        scores = metrics.classification_scores(gold, pred, pe.LABELS)
        run.nli[name] = {
            "n": len(rows), "accuracy": scores["accuracy"], "macro_f1": scores["macro_f1"],
            "labels": scores["per_class"], "confusion": scores["confusion"], "seconds": round(seconds, 1),
            "held_out_only": BENCHMARKS[name][1] == "xnli" and _held_out_indices() is not None,
            "ece": metrics.expected_calibration_error([max(p.values()) for p in probs],
                                                      [g == q for g, q in zip(gold, pred, strict=True)])["ece"],
        }
        log(f"[eval] NLI {name}: {len(rows)} pairs, {seconds:.1f} s")


# ----------------------------------------------------------------------------- output


def table(run: Run) -> str:
    lines = [pe.TABLE_HEADER.replace("run" + " " * 14, "ablation / corpus", 1)]
    for ablation in ABLATIONS:
        if ablation in run.skipped:
            lines.append(f"{ablation:<34} skipped: {run.skipped[ablation]}")
            continue
        if ablation in run.errors:
            lines.append(f"{ablation:<34} CRASHED: {run.errors[ablation].strip().splitlines()[-1]}")
            continue
        shown = ablation if not ABLATIONS[ablation][0] or run.nli_model else f"{ablation} (no NLI)"
        for corpus, scores in run.results.get(ablation, {}).items():
            lines.append(pe.format_row(f"{shown} / {corpus}", scores))
    lines.append("")
    lines.append("pairR: gold pairs paired at all; acc: label accuracy on gold pairs; con*: contradiction "
                 "P/R/F1 (FP = non-neutral pairs absent from gold); ECE over pairs with a confidence")
    kinds = run.results.get("full", {}).get("all", {}).get("kinds")
    if kinds:
        lines.append("full / all, per kind: " + "; ".join(
            f"{k} n={v['gold']} acc={v['accuracy']} conF1={v['contradiction']['f1']}" for k, v in kinds.items()))
    by_reason = run.results.get("full", {}).get("all", {}).get("calibration", {}).get("by_reason")
    if by_reason:
        lines.append("full / all, ECE per deciding reason: " + "; ".join(
            f"{k} n={v['n']} ECE={v['ece']}" for k, v in by_reason.items()))
    facts = {c: r["facts"] for c, r in run.results.get("full", {}).items() if r.get("facts")}
    if facts:
        lines.append("full, gold facts found (recall) / status accuracy: " + "; ".join(
            f"{c} {f['recall']}/{f['status_accuracy']} (n={f['gold_facts']})" for c, f in facts.items()))
    lines.append("")
    lines.append(f"NLI benchmarks (model: {run.nli_model or 'none'})")
    for name in BENCHMARKS:
        if name in run.nli:
            r = run.nli[name]
            lines.append(f"  {name:<12} n={r['n']:<5} acc={r['accuracy']:.3f} macro-F1={r['macro_f1']:.3f} "
                         f"ECE={r['ece']:.3f} ({r['seconds']} s{', held-out only' if r['held_out_only'] else ''})")
        else:
            lines.append(f"  {name:<12} skipped: {run.nli_skipped.get(name, 'not run')}")
    if run.verdict:
        lines.append("")
        lines.append("Whole verdict on the benchmark pairs (verdict / NLI alone / NLI with the gate): macro-F1")
        for name, r in run.verdict.items():
            con = [r[k]["per_class"]["contradiction"]["f1"] for k in ("verdict", "nli")]
            lines.append(f"  {name:<12} n={r['n']:<5} verdict {r['verdict']['macro_f1']:.3f}  nli {r['nli']['macro_f1']:.3f}"
                         f"  nli-gated {r['nli-gated']['macro_f1']:.3f}  (contradiction F1 {con[0]:.2f} / {con[1]:.2f})")
    lines.append("")
    if run.perturbation:
        import perturbation

        lines.append("Perturbation benchmark (seeded, built from real sentences)")
        lines.append(perturbation.format_table(run.perturbation))
    elif run.perturbation_skipped:
        lines.append(f"perturbation benchmark skipped: {run.perturbation_skipped}")
    lines.append("")
    lines.append(real_news_table(run))
    return "\n".join(lines)


def write_outputs(run: Run) -> None:
    from factcheck.report.json import finite

    slim = {a: {c: {k: v for k, v in s.items() if k not in ("items", "sweep")} for c, s in per.items()}
            for a, per in run.results.items()}
    RESULTS.write_text(json.dumps(finite({
        "nli_model": run.nli_model, "full_mode": full_mode(), "pairs": slim, "skipped": run.skipped, "errors": run.errors,
        "nli": run.nli, "nli_skipped": run.nli_skipped, "seconds": run.seconds,
        "real_news": {name: {k: v for k, v in r.items() if k not in ("false_alarms", "missed")}
                      for name, r in run.real.items()},
        "real_news_skipped": run.real_skipped,
        "verdict": {name: {k: v for k, v in r.items() if k in ("n", "seconds")} | {
            k: {m: r[k][m] for m in ("accuracy", "macro_f1", "per_class")} for k in ("verdict", "nli", "nli-gated")}
            for name, r in run.verdict.items()},
        "perturbation": run.perturbation, "perturbation_skipped": run.perturbation_skipped,
        "real_news_baseline": _baseline(),
    }), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if run.real:
        REAL_DETAILS.write_text(json.dumps(finite({name: {"missed": r.get("missed"), "false_alarms": r.get("false_alarms")}
                                                    for name, r in run.real.items() if name != "all"}),
                                           ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    calibration = {a: {"ece": per["all"]["calibration"], "sweep": per["all"]["sweep"]}
                   for a, per in run.results.items()}
    CALIBRATION.write_text(json.dumps(finite(calibration), indent=1) + "\n", encoding="utf-8")
    try:
        _plot(calibration)
    except Exception as exc:  # the plot is optional; the data is in calibration.json
        print(f"[eval] calibration plot skipped: {exc}", file=sys.stderr)


def _baseline() -> dict | None:
    return json.loads(REAL_BASELINE.read_text(encoding="utf-8")) if REAL_BASELINE.exists() else None


def _plot(calibration: dict) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    for ablation, data in calibration.items():
        bins = data["ece"]["bins"]
        if bins:
            left.plot([b["confidence"] for b in bins], [b["accuracy"] for b in bins], "o-", label=ablation)
        rows = data["sweep"]["confidence"]
        right.plot([r["contradiction_recall"] for r in rows], [r["contradiction_precision"] for r in rows], ".-",
                   label=ablation)
    left.plot([0, 1], [0, 1], "k:", linewidth=0.8)
    left.set(xlabel="confidence", ylabel="accuracy", title="reliability (all corpora)")
    right.set(xlabel="recall", ylabel="precision", title="contradiction P/R over confidence")
    left.legend(fontsize=7)
    right.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(CALIBRATION_PNG, dpi=100)
    plt.close(fig)


# ----------------------------------------------------------------------------- thresholds

# Metrics guarded by thresholds, as dotted paths into a corpus's scores. "max:" = upper bound.
REAL_METRICS = ("precision", "recall.all", "recall.hard", "recall.numeric", "recall.non_numeric", "paired_share")
PAIR_METRICS = ("pair_recall", "accuracy", "macro_f1", "labels.contradiction.f1", "labels.contradiction.precision",
                "labels.entailment.f1", "max:false_positive_pairs")
NLI_METRICS = ("accuracy", "macro_f1")


def lookup(scores: dict, path: str):
    value = scores
    for part in path.removeprefix("max:").split("."):
        value = value[part]
    return value


def threshold_key(ablation: str, nli_model: str | None) -> str:
    """Bounds of ablations that use NLI hold for one model only: the key names it."""
    return f"{ablation}[{nli_model}]" if ABLATIONS[ablation][0] and nli_model else ablation


def measured_thresholds(run: Run, margin: float = 0.05) -> dict:
    pairs: dict = {}
    for name, per in run.results.items():
        ablation = threshold_key(name, run.nli_model)
        for corpus, scores in per.items():
            for metric in PAIR_METRICS:
                value = lookup(scores, metric)
                if value is None:
                    continue
                if metric.startswith("max:"):
                    bound = value + max(2, math.ceil(value * 0.25)) if isinstance(value, int) else round(value + margin, 2)
                else:
                    bound = max(0.0, math.floor((value - margin) * 100) / 100)
                pairs.setdefault(ablation, {}).setdefault(corpus, {})[metric] = bound
    nli = {f"{name}[{run.nli_model}]": {m: max(0.0, math.floor((r[m] - margin) * 100) / 100) for m in NLI_METRICS}
           for name, r in run.nli.items()}
    real = {}
    if run.real.get("all"):
        overall = run.real["all"]
        real = {m: max(0.0, math.floor((lookup(overall, m) - margin) * 100) / 100)
                for m in REAL_METRICS if lookup(overall, m) is not None}
        flags = overall["max_flags_per_cluster"]
        real["max:max_flags_per_cluster"] = flags + max(2, math.ceil(flags * 0.25))
    verdict = {f"{name}[{run.nli_model}]": {
        f"{k}.macro_f1": max(0.0, math.floor((r[k]["macro_f1"] - margin) * 100) / 100) for k in ("verdict", "nli")}
        for name, r in run.verdict.items()}
    perturbation = {}
    if run.perturbation:
        perturbation = {
            "changed_contradiction_rate": max(0.0, math.floor((run.perturbation["changed_contradiction_rate"] - margin) * 100) / 100),
            "max:kept_contradiction_rate": round(run.perturbation["kept_contradiction_rate"] + 0.02, 2),
        }
    return {"margin": margin, "pairs": pairs, "nli": nli, "real_news": real, "verdict": verdict,
            "perturbation": perturbation}


def threshold_failures(scores: dict, bounds: dict) -> list[str]:
    failures = []
    for metric, bound in bounds.items():
        value = lookup(scores, metric)
        if value is None:
            failures.append(f"{metric}: no value (bound {bound})")
        elif metric.startswith("max:") and value > bound:
            failures.append(f"{metric.removeprefix('max:')} = {value} > {bound}")
        elif not metric.startswith("max:") and value < bound:
            failures.append(f"{metric} = {value} < {bound}")
    return failures


RULE_PRECISION = ROOT / "factcheck" / "data" / "rule_precision.json"


def fitted_rule_precision(run: Run) -> dict:
    """Per rule kind, the precision of its flagged contradictions in the checks-only run,
    smoothed (tp + 1) / (flagged + 2) so a rule seen rarely is not trusted blindly."""
    counts: dict[str, list[int]] = {}
    for corpus, scores in run.results.get("checks-only", {}).items():
        if corpus == "all":
            continue
        for item in scores.get("items", []):
            if item["pred"] == "contradiction" and item.get("decided_by", "model") != "model":
                tp_flagged = counts.setdefault(item["decided_by"], [0, 0])
                tp_flagged[0] += item["gold"] == "contradiction"
                tp_flagged[1] += 1
    from factcheck.checks import CHECKS

    kinds = {}
    for kind in CHECKS.in_order():
        tp, flagged = counts.get(kind, [0, 0])
        if flagged or kind in ("quantity", "date", "negation", "first"):
            kinds[kind] = {"tp": tp, "flagged": flagged, "precision": round((tp + 1) / (flagged + 2), 4)}
    return {
        "method": "checks-only ablation on the gold pairs of eval/gold; precision of each kind's flagged "
                  "contradictions, smoothed (tp + 1) / (flagged + 2)",
        "command": "python eval/harness.py --fit-rule-precision",
        "corpora": sorted(c for c in run.results.get("checks-only", {}) if c != "all"),
        "kinds": kinds,
    }


def load_thresholds() -> dict:
    return json.loads(THRESHOLDS.read_text(encoding="utf-8")) if THRESHOLDS.exists() else {"pairs": {}, "nli": {}}


def full_checker(run: Run):
    """The pipeline as configured ("full"), reusing the NLI model the ablations loaded."""
    from factcheck.pipeline import Checker

    config = ablation_config("full", run.nli_model)
    nli = run.nli_backend if config.nli_model and run.nli_backend is not None else None
    return Checker(config, nli=MemoNLI(nli) if nli is not None else None)


def run_verdict(run: Run, checker, log=print) -> None:
    """The whole verdict on the labelled NLI benchmark pairs, beside the model alone."""
    from factcheck.evaluation import verdict_eval
    from factcheck.nli.datasets import Pair

    for name, (rel, _, default_limit) in BENCHMARKS.items():
        if name in run.nli_skipped or name not in run.nli:
            continue
        rows = load_benchmark(name, None if full_mode() else default_limit)
        result = verdict_eval.evaluate(checker, [Pair(p, h, g, name) for p, h, g in rows])
        run.verdict[name] = result
        log(f"[eval] verdict {name}: {len(rows)} pairs, {result['seconds']} s")


def run_perturbation(run: Run, checker, log=print) -> None:
    import perturbation

    shared = datasets_dir().parent
    if not (shared / "real-news").is_dir() and not (shared / "datasets").is_dir():
        run.perturbation_skipped = f"{shared} has neither real-news nor datasets: English sentences missing"
        return
    began = time.perf_counter()
    run.perturbation = perturbation.run(checker, shared)
    run.seconds["perturbation"] = round(time.perf_counter() - began, 1)
    log(f"[eval] perturbation benchmark: {run.seconds['perturbation']} s")


def run_real_news(run: Run, checker, log=print) -> None:
    """The full pipeline, as configured, on each annotated real cluster (``eval/gold/real``)."""
    from factcheck.evaluation import cluster_eval as ce

    clusters = real_news_dir()
    golds = sorted(REAL_GOLD_DIR.glob("*.jsonl"))
    missing = [g.stem for g in golds if not (clusters / g.stem).is_dir()]
    if not golds or missing:
        run.real_skipped = (f"real-news clusters not found under {clusters} (set FACTCHECK_REAL_NEWS): "
                            f"{', '.join(missing[:3]) or 'no gold'}")
        return
    began = time.perf_counter()
    for gold_path in golds:
        try:
            report, seconds = pe.run_report(clusters / gold_path.stem, checker=checker)
        except Exception:  # one crashing cluster is a failure of that cluster, recorded and shown
            import traceback

            run.errors[f"real-news/{gold_path.stem}"] = traceback.format_exc()
            log(f"[eval] real-news {gold_path.stem} crashed:\n{traceback.format_exc()}")
            continue
        run.real[gold_path.stem] = ce.score_cluster(report, ce.load_cluster_gold(gold_path), clusters / gold_path.stem)
        run.real[gold_path.stem]["seconds"] = round(seconds, 1)
    run.real["all"] = ce.pooled_clusters(r for name, r in run.real.items() if name != "all")
    run.seconds["real-news"] = round(time.perf_counter() - began, 1)


def real_news_table(run: Run) -> str:
    from factcheck.evaluation import cluster_eval as ce

    if run.real_skipped:
        return f"real-news clusters skipped: {run.real_skipped}"
    if not run.real:
        return "real-news clusters: not run"
    per = {k: v for k, v in run.real.items() if k != "all"}
    return f"Real news clusters (full pipeline, {run.seconds.get('real-news')} s)\n" + ce.format_table(per, run.real["all"])


def evaluate_all(log=print) -> Run:
    run = Run(nli_model=nli_model_name())
    run_pairs(run, log=log)
    run_nli(run, log=log)
    checker = full_checker(run)
    run_verdict(run, checker, log=log)
    run_perturbation(run, checker, log=log)
    run_real_news(run, checker, log=log)
    write_outputs(run)
    return run


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Run the factcheck evaluation harness and print the metrics table.")
    parser.add_argument("--update-thresholds", action="store_true",
                        help="rewrite eval/thresholds.json from this run (measured value minus the margin)")
    parser.add_argument("--margin", type=float, default=0.05)
    parser.add_argument("--fit-rule-precision", action="store_true",
                        help="rewrite factcheck/data/rule_precision.json (the verdict's confidence in each rule "
                             "kind) from this run's checks-only scores")
    parser.add_argument("--full", action="store_true", help="full dev sets (same as FACTCHECK_EVAL_FULL=1)")
    args = parser.parse_args(argv)
    if args.full:
        os.environ["FACTCHECK_EVAL_FULL"] = "1"
    run = evaluate_all()
    print(table(run))
    if args.update_thresholds:
        new = measured_thresholds(run, args.margin)
        old = load_thresholds()
        # Keep bounds of ablations / benchmarks this run skipped (e.g. NLI rows on a machine without the model).
        for section in ("real_news", "perturbation"):
            if not new[section] and old.get(section):
                new[section] = old[section]
        for key, value in old.get("verdict", {}).items():
            new["verdict"].setdefault(key, value)
        for section in ("pairs", "nli"):
            for key, value in old.get(section, {}).items():
                new[section].setdefault(key, value)
        THRESHOLDS.write_text(json.dumps(new, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {THRESHOLDS}")
    if args.fit_rule_precision:
        RULE_PRECISION.write_text(json.dumps(fitted_rule_precision(run), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {RULE_PRECISION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
