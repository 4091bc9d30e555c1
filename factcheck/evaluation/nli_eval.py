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

from factcheck.nli.registries import BACKENDS
from factcheck.nli.scoring import evaluate, format_metrics


def load_pairs(path: Path, *, held_out_only: bool = False, limit: int | None = None, model_dir: Path | None = None):
    from factcheck.nli.datasets import read_eval_file

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
    from factcheck.nli.offline import read_manifest

    try:
        manifest = read_manifest(model_dir)
    except (OSError, ValueError):
        return None
    split = manifest.get("xnli_split") or {}
    return split.get("held_out_indices")


def main(argv: Sequence[str] | None = None) -> int:
    from factcheck.nli.offline import OFFLINE_NLI_NAME

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
    ap.add_argument("--backend", choices=BACKENDS.names(), default="torch",
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
