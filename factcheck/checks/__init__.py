"""Structured, explainable comparisons of paired claims, one registered check per kind.

``run_checks`` is the checks stage: pairs in, the same pairs with their ``reasons`` out. It
decides nothing about labels; ``factcheck.verdict`` does, from these reasons and the NLI scores.
Checks run in registration order (the gate checks first); importing this package registers
the built-in ones.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from factcheck.checks import swap, scope, quantity, dates, denial, first, wording  # noqa: F401  (registration order)
from factcheck.checks.base import CHECKS, BaseCheck, Check, load_checks, register_check
from factcheck.checks.context import FrameMatch, PairContext, source_of
from factcheck.pairing import Thresholds
from factcheck.schema import Claim, Document, Pair, Reason

__all__ = ["CHECKS", "BaseCheck", "Check", "FrameMatch", "PairContext", "compare", "load_checks", "register_check",
           "run_checks", "source_of"]

# How far above the cross-language pairing threshold two claims in different languages must
# be to count as telling the same event. Set on small data; see eval/ for its effect.
SAME_EVENT_MARGIN = 0.02
_ORDER = {"conflict": 0, "agree": 1, "update": 2, "apart": 3, "override": 4}


def run_checks(pairs: Sequence[Pair], claims: Mapping[str, Claim], documents: Mapping[str, Document], *,
               checks: Sequence[Check], thresholds: Thresholds | None = None,
               frames: FrameMatch | None = None) -> list[Pair]:
    """Each pair with the reasons every check finds. ``thresholds`` are the pairing thresholds:
    in one language the words themselves show whether two claims tell one event; embeddings
    stand in only where words cannot be matched, or where they put two claims as close as
    pairing on similarity alone does. ``frames`` tells whether two figures count the same
    thing (None: figures are compared on their keys alone)."""
    out = []
    for pair in pairs:
        a, b = claims[pair.a], claims[pair.b]
        similar = (thresholds is not None and a.language != b.language
                   and pair.similarity >= thresholds.cross + SAME_EVENT_MARGIN)
        close = thresholds is not None and pair.similarity >= thresholds.between(a, b)
        ctx = PairContext(a, b, documents[a.doc], documents[b.doc], similar=similar, close=close, frames=frames)
        out.append(dataclasses.replace(pair, reasons=[*pair.reasons, *compare(ctx, checks)]))
    return out


def compare(ctx: PairContext, checks: Sequence[Check]) -> list[Reason]:
    """Every check's findings, conflicts first; a gate check's ``apart`` finding ends the comparison."""
    found: list[Reason] = []
    for check in checks:
        reasons = check.compare(ctx)
        found.extend(reasons)
        if check.gate and any(r.relation == "apart" for r in reasons):
            break
    return sorted(found, key=lambda r: _ORDER[r.relation])
