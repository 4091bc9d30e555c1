"""Where the batch stages run: checking ``--device``, and the actor pools of the model stages."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Pool:
    """The Ray actors of one model stage: how many, and what each one reserves."""

    actors: int
    num_cpus: float
    num_gpus: float = 0.0

    def resources(self) -> dict[str, float]:
        """What each actor asks Ray for (``Dataset.map_batches`` keyword arguments)."""
        return {"num_cpus": self.num_cpus, "num_gpus": self.num_gpus} if self.num_gpus else {"num_cpus": self.num_cpus}


def model_pools(device: str, *, gpus: float) -> dict[str, Pool]:
    """The actor pools of the ``embedding`` and ``nli`` stages on a cluster with ``gpus`` GPUs.

    On CUDA each actor holds a whole GPU when there are two or more, and the NLI stage gets most
    of them: a story has far more pairs than claims, and each pair is two passes over two
    sentences. On a single GPU the two actors share it (half each: a Ray reservation, not a
    memory split; both small models fit), since two whole-GPU asks would wait for each other
    forever. On the CPU one actor per model, each reserving half a CPU so that the CPU stages
    (splitting, claims, pairing, checks) always have a whole one: a forward pass already uses
    every core, so more model actors would only contend for them.
    """
    if device.startswith("cuda"):
        whole = int(gpus)
        if whole < 1:
            raise ConfigError(f"--device {device}: the Ray cluster has no GPU (ray.cluster_resources() lists "
                              f"{gpus:g}); use --device cpu, or --ray-address ADDR of a cluster with GPUs")
        if whole == 1:
            return {"embedding": Pool(1, 1.0, 0.5), "nli": Pool(1, 1.0, 0.5)}
        embedding = max(1, whole // 4)
        return {"embedding": Pool(embedding, 1.0, 1.0), "nli": Pool(whole - embedding, 1.0, 1.0)}
    return {"embedding": Pool(1, 0.5), "nli": Pool(1, 0.5)}


def actor_device(device: str) -> str:
    """The device a model actor loads onto: Ray gives a GPU actor its GPU as the only visible
    one (``CUDA_VISIBLE_DEVICES``), so ``cuda:1`` on the driver is plain ``cuda`` there."""
    return "cuda" if device.startswith("cuda") else device
