"""Score factcheck's claim pairs against gold annotations (``factcheck eval pairs``).

Gold format (JSONL, one object per line, see ``eval/README.md``)::

    {"corpus": "seeds",
     "a": {"doc": "002_7f3ffb81817a861b#2", "start": 1203, "end": 1290, "text": "..."},
     "b": {"doc": "004_0c1c4f2951690474", "start": 50, "end": 120, "text": "..."},
     "label": "entailment|neutral|contradiction",
     "kind": "quantity|date|negation|first|other",
     "note": "why"}

Optional gold fact lines: ``{"fact": "troops", "claims": [span, ...], "status": "conflicting"}``.

``doc`` is the document id factcheck gives (file stem, ``#N`` for a story split off a host
page); ``start``/``end`` are character offsets (Python ``str`` indices) into the decoded text of
the file, so ``text == file_text[start:end]``.

Matching and counting rules (the whole definition of the scores):

* a predicted claim *matches* a gold span when it is in the same document and the character
  ranges overlap (``claim.start < span.end and span.start < claim.end``);
* a predicted pair matches a gold pair when its two claims match the gold pair's two spans,
  in either order. When several predicted pairs match one gold pair, the one taken is the
  non-neutral one with the highest confidence, else the one with the highest similarity
  (never chosen by looking at the gold label);
* a gold pair with no matching predicted pair counts as predicted ``neutral``;
* a predicted non-neutral pair that matches no gold pair counts as a false positive for its
  label (gold ``neutral``); its kind is the first conflict reason it carries
  (quantity/date/negation/first), else ``other``. Unmatched neutral predictions are ignored;
* per-label precision/recall/F1 come from the resulting confusion matrix;
* ``pair_recall`` is the share of gold pairs that were paired at all (any label): what the
  embedding stage found, whatever the later stages said;
* ECE (expected calibration error, 10 equal-width bins) is computed over the scored predicted
  pairs that carry a confidence (> 0): confidence of the predicted label against whether it
  equals the gold label. Pairs with no confidence (no NLI, no rule fired) are left out and counted.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck import metrics
from factcheck.metrics import expected_calibration_error, prf  # noqa: F401  (pe.prf, pe.expected_calibration_error)

LABELS = ("entailment", "neutral", "contradiction")
# What a gold pair's decision hinges on; a registered check's kind is accepted too (a check
# added later is scored by its name without editing this module).
GOLD_KINDS = ("quantity", "date", "negation", "first", "actor", "place", "cause", "other")
# Conflict kinds of reports written before reasons carried a relation.
LEGACY_CONFLICT_REASONS = ("quantity", "date", "negation", "first")


def known_kinds() -> tuple[str, ...]:
    from factcheck.checks import CHECKS

    return (*GOLD_KINDS, *(k for k in CHECKS.in_order() if k not in GOLD_KINDS))
ECE_BINS = 10
SWEEP_STEPS = [round(i / 20, 2) for i in range(21)]


# ----------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class Span:
    doc: str
    start: int
    end: int
    text: str = ""

    def overlaps(self, doc: str, start: int, end: int) -> bool:
        return doc == self.doc and start < self.end and self.start < end


@dataclass(frozen=True)
class GoldPair:
    a: Span
    b: Span
    label: str
    kind: str = "other"
    corpus: str = ""
    note: str = ""


@dataclass
class GoldFact:
    fact: str
    claims: list[Span]
    status: str
    corpus: str = ""


@dataclass
class Gold:
    pairs: list[GoldPair] = field(default_factory=list)
    facts: list[GoldFact] = field(default_factory=list)


class GoldError(ValueError):
    pass


def _span(obj: dict, where: str) -> Span:
    try:
        return Span(str(obj["doc"]), int(obj["start"]), int(obj["end"]), str(obj.get("text", "")))
    except (KeyError, TypeError, ValueError) as exc:
        raise GoldError(f"{where}: bad span {obj!r}: {exc}") from None


def load_gold(path: str | Path) -> Gold:
    gold = Gold()
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{where}: invalid JSON: {exc}") from None
        if "fact" in obj:
            gold.facts.append(GoldFact(str(obj["fact"]), [_span(s, where) for s in obj.get("claims", [])],
                                       str(obj.get("status", "consistent")), str(obj.get("corpus", ""))))
            continue
        label, kind = obj.get("label"), obj.get("kind", "other")
        if label not in LABELS:
            raise GoldError(f"{where}: label {label!r} not one of {LABELS}")
        if kind not in known_kinds():
            raise GoldError(f"{where}: kind {kind!r} not one of {known_kinds()}")
        gold.pairs.append(GoldPair(_span(obj["a"], where), _span(obj["b"], where), label, kind,
                                   str(obj.get("corpus", "")), str(obj.get("note", ""))))
    return gold


def document_texts(corpus_dir: str | Path) -> dict[str, str]:
    """Decoded text of each file of the corpus, by file stem (the part of a doc id before ``#``)."""
    from factcheck.ingest import read_sources

    sources, _ = read_sources([corpus_dir])
    return {Path(s.path).stem: s.text for s in sources}


def span_errors(gold: Gold, corpus_dir: str | Path) -> list[str]:
    """Spans whose text does not round-trip against the corpus files (empty list when all do)."""
    texts = document_texts(corpus_dir)
    spans = [s for p in gold.pairs for s in (p.a, p.b)] + [s for f in gold.facts for s in f.claims]
    errors = []
    for span in spans:
        stem = span.doc.split("#", 1)[0]
        if stem not in texts:
            errors.append(f"{span.doc}: no file with stem {stem!r} in {corpus_dir}")
        elif not 0 <= span.start < span.end <= len(texts[stem]):
            errors.append(f"{span.doc} [{span.start}:{span.end}]: out of range")
        elif texts[stem][span.start:span.end] != span.text:
            errors.append(f"{span.doc} [{span.start}:{span.end}]: {texts[stem][span.start:span.end]!r} != {span.text!r}")
    return errors


# ----------------------------------------------------------------------------- matching


@dataclass
class Item:
    """One scored decision: a gold pair (matched or not) or an unmatched non-neutral prediction."""

    gold: str
    pred: str
    kind: str
    confidence: float = 0.0
    similarity: float | None = None
    paired: bool = False
    gold_index: int | None = None
    pair: dict | None = None
    # what decided the prediction: the first conflict reason's kind, else "model"
    decided_by: str = "model"


def predicted_kind(pair: dict) -> str:
    for reason in pair.get("reasons", []):
        if "relation" in reason:
            if reason["relation"] == "conflict":
                return reason["kind"]
            continue
        # Reports before "agrees" existed marked agreement only in the detail text.
        agrees = reason.get("agrees", str(reason.get("detail", "")).startswith("compatible"))
        if reason.get("kind") in LEGACY_CONFLICT_REASONS and not agrees:
            return reason["kind"]
    return "other"


def decided_by(pair: dict) -> str:
    """The kind of the first conflict reason that decided a pair, else "model"."""
    kind = predicted_kind(pair)
    return "model" if kind == "other" else kind


def _rank(pair: dict) -> tuple:
    return (pair.get("label") != "neutral", float(pair.get("confidence") or 0.0), float(pair.get("similarity") or 0.0))


def match(report: dict, gold_pairs: Sequence[GoldPair]) -> list[Item]:
    """Turn a report (``report_to_dict`` form) and gold pairs into scored items."""
    claims = {c["id"]: (c["doc"], int(c["start"]), int(c["end"])) for c in report.get("claims", [])}
    used: set[int] = set()
    items: list[Item] = []
    pairs = report.get("pairs", [])

    def hits(span: Span, claim_id: str) -> bool:
        return claim_id in claims and span.overlaps(*claims[claim_id])

    for index, g in enumerate(gold_pairs):
        found = [
            (i, p) for i, p in enumerate(pairs)
            if (hits(g.a, p["a"]) and hits(g.b, p["b"])) or (hits(g.a, p["b"]) and hits(g.b, p["a"]))
        ]
        if not found:
            items.append(Item(g.label, "neutral", g.kind, gold_index=index))
            continue
        used.update(i for i, _ in found)
        _, best = max(found, key=lambda ip: _rank(ip[1]))
        items.append(Item(g.label, best["label"], g.kind, float(best.get("confidence") or 0.0),
                          float(best.get("similarity") or 0.0), True, index, best, decided_by(best)))
    for i, p in enumerate(pairs):
        if i not in used and p.get("label") != "neutral":
            items.append(Item("neutral", p["label"], predicted_kind(p), float(p.get("confidence") or 0.0),
                              float(p.get("similarity") or 0.0), True, None, p, decided_by(p)))
    return items


# ----------------------------------------------------------------------------- metrics


def label_scores(items: Iterable[Item], labels: Sequence[str] = LABELS) -> dict:
    items = list(items)
    return metrics.label_scores([i.gold for i in items], [i.pred for i in items], labels)


def confusion(items: Iterable[Item]) -> dict:
    items = list(items)
    return metrics.confusion([i.gold for i in items], [i.pred for i in items], LABELS)


def calibration(items: Sequence[Item]) -> dict:
    scored = [i for i in items if i.paired and i.confidence > 0]
    result = expected_calibration_error([i.confidence for i in scored], [i.gold == i.pred for i in scored], ECE_BINS)
    result["without_confidence"] = sum(1 for i in items if i.paired and i.confidence <= 0)
    # per reason kind: is a rule's confidence (its measured precision) honest?
    result["by_reason"] = {
        kind: {k: v for k, v in expected_calibration_error(
            [i.confidence for i in group], [i.gold == i.pred for i in group], ECE_BINS).items() if k != "bins"}
        for kind in sorted({i.decided_by for i in scored})
        for group in [[i for i in scored if i.decided_by == kind]]
    }
    return result


def sweep(items: Sequence[Item]) -> dict:
    """Precision/recall of each non-neutral label when verdicts below a confidence (or similarity) are dropped."""
    out: dict = {}
    for attribute in ("confidence", "similarity"):
        rows = []
        for t in SWEEP_STEPS:
            kept = [Item(i.gold, i.pred if (getattr(i, attribute) or 0.0) >= t else "neutral", i.kind) for i in items]
            scores = label_scores(kept, ("entailment", "contradiction"))
            rows.append({"threshold": t, **{f"{label}_{m}": scores[label][m] for label in scores
                                           for m in ("precision", "recall", "f1")}})
        out[attribute] = rows
    return out


def kind_scores(items: Sequence[Item]) -> dict:
    out = {}
    order = known_kinds()
    present = sorted({i.kind for i in items}, key=lambda k: (order.index(k) if k in order else len(order), k))
    for kind in present:
        members = [i for i in items if i.kind == kind]
        gold_members = [i for i in members if i.gold_index is not None]
        if not members:
            continue
        out[kind] = {
            "gold": len(gold_members),
            "accuracy": metrics.accuracy([i.gold for i in gold_members], [i.pred for i in gold_members]) if gold_members else None,
            "pair_recall": round(sum(1 for i in gold_members if i.paired) / len(gold_members), 4) if gold_members else None,
            "contradiction": label_scores(members, ("contradiction",))["contradiction"],
        }
    return out


def score_items(items: Sequence[Item]) -> dict:
    gold_items = [i for i in items if i.gold_index is not None]
    per_label = label_scores(items)
    return {
        "gold_pairs": len(gold_items),
        "false_positive_pairs": len(items) - len(gold_items),
        "accuracy": metrics.accuracy([i.gold for i in gold_items], [i.pred for i in gold_items]) if gold_items else None,
        "pair_recall": round(sum(1 for i in gold_items if i.paired) / len(gold_items), 4) if gold_items else None,
        "macro_f1": metrics.macro_f1(per_label),
        "labels": per_label,
        "kinds": kind_scores(items),
        "confusion": confusion(items),
        "calibration": calibration(items),
    }


def fact_scores(report: dict, facts: Sequence[GoldFact]) -> dict | None:
    """Gold facts against predicted facts: a gold fact is found when one predicted fact holds a claim
    matching each of at least two of its spans; status accuracy over the found ones."""
    if not facts:
        return None
    claims = {c["id"]: (c["doc"], int(c["start"]), int(c["end"])) for c in report.get("claims", [])}
    found = status_ok = 0
    for fact in facts:
        best = None
        for predicted in report.get("facts", []):
            covered = sum(1 for s in fact.claims if any(c in claims and s.overlaps(*claims[c]) for c in predicted["claims"]))
            if covered >= 2 and (best is None or covered > best[0]):
                best = (covered, predicted)
        if best:
            found += 1
            status_ok += best[1]["status"] == fact.status
    return {"gold_facts": len(facts), "recall": round(found / len(facts), 4),
            "status_accuracy": round(status_ok / found, 4) if found else None}


def score(report: dict, gold: Gold) -> dict:
    items = match(report, gold.pairs)
    result = score_items(items)
    result["sweep"] = sweep(items)
    result["predicted_pairs"] = len(report.get("pairs", []))
    result["facts"] = fact_scores(report, gold.facts)
    result["items"] = [
        {"gold": i.gold, "pred": i.pred, "kind": i.kind, "confidence": i.confidence, "similarity": i.similarity,
         "paired": i.paired, "gold_index": i.gold_index, "decided_by": i.decided_by,
         "pair": None if i.pair is None else {k: i.pair.get(k) for k in ("a", "b", "label", "confidence", "similarity")}}
        for i in items
    ]
    return result


def pooled(results: Iterable[dict]) -> dict:
    """Re-score several corpora's items together (micro-averaged over all pairs)."""
    items = [Item(**{k: v for k, v in i.items() if k != "pair"}) for r in results for i in r["items"]]
    out = score_items(items)
    out["sweep"] = sweep(items)
    return out


# ----------------------------------------------------------------------------- running


def run_report(corpus_dir: str | Path, config=None, checker=None) -> tuple[dict, float]:
    """Run the pipeline on a corpus directory; return (report dict, seconds)."""
    from factcheck.config import Config
    from factcheck.pipeline import Checker
    from factcheck.report.json import report_to_dict

    if checker is None:
        checker = Checker((config or Config()).replace(show_progress=False))
    began = time.perf_counter()
    report = checker.check([Path(corpus_dir)])
    return report_to_dict(report), time.perf_counter() - began


def evaluate(corpus_dir: str | Path, gold_path: str | Path, config=None, *, checker=None) -> dict:
    """Run factcheck on ``corpus_dir`` with ``config`` and score it against ``gold_path``."""
    gold = load_gold(gold_path)
    errors = span_errors(gold, corpus_dir)
    if errors:
        raise GoldError(f"{len(errors)} gold span(s) do not match {corpus_dir}: " + "; ".join(errors[:5]))
    report, seconds = run_report(corpus_dir, config, checker)
    result = score(report, gold)
    result["seconds"] = round(seconds, 2)
    result["corpus"] = str(corpus_dir)
    result["models"] = report.get("models")
    return result


def format_row(name: str, r: dict) -> str:
    lab = r["labels"]
    ece = r["calibration"]["ece"]
    return (f"{name:<34} {r['gold_pairs']:>4} {r['false_positive_pairs']:>4} {r['pair_recall'] or 0:>6.2f} "
            f"{r['accuracy'] or 0:>6.2f} {lab['contradiction']['precision']:>6.2f} {lab['contradiction']['recall']:>6.2f} "
            f"{lab['contradiction']['f1']:>6.2f} {lab['entailment']['f1']:>6.2f} {r['macro_f1']:>6.2f} "
            f"{'   n/a' if ece is None else f'{ece:>6.2f}'}")


TABLE_HEADER = (f"{'run':<34} {'gold':>4} {'FP':>4} {'pairR':>6} {'acc':>6} {'conP':>6} {'conR':>6} "
                f"{'conF1':>6} {'entF1':>6} {'macF1':>6} {'ECE':>6}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="factcheck eval pairs",
                                     description="Score factcheck's pairs on a corpus against gold pair annotations.")
    parser.add_argument("--corpus", required=True, metavar="DIR", help="directory of articles")
    parser.add_argument("--gold", required=True, metavar="FILE", help="gold JSONL (see eval/README.md)")
    parser.add_argument("--config", metavar="FILE", help="factcheck TOML config")
    parser.add_argument("--nli-model", metavar="NAME", help="override the NLI model")
    parser.add_argument("--no-structured-checks", action="store_true", help="ablation: no structured checks")
    parser.add_argument("--report", metavar="FILE", help="score this JSON report instead of running the pipeline")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)

    from factcheck.config import Config
    from factcheck.errors import FactcheckError

    try:
        config = Config.from_file(args.config) if args.config else Config()
        config = config.replace(nli_model=args.nli_model, show_progress=False)
        if args.no_structured_checks:
            config = config.replace(structured_checks=False)
        if args.report:
            gold = load_gold(args.gold)
            errors = span_errors(gold, args.corpus)
            if errors:
                raise GoldError("; ".join(errors[:5]))
            result = score(json.loads(Path(args.report).read_text(encoding="utf-8")), gold)
        else:
            result = evaluate(args.corpus, args.gold, config)
    except (GoldError, FactcheckError, OSError) as exc:
        print(f"factcheck eval pairs: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "items"}, ensure_ascii=False, indent=1,
                         default=lambda v: None if isinstance(v, float) and math.isinf(v) else str(v)))
    else:
        print(TABLE_HEADER)
        print(format_row(Path(args.corpus).name, result))
        for kind, k in result["kinds"].items():
            c = k["contradiction"]
            print(f"  kind {kind:<10} gold {k['gold']:>3}  acc {k['accuracy'] if k['accuracy'] is not None else 'n/a'}  "
                  f"pairR {k['pair_recall'] if k['pair_recall'] is not None else 'n/a'}  "
                  f"contradiction P {c['precision']:.2f} R {c['recall']:.2f} F1 {c['f1']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
