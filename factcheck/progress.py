"""Step reporting: the library announces steps, the caller decides how to show them."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Protocol


class Steps(Protocol):
    def step(self, description: str) -> AbstractContextManager: ...


class SilentSteps:
    def step(self, description: str) -> AbstractContextManager:
        return nullcontext()


class RichSteps:
    """A spinner per step on stderr with its elapsed time, so stdout stays clean for reports."""

    def __init__(self) -> None:
        from rich.console import Console

        self.console = Console(stderr=True)

    def step(self, description: str) -> AbstractContextManager:
        return _RichStep(self.console, description)


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
