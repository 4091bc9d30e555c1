"""Transformer networks exported once to ONNX and run by ONNX Runtime on the CPU.

On this project's 2-core CPU, ONNX Runtime gives the PyTorch model's outputs (to 1e-5) about
twice as fast for the NLI cross-encoder on the seeds' pairs, and a run that uses it never
imports PyTorch or transformers, which takes seconds (figures in the README). The graph is
exported on first use into the cache, keyed by the model's files, and reused by every later
run; only the export needs PyTorch.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from factcheck.cache import build_atomically, cache_root
from factcheck.fingerprint import folder_fingerprint

__all__ = ["available", "ensure_graph", "ensure_int8", "Graph", "graph_key", "softmax"]

# 2: weights in a file of their own beside the graph (``WEIGHTS_FILE``), which ONNX Runtime maps
# into memory instead of copying: a 118M-parameter model then costs ~140 MB resident instead of
# ~560 MB (the word-embedding table, 96M parameters, is only read for the tokens a text uses).
EXPORT_VERSION = 2
GRAPH_FILE = "model.onnx"
WEIGHTS_FILE = "weights.bin"
INFO_FILE = "export.json"
OPSET = 17
# names the int8 graph beside its float one (it was "-int8" when weights had 8 bits)
INT8_SUFFIX = "-int8-7bit"


def available() -> bool:
    """Both halves are installed: onnx writes the graph, onnxruntime runs it."""
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def graph_key(source: str) -> str:
    """What identifies a model's weights (``factcheck.fingerprint``: a local folder by its files,
    a hub id by the snapshot the Hugging Face cache holds), and the export version."""
    folder = Path(source)
    where = str(folder.resolve()) if folder.is_dir() else source
    parts = [folder_fingerprint(source, folder if folder.is_dir() else None), where, f"v{EXPORT_VERSION}"]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _is_complete(folder: Path) -> bool:
    return (folder / GRAPH_FILE).is_file() and (folder / INFO_FILE).is_file()


def ensure_graph(source: str, load: Callable[[], tuple[object, Sequence[str]]], *, output: str,
                 cache_dir: str | Path | None = None) -> Path:
    """The folder holding ``source``'s network exported with ``output`` (``logits``,
    ``last_hidden_state``) as its one output, built on first use: only then is ``load`` called
    for the PyTorch model to trace and its tokenizer's input names."""
    name = Path(source).name if Path(source).is_dir() else source.replace("/", "--")
    suffix = "" if output == "logits" else f"-{output}"  # keeps the NLI graphs cached before this name
    target = cache_root(cache_dir) / "onnx" / f"{name}-{graph_key(source)}{suffix}"

    def build(tmp: Path) -> None:
        import warnings

        with warnings.catch_warnings():  # the tracer narrates every data-dependent branch
            warnings.simplefilter("ignore")
            network, input_names = load()
            _export(network, list(input_names), output, tmp / GRAPH_FILE)
        info = {"source": source, "inputs": list(input_names), "output": output, "opset": OPSET,
                "export_version": EXPORT_VERSION}
        (tmp / INFO_FILE).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")

    return build_atomically(target, build, _is_complete)


def _export(network, input_names: list[str], output: str, path: Path) -> None:
    import torch

    class OneOutput(torch.nn.Module):  # positional tensors in, one named output: one graph signature
        def __init__(self, inner, names):
            super().__init__()
            self.inner, self.names = inner, names

        def forward(self, *tensors):
            return getattr(self.inner(**dict(zip(self.names, tensors, strict=True))), output)

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
    axes = {0: "batch", 1: "tokens"}
    dynamic = {k: axes for k in input_names} | {output: axes if output != "logits" else {0: "batch"}}
    torch.onnx.export(OneOutput(network.eval(), input_names), tuple(sample), str(path), input_names=input_names,
                      output_names=[output], dynamic_axes=dynamic, opset_version=OPSET, dynamo=False)
    _weights_apart(path)


def _weights_apart(path: Path) -> None:
    """Rewrite the graph at ``path`` with its weights in ``WEIGHTS_FILE`` beside it."""
    import onnx

    model = onnx.load(str(path))
    onnx.save_model(model, str(path), save_as_external_data=True, all_tensors_to_one_file=True,
                    location=WEIGHTS_FILE, size_threshold=1024)


def ensure_int8(folder: Path) -> Path:
    """The graph in ``folder`` with int8 weights (dynamic quantisation, one scale per output
    channel of each MatMul, weights in 7 bits), built once beside it.

    Per channel because one scale per tensor lost 0.8 points of XNLI-ar accuracy on the offline
    NLI model, per channel 0.16-0.32 (``eval/quantize_trial.py``); static QDQ lost 8. Seven-bit
    weights because CPUs without VNNI multiply uint8 by int8 in pairs summed into 16 bits, which
    saturates with full 8-bit weights: the same graph then gave other numbers on another CPU
    (0.1 apart on CI's); with 7 bits no sum can overflow, so every CPU computes the same integers.
    """
    folder = Path(folder)
    target = folder.with_name(folder.name + INT8_SUFFIX)

    def build(tmp: Path) -> None:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(folder / GRAPH_FILE, tmp / GRAPH_FILE, per_channel=True, reduce_range=True,
                         weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul"])
        _weights_apart(tmp / GRAPH_FILE)
        info = json.loads((folder / INFO_FILE).read_text(encoding="utf-8"))
        info["quantized"] = "int8 dynamic, per channel, 7-bit weights, MatMul"
        (tmp / INFO_FILE).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")

    return build_atomically(target, build, _is_complete)


class Graph:
    """An exported graph in an ONNX Runtime session: the tokenizer's arrays in, its output out."""

    def __init__(self, folder: Path, *, threads: int | None = None) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        options.log_severity_level = 3
        self.folder = Path(folder)
        self.session = ort.InferenceSession(str(Path(folder) / GRAPH_FILE), options,
                                            providers=["CPUExecutionProvider"])
        self.inputs = [i.name for i in self.session.get_inputs()]
        self.output = self.session.get_outputs()[0].name

    def run(self, encoded: dict[str, np.ndarray]) -> np.ndarray:
        # the graph's inputs were taken from the tokenizer's own input names at export
        feed = {name: np.asarray(encoded[name], dtype=np.int64) for name in self.inputs}
        return self.session.run([self.output], feed)[0]


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)
