"""The checker: files in, ``Report`` out, by composing the stages of ``factcheck.stages`` in one
process. Models load once, on first use; any of them can be injected."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from factcheck import stages
from factcheck.checks import Check, load_checks
from factcheck.config import OFFLINE_NLI_MODEL, Config
from factcheck.copies import copy_notes
from factcheck.errors import ModelLoadError
from factcheck.pairing import SimilarityCalibration, Thresholds
from factcheck.progress import SilentSteps, Steps
from factcheck.schema import Claim, Document, Pair, Problem, Report, Source

# Bump when the calibration data or method changes, so cached thresholds are recomputed.
CALIBRATION_VERSION = 2
# Items per progress update of the long steps (large enough that the models still batch well).
CLAIM_CHUNK, EMBED_CHUNK, NLI_CHUNK, CHECK_CHUNK = 16, 256, 256, 2000


class Checker:
    """Runs the whole pipeline with one configuration.

    ``encoder`` (anything with ``encode(texts)``) and ``nli`` (anything with
    ``predict(pairs)``) default to the models the config names; ``checks`` to the registered
    checks the config selects.
    """

    def __init__(self, config: Config | None = None, *, encoder: stages.TextEncoder | None = None,
                 nli: stages.PairScorer | None = None, checks: Sequence[Check] | None = None,
                 steps: Steps | None = None) -> None:
        self.config = config or Config()
        self.steps = steps or SilentSteps()
        self.encoder = encoder if encoder is not None else default_encoder(self.config)
        self.nli = nli if nli is not None else default_nli(self.config)
        self.checks = list(checks) if checks is not None else load_checks(self.config.checks)

    def check(self, paths: Iterable[str | Path]) -> Report:
        with self.steps.step("Reading articles"):
            sources, problems = stages.read(paths)
        return self.check_sources(sources, problems)

    def check_sources(self, sources: Sequence[Source], problems: Sequence[Problem] = ()) -> Report:
        """The report on sources already read (``problems``: the inputs that could not be)."""
        config = self.config
        with self.steps.step("Splitting articles"):
            documents, bad = stages.articles(sources)
            compared, copies = stages.copies(documents)
        claims, bad_claims = [], []
        with self.steps.progress("Extracting claims", len(compared), "documents") as advance:
            for chunk in stages.chunks(compared, CLAIM_CHUNK):
                found, bad_found = stages.claims(chunk)
                claims += found
                bad_claims += bad_found
                advance(len(chunk))
        report = Report(documents=documents, claims=claims, pairs=[], problems=[*problems, *bad, *bad_claims],
                        models={"embedding": config.embedding_model, "nli": config.nli_model}, copies=copies)
        report.notes += copy_notes(copies, documents)
        if len(claims) < 2:
            report.notes.append("fewer than two claims: nothing to compare")
            return report
        with self.steps.progress("Embedding claims", len(claims), "claims") as advance:
            parts = []
            for chunk in stages.chunks(claims, EMBED_CHUNK):
                parts.append(stages.embed(chunk, self.encoder))
                advance(len(chunk))
            embeddings = np.vstack(parts)
        frames = None
        if frame_settings := stages.FrameSettings.from_config(config):
            with self.steps.step("Embedding figure contexts"):
                frames = stages.figure_frames(claims, self.encoder, frame_settings)
        with self.steps.step("Similarity thresholds"):
            thresholds = self.similarity_thresholds()
        pairs = stages.pair(claims, embeddings, thresholds=thresholds, checks=self.checks,
                            settings=stages.PairingSettings.from_config(config))
        pairs, copied = stages.without_copied_sentences(pairs, claims)
        report.copies += copied
        report.notes += copy_notes(copied, documents)
        report.notes.append(f"claims paired at cosine >= {thresholds.same:.3f} in one language, "
                            f">= {thresholds.cross:.3f} across languages ({config.embedding_model})")
        if self.nli is None:
            report.notes.append("no NLI model configured: pairs are not labelled entailment/contradiction by a model")
        elif pairs:
            with self.steps.progress("NLI, both directions", len(pairs), "pairs") as advance:
                try:
                    by_id, scored = {c.id: c for c in claims}, []
                    for chunk in stages.chunks(pairs, NLI_CHUNK):
                        scored += stages.nli(chunk, by_id, self.nli)
                        advance(len(chunk))
                    pairs = scored
                except ModelLoadError as exc:
                    if config.nli_model != OFFLINE_NLI_MODEL:
                        raise
                    # The shipped model is optional (a wheel without models/): go on without it.
                    report.notes.append(f"offline NLI model unavailable, pairs not labelled by a model: {exc}")
        if config.structured_checks:
            with self.steps.progress("Comparing figures, dates, denials, firsts", len(pairs), "pairs") as advance:
                checked = []
                for chunk in stages.chunks(pairs, CHECK_CHUNK):
                    checked += stages.checks(chunk, claims, documents, registered=self.checks, thresholds=thresholds,
                                             frames=frames)
                    advance(len(chunk))
                pairs = checked
        report.pairs = stages.verdict(pairs, stages.VerdictSettings.found(config))
        report.facts = stages.facts(report.pairs, claims, documents)
        return report

    def judge(self, statements: Sequence[tuple[str, str]]) -> list[Pair]:
        """The whole verdict (features, NLI, checks, verdict) on given statement pairs, each
        statement a claim of its own one-sentence document: what ``factcheck eval verdict`` and
        the perturbation benchmark score. Pair ``i`` compares claims ``p{i}a:1`` and ``p{i}b:1``."""
        if not statements:
            return []
        documents, claims = [], []
        for i, texts in enumerate(statements):
            for side, text in zip("ab", texts, strict=True):
                doc, claim = statement_claim(f"p{i}{side}", text)
                documents.append(doc)
                claims.append(claim)
        embeddings = stages.embed(claims, self.encoder)
        pairs = [Pair(a=claims[2 * i].id, b=claims[2 * i + 1].id,
                      similarity=round(float(embeddings[2 * i] @ embeddings[2 * i + 1]), 4))
                 for i in range(len(statements))]
        if self.nli is not None:
            pairs = stages.nli(pairs, claims, self.nli)
        if self.config.structured_checks:
            frames = stages.figure_frames(claims, self.encoder, stages.FrameSettings.from_config(self.config))
            pairs = stages.checks(pairs, claims, documents, registered=self.checks,
                                  thresholds=self.similarity_thresholds(), frames=frames)
        return stages.verdict(pairs, stages.VerdictSettings.given_pairs(self.config))

    def similarity_thresholds(self) -> Thresholds:
        """The configured threshold, else the one calibrated (once, then cached) for this model."""
        if self.config.similarity_threshold is not None:
            return Thresholds(same=self.config.similarity_threshold, cross=self.config.similarity_threshold)
        cache = _calibration_cache(self.config)
        key = f"{self.config.embedding_model}@v{CALIBRATION_VERSION}"
        known = json.loads(cache.read_text()) if cache.exists() else {}
        if key not in known:
            calibration = SimilarityCalibration().fit(self.encoder)
            known[key] = {"same": calibration.threshold_, "cross": calibration.cross_threshold_,
                          "balanced_accuracy": [calibration.accuracy_, calibration.cross_accuracy_]}
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_text(json.dumps(known, indent=1))
        return Thresholds(same=float(known[key]["same"]), cross=float(known[key]["cross"]))


def statement_claim(doc_id: str, text: str) -> tuple[Document, Claim]:
    """A statement as a one-claim document of its own, with every feature extracted."""
    from factcheck.extract.features import annotate
    from factcheck.ingest.language import detect_language

    source = Source(path=f"<{doc_id}>", text=text, id=doc_id)
    doc = Document(id=doc_id, source=source, start=0, end=len(text), language=detect_language(text),
                   lines=[(0, len(text))])
    claim = Claim(id=f"{doc_id}:1", doc=doc_id, start=0, end=len(text), text=text, language=doc.language)
    return doc, annotate(claim, doc)


def default_encoder(config: Config):
    from factcheck.embeddings.encoder import Encoder

    encoder = Encoder(model=config.embedding_model, device=config.device, batch_size=config.batch_size,
                      cache_dir=config.cache_dir, backend=config.embedding_backend)
    if not config.result_cache:
        return encoder
    from factcheck.result_cache import CachedEncoder

    return CachedEncoder(encoder, result_cache(config), settings={"prompt": "query", "backend": config.embedding_backend})


def default_nli(config: Config):
    if not config.nli_model:
        return None
    from factcheck.nli import NLIModel

    model = NLIModel(model=config.nli_model, device=config.device, batch_size=config.batch_size,
                     backend=config.nli_backend, cache_dir=config.cache_dir, quantize=config.nli_quantize)
    if not config.result_cache:
        return model
    from factcheck.result_cache import CachedScorer

    return CachedScorer(model, result_cache(config), settings={"max_length": model.max_length, "backend": config.nli_backend,
                                                               "quantize": model.quantize})


def result_cache(config: Config):
    """The content-addressed store of model outputs under the config's cache root."""
    from factcheck.cache import cache_root
    from factcheck.result_cache import RESULTS_FILE, ResultCache

    return ResultCache(cache_root(config.cache_dir) / RESULTS_FILE, max_bytes=config.result_cache_mb << 20)


def _calibration_cache(config: Config) -> Path:
    from factcheck.cache import cache_root

    return cache_root(config.cache_dir) / "calibration" / "similarity_thresholds.json"
