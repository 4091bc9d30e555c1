"""Small deterministic stand-ins for the models, so batch tests exercise everything but the
networks. Used by the tests, the kill-and-resume driver and Ray actors (pickled by value)."""

from __future__ import annotations

import re
import time
import zlib

import numpy as np

WORD = re.compile(r"\w+")


class HashEncoder:
    """Bag of words hashed into 512 dimensions, unit length: texts sharing words are close."""

    def __init__(self, *, delay: float = 0.0) -> None:
        self.delay = delay

    def encode(self, texts):
        if self.delay:
            time.sleep(self.delay)
        vectors = np.zeros((len(texts), 512), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in WORD.findall(text.lower()):
                vectors[row, zlib.crc32(word.encode()) % 512] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1, norms)


class DigitNLI:
    """Contradiction when the two sides state different numbers, entailment when the same ones."""

    def predict(self, pairs):
        out = []
        for premise, hypothesis in pairs:
            a, b = set(re.findall(r"\d+", premise)), set(re.findall(r"\d+", hypothesis))
            if a and b and a != b:
                out.append({"entailment": 0.02, "neutral": 0.03, "contradiction": 0.95})
            elif a and a == b:
                out.append({"entailment": 0.95, "neutral": 0.03, "contradiction": 0.02})
            else:
                out.append({"entailment": 0.1, "neutral": 0.8, "contradiction": 0.1})
        return out


class BrokenNLI:
    """An NLI model whose weights cannot be loaded, as a damaged download would be."""

    def predict(self, pairs):
        from factcheck.errors import ModelLoadError

        raise ModelLoadError("cannot load NLI model 'broken': its weights are missing")


class ThreadsSeen:
    """A check that finds nothing and writes down, per process, the thread counts it computes with."""

    kind = "threads-seen"
    gate = False

    def __init__(self, folder) -> None:
        self.folder = str(folder)

    def keys(self, claim):
        self._note()
        return set()

    def seeks_neighbours(self, claim):
        return False

    def compare(self, ctx):
        self._note()
        return []

    def _note(self) -> None:
        import json
        import os
        from pathlib import Path

        from factcheck.batch.threads import blas_threads

        seen = {"OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS"), "blas": blas_threads()}
        Path(self.folder, f"{os.getpid()}.json").write_text(json.dumps(seen))
