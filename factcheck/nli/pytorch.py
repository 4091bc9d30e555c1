"""The default NLI backend: the transformers classifier run by PyTorch, on any device."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factcheck.nli.registries import BACKENDS

__all__ = ["TorchRunner", "load_torch"]


class TorchRunner:
    """A sequence classifier on ``device``: in bfloat16 (float16 on older GPUs) on CUDA; int8
    dynamic quantisation of its Linear layers when ``quantize`` and the device is the CPU."""

    def __init__(self, network: Any, tokenizer: Any, *, device: str, quantize: bool = False) -> None:
        from factcheck.devices import half_precision

        self.id2label = dict(network.config.id2label)
        network.to(device).eval()
        half = half_precision(device)
        if half is not None:  # half the memory traffic and tensor-core speed; logits go back to float32
            network.to(dtype=half)
        if quantize and str(device) == "cpu":
            import torch

            network = torch.ao.quantization.quantize_dynamic(network, {torch.nn.Linear}, dtype=torch.qint8)
        self.network, self.tokenizer, self.device = network, tokenizer, device

    def probabilities(self, premises: Sequence[str], hypotheses: Sequence[str], *,
                      max_length: int) -> list[list[float]]:
        import torch

        encoded = self.tokenizer(list(premises), list(hypotheses), truncation=True, max_length=max_length,
                                 padding=True, return_tensors="pt").to(self.device)
        with torch.inference_mode():
            return self.network(**encoded).logits.float().softmax(dim=-1).cpu().tolist()


@BACKENDS.register("torch")
def load_torch(source: str, *, device: str, quantize: bool, threads: int | None, cache_dir: str | None) -> TorchRunner:
    """PyTorch uses its global thread setting; ``threads`` and ``cache_dir`` are not its concern."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from factcheck.devices import quiet_transformers

    quiet_transformers()
    return TorchRunner(AutoModelForSequenceClassification.from_pretrained(source),
                       AutoTokenizer.from_pretrained(source), device=device, quantize=quantize)
