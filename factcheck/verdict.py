"""One verdict per pair, decided in one place: the NLI scores and the checks' reasons in,
``label`` and ``confidence`` out.

* The model's two directions combine into one probability per label (``combined_scores``);
  an agreement or contradiction below ``min_confidence`` is reported as neutral, with the
  model's neutral probability as its confidence (the probability of the label reported).
* A check's conflict makes the pair a contradiction; its confidence is the measured precision
  of that kind of rule on the gold data (``factcheck/data/rule_precision.json``, written by
  ``python eval/harness.py --fit-rule-precision``), or the model's own contradiction
  probability when that is higher.
* A model contradiction is overruled (label neutral, reason ``nli-override``) when the checks
  show the figures agree, or the claims are about different places or years: NLI models are
  poor at numbers and do not know that "the 2018 quake" is another event. That is for pairs
  found by similarity, where the model's contradictions are mostly wrong (right 1 in 24 on the
  real-news gold). Pairs given as one story (``given``: ``Checker.judge``, where they were right
  about 9 in 10 on the ANS stance dev split) keep them against places and figures: "oil found
  in Egypt" against "in Sudan" is where two versions of one event differ, and "stocks fell at
  the fastest pace in 10 weeks" against "rose the most in 10 weeks" agree only on the weeks.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources

from factcheck.nli.directions import combined_scores
from factcheck.schema import Label, Pair, Reason

# Reasons that do not overrule a model contradiction of a pair given as one story.
NOT_OVERRULING_GIVEN = {("place", "apart"), ("quantity", "agree")}
# Precision assumed for a rule kind never measured (a check added since the last fit).
UNMEASURED_RULE_PRECISION = 0.5


@lru_cache(maxsize=1)
def measured_rule_precision() -> dict[str, float]:
    """Per rule kind, the smoothed precision of its conflicts on the gold data, shipped with the package."""
    data = json.loads(resources.files("factcheck.data").joinpath("rule_precision.json").read_text(encoding="utf-8"))
    return {kind: float(entry["precision"]) for kind, entry in data["kinds"].items()}


def decide(pair: Pair, *, min_confidence: float, rule_precision: Mapping[str, float] | None = None,
           given: bool = False, contradiction_gate: float | None = 0.0) -> Pair:
    """``pair`` with its label and confidence (and an ``nli-override`` reason where the checks
    overrule the model, or a model contradiction no check confirms is under
    ``contradiction_gate``, None: any)."""
    precision = measured_rule_precision() if rule_precision is None else rule_precision
    label: Label = "neutral"
    confidence = 0.0
    if pair.nli:
        scores = combined_scores(pair.nli)
        label = max(scores, key=scores.__getitem__)
        confidence = scores[label]
        if label != "neutral" and confidence < min_confidence:
            label, confidence = "neutral", scores["neutral"]
    conflicts = [r for r in pair.reasons if r.relation == "conflict"]
    extra: list[Reason] = []
    if conflicts:
        model = confidence if label == "contradiction" else 0.0
        rule = max(precision.get(r.kind, UNMEASURED_RULE_PRECISION) for r in conflicts)
        label, confidence = "contradiction", max(model, rule)
    elif label == "contradiction":
        why = _overruled_by([r for r in pair.reasons if not (given and (r.kind, r.relation) in NOT_OVERRULING_GIVEN)])
        if not why and not given and (contradiction_gate is None or confidence < contradiction_gate):
            why = "the model's contradiction alone, which no check confirms"
        if why:
            extra.append(Reason("nli-override", "override", note=why))
            label, confidence = "neutral", 1 - confidence
    return dataclasses.replace(pair, label=label, confidence=round(confidence, 4), reasons=[*pair.reasons, *extra])


_APART = {"place": "the claims are about different places", "year": "the claims are set in different years"}


def _overruled_by(reasons: Sequence[Reason]) -> str | None:
    for reason in reasons:
        if reason.relation == "apart":
            return _APART.get(reason.kind, f"the {reason.kind} check sets the claims apart")
    agreeing = [r for r in reasons if r.relation == "agree"]
    if agreeing:
        first = agreeing[0]
        if first.kind == "quantity":
            return "the figures agree"
        return first.note or f"the {first.kind} check finds them in agreement"
    updates = [r for r in reasons if r.relation == "update"]
    if updates:
        return "one figure updates the other" if updates[0].kind == "quantity" else updates[0].note or "a later report"
    return None


def decide_all(pairs: Sequence[Pair], *, min_confidence: float, rule_precision: Mapping[str, float] | None = None,
               given: bool = False, contradiction_gate: float | None = 0.0) -> list[Pair]:
    return [decide(p, min_confidence=min_confidence, rule_precision=rule_precision, given=given,
                   contradiction_gate=contradiction_gate) for p in pairs]
