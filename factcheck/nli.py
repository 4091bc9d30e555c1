"""Natural-language inference over claim pairs with any transformers sequence classifier.

Label names come from the model's ``config.id2label`` (entailment / neutral / contradiction in
any order or case, ``LABEL_0``-style names are refused with a clear message). Each pair is
scored in both directions, batched and length-bucketed to limit padding.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factcheck.config import OFFLINE_NLI_MODEL
from factcheck.errors import ModelLoadError
from factcheck.schema import LABELS, Label

BACKENDS = ("torch", "onnx")

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
    """A cross-encoder that returns label probabilities for (premise, hypothesis) pairs."""

    def __init__(
        self,
        *,
        model: str,
        device: str | None = None,
        batch_size: int = 32,
        max_length: int = 256,
        quantize: bool = False,
        backend: str = "torch",
        cache_dir: str | None = None,
        threads: int | None = None,
    ) -> None:
        if backend not in BACKENDS:
            raise ValueError(f"NLI backend {backend!r}: choose one of {', '.join(BACKENDS)}")
        self.model = model
        self.device = device
        self.batch_size = batch_size
        self.max_length = max_length
        #: int8 dynamic quantisation of the Linear layers (CPU only; ignored on other devices).
        self.quantize = quantize
        #: "torch", or "onnx" for ONNX Runtime on the CPU: same predictions, faster on short pairs,
        #: no faster end to end on the seeds and more memory (models/e5-small-nli/README.md).
        self.backend = backend
        self.cache_dir = cache_dir
        #: ONNX Runtime intra-op threads (None: its default, one per core); PyTorch uses its global setting
        self.threads = threads
        #: the backend actually running, once loaded ("torch" or "onnx")
        self.running: str | None = None
        self._loaded = None

    def _resolve(self) -> str:
        """A hub id or folder as given, or the merged folder of the shipped offline model."""
        if self.model == OFFLINE_NLI_MODEL:
            from factcheck.nli_offline import ensure_offline_nli

            try:
                return str(ensure_offline_nli(self.cache_dir))
            except ModelLoadError:
                raise
            except Exception as exc:  # missing base packages, unreadable artifact
                raise ModelLoadError(f"cannot build the offline NLI model: {exc}") from exc
        return self.model

    def _wants_onnx(self, device) -> bool:
        from factcheck import nli_onnx

        if self.backend != "onnx":
            return False
        if self.quantize or str(device) != "cpu":
            raise ModelLoadError("NLI backend 'onnx' runs unquantised on the CPU only (use --device cpu)")
        if not nli_onnx.available():
            raise ModelLoadError("NLI backend 'onnx' needs onnxruntime and onnx (pip install 'factcheck[onnx]')")
        return True

    def _load(self):
        if self._loaded is None:
            from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

            from factcheck.embeddings.encoder import quiet_transformers, resolve_device

            quiet_transformers()

            source = self._resolve()
            device = resolve_device(self.device)

            def load_network():
                return AutoModelForSequenceClassification.from_pretrained(source)

            try:
                tokenizer = AutoTokenizer.from_pretrained(source)
                if self._wants_onnx(device):
                    labels = label_map(AutoConfig.from_pretrained(source).id2label)
                    network = self._onnx_session(source, load_network, tokenizer)
                    self.running = "onnx"
                else:
                    network = load_network()
                    labels = label_map(network.config.id2label)
                    self.running = "torch"
            except ModelLoadError:
                raise
            except Exception as exc:  # hub and file errors come in many types
                raise ModelLoadError(
                    f"cannot load NLI model {self.model!r}: {exc}. Give a local folder or a hub id "
                    "reachable from this machine (or already in the Hugging Face cache)."
                ) from exc
            if self.running == "torch":
                network.to(device).eval()
                if self.quantize and str(device) == "cpu":
                    import torch

                    network = torch.ao.quantization.quantize_dynamic(network, {torch.nn.Linear}, dtype=torch.qint8)
            self._loaded = (tokenizer, network, labels, device)
        return self._loaded

    def _onnx_session(self, source: str, load_network, tokenizer):
        from factcheck import nli_onnx

        names = [n for n in tokenizer.model_input_names if n in ("input_ids", "attention_mask", "token_type_ids")]
        try:
            folder = nli_onnx.ensure_onnx(source, load_network, names, cache_dir=self.cache_dir)
            return nli_onnx.OnnxClassifier(folder, threads=self.threads)
        except Exception as exc:  # exporter and runtime errors come in many types
            raise ModelLoadError(f"cannot run NLI model {self.model!r} with ONNX Runtime: {exc}") from exc

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[dict[Label, float]]:
        """Probabilities per label for each (premise, hypothesis), in input order."""
        results: list[dict[Label, float] | None] = [None] * len(pairs)
        for indices, probs in self.pipe(pairs):
            for i, p in zip(indices, probs, strict=True):
                results[i] = p
        return results  # type: ignore[return-value]

    def pipe(self, pairs: Sequence[tuple[str, str]]) -> Iterator[tuple[list[int], list[dict[Label, float]]]]:
        """Yield ``(indices, probabilities)`` batch by batch, shortest pairs first."""
        tokenizer, network, labels, device = self._load()
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        for lo in range(0, len(order), self.batch_size):
            batch = order[lo : lo + self.batch_size]
            premises, hypotheses = [pairs[i][0] for i in batch], [pairs[i][1] for i in batch]
            if self.running == "onnx":
                from factcheck.nli_onnx import softmax

                encoded = tokenizer(premises, hypotheses, truncation=True, max_length=self.max_length,
                                    padding=True, return_tensors="np")
                probs = softmax(network.logits(dict(encoded)).astype("float64")).tolist()
            else:
                import torch

                encoded = tokenizer(premises, hypotheses, truncation=True, max_length=self.max_length,
                                    padding=True, return_tensors="pt").to(device)
                with torch.inference_mode():
                    probs = network(**encoded).logits.float().softmax(dim=-1).cpu().tolist()
            yield batch, [{labels[k]: round(p, 4) for k, p in enumerate(row)} for row in probs]


def both_directions(model: NLIModel, pairs: Sequence[tuple[str, str]]) -> list[dict[str, dict[Label, float]]]:
    """Score a->b and b->a for every pair in one batched pass."""
    forward_and_back = list(pairs) + [(b, a) for a, b in pairs]
    probs = model.predict(forward_and_back)
    n = len(pairs)
    return [{"a->b": probs[i], "b->a": probs[n + i]} for i in range(n)]


def combine(directions: dict[str, dict[Label, float]]) -> tuple[Label, float]:
    """One verdict from two directions.

    Contradiction is symmetric, so it takes the mean; entailment in either direction means
    the claims agree (one is a more specific version of the other).
    """
    forward, backward = directions["a->b"], directions["b->a"]
    contradiction = (forward["contradiction"] + backward["contradiction"]) / 2
    entailment = max(forward["entailment"], backward["entailment"])
    neutral = max(0.0, 1.0 - contradiction - entailment)
    scores: dict[Label, float] = {"entailment": entailment, "neutral": neutral, "contradiction": contradiction}
    label = max(scores, key=scores.__getitem__)
    return label, round(scores[label], 4)
