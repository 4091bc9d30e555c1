"""The thread counts the Ray engine's workers compute with: this process's own.

A matrix product or a model pass gives results that differ in their last bits with the number
of threads sharing it (the sums are split, so rounded, differently), and a rounded similarity
or probability can then flip: another pair is formed, another label given. ``factcheck check``
computes with its libraries' defaults, but Ray starts every worker with ``OMP_NUM_THREADS`` set
to its CPU reservation (1), and a local Ray run then differed from ``check`` on about one story
in five of the benchmark corpus. So the Ray engine starts its workers with the counts this
process uses: OpenMP's (PyTorch's intra-op threads) and OpenBLAS's (numpy's products).
"""

from __future__ import annotations

import os


def worker_env() -> dict[str, str]:
    """Environment variables that give a worker on this machine this process's thread counts."""
    import torch

    return {"OMP_NUM_THREADS": str(torch.get_num_threads()), "OPENBLAS_NUM_THREADS": str(blas_threads())}


def blas_threads() -> int:
    """The threads numpy's BLAS uses in this process."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:  # not installed: OpenBLAS's own default, one per CPU this process may use
        return len(os.sched_getaffinity(0))
    counts = [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]
    return max(counts) if counts else len(os.sched_getaffinity(0))
