"""The NLI package's swappable parts, by name.

``BACKENDS``: what runs the classifier. A backend is registered as a loader::

    @BACKENDS.register("name")
    def load(source, *, device, quantize, threads, cache_dir) -> Runner

called with the resolved model folder or hub id (the backend loads the tokenizer it needs); a
``ModelLoadError`` it raises reaches the user as it is, anything else is reported as
"cannot load NLI model". Registered: ``torch`` (:mod:`factcheck.nli.pytorch`) and ``onnx``
(:mod:`factcheck.nli.onnx`).

``OFFLINE_MODELS``: NLI models shipped with factcheck, by their ``offline:`` name; each entry
builds (once) and returns a local folder: ``build(*, cache_dir=None) -> Path``, raising
``ModelLoadError`` with the fix when it cannot. Registered: ``offline:e5-small-nli``
(:func:`factcheck.nli.offline.ensure_offline_nli`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from factcheck.registry import Registry

__all__ = ["BACKENDS", "OFFLINE_MODELS", "Runner", "LoadBackend", "BuildOffline"]


class Runner(Protocol):
    """A loaded classifier: sentence pairs in, one probability row per pair out."""

    #: the model's own class names by index (``config.id2label``), read through ``label_map``
    id2label: dict

    def probabilities(self, premises: Sequence[str], hypotheses: Sequence[str], *,
                      max_length: int) -> list[list[float]]: ...


class LoadBackend(Protocol):
    def __call__(self, source: str, *, device: str, quantize: bool, threads: int | None,
                 cache_dir: str | None) -> Runner: ...


class BuildOffline(Protocol):
    def __call__(self, *, cache_dir: str | Path | None = None) -> Path: ...


BACKENDS: Registry[LoadBackend] = Registry("NLI backend")
OFFLINE_MODELS: Registry[BuildOffline] = Registry("offline NLI model")
