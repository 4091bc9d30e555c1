"""The pipeline's stages as plain functions over typed records, in the order data flows:

    read -> articles -> copies -> claims -> embed (+ frame_vectors) -> pair -> nli -> checks -> verdict -> facts

Each takes what the previous one produced and returns new records; none reads a global or
writes into its inputs. ``factcheck.pipeline.Checker`` composes them in one process; a
corpus-scale runner calls the same functions on shards. Models come in as arguments that
satisfy the small protocols below, so any encoder or NLI scorer can stand in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from factcheck.checks import Check, FrameMatch, run_checks
from factcheck.claims import claims_of
from factcheck.copies import drop_copied_sentences, find_copies, originals
from factcheck.extract.frames import figure_contexts
from factcheck.facts import group_facts
from factcheck.ingest import articles_from_source, read_sources
from factcheck.nli.directions import both_directions
from factcheck.pairing import Thresholds, candidate_pairs, speaker_pairs, structured_pairs, subject_pairs
from factcheck.schema import Claim, Copy, Document, Fact, Label, Pair, Problem, Source
from factcheck.verdict import decide_all


class TextEncoder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""


class PairScorer(Protocol):
    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[dict[Label, float]]:
        """Label probabilities for each (premise, hypothesis), in input order."""


def chunks(items: Sequence, size: int) -> Iterator[Sequence]:
    """``items`` in consecutive slices of ``size``: how runners hand the long stages their work."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


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


def figure_frames(found: Sequence[Claim], encoder: TextEncoder, settings: FrameSettings | None) -> FrameMatch | None:
    """What each figure of the claims counts, ready for the checks; None when ``settings`` says
    figures are compared on their keys alone (``FrameSettings.from_config``)."""
    return settings.match(frame_vectors(found, encoder)) if settings else None


def frame_vectors(found: Sequence[Claim], encoder: TextEncoder) -> dict[tuple[str, int], np.ndarray]:
    """(claim id, index in ``Claim.quantities``) -> the unit vector of that figure's context with
    the numbers and dates masked (``extract.frames.figure_contexts``), embedded by the claims'
    encoder: what the figure counts, in any language. A context shared by several figures is
    embedded once."""
    keys, texts = [], []
    for claim in found:
        for i, text in enumerate(figure_contexts_of(claim)):
            keys.append((claim.id, i))
            texts.append(text)
    if not texts:
        return {}
    unique = list(dict.fromkeys(texts))
    vectors = encoder.encode(unique)
    row = {text: i for i, text in enumerate(unique)}
    return {key: vectors[row[text]] for key, text in zip(keys, texts, strict=True)}


def figure_contexts_of(claim: Claim) -> list[str]:
    """``figure_contexts`` on the claim's own text (its spans index the source text)."""
    shift = claim.start
    quantities = [dataclasses.replace(q, start=q.start - shift, end=q.end - shift) for q in claim.quantities]
    dates = [dataclasses.replace(d, start=d.start - shift, end=d.end - shift) for d in claim.dates if not d.inherited]
    return figure_contexts(claim.text, quantities, dates)


@dataclasses.dataclass(frozen=True)
class FrameSettings:
    """The cosines at which two figures' masked contexts count the same thing (from ``Config``):
    ``same`` in one language, ``cross`` across languages."""

    same: float
    cross: float

    @classmethod
    def from_config(cls, config) -> FrameSettings | None:
        """None when figures are compared on their keys alone (structured checks off, or
        ``frame_similarity`` 0): then no frame vectors are needed."""
        if not config.structured_checks or not config.frame_similarity:
            return None
        return cls(same=config.frame_similarity, cross=config.frame_cross_similarity)

    def match(self, vectors: dict[tuple[str, int], np.ndarray]) -> FrameMatch:
        return FrameMatch(vectors, same=self.same, cross=self.cross)


@dataclasses.dataclass(frozen=True)
class PairingSettings:
    """What decides which claims are compared (from ``Config``): every runner pairs alike."""

    top_k: int
    # the checks' own keys are compared down to the thresholds lowered by this (None: not at all)
    structured_margin: float | None
    # claims sharing this share of their words, among each one's subject_top_k nearest, down to
    # the thresholds lowered by subject_margin; and claims of different speakers in one article
    subject_top_k: int = 0
    subject_margin: float = 0.0
    subject_overlap: float = 1.0
    speakers: bool = False

    @classmethod
    def from_config(cls, config) -> PairingSettings:
        return cls(top_k=config.top_k, structured_margin=config.structured_margin if config.structured_checks else None,
                   subject_top_k=config.subject_top_k, subject_margin=config.subject_margin,
                   subject_overlap=config.subject_overlap, speakers=config.speaker_pairs)


def pair(found: Sequence[Claim], embeddings: np.ndarray, *, thresholds: Thresholds, checks: Sequence[Check],
         settings: PairingSettings) -> list[Pair]:
    """Nearest neighbours in other documents above the thresholds; the claims the checks can
    compare a little further down; claims sharing their words further still; and claims of
    different speakers within one article (``PairingSettings``)."""
    pairs = candidate_pairs(found, embeddings, thresholds=thresholds, top_k=settings.top_k)
    if settings.structured_margin is not None:
        lowered = thresholds.lowered(settings.structured_margin)
        pairs += structured_pairs(found, embeddings, thresholds=lowered, checks=checks, exclude=pairs,
                                  top_k=settings.top_k)
    floor = thresholds.lowered(settings.subject_margin)
    if settings.subject_top_k:
        pairs += subject_pairs(found, embeddings, floor=floor, top_k=settings.subject_top_k,
                               min_overlap=settings.subject_overlap, exclude=pairs)
    if settings.speakers:
        pairs += speaker_pairs(found, embeddings, floor=floor, min_overlap=settings.subject_overlap, exclude=pairs)
    return pairs


def nli(pairs: Sequence[Pair], found: Sequence[Claim] | dict[str, Claim], scorer: PairScorer) -> list[Pair]:
    """Each pair with the model's probabilities in both directions (``a->b``, ``b->a``)."""
    by_id = found if isinstance(found, dict) else {c.id: c for c in found}
    scored = both_directions(scorer, [(by_id[p.a].text, by_id[p.b].text) for p in pairs]) if pairs else []
    return [dataclasses.replace(p, nli=directions) for p, directions in zip(pairs, scored, strict=True)]


def checks(pairs: Sequence[Pair], found: Sequence[Claim], documents: Sequence[Document], *,
           registered: Sequence[Check], thresholds: Thresholds | None, frames: FrameMatch | None = None) -> list[Pair]:
    """Each pair with the reasons the checks find; ``frames`` (``FrameSettings.match`` of
    ``frame_vectors``) tells which figures count the same thing."""
    return run_checks(pairs, {c.id: c for c in found}, {d.id: d for d in documents}, checks=registered,
                      thresholds=thresholds, frames=frames)


@dataclasses.dataclass(frozen=True)
class VerdictSettings:
    """How the model's labels are gated (from ``Config``). Pairs found by similarity and pairs
    given as one story (``given``) differ: most found pairs are about different things, and the
    model's contradictions there are mostly wrong."""

    min_confidence: float
    contradiction_gate: float | None
    given: bool = False

    @classmethod
    def found(cls, config) -> VerdictSettings:
        return cls(min_confidence=config.nli_min_confidence, contradiction_gate=config.nli_contradiction_gate)

    @classmethod
    def given_pairs(cls, config) -> VerdictSettings:
        return cls(min_confidence=config.judge_min_confidence, contradiction_gate=0.0, given=True)


def verdict(pairs: Sequence[Pair], settings: VerdictSettings) -> list[Pair]:
    """Each pair with its label and confidence (``factcheck.verdict``)."""
    return decide_all(pairs, min_confidence=settings.min_confidence, given=settings.given,
                      contradiction_gate=settings.contradiction_gate)


def facts(pairs: Sequence[Pair], found: Sequence[Claim], documents: Sequence[Document]) -> list[Fact]:
    return group_facts(pairs, {c.id: c for c in found}, {d.id: d for d in documents})
