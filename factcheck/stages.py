"""The pipeline's stages as plain functions over typed records, in the order data flows:

    read -> articles -> copies -> claims -> embed -> pair -> nli -> checks -> verdict -> facts

Each takes what the previous one produced and returns new records; none reads a global or
writes into its inputs. ``factcheck.pipeline.Checker`` composes them in one process; a
corpus-scale runner calls the same functions on shards. Models come in as arguments that
satisfy the small protocols below, so any encoder or NLI scorer can stand in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from factcheck.checks import Check, run_checks
from factcheck.claims import claims_of
from factcheck.copies import drop_copied_sentences, find_copies, originals
from factcheck.facts import group_facts
from factcheck.ingest import articles_from_source, read_sources
from factcheck.nli.directions import both_directions
from factcheck.pairing import Thresholds, candidate_pairs, structured_pairs
from factcheck.schema import Claim, Copy, Document, Fact, Label, Pair, Problem, Source
from factcheck.verdict import decide_all


class TextEncoder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""


class PairScorer(Protocol):
    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[dict[Label, float]]:
        """Label probabilities for each (premise, hypothesis), in input order."""


def read(paths: Iterable[str | Path]) -> tuple[list[Source], list[Problem]]:
    """Decoded inputs; an unreadable one becomes a Problem and the others are still read."""
    return read_sources(paths)


def articles(sources: Sequence[Source]) -> tuple[list[Document], list[Problem]]:
    """Each source split into its article and the stories glued after it."""
    documents: list[Document] = []
    problems: list[Problem] = []
    for source in sources:
        try:
            documents.extend(articles_from_source(source, source.id or Path(source.path).stem))
        except Exception as exc:  # one malformed article must not lose the others
            problems.append(Problem(source.path, f"could not split into articles: {exc}"))
    return documents, problems


def copies(documents: Sequence[Document]) -> tuple[list[Document], list[Copy]]:
    """The documents to compare (copies left out) and which document republishes which
    (``factcheck.copies``): a copy is never compared with its original as another source."""
    found = find_copies(documents)
    return originals(documents, found), found


def without_copied_sentences(pairs: Sequence[Pair], found: Sequence[Claim]) -> tuple[list[Pair], list[Copy]]:
    """Pairs of a sentence with its word-for-word copy in another document removed, as Copies."""
    return drop_copied_sentences(pairs, found)


def claims(documents: Sequence[Document]) -> tuple[list[Claim], list[Problem]]:
    """Each document's claims with every feature the checks compare."""
    found: list[Claim] = []
    problems: list[Problem] = []
    for doc in documents:
        try:
            found.extend(claims_of(doc))
        except Exception as exc:  # an extractor bug on one article must not lose the others
            problems.append(Problem(f"{doc.path} ({doc.id})", f"could not extract claims: {exc!r}"))
    return found, problems


def embed(found: Sequence[Claim], encoder: TextEncoder) -> np.ndarray:
    return encoder.encode([c.text for c in found])


def pair(found: Sequence[Claim], embeddings: np.ndarray, *, thresholds: Thresholds, top_k: int,
         checks: Sequence[Check], structured_margin: float | None) -> list[Pair]:
    """Nearest neighbours in other documents above the thresholds; with ``structured_margin``,
    also the claims the checks can compare, down to the thresholds lowered by that margin."""
    pairs = candidate_pairs(found, embeddings, thresholds=thresholds, top_k=top_k)
    if structured_margin is not None:
        lowered = Thresholds(same=thresholds.same - structured_margin, cross=thresholds.cross - structured_margin)
        pairs += structured_pairs(found, embeddings, thresholds=lowered, checks=checks, exclude=pairs, top_k=top_k)
    return pairs


def nli(pairs: Sequence[Pair], found: Sequence[Claim] | dict[str, Claim], scorer: PairScorer) -> list[Pair]:
    """Each pair with the model's probabilities in both directions (``a->b``, ``b->a``)."""
    by_id = found if isinstance(found, dict) else {c.id: c for c in found}
    scored = both_directions(scorer, [(by_id[p.a].text, by_id[p.b].text) for p in pairs]) if pairs else []
    return [dataclasses.replace(p, nli=directions) for p, directions in zip(pairs, scored, strict=True)]


def checks(pairs: Sequence[Pair], found: Sequence[Claim], documents: Sequence[Document], *,
           registered: Sequence[Check], thresholds: Thresholds | None) -> list[Pair]:
    """Each pair with the reasons the checks find."""
    return run_checks(pairs, {c.id: c for c in found}, {d.id: d for d in documents}, checks=registered,
                      thresholds=thresholds)


def verdict(pairs: Sequence[Pair], *, min_confidence: float) -> list[Pair]:
    """Each pair with its label and confidence (``factcheck.verdict``)."""
    return decide_all(pairs, min_confidence=min_confidence)


def facts(pairs: Sequence[Pair], found: Sequence[Claim], documents: Sequence[Document]) -> list[Fact]:
    return group_facts(pairs, {c.id: c for c in found}, {d.id: d for d in documents})
