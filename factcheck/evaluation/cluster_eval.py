"""Score a report on a real news cluster against its annotated discrepancies
(``factcheck eval clusters``; ``pytest eval/`` runs it on ``../shared/real-news``).

Gold (``eval/gold/real/<cluster>.jsonl``, written with ``eval/gold/real_span.py``) names each
span by the file inside the cluster and offsets into its text, so it does not depend on how
factcheck names or splits documents::

    {"corpus": "<cluster>", "a": {"file": "03_x.txt", "start": 10, "end": 52, "text": "..."}, "b": {...},
     "label": "contradiction|entailment|neutral", "kind": "quantity|date|negation|first|actor|place|cause|other",
     "severity": "hard|soft" (contradictions), "look_alike": "update|different_place|..." (others),
     "same_article": false, "note": "..."}

What is counted (the whole definition):

* a predicted claim matches a span when it comes from that file and the ranges overlap; a
  predicted pair matches a gold pair when its claims match both spans, in either order;
* a gold discrepancy (label contradiction) is *found* when a matching pair is labelled
  contradiction, *paired* when any matching pair exists;
* every predicted contradiction is a *flag*: correct when it matches a gold discrepancy, a
  *look-alike* false alarm when it matches a gold neutral or entailment pair, an *unannotated*
  false alarm when it matches no gold pair (read them, and add to the gold what was missed);
* precision = correct flags / flags; recall = found / gold discrepancies (all, hard only,
  numeric = kind quantity, non-numeric = every other kind);
* false alarms are broken down by the reason kind that decided them (``model`` for an NLI
  verdict) and, for look-alikes, by the gold look-alike class.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.evaluation.pairs_eval import decided_by


@dataclass(frozen=True)
class FileSpan:
    file: str
    start: int
    end: int

    def hit(self, file: str, start: int, end: int) -> bool:
        return file == self.file and start < self.end and self.start < end


def load_cluster_gold(path: str | Path) -> list[dict]:
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            if "a" in row:
                row["_a"] = FileSpan(row["a"]["file"], row["a"]["start"], row["a"]["end"])
                row["_b"] = FileSpan(row["b"]["file"], row["b"]["start"], row["b"]["end"])
                row["_line"] = n
                rows.append(row)
    return rows


def _claim_files(report: dict, cluster_dir: Path) -> dict[str, tuple[str, int, int]]:
    """claim id -> (file relative to the cluster, start, end)."""
    docs = {}
    for d in report["documents"]:
        path = Path(re.sub(r"(\.jsonl):\d+$", r"\1", d["path"]))  # a JSONL record names its file
        try:
            docs[d["id"]] = path.resolve().relative_to(cluster_dir.resolve()).as_posix()
        except ValueError:
            docs[d["id"]] = path.name
    return {c["id"]: (docs[c["doc"]], c["start"], c["end"]) for c in report["claims"]}


def score_cluster(report: dict, gold: Sequence[dict], cluster_dir: str | Path) -> dict:
    claims = _claim_files(report, Path(cluster_dir))

    def matches(row: dict, pair: dict) -> bool:
        a, b = claims[pair["a"]], claims[pair["b"]]
        return (row["_a"].hit(*a) and row["_b"].hit(*b)) or (row["_a"].hit(*b) and row["_b"].hit(*a))

    pairs = report["pairs"]
    discrepancies = [g for g in gold if g["label"] == "contradiction"]
    found = {"all": [0, 0], "hard": [0, 0], "numeric": [0, 0], "non_numeric": [0, 0], "hard_numeric": [0, 0],
             "hard_non_numeric": [0, 0]}
    paired = 0
    missed = []
    for row in discrepancies:
        hits = [p for p in pairs if matches(row, p)]
        flagged = any(p["label"] == "contradiction" for p in hits)
        paired += bool(hits)
        numeric = "numeric" if row["kind"] == "quantity" else "non_numeric"
        groups = ["all", numeric] + (["hard", f"hard_{numeric}"] if row.get("severity") == "hard" else [])
        for group in groups:
            found[group][0] += flagged
            found[group][1] += 1
        if not flagged:
            missed.append({"line": row["_line"], "kind": row["kind"], "severity": row.get("severity"),
                           "paired": bool(hits), "note": row.get("note", "")})
    flags = [p for p in pairs if p["label"] == "contradiction"]
    correct, look_alike, unannotated = 0, Counter(), Counter()
    by_reason = Counter()
    false_alarms = []
    for p in flags:
        rows = [g for g in gold if matches(g, p)]
        if any(g["label"] == "contradiction" for g in rows):
            correct += 1
            continue
        reason = decided_by(p)
        by_reason[reason] += 1
        if rows:
            look_alike[rows[0].get("look_alike") or rows[0]["label"]] += 1
        else:
            unannotated[reason] += 1
        a, b = claims[p["a"]], claims[p["b"]]
        false_alarms.append({"a": {"file": a[0], "start": a[1], "end": a[2]},
                             "b": {"file": b[0], "start": b[1], "end": b[2]},
                             "reason": reason, "annotated_as": rows[0]["label"] if rows else None,
                             "confidence": p.get("confidence")})
    return {
        "gold_discrepancies": len(discrepancies),
        "gold_pairs": len(gold),
        "recall": {k: _ratio(*v) for k, v in found.items()},
        "counts": {k: {"found": v[0], "gold": v[1]} for k, v in found.items()},
        "paired_share": _ratio(paired, len(discrepancies)),
        "flags": len(flags),
        "correct_flags": correct,
        "precision": _ratio(correct, len(flags)),
        "false_alarms_by_reason": dict(by_reason),
        "look_alike_false_alarms": dict(look_alike),
        "unannotated_false_alarms": dict(unannotated),
        "missed": missed,
        "false_alarms": false_alarms,
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def pooled_clusters(results: Iterable[dict]) -> dict:
    results = list(results)
    counts: dict[str, list[int]] = {}
    for r in results:
        for k, v in r["counts"].items():
            c = counts.setdefault(k, [0, 0])
            c[0] += v["found"]
            c[1] += v["gold"]
    flags = sum(r["flags"] for r in results)
    correct = sum(r["correct_flags"] for r in results)
    paired = sum(round((r["paired_share"] or 0) * r["gold_discrepancies"]) for r in results)
    gold = sum(r["gold_discrepancies"] for r in results)

    def total(key):
        out = Counter()
        for r in results:
            out.update(r[key])
        return dict(out.most_common())

    return {
        "clusters": len(results),
        "gold_discrepancies": gold,
        "gold_pairs": sum(r["gold_pairs"] for r in results),
        "recall": {k: _ratio(*v) for k, v in counts.items()},
        "counts": {k: {"found": v[0], "gold": v[1]} for k, v in counts.items()},
        "paired_share": _ratio(paired, gold),
        "flags": flags,
        "correct_flags": correct,
        "precision": _ratio(correct, flags),
        "max_flags_per_cluster": max((r["flags"] for r in results), default=0),
        "false_alarms_by_reason": total("false_alarms_by_reason"),
        "look_alike_false_alarms": total("look_alike_false_alarms"),
        "unannotated_false_alarms": total("unannotated_false_alarms"),
    }


TABLE_HEADER = (f"{'cluster':<44} {'gold':>4} {'hard':>4} {'flags':>5} {'prec':>5} {'rec':>5} {'recH':>5} "
                f"{'recNum':>6} {'recTxt':>6} {'paired':>6}")


def format_row(name: str, r: dict) -> str:
    def f(x):
        return "  n/a" if x is None else f"{x:5.2f}"

    rec = r["recall"]
    return (f"{name:<44} {r['gold_discrepancies']:>4} {r['counts']['hard']['gold']:>4} {r['flags']:>5} "
            f"{f(r['precision'])} {f(rec['all'])} {f(rec['hard'])} {f(rec['numeric']):>6} {f(rec['non_numeric']):>6} "
            f"{f(r['paired_share']):>6}")


def format_table(per_cluster: dict[str, dict], overall: dict) -> str:
    lines = [TABLE_HEADER]
    lines += [format_row(name, r) for name, r in per_cluster.items()]
    lines.append(format_row("all", overall))
    lines.append("gold: annotated discrepancies (hard: cannot both be true); flags: predicted contradictions; "
                 "prec: flags matching a gold discrepancy; rec/recH/recNum/recTxt: recall of all / hard / numeric / "
                 "non-numeric discrepancies; paired: discrepancies paired at all")
    lines.append("false alarms by deciding reason: " + ", ".join(
        f"{k} {v}" for k, v in overall["false_alarms_by_reason"].items()))
    lines.append("  on annotated look-alikes: " + (", ".join(
        f"{k} {v}" for k, v in overall["look_alike_false_alarms"].items()) or "none"))
    lines.append("  on unannotated pairs, by reason: " + (", ".join(
        f"{k} {v}" for k, v in overall["unannotated_false_alarms"].items()) or "none"))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="factcheck eval clusters",
        description="Score factcheck on annotated real news clusters: precision of flagged contradictions, "
                    "recall of annotated discrepancies (hard, numeric, non-numeric), false alarms by reason.")
    parser.add_argument("--clusters", required=True, metavar="DIR", help="folder of cluster folders (real-news)")
    parser.add_argument("--gold", required=True, metavar="DIR", help="folder of <cluster>.jsonl gold files")
    parser.add_argument("--reports", metavar="DIR",
                        help="score saved `factcheck check --format json` reports (<cluster>.json) instead of running")
    parser.add_argument("--config", metavar="FILE", help="TOML settings for the run")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    from factcheck.config import Config

    config = (Config.from_file(args.config) if args.config else Config()).replace(show_progress=False)
    per_cluster = {}
    checker = None
    for gold_path in sorted(Path(args.gold).glob("*.jsonl")):
        cluster = Path(args.clusters) / gold_path.stem
        if args.reports:
            report = json.loads((Path(args.reports) / f"{gold_path.stem}.json").read_text(encoding="utf-8"))
        else:
            from factcheck.evaluation.pairs_eval import run_report
            from factcheck.pipeline import Checker

            checker = checker or Checker(config)
            report, _ = run_report(cluster, checker=checker)
        per_cluster[gold_path.stem] = score_cluster(report, load_cluster_gold(gold_path), cluster)
    overall = pooled_clusters(per_cluster.values())
    if args.json:
        print(json.dumps({"clusters": per_cluster, "all": overall}, indent=1, ensure_ascii=False))
    else:
        print(format_table(per_cluster, overall))
    return 0


if __name__ == "__main__":
    sys.exit(main())
