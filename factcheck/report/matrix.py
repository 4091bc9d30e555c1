"""Who contradicts whom: pair verdicts counted per pair of documents."""

from __future__ import annotations

from collections import Counter

from factcheck.report.view import PairView


def verdict_counts(pairs: list[PairView]) -> dict[frozenset[str], Counter]:
    """For each unordered pair of document ids, how many of their claim pairs got each label."""
    counts: dict[frozenset[str], Counter] = {}
    for v in pairs:
        counts.setdefault(frozenset((v.doc_a.id, v.doc_b.id)), Counter())[v.pair.label] += 1
    return counts
