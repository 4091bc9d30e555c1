"""Progress of a batch run on stderr: documents, claims and pairs per second, and an ETA."""

from __future__ import annotations

import time
from typing import Protocol


class BatchProgress(Protocol):
    def start(self, stories: int, documents: int) -> None: ...
    def advance(self, *, documents: int, claims: int, pairs: int) -> None: ...
    def stop(self) -> None: ...


class SilentProgress:
    def start(self, stories: int, documents: int) -> None:
        pass

    def advance(self, *, documents: int, claims: int, pairs: int) -> None:
        pass

    def stop(self) -> None:
        pass


class RichProgress:
    """A rich progress bar over the documents still to check, with the rates since the start."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[rates]}"), TimeRemainingColumn(),
                                 console=Console(stderr=True))
        self.counts = {"documents": 0, "claims": 0, "pairs": 0}

    def start(self, stories: int, documents: int) -> None:
        self.started = time.perf_counter()
        self.progress.start()
        self.task = self.progress.add_task(f"{stories} stories, documents", total=documents, rates="")

    def advance(self, *, documents: int, claims: int, pairs: int) -> None:
        for name, count in (("documents", documents), ("claims", claims), ("pairs", pairs)):
            self.counts[name] += count
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        rates = " ".join(f"{self.counts[n] / elapsed:.1f} {n}/s" for n in ("documents", "claims", "pairs"))
        self.progress.update(self.task, advance=documents, rates=rates)

    def stop(self) -> None:
        self.progress.stop()
