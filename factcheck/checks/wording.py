"""Two claims that tell the same thing in nearly the same words.

The offline NLI model calls some near-copies contradictions at 0.95+ ("القوات الأمريكية بدور
المستشارين" / "القوات الأميركية بدور المستشار": a spelling and a plural apart), 13 of the 29
model-decided false alarms on the real-news gold. When the content words nearly coincide and
no check finds a difference in figures, dates, denials or firsts, the claims agree, and a model
contradiction is overruled (``factcheck.verdict``).
"""

from __future__ import annotations

from difflib import SequenceMatcher

from factcheck.checks.base import BaseCheck, register_check
from factcheck.checks.alike import told_alike
from factcheck.checks.context import PairContext
from factcheck.schema import Reason

# How alike (difflib ratio) a word one claim has and the other lacks must be to one of the
# other's words to be a spelling or inflection of it ("الأمريكية"/"الأميركية", "المستشارين"/
# "المستشار") rather than another word ("تتراجع"/"تقر": backs off / approves).
VARIANT_RATIO = 0.7


@register_check
class WordingCheck(BaseCheck):
    kind = "wording"

    def compare(self, ctx: PairContext) -> list[Reason]:
        a, b = ctx.a, ctx.b
        # a figure, a date, a country or a name changed is what the share of words cannot show
        # ("killed 300" / "killed 450", "China sent" / "Russia sent"): the model may be right
        if not told_alike(ctx) or a.countries != b.countries or _names(a) != _names(b):
            return []
        if not (_variants(a.event_words - b.event_words, b.event_words)
                and _variants(b.event_words - a.event_words, a.event_words)):
            # one word swapped for another is the smallest change of meaning, not a copy
            return []
        return [Reason("wording", "agree", note="the claims tell the same thing in nearly the same words",
                       sources=ctx.sources)]


def _names(claim) -> set[str]:
    """Capitalised words after the first: the proper names of a Latin-script sentence."""
    words = claim.text.split()[1:]
    return {w.strip(".,;:'\"()").lower() for w in words if w[:1].isupper()}


def _variants(words: set[str], other: set[str]) -> bool:
    """Every word of ``words`` is a spelling or inflection of a word of ``other``."""
    return all(any(SequenceMatcher(None, w, o).ratio() >= VARIANT_RATIO for o in other) for w in words)

