"""Natural-language inference over claim pairs with any transformers sequence classifier.

Label names come from the model's ``config.id2label`` (entailment / neutral / contradiction in
any order or case, ``LABEL_0``-style names are refused with a clear message). Each pair is
scored in both directions, batched and length-bucketed to limit padding.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factcheck.errors import ModelLoadError
from factcheck.schema import LABELS, Label

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
    ) -> None:
        self.model = model
        self.device = device
        self.batch_size = batch_size
        self.max_length = max_length
        #: int8 dynamic quantisation of the Linear layers (CPU only; ignored on other devices).
        self.quantize = quantize
        self._loaded = None

    def _resolve(self) -> str:
        """A hub id or folder as given, or the merged folder of the shipped offline model."""
        if self.model == "offline:e5-small-nli":
            from factcheck.nli_offline import ensure_offline_nli

            try:
                return str(ensure_offline_nli())
            except ModelLoadError:
                raise
            except Exception as exc:  # missing base packages, unreadable artifact
                raise ModelLoadError(f"cannot build the offline NLI model: {exc}") from exc
        return self.model

    def _load(self):
        if self._loaded is None:
            from transformers import AutoModelForSequenceClassification, AutoTokenizer

            from factcheck.embeddings.encoder import quiet_transformers, resolve_device

            quiet_transformers()

            source = self._resolve()
            try:
                tokenizer = AutoTokenizer.from_pretrained(source)
                network = AutoModelForSequenceClassification.from_pretrained(source)
            except Exception as exc:  # hub and file errors come in many types
                raise ModelLoadError(
                    f"cannot load NLI model {self.model!r}: {exc}. Give a local folder or a hub id "
                    "reachable from this machine (or already in the Hugging Face cache)."
                ) from exc
            device = resolve_device(self.device)
            network.to(device).eval()
            if self.quantize and str(device) == "cpu":
                import torch

                network = torch.ao.quantization.quantize_dynamic(network, {torch.nn.Linear}, dtype=torch.qint8)
            self._loaded = (tokenizer, network, label_map(network.config.id2label), device)
        return self._loaded

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[dict[Label, float]]:
        """Probabilities per label for each (premise, hypothesis), in input order."""
        results: list[dict[Label, float] | None] = [None] * len(pairs)
        for indices, probs in self.pipe(pairs):
            for i, p in zip(indices, probs, strict=True):
                results[i] = p
        return results  # type: ignore[return-value]

    def pipe(self, pairs: Sequence[tuple[str, str]]) -> Iterator[tuple[list[int], list[dict[Label, float]]]]:
        """Yield ``(indices, probabilities)`` batch by batch, shortest pairs first."""
        import torch

        tokenizer, network, labels, device = self._load()
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        for lo in range(0, len(order), self.batch_size):
            batch = order[lo : lo + self.batch_size]
            encoded = tokenizer(
                [pairs[i][0] for i in batch],
                [pairs[i][1] for i in batch],
                truncation=True,
                max_length=self.max_length,
                padding=True,
                return_tensors="pt",
            ).to(device)
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
