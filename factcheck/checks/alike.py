"""What two near-copies are compared on (the wording and swap checks)."""

from __future__ import annotations

from factcheck.checks.context import PairContext
from factcheck.schema import Claim

# Share of their content words (Jaccard) two claims must have in common, and how many words at
# least: short claims share all their words too easily.
SAME_WORDS = 0.7
MIN_WORDS = 5


def figures_and_dates(claim: Claim) -> tuple:
    """The claim's numbers and its own dates, in order."""
    return (sorted(q.value for q in claim.quantities),
            sorted(str(d.value or d.text) for d in claim.dates if not d.inherited))


def told_alike(ctx: PairContext) -> bool:
    """The two claims tell one thing in nearly the same words: one language, both negated or
    neither, the same figures and dates, and ``SAME_WORDS`` of at least ``MIN_WORDS`` content
    words in common."""
    a, b = ctx.a, ctx.b
    if a.negated != b.negated or ctx.cross_language or figures_and_dates(a) != figures_and_dates(b):
        return False
    union = a.event_words | b.event_words
    return len(union) >= MIN_WORDS and len(a.event_words & b.event_words) / len(union) >= SAME_WORDS
