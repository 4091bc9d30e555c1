"""Candidate pairs: each claim's nearest neighbours in other documents above a threshold.

The threshold is learned per embedding model (``SimilarityCalibration``) because cosine
scales differ between models: e5 squeezes everything into about 0.8-0.95. It is learned
separately for claims in the same language and across languages, because a translation
pair scores lower than a same-language paraphrase.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from importlib import resources

import numpy as np

from factcheck.schema import Claim, Pair
from factcheck.textnorm import content_words, overlap

if TYPE_CHECKING:
    from factcheck.checks.base import Check

# Rows of the similarity matrix computed at once: bounds memory at chunk x n floats.
CHUNK = 2048


@dataclass(frozen=True)
class Thresholds:
    """Cosine thresholds for claims in the same language and across languages."""

    same: float
    cross: float

    def between(self, a: Claim, b: Claim) -> float:
        return self.same if a.language == b.language else self.cross

    def lowered(self, margin: float) -> Thresholds:
        return Thresholds(same=self.same - margin, cross=self.cross - margin)


def candidate_pairs(claims: Sequence[Claim], embeddings: np.ndarray, *, thresholds: Thresholds, top_k: int) -> list[Pair]:
    """Unordered cross-document pairs, each once, best similarity first.

    Exact search in chunks: fine up to ~10^5 claims; a claim is never paired inside its own
    document (an appended story counts as a document of its own).
    """
    n = len(claims)
    if n < 2:
        return []
    doc_index = np.unique([c.doc for c in claims], return_inverse=True)[1]
    lang_index = np.unique([c.language for c in claims], return_inverse=True)[1]
    # Cross-language cosines are shifted up by the gap between the two thresholds, so one
    # ranking and one comparison serve both kinds of pair.
    bonus = np.float32(thresholds.same - thresholds.cross)
    threshold = thresholds.same
    matrix = np.ascontiguousarray(embeddings, dtype=np.float32)
    best: dict[tuple[int, int], float] = {}
    k = min(top_k, n - 1)
    for lo in range(0, n, CHUNK):
        hi = min(lo + CHUNK, n)
        raw = matrix[lo:hi] @ matrix.T
        cross = lang_index[lo:hi, None] != lang_index[None, :]
        same_doc = doc_index[lo:hi, None] == doc_index[None, :]
        sims = np.where(same_doc, np.float32(-2.0), raw + cross * bonus)
        # The k best of each row, best first; among equal cosines (copies of one sentence) the
        # earlier claim, so the pairs do not depend on how a sort breaks ties.
        kth = np.partition(sims, sims.shape[1] - k, axis=1)[:, sims.shape[1] - k]
        for row in range(hi - lo):
            i = lo + row
            candidates = np.flatnonzero(sims[row] >= kth[row])
            ranked = candidates[np.lexsort((candidates, -sims[row, candidates]))][:k]
            for j in ranked.tolist():
                if sims[row, j] < threshold:
                    break
                best[(min(i, j), max(i, j))] = float(raw[row, j])
    ordered = sorted(best.items(), key=lambda item: (-item[1], item[0]))
    return [Pair(a=claims[i].id, b=claims[j].id, similarity=round(float(s), 4)) for (i, j), s in ordered]


def structured_pairs(claims: Sequence[Claim], embeddings: np.ndarray, *, thresholds: Thresholds,
                     checks: Sequence[Check], exclude: Sequence[Pair] = (), top_k: int = 5) -> list[Pair]:
    """Extra pairs between claims the structured checks can compare, in different documents,
    above a lower threshold: claims sharing a check's key (the same unit counted, two "first
    time" statements), and each claim a check wants compared with its ``top_k`` nearest
    claims (a denial).

    Only claims sharing a key are compared, one key at a time, so the cost grows with the
    size of each key's group rather than with the whole corpus; a big group (a corpus where
    thousands of claims count "troops") is compared ``CHUNK`` rows at a time, so memory stays
    at chunk x group floats.
    """
    seen = {(p.a, p.b) for p in exclude} | {(p.b, p.a) for p in exclude}
    groups: dict[str, list[int]] = {}
    for index, claim in enumerate(claims):
        for key in structured_keys(claim, checks):
            groups.setdefault(key, []).append(index)
    floor = min(thresholds.same, thresholds.cross)
    found: dict[tuple[int, int], float] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        vectors = embeddings[members]
        for lo in range(0, len(members), CHUNK):
            sims = vectors[lo : lo + CHUNK] @ vectors.T
            rows, cols = np.nonzero(np.triu(sims >= floor, k=lo + 1))
            for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
                i, j = members[lo + r], members[c]
                a, b = claims[i], claims[j]
                if a.doc != b.doc and (a.id, b.id) not in seen and sims[r, c] >= thresholds.between(a, b):
                    found[(i, j)] = float(sims[r, c])
    seekers = [i for i, c in enumerate(claims) if any(check.seeks_neighbours(c) for check in checks)]
    found.update(_neighbour_pairs(claims, embeddings, seekers, thresholds=thresholds, top_k=top_k, seen=seen,
                                  found=found))
    ordered = sorted(found.items(), key=lambda item: (-item[1], item[0]))
    return [Pair(a=claims[i].id, b=claims[j].id, similarity=round(s, 4)) for (i, j), s in ordered]


def _neighbour_pairs(claims: Sequence[Claim], embeddings: np.ndarray, seekers: list[int], *, thresholds: Thresholds,
                     top_k: int, seen: set[tuple[str, str]],
                     found: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """Each seeking claim (a denial) and its ``top_k`` nearest claims in other documents, down
    to the lowered thresholds: "the ministry denied the dam collapsed" sits further from "the
    dam collapsed" than two assertions of one event do, most of all across languages. Seekers
    are few, so this costs seekers x claims."""
    if not seekers or top_k < 1:
        return {}
    docs = np.array([c.doc for c in claims])
    langs = np.array([c.language for c in claims])
    extra: dict[tuple[int, int], float] = {}
    for lo in range(0, len(seekers), CHUNK):
        rows = seekers[lo : lo + CHUNK]
        raw = embeddings[rows] @ embeddings.T
        # ranked like candidate_pairs: cross-language cosines lifted by the threshold gap
        ranked = raw + (langs[rows][:, None] != langs[None, :]) * (thresholds.same - thresholds.cross)
        ranked[docs[rows][:, None] == docs[None, :]] = -2.0
        for r, i in enumerate(rows):
            for j in np.argsort(-ranked[r])[:top_k].tolist():
                a, b = claims[i], claims[j]
                key = (min(i, j), max(i, j))
                if (ranked[r, j] > -2.0 and raw[r, j] >= thresholds.between(a, b) and key not in found
                        and (a.id, b.id) not in seen):
                    extra[key] = float(raw[r, j])
    return extra


def subject_pairs(claims: Sequence[Claim], embeddings: np.ndarray, *, floor: Thresholds, top_k: int,
                  min_overlap: float, exclude: Sequence[Pair] = ()) -> list[Pair]:
    """Claims about one subject that sit below the pairing thresholds: among each claim's
    ``top_k`` nearest claims in other documents, down to ``floor``, those sharing at least
    ``min_overlap`` of their content words (figures and dates cut out). Outlets retelling one
    event in their own words ("the unit arrived in Tartus" / "the envoy denied sending any
    force") land at cosine 0.82-0.87, ranked 10th-30th: too far for the thresholds, which would
    let in thousands of unrelated pairs, but they name the same actors, places and acts."""
    seen = {frozenset((p.a, p.b)) for p in exclude}
    docs = np.array([c.doc for c in claims])
    langs = np.array([c.language for c in claims])
    found: dict[tuple[int, int], float] = {}
    for lo in range(0, len(claims), CHUNK):
        raw = embeddings[lo : lo + CHUNK] @ embeddings.T
        ranked = np.where(docs[lo : lo + CHUNK, None] == docs[None, :], -2.0,
                          raw + (langs[lo : lo + CHUNK, None] != langs[None, :]) * (floor.same - floor.cross))
        for r in range(raw.shape[0]):
            i = lo + r
            for j in np.argsort(-ranked[r], kind="stable")[:top_k].tolist():
                a, b = claims[i], claims[j]
                if ranked[r, j] < floor.same:
                    break
                key = (min(i, j), max(i, j))
                if (key not in found and frozenset((a.id, b.id)) not in seen
                        and overlap(a.event_words, b.event_words) >= min_overlap):
                    found[key] = float(raw[r, j])
    ordered = sorted(found.items(), key=lambda item: (-item[1], item[0]))
    return [Pair(a=claims[i].id, b=claims[j].id, similarity=round(s, 4)) for (i, j), s in ordered]


def speaker_pairs(claims: Sequence[Claim], embeddings: np.ndarray, *, floor: Thresholds, min_overlap: float,
                  exclude: Sequence[Pair] = ()) -> list[Pair]:
    """Claims of one article told by different speakers: an article often reports both parties
    ("the ministry said he was killed; the observatory denied any strike"), and the source of a
    claim is who said it, not only the file. Compared like claims of two documents, down to
    ``floor`` with shared content words."""
    seen = {frozenset((p.a, p.b)) for p in exclude}
    by_doc: dict[str, list[int]] = {}
    for index, claim in enumerate(claims):
        if claim.attribution:
            by_doc.setdefault(claim.doc, []).append(index)
    found: dict[tuple[int, int], float] = {}
    for members in by_doc.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = claims[i], claims[j]
                if speaker(a) == speaker(b) or frozenset((a.id, b.id)) in seen:
                    continue
                similarity = float(embeddings[i] @ embeddings[j])
                if similarity >= floor.between(a, b) and overlap(a.event_words, b.event_words) >= min_overlap:
                    found[(i, j)] = similarity
    ordered = sorted(found.items(), key=lambda item: (-item[1], item[0]))
    return [Pair(a=claims[i].id, b=claims[j].id, similarity=round(s, 4)) for (i, j), s in ordered]


def speaker(claim: Claim) -> str:
    return " ".join(sorted(content_words(claim.attribution or "")))


def structured_keys(claim: Claim, checks: Sequence[Check]) -> set[str]:
    """The claim's pairing keys, each named after the check that asked for it."""
    return {f"{check.kind}:{key}" for check in checks for key in check.keys(claim)}


def calibration_pairs() -> list[dict]:
    """Hand-written related / unrelated claim pairs in Arabic and English, shipped with the package."""
    text = resources.files("factcheck.data").joinpath("pairing_calibration.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


class SimilarityCalibration:
    """Learns the cosine threshold that best separates related from unrelated claim pairs."""

    def fit(self, encoder, pairs: list[dict] | None = None) -> SimilarityCalibration:
        from factcheck.ingest.language import detect_language

        pairs = pairs if pairs is not None else calibration_pairs()
        a = encoder.encode([p["a"] for p in pairs])
        b = encoder.encode([p["b"] for p in pairs])
        scores = np.sum(a * b, axis=1)
        related = np.array([bool(p["related"]) for p in pairs])
        cross = np.array([detect_language(p["a"]) != detect_language(p["b"]) for p in pairs])
        self.threshold_, self.accuracy_ = best_threshold(scores[~cross], related[~cross])
        self.cross_threshold_, self.cross_accuracy_ = best_threshold(scores[cross], related[cross])
        self.related_mean_ = float(scores[related].mean())
        self.unrelated_mean_ = float(scores[~related].mean())
        return self


def best_threshold(scores: np.ndarray, related: np.ndarray) -> tuple[float, float]:
    """Midpoint of the split with the best balanced accuracy (recall of both classes)."""
    order = np.sort(np.unique(scores))
    cuts = (order[:-1] + order[1:]) / 2 if len(order) > 1 else order
    best = (float(cuts[0]), -1.0)
    for cut in cuts:
        predicted = scores >= cut
        tpr = (predicted & related).sum() / max(1, related.sum())
        tnr = (~predicted & ~related).sum() / max(1, (~related).sum())
        balanced = (tpr + tnr) / 2
        if balanced > best[1]:
            best = (float(cut), float(balanced))
    return best
