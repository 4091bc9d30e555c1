"""Claims about different places or different years: not the same fact, so not compared.

These checks find no conflicts; their ``apart`` reasons let the verdict overrule a model
contradiction ("the 2018 quake killed 300" against this year's toll, Egypt against Kenya).
"""

from __future__ import annotations

from factcheck.checks.base import BaseCheck, register_check
from factcheck.checks.context import PairContext
from factcheck.schema import Claim, Reason


def _place(claim: Claim) -> str:
    if claim.elsewhere:
        return "a neighbouring place"
    return ", ".join(sorted(claim.countries)).replace("_", " ") or "no country named"


@register_check
class PlaceCheck(BaseCheck):
    kind = "place"
    gate = True

    def compare(self, ctx: PairContext) -> list[Reason]:
        if ctx.different_places or (ctx.one_sided_place and not ctx.one_event):
            return [Reason("place", "apart", values=(_place(ctx.a), _place(ctx.b)), sources=ctx.sources)]
        return []


def _years(claim: Claim, ctx: PairContext, side: int) -> str:
    if claim.years:
        return ", ".join(str(y) for y in sorted(claim.years))
    doc = ctx.doc_a if side == 0 else ctx.doc_b
    return f"published {doc.published.year}" if doc.published else "undated"


@register_check
class YearCheck(BaseCheck):
    kind = "year"

    def compare(self, ctx: PairContext) -> list[Reason]:
        if ctx.different_years and not ctx.one_event:
            return [Reason("year", "apart", values=(_years(ctx.a, ctx, 0), _years(ctx.b, ctx, 1)),
                           sources=ctx.sources)]
        return []
