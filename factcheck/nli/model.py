"""Natural-language inference over sentence pairs with any transformers sequence classifier.

Label names come from the model's ``config.id2label`` (entailment / neutral / contradiction in
any order or case, ``LABEL_0``-style names are refused with a clear message). Pairs are
batched and length-bucketed to limit padding; the backend that runs the network is chosen by
name (:data:`factcheck.nli.registries.BACKENDS`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factcheck.config import OFFLINE_PREFIX
from factcheck.errors import ModelLoadError
from factcheck.fingerprint import folder_fingerprint
from factcheck.hub import resolve_hub_model
from factcheck.nli.registries import BACKENDS, OFFLINE_MODELS, Runner
from factcheck.schema import LABELS, Label

__all__ = ["NLIModel", "label_map", "pick_backend", "AUTO_BACKEND"]

AUTO_BACKEND = "auto"


def pick_backend(backend: str, *, device: str) -> str:
    """The backend ``auto`` stands for on ``device``; any other name as it is."""
    if backend != AUTO_BACKEND:
        return backend
    from factcheck.onnxgraph import available

    return "onnx" if str(device) == "cpu" and available() else "torch"

_ALIASES: dict[str, Label] = {
    "entailment": "entailment", "entails": "entailment", "entail": "entailment", "agree": "entailment",
    "neutral": "neutral", "other": "neutral", "unrelated": "neutral",
    "contradiction": "contradiction", "contradicts": "contradiction", "contradict": "contradiction",
    "disagree": "contradiction",
}


def label_map(id2label: dict) -> dict[int, Label]:
    """Map class indices to our three labels, whatever the model calls them."""
    mapping: dict[int, Label] = {}
    for index, name in id2label.items():
        label = _ALIASES.get(str(name).strip().lower())
        if label is None:
            raise ModelLoadError(
                f"NLI model label {name!r} is not one of {sorted(_ALIASES)}; the model's config.id2label "
                "must name entailment, neutral and contradiction"
            )
        mapping[int(index)] = label
    if set(mapping.values()) != set(LABELS):
        raise ModelLoadError(f"NLI model labels {sorted(set(mapping.values()))} do not cover {list(LABELS)}")
    return mapping


class NLIModel:
    """A cross-encoder that returns label probabilities for (premise, hypothesis) pairs.

    ``model`` is a hub id, a local folder, or a registered ``offline:`` name; ``backend`` a
    registered backend name. Unknown names of either kind are a ``ConfigError`` here, at
    construction; a model that cannot be loaded is a ``ModelLoadError`` on first use.
    """

    def __init__(
        self,
        *,
        model: str,
        device: str | None = None,
        batch_size: int = 32,
        max_length: int = 256,
        quantize: bool = False,
        backend: str = AUTO_BACKEND,
        cache_dir: str | None = None,
        threads: int | None = None,
    ) -> None:
        if backend != AUTO_BACKEND:
            BACKENDS.get(backend)
        if model.startswith(OFFLINE_PREFIX):
            OFFLINE_MODELS.get(model)
        self.model = model
        self.device = device
        self.batch_size = batch_size
        self.max_length = max_length
        #: int8 weights on the CPU (ONNX Runtime: per-channel dynamic quantisation of the graph;
        #: PyTorch: dynamic quantisation of the Linear layers); ignored on other devices
        self.quantize = quantize
        #: "torch", "onnx" (ONNX Runtime, CPU only), or "auto": ONNX Runtime on the CPU when it
        #: is installed, PyTorch otherwise
        self.backend = backend
        self.cache_dir = cache_dir
        #: ONNX Runtime intra-op threads (None: its default, one per core); PyTorch uses its global setting
        self.threads = threads
        #: the backend actually running, once loaded
        self.running: str | None = None
        self._loaded: tuple[Runner, dict[int, Label]] | None = None

    def _resolve(self) -> str:
        """A hub id or folder as given, or the built folder of a shipped offline model."""
        if self.model.startswith(OFFLINE_PREFIX):
            return str(OFFLINE_MODELS.get(self.model)(cache_dir=self.cache_dir))
        return resolve_hub_model(self.model, kind="NLI model", alternatives=" or ".join(
            repr(name) for name in OFFLINE_MODELS.names()) + " (shipped, built offline)")

    def _load(self) -> tuple[Runner, dict[int, Label]]:
        if self._loaded is None:
            from factcheck.devices import resolve_device

            source = self._resolve()
            device = resolve_device(self.device)
            backend = pick_backend(self.backend, device=device)
            load_backend = BACKENDS.get(backend)
            try:
                runner = load_backend(source, device=device, quantize=self.quantize, threads=self.threads,
                                      cache_dir=self.cache_dir)
            except ModelLoadError:
                raise
            except Exception as exc:  # hub and file errors come in many types
                raise ModelLoadError(
                    f"cannot load NLI model {self.model!r}: {exc}. Give a local folder or a hub id "
                    "reachable from this machine (or already in the Hugging Face cache)."
                ) from exc
            labels = label_map(runner.id2label)
            self.running = backend
            self._loaded = (runner, labels)
        return self._loaded

    def fingerprint(self) -> str:
        """What identifies this model's outputs (``factcheck.fingerprint``), without loading it."""
        return folder_fingerprint(self.model, self._resolve())

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[dict[Label, float]]:
        """Probabilities per label for each (premise, hypothesis), in input order."""
        results: list[dict[Label, float] | None] = [None] * len(pairs)
        for indices, probs in self.pipe(pairs):
            for i, p in zip(indices, probs, strict=True):
                results[i] = p
        return results  # type: ignore[return-value]

    def pipe(self, pairs: Sequence[tuple[str, str]]) -> Iterator[tuple[list[int], list[dict[Label, float]]]]:
        """Yield ``(indices, probabilities)`` batch by batch, shortest pairs first."""
        runner, labels = self._load()
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        for lo in range(0, len(order), self.batch_size):
            batch = order[lo : lo + self.batch_size]
            premises, hypotheses = [pairs[i][0] for i in batch], [pairs[i][1] for i in batch]
            probs = runner.probabilities(premises, hypotheses, max_length=self.max_length)
            yield batch, [{labels[k]: round(p, 4) for k, p in enumerate(row)} for row in probs]
