"""The same account with another country in it: who or where differs for one act.

Runs before the place check, whose "different countries" would otherwise set such a pair apart
as two events before anything compared it.
"""

from __future__ import annotations

from factcheck.checks.base import BaseCheck, register_check
from factcheck.checks.context import PairContext
from factcheck.checks.alike import told_alike
from factcheck.schema import Reason

# Words each side may have that the other lacks, the swapped names included, for two claims
# to be the same account with another country in it.
SWAP_WORDS = 2


@register_check
class PlaceSwapCheck(BaseCheck):
    """The same account in nearly the same words with another country in it ("Iran blamed
    America for the attack" / "France blamed America for the attack", "oil found in Egypt" /
    "in Lebanon"): who or where differs for one act, a conflict naming both."""

    kind = "where"

    def compare(self, ctx: PairContext) -> list[Reason]:
        a, b = ctx.a, ctx.b
        if not a.countries or not b.countries or a.countries == b.countries or not told_alike(ctx):
            return []
        if len(a.event_words - b.event_words) > SWAP_WORDS or len(b.event_words - a.event_words) > SWAP_WORDS:
            return []
        only_a, only_b = sorted(a.countries - b.countries), sorted(b.countries - a.countries)
        if not only_a or not only_b:  # one names a country more, not another one
            return []
        return [Reason("where", "conflict", values=(", ".join(only_a).replace("_", " "), ", ".join(only_b).replace("_", " ")),
                       sources=ctx.sources, note="the same account with another country in it")]
