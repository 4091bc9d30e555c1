"""Tokenising for the ONNX Runtime models: the model folder's ``tokenizer.json`` run by the
``tokenizers`` library directly.

``transformers.AutoTokenizer`` wraps the same Rust tokenizer but takes seconds to import and
load; a run that needs no PyTorch model should not pay for it. The settings that
``AutoTokenizer(..., truncation=True, padding=True)`` applies (longest-first truncation of
pairs, padding to the longest row) are applied here, so both give the same ids
(``tests/test_tokens.py``). A folder without ``tokenizer.json`` (a slow-only tokenizer) or a
hub id falls back to ``AutoTokenizer``.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

__all__ = ["Tokens", "load_tokens"]

INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")


class Tokens:
    """Texts or text pairs in, the model's int64 input arrays out (padded to the longest row)."""

    def __init__(self, tokenizer, *, input_names: Sequence[str], fast: bool) -> None:
        self.tokenizer = tokenizer
        self.input_names = [n for n in input_names if n in INPUT_NAMES]
        #: True when the ``tokenizers`` library runs it directly (no transformers import)
        self.fast = fast

    def texts(self, texts: Sequence[str], *, max_length: int) -> dict[str, np.ndarray]:
        return self._encode(list(texts), max_length=max_length)

    def pairs(self, first: Sequence[str], second: Sequence[str], *, max_length: int) -> dict[str, np.ndarray]:
        return self._encode(list(zip(first, second, strict=True)), max_length=max_length)

    def _encode(self, items: list, *, max_length: int) -> dict[str, np.ndarray]:
        if not self.fast:
            args = ([i[0] for i in items], [i[1] for i in items]) if items and isinstance(items[0], tuple) else (items,)
            encoded = self.tokenizer(*args, truncation=True, max_length=max_length, padding=True, return_tensors="np")
            return {name: np.asarray(encoded[name], dtype=np.int64) for name in self.input_names}
        self.tokenizer.enable_truncation(max_length, strategy="longest_first")
        rows = self.tokenizer.encode_batch(items)
        fields = {"input_ids": "ids", "attention_mask": "attention_mask", "token_type_ids": "type_ids"}
        return {name: np.array([getattr(r, fields[name]) for r in rows], dtype=np.int64) for name in self.input_names}


def load_tokens(source: str | Path, *, input_names: Sequence[str] | None = None) -> Tokens:
    """The tokenizer of the model at ``source`` (a folder, or a hub id via ``AutoTokenizer``)."""
    folder = Path(source)
    if (folder / "tokenizer.json").is_file():
        settings = _settings(folder)
        pad = settings.get("pad_token")
        pad = pad.get("content") if isinstance(pad, dict) else pad
        digest = hashlib.sha256((folder / "tokenizer.json").read_bytes()).hexdigest()
        _FILES.setdefault(digest, str(folder / "tokenizer.json"))
        tokenizer = _fast_tokenizer(digest, pad, int(settings.get("pad_token_type_id", 0)))
        names = input_names or settings.get("model_input_names") or ["input_ids", "attention_mask", "token_type_ids"]
        return Tokens(tokenizer, input_names=names, fast=True)
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(source))
    return Tokens(tokenizer, input_names=input_names or tokenizer.model_input_names, fast=False)


# A file with each tokenizer content seen, by its digest: where ``_fast_tokenizer`` reads it.
_FILES: dict[str, str] = {}


@functools.lru_cache(maxsize=4)
def _fast_tokenizer(digest: str, pad: str | None, pad_type_id: int):
    """One loaded tokenizer per file content and padding: the multilingual e5 vocabulary (250k
    pieces) takes about 300 MB in memory, and the embedding model and the NLI model built on it
    ship the same file. ``digest`` keys the cache (a rebuilt file is loaded again). Callers set
    truncation before each call (``Tokens._encode``), so sharing it is safe."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(_FILES[digest])
    pad_id = tokenizer.token_to_id(pad) if pad else None
    if pad_id is not None:
        tokenizer.enable_padding(pad_id=pad_id, pad_token=pad, pad_type_id=pad_type_id)
    else:  # no pad token: rows are padded with id 0 and masked out, as transformers would refuse to do
        tokenizer.enable_padding(pad_id=0)
    return tokenizer


def _settings(folder: Path) -> dict:
    """``tokenizer_config.json`` merged over ``special_tokens_map.json``: where the pad token is named."""
    merged: dict = {}
    for name in ("special_tokens_map.json", "tokenizer_config.json"):
        path = folder / name
        if path.is_file():
            try:
                merged.update(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                pass
    return merged
