"""Sentence embeddings through sentence-transformers: hub id, local folder, or offline e5."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from factcheck.errors import ModelLoadError


def resolve_device(device: str | None) -> str:
    if device:
        return device
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


class Encoder:
    """Encodes claims symmetrically: e5-style models get the same ``query: `` prompt on both sides."""

    def __init__(self, *, model: str, device: str | None = None, batch_size: int = 32,
                 cache_dir: str | None = None) -> None:
        self.model = model
        self.device = device
        self.batch_size = batch_size
        self.cache_dir = cache_dir
        self._st = None

    @property
    def st(self):
        if self._st is None:
            self._st = load_sentence_transformer(self.model, device=resolve_device(self.device), cache_dir=self.cache_dir)
        return self._st

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        prompts = getattr(self.st, "prompts", {}) or {}
        prompt_name = "query" if "query" in prompts else None
        vectors = self.st.encode(
            list(texts),
            batch_size=self.batch_size,
            prompt_name=prompt_name,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=show_progress,
        )
        return vectors.astype(np.float32, copy=False)


def quiet_transformers() -> None:
    """Per-tensor "Loading weights" bars say nothing to a user; factcheck reports its own steps."""
    from transformers.utils import logging

    logging.disable_progress_bar()


def load_sentence_transformer(model: str, *, device: str, cache_dir: str | None = None):
    from sentence_transformers import SentenceTransformer

    quiet_transformers()

    from factcheck.config import OFFLINE_EMBEDDING_MODEL

    if model == OFFLINE_EMBEDDING_MODEL:
        from factcheck.embeddings.e5_offline import ensure_offline_e5

        path = ensure_offline_e5(cache_dir=Path(cache_dir) if cache_dir else None)
        return SentenceTransformer(str(path), device=device)
    try:
        return SentenceTransformer(model, device=device)
    except Exception as exc:  # the hub client raises many types; all mean "cannot load this name"
        raise ModelLoadError(
            f"cannot load embedding model {model!r}: {exc}. Give a local folder, a hub id reachable "
            f"from this machine (or already in the Hugging Face cache), or {OFFLINE_EMBEDDING_MODEL!r}."
        ) from exc
