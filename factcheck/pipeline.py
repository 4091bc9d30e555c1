"""The checker: files in, ``Report`` out. Each stage reads what the previous one produced."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from factcheck.checks import apply_checks
from factcheck.claims import claims_of
from factcheck.config import OFFLINE_NLI_MODEL, Config
from factcheck.embeddings.encoder import Encoder
from factcheck.errors import ModelLoadError
from factcheck.ingest import articles_from_source, read_sources
from factcheck.facts import group_facts
from factcheck.nli import NLIModel, both_directions, combine
from factcheck.pairing import SimilarityCalibration, Thresholds, candidate_pairs, structured_pairs
from factcheck.progress import SilentSteps, Steps
from factcheck.schema import Claim, Document, Pair, Problem, Report, Source


# Bump when the calibration data or method changes, so cached thresholds are recomputed.
CALIBRATION_VERSION = 2


class Checker:
    """Runs the whole pipeline with one configuration; models load once, on first use."""

    def __init__(self, config: Config | None = None, *, steps: Steps | None = None) -> None:
        self.config = config or Config()
        self.steps = steps or SilentSteps()
        self.encoder = Encoder(model=self.config.embedding_model, device=self.config.device,
                               batch_size=self.config.batch_size, cache_dir=self.config.cache_dir)
        self.nli = (
            NLIModel(model=self.config.nli_model, device=self.config.device, batch_size=self.config.batch_size,
                     backend=self.config.nli_backend, cache_dir=self.config.cache_dir)
            if self.config.nli_model
            else None
        )

    def check(self, paths: Iterable[str | Path]) -> Report:
        with self.steps.step("Reading articles"):
            sources, problems = read_sources(paths)
            documents = self.documents(sources, problems)
        with self.steps.step(f"Extracting claims from {len(documents)} documents"):
            claims = self.claims(documents, problems)
        report = Report(documents=documents, claims=claims, pairs=[], problems=problems,
                        models={"embedding": self.config.embedding_model, "nli": self.config.nli_model})
        if len(claims) < 2:
            report.notes.append("fewer than two claims: nothing to compare")
            return report
        with self.steps.step(f"Embedding {len(claims)} claims"):
            embeddings = self.encoder.encode([c.text for c in claims])
            thresholds = self.similarity_thresholds()
        report.pairs = candidate_pairs(claims, embeddings, thresholds=thresholds, top_k=self.config.top_k)
        if self.config.structured_checks:
            margin = self.config.structured_margin
            lowered = Thresholds(same=thresholds.same - margin, cross=thresholds.cross - margin)
            report.pairs += structured_pairs(claims, embeddings, thresholds=lowered, exclude=report.pairs,
                                              top_k=self.config.top_k)
        report.notes.append(f"claims paired at cosine >= {thresholds.same:.3f} in one language, "
                            f">= {thresholds.cross:.3f} across languages ({self.config.embedding_model})")
        claims_by_id = {c.id: c for c in claims}
        if self.nli is None:
            report.notes.append("no NLI model configured: pairs are not labelled entailment/contradiction by a model")
        elif report.pairs:
            with self.steps.step(f"NLI on {len(report.pairs)} pairs, both directions"):
                try:
                    self.label_pairs(report.pairs, claims_by_id)
                except ModelLoadError as exc:
                    if self.config.nli_model != OFFLINE_NLI_MODEL:
                        raise
                    # The shipped model is optional (a wheel without models/): go on without it.
                    report.notes.append(f"offline NLI model unavailable, pairs not labelled by a model: {exc}")
        documents_by_id = {d.id: d for d in documents}
        if self.config.structured_checks:
            with self.steps.step("Comparing quantities, dates, denials and firsts"):
                apply_checks(report.pairs, claims_by_id, documents_by_id, thresholds=thresholds)
        report.facts = group_facts(report.pairs, claims_by_id, documents_by_id)
        return report

    def documents(self, sources: list[Source], problems: list[Problem]) -> list[Document]:
        documents: list[Document] = []
        for source, doc_id in zip(sources, document_ids(sources), strict=True):
            try:
                documents.extend(articles_from_source(source, doc_id))
            except Exception as exc:  # one malformed article must not lose the others
                problems.append(Problem(source.path, f"could not split into articles: {exc}"))
        return documents

    def claims(self, documents: list[Document], problems: list[Problem]) -> list:
        found = []
        for doc in documents:
            try:
                found.extend(claims_of(doc))
            except Exception as exc:  # an extractor bug on one article must not lose the others
                problems.append(Problem(f"{doc.path} ({doc.id})", f"could not extract claims: {exc!r}"))
        return found

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

    def label_pairs(self, pairs: list[Pair], claims: dict[str, Claim]) -> None:
        scored = both_directions(self.nli, [(claims[p.a].text, claims[p.b].text) for p in pairs])
        for pair, directions in zip(pairs, scored, strict=True):
            pair.nli = directions
            label, confidence = combine(directions)
            if label != "neutral" and confidence < self.config.nli_min_confidence:
                label = "neutral"
            pair.label, pair.confidence = label, confidence


def document_ids(sources: list[Source]) -> list[str]:
    """Readable, unique ids: the file stem, or more of the path when stems collide."""
    def stem(source: Source) -> str:
        path, _, line = source.path.rpartition(":") if re.search(r":\d+$", source.path) else (source.path, "", "")
        base = Path(path).stem
        return f"{base}:{line}" if line else base

    stems = [stem(s) for s in sources]
    ids = []
    for source, s in zip(sources, stems, strict=True):
        if stems.count(s) > 1:
            s = re.sub(r"[^\w.:-]+", "/", source.path).strip("/")
        ids.append(s)
    return ids


def _calibration_cache(config: Config) -> Path:
    from factcheck.cache import cache_root

    return cache_root(config.cache_dir) / "calibration" / "similarity_thresholds.json"
