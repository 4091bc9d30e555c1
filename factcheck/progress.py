"""Step reporting: the library announces steps, the caller decides how to show them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Protocol


class Steps(Protocol):
    def step(self, description: str) -> AbstractContextManager: ...

    def progress(self, description: str, total: int, unit: str) -> AbstractContextManager[Callable[[int], None]]:
        """A long step of ``total`` items: the context gives ``advance(n)`` to call as items are done."""


class SilentSteps:
    def step(self, description: str) -> AbstractContextManager:
        return nullcontext()

    def progress(self, description: str, total: int, unit: str) -> AbstractContextManager[Callable[[int], None]]:
        return nullcontext(lambda n: None)


class RichSteps:
    """A spinner per step on stderr with its elapsed time, so stdout stays clean for reports."""

    def __init__(self) -> None:
        from rich.console import Console

        self.console = Console(stderr=True)

    def step(self, description: str) -> AbstractContextManager:
        return _RichStep(self.console, description)

    @contextmanager
    def progress(self, description: str, total: int, unit: str) -> Iterator[Callable[[int], None]]:
        """A bar with done/total counts, the rate, elapsed time and an ETA."""
        import time

        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        started = time.perf_counter()
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn(unit),
                   TextColumn("[dim]{task.fields[rate]}[/dim]"),
                   TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())
        with Progress(*columns, console=self.console, transient=True) as bar:
            task = bar.add_task(description, total=total, rate="")

            def advance(n: int) -> None:
                done = bar.tasks[0].completed + n
                elapsed = max(time.perf_counter() - started, 1e-9)
                bar.update(task, advance=n, rate=f"{done / elapsed:.1f} {unit}/s")

            yield advance
        self.console.print(f"[dim]✓ {description}: {total} {unit} ({time.perf_counter() - started:.1f}s)[/dim]")


class _RichStep:
    def __init__(self, console, description: str) -> None:
        self.console = console
        self.description = description

    def __enter__(self):
        import time

        self.started = time.perf_counter()
        self.status = self.console.status(self.description)
        self.status.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        import time

        self.status.__exit__(*exc)
        if exc[0] is None:
            self.console.print(f"[dim]✓ {self.description} ({time.perf_counter() - self.started:.1f}s)[/dim]")
