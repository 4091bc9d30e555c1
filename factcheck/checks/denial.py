"""A denial (or a negated claim) against an assertion of the same event."""

from __future__ import annotations

from factcheck.checks.base import BaseCheck, register_check
from factcheck.checks.context import SAME_EVENT_OVERLAP, PairContext
from factcheck.schema import Claim, Reason


@register_check
class DenialCheck(BaseCheck):
    """In one language the shared words show the same event; across languages, where words
    cannot be matched, only an explicit denial verb on embeddings this close counts. The other
    claim must be a plain assertion: two sentences that both speak of something absent or
    withheld agree rather than conflict."""

    kind = "negation"

    def seeks_neighbours(self, claim: Claim) -> bool:
        # "the ministry denied the dam collapsed" sits further from "the dam collapsed" than two
        # assertions of one event do, most of all across languages
        return claim.negated

    def compare(self, ctx: PairContext) -> list[Reason]:
        a, b = ctx.a, ctx.b
        if a.negated == b.negated:
            return []
        denier, asserter = (a, b) if a.negated else (b, a)
        if asserter.absence:  # "no word on a ransom" against "no ransom demand received": both say none
            return []
        if not (ctx.word_overlap >= SAME_EVENT_OVERLAP or (ctx.similar and denier.denial)):
            return []
        values = ("denies", "asserts") if denier is a else ("asserts", "denies")
        return [Reason("negation", "conflict", values=values, sources=ctx.sources)]
