"""Evaluate an NLI model on an XNLI-style TSV or an ANS stance / ArNLI / ArbTEDS CSV.

    python -m factcheck.evaluation.nli_eval --data ../shared/datasets/xnli/dev-ar.tsv --held-out-only
    python -m factcheck.evaluation.nli_eval --data ../shared/datasets/ans/stance/dev.csv --json

Prints accuracy, per-class precision/recall/F1, macro-F1, the confusion matrix (rows = gold,
columns = predicted) and pairs per second. ``--model`` takes the offline default
(``offline:e5-small-nli``), a hub id or a local folder. For binary ArbTEDS files predictions are
folded to entailment vs not-entailment.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

LABELS = ("entailment", "neutral", "contradiction")


def metrics(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS) -> dict:
    """Accuracy, per-class P/R/F1, macro-F1 over the classes present in gold, confusion matrix."""
    n = len(gold)
    correct = sum(g == p for g, p in zip(gold, pred, strict=True))
    confusion = {g: {p: 0 for p in labels} for g in labels}
    for g, p in zip(gold, pred, strict=True):
        if g in confusion and p in confusion[g]:
            confusion[g][p] += 1
    per_class = {}
    for label in labels:
        tp = confusion[label][label]
        fp = sum(confusion[g][label] for g in labels if g != label)
        fn = sum(confusion[label][p] for p in labels if p != label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per_class[label] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4), "support": tp + fn}
    present = [label for label in labels if per_class[label]["support"]]
    macro = sum(per_class[label]["f1"] for label in present) / len(present) if present else 0.0
    return {"n": n, "accuracy": round(correct / n, 4) if n else 0.0, "macro_f1": round(macro, 4),
            "per_class": per_class, "confusion": confusion, "labels": list(labels)}


def format_metrics(m: dict) -> str:
    labels = m["labels"]
    lines = [f"pairs: {m['n']}   accuracy: {m['accuracy']:.4f}   macro-F1: {m['macro_f1']:.4f}"]
    if "pairs_per_second" in m:
        lines[0] += f"   pairs/s: {m['pairs_per_second']:.1f}"
    lines.append(f"{'class':15s} {'prec':>6s} {'rec':>6s} {'f1':>6s} {'n':>6s}")
    for label in labels:
        c = m["per_class"][label]
        lines.append(f"{label:15s} {c['precision']:6.3f} {c['recall']:6.3f} {c['f1']:6.3f} {c['support']:6d}")
    lines.append("confusion (rows gold, cols predicted): " + " ".join(label[:7] for label in labels))
    for g in labels:
        lines.append(f"  {g:15s}" + " ".join(f"{m['confusion'][g][p]:7d}" for p in labels))
    return "\n".join(lines)


def predict_labels(predict, pairs) -> list[str]:
    """``predict`` is ``NLIModel.predict``-like: list of (premise, hypothesis) -> list of prob dicts."""
    probs = predict([(p.premise, p.hypothesis) for p in pairs])
    return [max(d, key=d.__getitem__) for d in probs]


def evaluate(predict, pairs) -> dict:
    start = time.perf_counter()
    pred = predict_labels(predict, pairs)
    seconds = time.perf_counter() - start
    gold = [p.label for p in pairs]
    if any(g == "not-entailment" for g in gold):  # binary ArbTEDS
        pred = ["entailment" if x == "entailment" else "not-entailment" for x in pred]
        m = metrics(gold, pred, ("entailment", "not-entailment"))
    else:
        m = metrics(gold, pred)
    m["seconds"] = round(seconds, 2)
    m["pairs_per_second"] = round(len(pairs) / seconds, 2) if seconds else 0.0
    return m


def load_pairs(path: Path, *, held_out_only: bool = False, limit: int | None = None, model_dir: Path | None = None):
    from factcheck.training.nli_data import read_eval_file

    pairs = read_eval_file(path)
    if held_out_only:
        held = held_out_indices(model_dir)
        if held is None:
            raise SystemExit("--held-out-only: the model's manifest has no XNLI split (only the shipped offline model has one)")
        if not any(p.source.startswith("xnli") for p in pairs):
            raise SystemExit("--held-out-only applies to XNLI-style TSV files only")
        pairs = [pairs[i] for i in held if i < len(pairs)]
    if limit:
        pairs = pairs[:limit]
    return pairs


def held_out_indices(model_dir: Path | None = None) -> list[int] | None:
    from factcheck.nli_offline import read_manifest

    try:
        manifest = read_manifest(model_dir)
    except (OSError, ValueError):
        return None
    split = manifest.get("xnli_split") or {}
    return split.get("held_out_indices")


def main(argv: Sequence[str] | None = None) -> int:
    from factcheck.nli_offline import OFFLINE_NLI_NAME

    ap = argparse.ArgumentParser(prog="factcheck eval nli", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, type=Path, help="XNLI-style TSV or ANS stance / ArNLI / ArbTEDS CSV")
    ap.add_argument("--model", default=OFFLINE_NLI_NAME, help="offline default, hub id or local folder")
    ap.add_argument("--limit", type=int, default=None, help="first N pairs only (after --held-out-only)")
    ap.add_argument("--held-out-only", action="store_true", help="XNLI: only the shipped model's held-out pair indices")
    ap.add_argument("--artifact", type=Path, default=None, help="artifact folder whose manifest holds the XNLI split")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--max-length", type=int, default=128)
    ap.add_argument("--threads", type=int, default=None, help="CPU threads (PyTorch and ONNX Runtime)")
    ap.add_argument("--quantize", action="store_true", help="int8 dynamic quantisation of Linear layers (CPU)")
    ap.add_argument("--backend", choices=("torch", "onnx"), default="torch",
                    help="PyTorch, or ONNX Runtime on the CPU (needs the [onnx] extra)")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    args = ap.parse_args(argv)

    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    from factcheck.nli import NLIModel

    pairs = load_pairs(args.data, held_out_only=args.held_out_only, limit=args.limit, model_dir=args.artifact)
    if not pairs:
        print(f"no labelled pairs in {args.data}", file=sys.stderr)
        return 2
    model = NLIModel(model=args.model, batch_size=args.batch_size, max_length=args.max_length,
                     quantize=args.quantize, backend=args.backend, threads=args.threads)
    t0 = time.perf_counter()
    model._load()
    load_s = time.perf_counter() - t0
    m = evaluate(model.predict, pairs)
    m.update({"data": str(args.data), "model": args.model, "held_out_only": args.held_out_only,
              "quantized": args.quantize, "backend": model.running, "load_seconds": round(load_s, 2),
              "threads": torch.get_num_threads()})
    if args.json:
        print(json.dumps(m, ensure_ascii=False, indent=2))
    else:
        print(f"data: {args.data}  model: {args.model}  backend: {model.running}  load: {load_s:.1f}s  "
              f"threads: {torch.get_num_threads()}"
              + ("  (int8 dynamic)" if args.quantize else ""))
        print(format_metrics(m))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
