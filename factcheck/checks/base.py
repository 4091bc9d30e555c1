"""The check protocol and its registry: a check names its kind, the claims it wants paired,
and compares two claims into structured ``Reason`` records.

Adding a conflict kind is one module with a registered check: pairing asks every check for
its keys, the verdict reads its reasons, facts group by them, reports write them as prose
(``report.view.reason_text``) and evaluation scores them by kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Protocol

from factcheck.registry import Registry

if TYPE_CHECKING:
    from factcheck.checks.context import PairContext
    from factcheck.schema import Claim, Reason


class Check(Protocol):
    #: the ``Reason.kind`` this check writes, and its registered name
    kind: ClassVar[str]
    #: an ``apart`` finding of a gate check ends the comparison: claims about different
    #: places are not compared on their figures, dates or denials
    gate: ClassVar[bool]

    def keys(self, claim: Claim) -> set[str]:
        """Claims sharing a key are paired down to the lowered threshold, beyond their top-k."""

    def seeks_neighbours(self, claim: Claim) -> bool:
        """A claim that wants its top-k nearest claims in other documents, down to the lowered
        threshold, whatever their keys (a denial sits far from what it denies)."""

    def compare(self, ctx: PairContext) -> list[Reason]:
        """What this check finds about the pair; empty when it has nothing to say."""


class BaseCheck:
    """Defaults for the optional parts of the protocol."""

    kind: ClassVar[str] = ""
    gate: ClassVar[bool] = False

    def keys(self, claim: Claim) -> set[str]:
        return set()

    def seeks_neighbours(self, claim: Claim) -> bool:
        return False

    def compare(self, ctx: PairContext) -> list[Reason]:  # pragma: no cover - every check overrides it
        raise NotImplementedError


CHECKS: Registry = Registry("check")


def register_check(cls: type) -> type:
    """Class decorator: ``@register_check`` above a check class registers it under its ``kind``."""
    CHECKS.register(cls.kind)(cls)
    return cls


def load_checks(names: Sequence[str] | None = None) -> list[Check]:
    """Instances of the named checks, in the given order; all registered ones, in registration
    order, when ``names`` is None."""
    import factcheck.checks  # noqa: F401  (registers the built-in checks)

    return [CHECKS.get(name)() for name in (CHECKS.in_order() if names is None else names)]
