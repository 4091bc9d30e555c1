"""Compare the numbers two claims give for the same thing counted.

Each qualifier is read as the range of true values a reporter would use it for (news usage,
not logic): "more than 3,000" is said of 3,000-4,500, not of 11,000; "up to 11,000" is the top
of an estimate, not a claim compatible with 1,500. Round figures (3,000) are approximate.
"""

from __future__ import annotations

from factcheck.checks.base import BaseCheck, register_check
from factcheck.checks.context import PairContext
from factcheck.schema import Claim, Quantity, Reason

# Multipliers that bound each qualifier's range (documented in the README).
MORE_THAN_SPAN = 1.5
UP_TO_FLOOR = 0.5
ABOUT_BAND = 0.1
ROUND_BAND = 0.05


def plausible_range(q: Quantity) -> tuple[float, float] | None:
    """The values a reader may take ``q`` to mean; None when it bounds nothing (vague)."""
    v = q.value
    qualifier = q.qualifier
    if qualifier in ("more_than", "at_least"):
        return (v, v * MORE_THAN_SPAN)
    if qualifier in ("up_to", "at_most", "less_than"):
        return (v * UP_TO_FLOOR, v)
    if qualifier == "about":
        return (v * (1 - ABOUT_BAND), v * (1 + ABOUT_BAND))
    if qualifier == "exact":
        band = ROUND_BAND if _is_round(v) else 0.0
        return (v * (1 - band), v * (1 + band))
    return None


def _is_round(value: float) -> bool:
    return value >= 1000 and value == int(value) and int(value) % 100 == 0


def compatible(a: Quantity, b: Quantity) -> bool | None:
    """Whether two figures for the same thing can both be right; None when either is vague."""
    ra, rb = plausible_range(a), plausible_range(b)
    if ra is None or rb is None:
        return None
    (a_low, a_high), (b_low, b_high) = sorted(ra), sorted(rb)
    return a_low <= b_high * (1 + 1e-9) and b_low <= a_high * (1 + 1e-9)


def describe(q: Quantity, unit: str | None = None) -> str:
    words = {"more_than": "more than", "at_least": "at least", "up_to": "up to", "at_most": "at most",
             "less_than": "less than", "about": "about", "vague": "", "exact": ""}
    value = f"{q.value:,.0f}" if q.value == int(q.value) else f"{q.value:,}"
    unit = (unit or q.key or "").replace("_", " ").replace(":", " of ")
    return " ".join(part for part in (words.get(q.qualifier, q.qualifier), value, unit) if part)


def compare_quantities(a: Claim, b: Claim) -> list[tuple[str, Quantity, Quantity, bool]]:
    """For each unit both claims count: (unit, qa, qb, compatible?).

    A unit conflicts only when no figure of one claim fits any figure of the other, so a claim
    that gives two figures ("3,000 now, 1,500 more later") is not flagged for one of them.
    """
    results = []
    keyed_a = [(q.key, q) for q in a.quantities]
    keyed_b = [(q.key, q) for q in b.quantities]
    units = {k for k, _ in keyed_a} & {k for k, _ in keyed_b} - {None}
    for unit in sorted(units):
        qa = [q for k, q in keyed_a if k == unit]
        qb = [q for k, q in keyed_b if k == unit]
        verdicts = [(x, y, compatible(x, y)) for x in qa for y in qb]
        decided = [v for v in verdicts if v[2] is not None]
        if not decided:
            continue
        fitting = [v for v in decided if v[2]]
        x, y, ok = fitting[0] if fitting else decided[0]
        results.append((unit, x, y, bool(ok)))
    return results


@register_check
class QuantityCheck(BaseCheck):
    """Figures for the same thing counted: a conflict when no figure of one claim fits any of
    the other's, an agreement when they fit. Not compared across years (another event)."""

    kind = "quantity"

    def keys(self, claim: Claim) -> set[str]:
        return {q.unit for q in claim.quantities if q.unit}

    def compare(self, ctx: PairContext) -> list[Reason]:
        if ctx.different_years:
            return []
        return [
            Reason("quantity", "agree" if ok else "conflict", key=unit,
                   values=(describe(qa, unit), describe(qb, unit)), sources=ctx.sources)
            for unit, qa, qb, ok in compare_quantities(ctx.a, ctx.b)
        ]
