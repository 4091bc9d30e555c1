"""A denial (or a negated claim) against an assertion of the same event."""

from __future__ import annotations

import re

from factcheck.checks.base import BaseCheck, register_check
from factcheck.checks.context import SAME_EVENT_OVERLAP, PairContext
from factcheck.schema import Claim, Reason
from factcheck.textnorm import overlap


# Words the denied clause and the assertion must share, beyond the share: "تنفيه موسكو" shares
# all of its one word with any sentence naming Moscow.
MIN_SHARED = 2
# An "assertion" that only speaks of reports ("investigating reports that bodies had been
# found", "أنباء عن مقتل") asserts nothing a denial could contradict.
_HEDGED = re.compile(
    r"\b(?:reports|rumou?rs|unconfirmed|speculation)\s+(?:that|of)\b|\bunconfirmed reports\b"
    r"|(?<![^\W\d_])(?:تقارير|انباء|أنباء|شائعات)\s+(?:عن|تفيد|تشير)(?![^\W\d_])", re.IGNORECASE)


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
        if _HEDGED.search(asserter.text):
            return []
        # what is denied must be what the other claim asserts: the words of the negated clause,
        # not a side remark's ("..., adding that he would not speculate")
        words = denier.negated_words or denier.event_words  # a claim built without its negated clause
        denied = (len(words & asserter.event_words) >= MIN_SHARED
                  and overlap(words, asserter.event_words) >= SAME_EVENT_OVERLAP)
        if not (denied or (ctx.similar and denier.denial and ctx.cross_language)):
            return []
        values = ("denies", "asserts") if denier is a else ("asserts", "denies")
        asserter_side = "b" if denier is a else "a"
        if not denier.denial and ctx.later == asserter_side:
            # "no wreckage has been recovered" (5 June) against "the team recovered part of the
            # tail" (8 June): what had not happened yet, then did. A denial ("denied", "نفى")
            # disputes the other account whenever it came.
            return [Reason("negation", "update", values=values, sources=ctx.sources, later=asserter_side,
                           note="a later report of what an earlier one said had not happened")]
        return [Reason("negation", "conflict", values=values, sources=ctx.sources)]
