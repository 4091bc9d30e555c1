"""Where models run, and keeping the libraries that load them quiet."""

from __future__ import annotations

import os
import sys

__all__ = ["resolve_device", "quiet_transformers", "half_precision"]


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


def half_precision(device: str):
    """The 16-bit float type models run in on ``device``: bfloat16 on a CUDA GPU that has it
    (Ampere and later: same range as float32, so softmax and pooling do not overflow), float16 on
    older GPUs, None (float32) on the CPU, where 16-bit matrix products are not faster."""
    if not str(device).startswith("cuda"):
        return None
    import torch

    return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16


def quiet_transformers() -> None:
    """Per-tensor "Loading weights" bars say nothing to a user; factcheck reports its own steps."""
    from transformers.utils import logging

    logging.disable_progress_bar()
