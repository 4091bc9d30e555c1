"""ONNX Runtime execution of an NLI classifier on the CPU.

Opt-in (``--nli-backend onnx``). On the 2-core CPU this project is measured on, ONNX Runtime
gives the shipped e5-small NLI model's predictions exactly, 1.3-1.4x faster on short pairs
(headlines), no faster on long ones, and no faster end to end on the seeds while using more
memory (figures in models/e5-small-nli/README.md), so PyTorch stays the default. The graph is
exported once per model into the cache and reused by every later run.

Registered as the ``onnx`` backend (:data:`factcheck.nli.registries.BACKENDS`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.cache import build_atomically, cache_root
from factcheck.errors import ModelLoadError
from factcheck.nli.registries import BACKENDS

__all__ = ["available", "ensure_onnx", "OnnxClassifier", "OnnxRunner", "load_onnx", "softmax"]

EXPORT_VERSION = 1
GRAPH_FILE = "model.onnx"
INFO_FILE = "export.json"
OPSET = 17


def available() -> bool:
    """Both halves are installed: onnx writes the graph, onnxruntime runs it."""
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def model_key(source: str) -> str:
    """What identifies a model's weights: a local folder by its weight files' size and mtime,
    a hub id by the snapshot (revision) the Hugging Face cache holds for it."""
    folder = Path(source)
    if folder.is_dir():
        parts = [str(folder.resolve())]
        for weights in sorted(folder.glob("*.safetensors")) + sorted(folder.glob("*.bin")):
            stat = weights.stat()
            parts.append(f"{weights.name}:{stat.st_size}:{stat.st_mtime_ns}")
    else:
        from huggingface_hub import try_to_load_from_cache

        cached = try_to_load_from_cache(source, "config.json")  # .../snapshots/<revision>/config.json
        parts = [source, str(cached) if isinstance(cached, str) else ""]
    parts.append(f"v{EXPORT_VERSION}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _is_complete(folder: Path) -> bool:
    return (folder / GRAPH_FILE).is_file() and (folder / INFO_FILE).is_file()


def ensure_onnx(source: str, load_network: Callable[[], object], input_names: list[str], *,
                cache_dir: str | Path | None = None) -> Path:
    """The exported graph of the model at ``source``, built on first use (only then is
    ``load_network`` called for the PyTorch model to trace)."""
    name = Path(source).name if Path(source).is_dir() else source.replace("/", "--")
    target = cache_root(cache_dir) / "onnx" / f"{name}-{model_key(source)}"

    def build(tmp: Path) -> None:
        import warnings

        with warnings.catch_warnings():  # the tracer narrates every data-dependent branch
            warnings.simplefilter("ignore")
            _export(load_network(), input_names, tmp / GRAPH_FILE)
        info = {"source": source, "inputs": input_names, "opset": OPSET, "export_version": EXPORT_VERSION}
        (tmp / INFO_FILE).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")

    return build_atomically(target, build, _is_complete)


def _export(network, input_names: list[str], path: Path) -> None:
    import torch

    class Logits(torch.nn.Module):  # positional tensors in, bare logits out: one graph signature
        def __init__(self, inner, names):
            super().__init__()
            self.inner, self.names = inner, names

        def forward(self, *tensors):
            return self.inner(**dict(zip(self.names, tensors, strict=True))).logits

    # Traced on a padded batch: a mask of all ones could let the attention code drop the mask
    # at trace time, and the graph would then ignore padding forever.
    sample = []
    for name in input_names:
        tensor = torch.full((2, 8), 5, dtype=torch.long) if name == "input_ids" else torch.ones((2, 8), dtype=torch.long)
        if name == "attention_mask":
            tensor[1, 5:] = 0
        elif name == "token_type_ids":
            tensor.zero_()
        sample.append(tensor)
    sample = tuple(sample)
    dynamic = {k: {0: "batch", 1: "tokens"} for k in input_names} | {"logits": {0: "batch"}}
    torch.onnx.export(Logits(network.eval(), input_names), sample, str(path), input_names=input_names,
                      output_names=["logits"], dynamic_axes=dynamic, opset_version=OPSET, dynamo=False)


class OnnxClassifier:
    """Logits from an exported graph; inputs are the tokenizer's numpy arrays."""

    def __init__(self, folder: Path, *, threads: int | None = None) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(Path(folder) / GRAPH_FILE), options,
                                            providers=["CPUExecutionProvider"])
        self.inputs = [i.name for i in self.session.get_inputs()]

    def logits(self, encoded: dict[str, np.ndarray]) -> np.ndarray:
        # the graph's inputs were taken from the tokenizer's own input names at export
        feed = {name: np.asarray(encoded[name], dtype=np.int64) for name in self.inputs}
        return self.session.run(["logits"], feed)[0]


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


class OnnxRunner:
    """An :class:`OnnxClassifier` behind the backend interface: tokenised to numpy, softmaxed."""

    def __init__(self, classifier: OnnxClassifier, tokenizer: Any, id2label: dict) -> None:
        self.classifier, self.tokenizer, self.id2label = classifier, tokenizer, dict(id2label)

    def probabilities(self, premises: Sequence[str], hypotheses: Sequence[str], *,
                      max_length: int) -> list[list[float]]:
        encoded = self.tokenizer(list(premises), list(hypotheses), truncation=True, max_length=max_length,
                                 padding=True, return_tensors="np")
        return softmax(self.classifier.logits(dict(encoded)).astype("float64")).tolist()


@BACKENDS.register("onnx")
def load_onnx(source: str, *, tokenizer: Any, device: str, quantize: bool, threads: int | None,
              cache_dir: str | None) -> OnnxRunner:
    """Unquantised, on the CPU; the graph is exported on first use (PyTorch loaded only then)."""
    if quantize or str(device) != "cpu":
        raise ModelLoadError("NLI backend 'onnx' runs unquantised on the CPU only (use --device cpu)")
    if not available():
        raise ModelLoadError("NLI backend 'onnx' needs onnxruntime and onnx (pip install 'factcheck[onnx]')")
    from transformers import AutoConfig, AutoModelForSequenceClassification

    id2label = AutoConfig.from_pretrained(source).id2label

    def load_network():
        return AutoModelForSequenceClassification.from_pretrained(source)

    names = [n for n in tokenizer.model_input_names if n in ("input_ids", "attention_mask", "token_type_ids")]
    try:
        folder = ensure_onnx(source, load_network, names, cache_dir=cache_dir)
        classifier = OnnxClassifier(folder, threads=threads)
    except Exception as exc:  # exporter and runtime errors come in many types
        raise ModelLoadError(f"cannot run NLI model {source!r} with ONNX Runtime: {exc}") from exc
    return OnnxRunner(classifier, tokenizer, id2label)
