"""Embedding models shipped with factcheck, by their ``offline:`` name.

Each entry builds (once) and returns a folder that ``SentenceTransformer(str(path))`` loads:
``build(*, cache_dir=None) -> Path``. Registered: ``offline:multilingual-e5-small``
(:func:`factcheck.embeddings.e5_offline.ensure_offline_e5`).
"""

from __future__ import annotations

from factcheck.registry import Registry

__all__ = ["OFFLINE_MODELS"]

OFFLINE_MODELS: Registry = Registry("offline embedding model")
