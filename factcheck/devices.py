"""Where models run, and keeping the libraries that load them quiet."""

from __future__ import annotations

import os
import sys

__all__ = ["resolve_device", "quiet_transformers"]


def resolve_device(device: str | None) -> str:
    """``device`` as given ("cpu", "cuda:1"...), or CUDA when there is one, else the CPU.

    Asking PyTorch takes a second of import; a machine without an NVIDIA driver cannot have
    CUDA, so PyTorch is only asked where the driver is present (or already imported).
    """
    if device:
        return device
    if "torch" not in sys.modules and not _nvidia_driver():
        return "cpu"
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def _nvidia_driver() -> bool:
    return os.path.exists("/proc/driver/nvidia/version") or os.path.exists("/dev/nvidiactl") or bool(
        os.environ.get("CUDA_VISIBLE_DEVICES"))


def quiet_transformers() -> None:
    """Per-tensor "Loading weights" bars say nothing to a user; factcheck reports its own steps."""
    from transformers.utils import logging

    logging.disable_progress_bar()
