""""The first official confirmation" from two sources that name different firsts."""

from __future__ import annotations

from factcheck.checks.base import BaseCheck, register_check
from factcheck.checks.context import PairContext
from factcheck.checks.dates import describe
from factcheck.schema import Claim, Reason

# Share of content words two "first" claims need in common to be about one fact.
SAME_FACT_OVERLAP = 0.3


def told_on(claim: Claim) -> str:
    """When the claim's first happened, as its article gives the day: "on يوم السبت (Saturday
    2025-04-26)", from its own sentence, else from the one that first told of it (``inherited``)."""
    days = [d for d in claim.dates if d.granularity in ("day", "weekday")]
    own = [d for d in days if not d.inherited]
    return "on " + "; ".join(describe(d) for d in own or days) if days else "with no day given"


@register_check
class FirstCheck(BaseCheck):
    """Different actors each doing something for their own first time is fine; a claim that an
    event is *the* first official confirmation conflicts with another source's first
    confirmation of the same fact. The reason names the day each side gives its first."""

    kind = "first"

    def keys(self, claim: Claim) -> set[str]:
        return {"first"} if claim.first else set()

    def compare(self, ctx: PairContext) -> list[Reason]:
        a, b = ctx.a, ctx.b
        if not (a.first and b.first) or not (a.absolute_first or b.absolute_first):
            return []
        if ctx.word_overlap < SAME_FACT_OVERLAP:
            return []
        if a.doc == b.doc:
            # One article retells its own first ("North Korea confirmed for the first time ...";
            # "this is the first official confirmation"): two speakers, one first.
            return []
        return [Reason("first", "conflict", values=(f"a first confirmation {told_on(a)}",
                                                    f"a first confirmation {told_on(b)}"),
                       sources=ctx.sources)]
