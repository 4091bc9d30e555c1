"""A story's check cut where the work changes kind, so each part can run where it belongs:

    split (CPU)  ->  embed (encoder)  ->  pair (CPU)  ->  score (NLI model)  ->  finish (CPU)

Run one after another, the steps give exactly the report ``Checker.check_sources`` gives: they
call the same functions of ``factcheck.stages`` in the same order, and hand each model the same
inputs in the same chunks (``EMBED_CHUNK`` claims, ``NLI_CHUNK`` pairs per call). The chunks
matter: a model's numbers depend, in their last bits, on which texts share its batch (padding
changes the kernels' summation order), and a similarity or probability rounded to four places
can flip. So a model step never mixes two stories, nor cuts a story other than ``check`` does.

A ``StoryWork`` carries the report built so far from step to step; ``done`` marks a story with
nothing to compare (fewer than two claims), which the later steps pass through unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from factcheck import stages
from factcheck.checks import Check, FrameMatch
from factcheck.config import OFFLINE_NLI_MODEL, Config
from factcheck.copies import copy_notes
from factcheck.errors import ModelLoadError
from factcheck.pairing import Thresholds
from factcheck.pipeline import EMBED_CHUNK, NLI_CHUNK
from factcheck.schema import Pair, Report, Source


@dataclass
class StoryWork:
    report: Report
    embeddings: np.ndarray | None = None
    # which figures count the same thing (their contexts embedded), for the checks
    frames: FrameMatch | None = None
    thresholds: Thresholds | None = None
    pairs: list[Pair] = field(default_factory=list)
    done: bool = False


def split(sources: Sequence[Source], config: Config) -> StoryWork:
    """Articles, syndicated copies and claims: everything before the first model."""
    documents, bad = stages.articles(sources)
    compared, copies = stages.copies(documents)
    claims, bad_claims = stages.claims(compared)
    report = Report(documents=documents, claims=claims, pairs=[], problems=[*bad, *bad_claims],
                    models={"embedding": config.embedding_model, "nli": config.nli_model}, copies=copies)
    report.notes += copy_notes(copies, documents)
    if len(claims) < 2:
        report.notes.append("fewer than two claims: nothing to compare")
        return StoryWork(report, done=True)
    return StoryWork(report)


def embed(work: StoryWork, encoder: stages.TextEncoder, thresholds: Callable[[], Thresholds],
          config: Config) -> StoryWork:
    """Everything the encoder gives: the claims' embeddings, their figures' contexts, and the
    similarity thresholds pairing will use (``thresholds`` is only called for a story with
    something to compare, as in ``check``: it may calibrate)."""
    if work.done:
        return work
    claims = work.report.claims
    work.embeddings = np.vstack([stages.embed(chunk, encoder) for chunk in stages.chunks(claims, EMBED_CHUNK)])
    work.frames = stages.figure_frames(claims, encoder, stages.FrameSettings.from_config(config))
    work.thresholds = thresholds()
    return work


def pair(work: StoryWork, config: Config, checks: Sequence[Check]) -> StoryWork:
    """Candidate pairs, without those of a sentence and its word-for-word copy."""
    if work.done:
        return work
    report, thresholds = work.report, work.thresholds
    pairs = stages.pair(report.claims, work.embeddings, thresholds=thresholds, checks=checks,
                        settings=stages.PairingSettings.from_config(config))
    work.pairs, copied = stages.without_copied_sentences(pairs, report.claims)
    report.copies += copied
    report.notes += copy_notes(copied, report.documents)
    report.notes.append(f"claims paired at cosine >= {thresholds.same:.3f} in one language, "
                        f">= {thresholds.cross:.3f} across languages ({config.embedding_model})")
    work.embeddings = None  # not needed any further: no need to ship it to the next step
    return work


def score(work: StoryWork, scorer: stages.PairScorer | None, config: Config) -> StoryWork:
    """Each pair with the NLI model's probabilities, both directions."""
    if work.done:
        return work
    if scorer is None:
        work.report.notes.append("no NLI model configured: pairs are not labelled entailment/contradiction by a model")
        return work
    if not work.pairs:
        return work
    by_id = {c.id: c for c in work.report.claims}
    try:
        work.pairs = [p for chunk in stages.chunks(work.pairs, NLI_CHUNK) for p in stages.nli(chunk, by_id, scorer)]
    except ModelLoadError as exc:
        if config.nli_model != OFFLINE_NLI_MODEL:
            raise
        # As `factcheck check`: the shipped model is optional (a wheel without models/).
        work.report.notes.append(f"offline NLI model unavailable, pairs not labelled by a model: {exc}")
    return work


def finish(work: StoryWork, config: Config, checks: Sequence[Check]) -> Report:
    """The structured checks, each pair's verdict and the facts: the story's report."""
    report = work.report
    if work.done:
        return report
    pairs = work.pairs
    if config.structured_checks:
        pairs = stages.checks(pairs, report.claims, report.documents, registered=checks, thresholds=work.thresholds,
                              frames=work.frames)
    report.pairs = stages.verdict(pairs, stages.VerdictSettings.found(config))
    report.facts = stages.facts(report.pairs, report.claims, report.documents)
    return report
