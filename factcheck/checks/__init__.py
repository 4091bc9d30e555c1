"""Structured, explainable comparisons of paired claims: quantities, dates, denials, "first" claims.

``apply_checks`` adds a ``Reason`` per finding to each pair and sets the label to
contradiction when a check finds a conflict; numbers that agree override an NLI
contradiction, since NLI models are known to be unreliable on numbers.
"""

from __future__ import annotations

from factcheck.checks.events import (
    date_conflict,
    denial_conflict,
    describe_dates,
    different_times,
    first_conflict,
    same_event,
)
from factcheck.checks.quantity import compare_quantities, describe
from factcheck.checks.subjects import countries, different_subjects
from factcheck.pairing import Thresholds
from factcheck.schema import Claim, Document, Pair, Reason

# Rule-based conflicts are explainable but not infallible; they report this confidence.
RULE_CONFIDENCE = 0.9
# How far above the cross-language pairing threshold two claims in different languages must
# be to count as telling the same event. Set on small data; see eval/ for its effect.
SAME_EVENT_MARGIN = 0.02


def apply_checks(pairs: list[Pair], claims: dict[str, Claim], documents: dict[str, Document], *,
                 thresholds: Thresholds | None = None) -> None:
    for pair in pairs:
        a, b = claims[pair.a], claims[pair.b]
        # In one language the words themselves show whether two claims tell one event;
        # embeddings stand in only where words cannot be matched.
        similar = (thresholds is not None and a.language != b.language
                   and pair.similarity >= thresholds.cross + SAME_EVENT_MARGIN)
        check_pair(pair, a, b, documents[a.doc], documents[b.doc], similar=similar)


def source_of(claim: Claim, doc: Document) -> str:
    when = doc.published.isoformat() if doc.published else "undated"
    who = claim.attribution or "unattributed"
    return f"{who}; {doc.id}, {when}"


def check_pair(pair: Pair, a: Claim, b: Claim, doc_a: Document, doc_b: Document, *, similar: bool = False) -> None:
    """Add reasons to ``pair``; ``similar`` says the embeddings put both claims on one event."""
    one_event = same_event(a, b, similar=similar)
    if different_subjects(a.text, b.text) or (_one_sided_place(a, b) and not one_event):
        _overrule_nli(pair, "the claims are about different places")
        return
    other_years = different_times(a, b, doc_a.published, doc_b.published)
    if other_years and not one_event:
        # NLI models read "the 2018 quake killed 300" against this year's toll as a contradiction
        _overrule_nli(pair, "the claims are set in different years")
    conflicts: list[Reason] = []
    agreements: list[Reason] = []
    if not other_years:
        for unit, qa, qb, ok in compare_quantities(a, b):
            detail = f"{describe(qa, unit)} ({source_of(a, doc_a)}) vs {describe(qb, unit)} ({source_of(b, doc_b)})"
            (agreements if ok else conflicts).append(
                Reason("quantity", ("compatible: " if ok else "") + detail, key=unit, agrees=ok))
    if one_event:
        granularity = date_conflict(a, b, doc_a.published, doc_b.published)
        if granularity:
            conflicts.append(Reason("date", f"different {granularity}: {describe_dates(a)} ({source_of(a, doc_a)}) "
                                            f"vs {describe_dates(b)} ({source_of(b, doc_b)})"))
    if denial_conflict(a, b, similar=similar):
        denier, asserter = (a, b) if a.negated else (b, a)
        conflicts.append(Reason("negation", f"{denier.id} denies what {asserter.id} asserts "
                                            f"({source_of(denier, doc_a if denier is a else doc_b)} vs "
                                            f"{source_of(asserter, doc_b if denier is a else doc_a)})"))
    if first_conflict(a, b):
        conflicts.append(Reason("first", f"two different firsts: {a.id} ({source_of(a, doc_a)}) and "
                                         f"{b.id} ({source_of(b, doc_b)}) each name a first confirmation"))
    pair.reasons.extend(conflicts + agreements)
    if conflicts:
        model_confidence = pair.confidence if pair.label == "contradiction" else 0.0
        pair.label, pair.confidence = "contradiction", max(model_confidence, RULE_CONFIDENCE)
    elif agreements and pair.label == "contradiction":
        pair.reasons.append(Reason("nli-override", "NLI said contradiction but the figures agree"))
        pair.label, pair.confidence = "neutral", round(1 - pair.confidence, 4)


def _overrule_nli(pair: Pair, why: str) -> None:
    """A model contradiction between claims the checks show to be about different things."""
    if pair.label == "contradiction":
        pair.reasons.append(Reason("nli-override", f"NLI said contradiction but {why}"))
        pair.label, pair.confidence = "neutral", round(1 - pair.confidence, 4)


def _one_sided_place(a: Claim, b: Claim) -> bool:
    """One claim names a country, the other none: "a 4.1 quake hit Crete" beside the story's
    own quake. Such pairs are compared only when they are clearly about one event."""
    return bool(countries(a.text)) != bool(countries(b.text))
