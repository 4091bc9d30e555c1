"""Where models run, and keeping the libraries that load them quiet."""

from __future__ import annotations

__all__ = ["resolve_device", "quiet_transformers"]


def resolve_device(device: str | None) -> str:
    """``device`` as given ("cpu", "cuda:1"...), or CUDA when there is one, else the CPU."""
    if device:
        return device
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def quiet_transformers() -> None:
    """Per-tensor "Loading weights" bars say nothing to a user; factcheck reports its own steps."""
    from transformers.utils import logging

    logging.disable_progress_bar()
