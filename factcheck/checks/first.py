""""The first official confirmation" from two sources that name different firsts."""

from __future__ import annotations

from factcheck.checks.base import BaseCheck, register_check
from factcheck.checks.context import PairContext
from factcheck.schema import Claim, Reason

# Share of content words two "first" claims need in common to be about one fact.
SAME_FACT_OVERLAP = 0.3


@register_check
class FirstCheck(BaseCheck):
    """Different actors each doing something for their own first time is fine; a claim that an
    event is *the* first official confirmation conflicts with another source's first
    confirmation of the same fact."""

    kind = "first"

    def keys(self, claim: Claim) -> set[str]:
        return {"first"} if claim.first else set()

    def compare(self, ctx: PairContext) -> list[Reason]:
        a, b = ctx.a, ctx.b
        if not (a.first and b.first) or not (a.absolute_first or b.absolute_first):
            return []
        if ctx.word_overlap < SAME_FACT_OVERLAP:
            return []
        return [Reason("first", "conflict", values=("a first confirmation", "a first confirmation"),
                       sources=ctx.sources)]
