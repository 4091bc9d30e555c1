"""What two near-copies are compared on (the wording and swap checks)."""

from __future__ import annotations

from factcheck.schema import Claim

# Share of their content words (Jaccard) two claims must have in common, and how many words at
# least: short claims share all their words too easily.
SAME_WORDS = 0.7
MIN_WORDS = 5


def figures_and_dates(claim: Claim) -> tuple:
    """The claim's numbers and its own dates, in order."""
    return (sorted(q.value for q in claim.quantities),
            sorted(str(d.value or d.text) for d in claim.dates if not d.inherited))
