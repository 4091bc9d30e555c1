"""Sentence embeddings: :class:`~factcheck.embeddings.encoder.Encoder` over a hub id, a local
folder or a registered offline model (:data:`~factcheck.embeddings.registries.OFFLINE_MODELS`).

Importing the package registers the offline models (without importing torch).
"""

from factcheck.embeddings import e5_offline as _e5_offline  # noqa: F401  registers offline:multilingual-e5-small
from factcheck.embeddings.registries import OFFLINE_MODELS

__all__ = ["OFFLINE_MODELS"]
