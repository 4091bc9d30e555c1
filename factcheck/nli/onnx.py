"""ONNX Runtime execution of an NLI classifier on the CPU: the default backend there.

It gives the PyTorch model's probabilities (to 1e-5; equal at the four decimals reported)
about twice as fast on the seeds' pairs, and a run on a local or shipped model never imports
PyTorch or transformers (``factcheck.onnxgraph``, ``factcheck.tokens``). Registered as the
``onnx`` backend (:data:`factcheck.nli.registries.BACKENDS`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from factcheck.errors import ModelLoadError
from factcheck.nli.registries import BACKENDS
from factcheck.onnxgraph import Graph, available, ensure_graph, ensure_int8, softmax
from factcheck.tokens import Tokens, load_tokens

__all__ = ["OnnxRunner", "load_onnx"]


class OnnxRunner:
    """An exported classifier behind the backend interface: tokenised to numpy, softmaxed."""

    def __init__(self, graph: Graph, tokens: Tokens, id2label: dict) -> None:
        self.graph, self.tokens, self.id2label = graph, tokens, dict(id2label)

    def probabilities(self, premises: Sequence[str], hypotheses: Sequence[str], *,
                      max_length: int) -> list[list[float]]:
        encoded = self.tokens.pairs(premises, hypotheses, max_length=max_length)
        return softmax(self.graph.run(encoded).astype("float64")).tolist()


@BACKENDS.register("onnx")
def load_onnx(source: str, *, device: str, quantize: bool, threads: int | None, cache_dir: str | None) -> OnnxRunner:
    """On the CPU; the graph is exported on first use (PyTorch loaded only then), and with
    ``quantize`` its int8 version is made once beside it."""
    if str(device) != "cpu":
        raise ModelLoadError("NLI backend 'onnx' runs on the CPU only (use --device cpu)")
    if not available():
        raise ModelLoadError("NLI backend 'onnx' needs onnxruntime and onnx (pip install onnxruntime onnx)")

    def load():
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        return AutoModelForSequenceClassification.from_pretrained(source), _input_names(AutoTokenizer.from_pretrained(source))

    try:
        folder = ensure_graph(source, load, output="logits", cache_dir=cache_dir)
        if quantize:
            folder = ensure_int8(folder)
        graph = Graph(folder, threads=threads)
        tokens = load_tokens(source, input_names=graph.inputs)
    except Exception as exc:  # exporter and runtime errors come in many types
        raise ModelLoadError(f"cannot run NLI model {source!r} with ONNX Runtime: {exc}") from exc
    return OnnxRunner(graph, tokens, _id2label(source))


def _input_names(tokenizer) -> list[str]:
    return [n for n in tokenizer.model_input_names if n in ("input_ids", "attention_mask", "token_type_ids")]


def _id2label(source: str) -> dict:
    config = Path(source) / "config.json"
    if config.is_file():
        return {int(k): v for k, v in json.loads(config.read_text(encoding="utf-8"))["id2label"].items()}
    from transformers import AutoConfig

    return AutoConfig.from_pretrained(source).id2label
