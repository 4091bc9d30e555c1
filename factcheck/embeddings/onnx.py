"""A sentence-transformers model folder run by ONNX Runtime on the CPU, without importing
sentence-transformers, transformers or PyTorch.

Importing sentence-transformers and loading e5-small through it takes about 6 s on this
project's 2-core CPU, more than embedding a story's claims. The folder's own description
(``modules.json``: a Transformer, then mean or CLS pooling, then optional normalisation;
``sentence_bert_config.json``; the prompts of ``config_sentence_transformers.json``) is read
and applied as sentence-transformers applies it, so the vectors are the same to 1e-5
(``tests/embeddings/test_onnx_encoder.py``). A folder with any other module stack is
:class:`UnsupportedLayout`, and the encoder then uses sentence-transformers.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factcheck.onnxgraph import Graph, ensure_graph
from factcheck.tokens import load_tokens

__all__ = ["Layout", "OnnxEncoder", "UnsupportedLayout", "read_layout"]


class UnsupportedLayout(ValueError):
    """The folder's modules are not the Transformer -> Pooling -> Normalize stack this runs."""


@dataclass(frozen=True)
class Layout:
    pooling: str  # "mean" or "cls"
    normalize: bool
    max_length: int
    prompts: dict[str, str]
    model_args: dict  # what sentence-transformers passes to AutoModel (e.g. add_pooling_layer)


def read_layout(folder: str | Path) -> Layout:
    folder = Path(folder)
    try:
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UnsupportedLayout(f"{folder}: no readable modules.json ({exc})") from None
    kinds = [str(m.get("type", "")).rsplit(".", 1)[-1] for m in modules]
    if kinds not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]) or modules[0].get("path"):
        raise UnsupportedLayout(f"{folder}: modules {kinds} are not Transformer, Pooling[, Normalize]")
    pooling = _read(folder / modules[1]["path"] / "config.json")
    # sentence-transformers 3 writes a flag per mode, later versions one "pooling_mode" name
    named = pooling.get("pooling_mode")
    modes = ([named] if isinstance(named, str) else list(named)) if named else [
        k.removeprefix("pooling_mode_") for k, v in pooling.items() if k.startswith("pooling_mode_") and v]
    mode = {"mean_tokens": "mean", "mean": "mean", "cls_token": "cls", "cls": "cls"}.get(modes[0]) if len(modes) == 1 else None
    if mode is None or pooling.get("include_prompt") is False:
        raise UnsupportedLayout(f"{folder}: pooling {modes} (include_prompt={pooling.get('include_prompt')}) not supported")
    transformer = _read(folder / "sentence_bert_config.json")
    if transformer.get("do_lower_case"):
        raise UnsupportedLayout(f"{folder}: lower-casing Transformer not supported")
    prompts = _read(folder / "config_sentence_transformers.json").get("prompts") or {}
    return Layout(pooling=mode, normalize=len(kinds) == 3, max_length=int(transformer.get("max_seq_length") or 512),
                  prompts=dict(prompts), model_args=dict(transformer.get("model_args") or {}))


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except ValueError as exc:
        raise UnsupportedLayout(f"{path}: {exc}") from None


class OnnxEncoder:
    """Texts in, one float32 row each, as ``SentenceTransformer(folder).encode`` gives them."""

    def __init__(self, folder: str | Path, *, batch_size: int = 32, cache_dir: str | None = None,
                 threads: int | None = None) -> None:
        self.folder = str(folder)
        self.layout = read_layout(folder)  # before any export: an unsupported folder costs nothing
        self.batch_size = batch_size

        def load():
            from transformers import AutoModel, AutoTokenizer

            from factcheck.devices import quiet_transformers

            quiet_transformers()
            names = AutoTokenizer.from_pretrained(self.folder).model_input_names
            return AutoModel.from_pretrained(self.folder, **self.layout.model_args), [n for n in names if n in ("input_ids", "attention_mask", "token_type_ids")]

        self.graph = Graph(ensure_graph(self.folder, load, output="last_hidden_state", cache_dir=cache_dir), threads=threads)
        self.tokens = load_tokens(self.folder, input_names=[*self.graph.inputs, "attention_mask"])

    def encode(self, texts: Sequence[str], *, prompt_name: str | None = None) -> np.ndarray:
        prompt = self.layout.prompts.get(prompt_name, "") if prompt_name else ""
        texts = [prompt + t for t in texts]
        out: np.ndarray | None = None
        # longest first, as sentence-transformers batches: less padding per batch
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        for lo in range(0, len(order), self.batch_size):
            rows = order[lo : lo + self.batch_size]
            encoded = self.tokens.texts([texts[i] for i in rows], max_length=self.layout.max_length)
            hidden = self.graph.run(encoded).astype(np.float32)
            vectors = self._pool(hidden, encoded["attention_mask"])
            if out is None:
                out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
            out[rows] = vectors
        return out if out is not None else np.zeros((0, 0), dtype=np.float32)

    def _pool(self, hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
        if self.layout.pooling == "cls":
            vectors = hidden[:, 0]
        else:
            weights = mask[..., None].astype(np.float32)
            vectors = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        if self.layout.normalize:
            vectors = vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
        return vectors
