"""Swappable parts by name: a :class:`Registry` maps names to factories.

Configuration names a part ("onnx", "offline:e5-small-nli"); the code that needs it asks the
registry instead of comparing strings, and an unknown name is a
:class:`~factcheck.errors.ConfigError` that lists the names that would have worked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from factcheck.errors import ConfigError

F = TypeVar("F", bound=Callable)

__all__ = ["Registry"]


class Registry(Generic[F]):
    """Names to factories, for one ``kind`` of part (the kind appears in error messages)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._factories: dict[str, F] = {}

    def register(self, name: str) -> Callable[[F], F]:
        """Decorator: ``@BACKENDS.register("onnx")`` above the factory; returns it unchanged."""

        def add(factory: F) -> F:
            known = self._factories.get(name)
            if known is not None and known is not factory:
                raise ValueError(f"{self.kind} {name!r} is registered twice ({known.__module__}.{known.__qualname__})")
            self._factories[name] = factory
            return factory

        return add

    def get(self, name: str) -> F:
        """The factory registered as ``name``; ConfigError naming the registered ones otherwise."""
        try:
            return self._factories[name]
        except KeyError:
            choices = ", ".join(self.names()) or "none registered"
            raise ConfigError(f"unknown {self.kind} {name!r}; choose one of: {choices}") from None

    def names(self) -> list[str]:
        return sorted(self._factories)

    def in_order(self) -> list[str]:
        """Names in the order they were registered (where order matters, as for checks)."""
        return list(self._factories)

    def unregister(self, name: str) -> None:
        """Remove ``name`` (a part registered for one test or one session)."""
        self._factories.pop(name, None)

    def __contains__(self, name: object) -> bool:
        return name in self._factories

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def __repr__(self) -> str:
        return f"Registry({self.kind!r}: {', '.join(self.names())})"
