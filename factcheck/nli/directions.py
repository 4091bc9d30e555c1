"""Both directions of a claim pair, and one verdict from the two."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.nli.model import NLIModel
from factcheck.schema import Label

__all__ = ["both_directions", "combine", "combined_scores"]


def both_directions(model: NLIModel, pairs: Sequence[tuple[str, str]]) -> list[dict[str, dict[Label, float]]]:
    """Score a->b and b->a for every pair in one batched pass."""
    forward_and_back = list(pairs) + [(b, a) for a, b in pairs]
    probs = model.predict(forward_and_back)
    n = len(pairs)
    return [{"a->b": probs[i], "b->a": probs[n + i]} for i in range(n)]


def combined_scores(directions: dict[str, dict[Label, float]]) -> dict[Label, float]:
    """One probability per label from the two directions.

    Contradiction is symmetric, so it takes the mean; entailment in either direction means
    the claims agree (one is a more specific version of the other); neutral is what is left.
    """
    forward = directions["a->b"]
    # A pair scored in one direction only is read as that direction alone (eval/nli_skip.py
    # re-decides pairs this way to measure what skipping the second direction would change).
    backward = directions.get("b->a", forward)
    contradiction = (forward["contradiction"] + backward["contradiction"]) / 2
    entailment = max(forward["entailment"], backward["entailment"])
    neutral = max(0.0, 1.0 - contradiction - entailment)
    return {"entailment": entailment, "neutral": neutral, "contradiction": contradiction}


def combine(directions: dict[str, dict[Label, float]]) -> tuple[Label, float]:
    """The most probable label of :func:`combined_scores` and its probability."""
    scores = combined_scores(directions)
    label = max(scores, key=scores.__getitem__)
    return label, round(scores[label], 4)
