"""Where the batch stages run: checking ``--device`` and the resources a stage asks Ray for."""

from __future__ import annotations

import re

from factcheck.errors import ConfigError

DEVICES = ("cpu", "cuda")


def check_device(device: str, *, local: bool = True) -> str:
    """``device`` when this machine can run it (``local``), else a ConfigError naming the fix.

    A device for a remote Ray cluster (``local=False``) is only checked for its form: the
    cluster's workers, not this machine, have the GPUs.
    """
    if not re.fullmatch(r"cpu|cuda(:\d+)?", device):
        raise ConfigError(f"unknown device {device!r}; valid devices: cpu, cuda, cuda:N")
    if device.startswith("cuda") and local:
        import torch

        if not torch.cuda.is_available():
            raise ConfigError(f"--device {device}: no CUDA device is visible to this process "
                              "(torch.cuda.is_available() is False); use --device cpu, or --engine ray "
                              "--ray-address ADDR to run on a cluster with GPUs")
    return device


def stage_resources(device: str) -> dict[str, float]:
    """What one model-holding stage actor reserves: a whole GPU on CUDA, a CPU otherwise."""
    return {"num_gpus": 1.0, "num_cpus": 1.0} if device.startswith("cuda") else {"num_cpus": 1.0}
