"""Does int8 ONNX Runtime keep the offline NLI model's accuracy? (#16: adopt only within 0.5 points)

Quantises the cached fp32 graph of ``offline:e5-small-nli`` three ways (dynamic per-tensor,
dynamic per-channel, static per-channel QDQ calibrated on XNLI-ar pairs of the *training*
half) and prints, for each beside fp32: accuracy and macro-F1 on XNLI-ar held-out, agreement of
the argmax with fp32, and sequences/s on those pairs (this CPU, one process, in turn).

    python eval/quantize_trial.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "datasets" / "xnli" / "dev-ar.tsv")
    parser.add_argument("--limit", type=int, help="first N held-out pairs only")
    args = parser.parse_args(argv)
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_dynamic, quantize_static

    from factcheck.evaluation.nli_eval import held_out_indices
    from factcheck.metrics import classification_scores
    from factcheck.nli import NLIModel
    from factcheck.nli.datasets import read_eval_file
    from factcheck.onnxgraph import Graph, softmax

    model = NLIModel(model="offline:e5-small-nli", backend="onnx", device="cpu")
    runner, labels = model._load()
    pairs = read_eval_file(args.data)
    held = set(held_out_indices())
    test = [pairs[i] for i in sorted(held) if i < len(pairs)][: args.limit]
    train = [p for i, p in enumerate(pairs) if i not in held][:200]
    fp32 = runner.graph.folder / "model.onnx"

    def encoded(rows, size=16):
        for lo in range(0, len(rows), size):
            chunk = rows[lo : lo + size]
            yield runner.tokens.pairs([p.premise for p in chunk], [p.hypothesis for p in chunk], max_length=256)

    class Reader(CalibrationDataReader):
        def __init__(self):
            self.batches = iter(encoded(train))

        def get_next(self):
            batch = next(self.batches, None)
            return None if batch is None else {k: v for k, v in batch.items() if k in runner.graph.inputs}

    work = Path(tempfile.mkdtemp(prefix="factcheck-q8-"))
    graphs = {"fp32": fp32.parent}
    for name, make in {
        "int8 dynamic per-tensor": lambda out: quantize_dynamic(fp32, out, weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul"]),
        "int8 dynamic per-channel": lambda out: quantize_dynamic(fp32, out, per_channel=True, weight_type=QuantType.QInt8,
                                                                 op_types_to_quantize=["MatMul"]),
        "int8 dynamic per-channel, 7-bit weights": lambda out: quantize_dynamic(
            fp32, out, per_channel=True, reduce_range=True, weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul"]),
        "int8 static per-channel (QDQ)": lambda out: quantize_static(fp32, out, Reader(), quant_format=QuantFormat.QDQ,
                                                                     per_channel=True, op_types_to_quantize=["MatMul"]),
    }.items():
        folder = work / name.replace(" ", "_").replace("(", "").replace(")", "")
        folder.mkdir()
        make(folder / "model.onnx")
        graphs[name] = folder
    gold = [p.label for p in test]
    results, reference = {}, None
    for name, folder in graphs.items():
        graph = Graph(folder)
        start = time.perf_counter()
        probs = np.vstack([softmax(graph.run(batch)) for batch in encoded(test, 32)])
        seconds = time.perf_counter() - start
        pred = [labels[int(i)] for i in probs.argmax(1)]
        reference = reference or pred
        scores = classification_scores(gold, pred, ["entailment", "neutral", "contradiction"])
        results[name] = {"accuracy": round(scores["accuracy"], 4), "macro_f1": round(scores["macro_f1"], 4),
                         "agrees_with_fp32": round(float(np.mean([a == b for a, b in zip(pred, reference)])), 4),
                         "sequences_per_second": round(len(test) / seconds, 1)}
        print(name, json.dumps(results[name]), file=sys.stderr)
    print(json.dumps({"pairs": len(test), "data": str(args.data), "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
