"""Which pairs can skip NLI, or its second direction, without changing a verdict?

Runs the full pipeline (both directions on every pair) on the seeds, the project's gold corpora
and the annotated real-news clusters, then re-decides every pair as if a rule had skipped the
model, and prints, per rule: the share of model calls saved and the verdicts that change
(contradictions and agreements lost or gained). A rule is worth applying only where no verdict
changes (``factcheck.pipeline`` applies the one this table supports).

    python eval/nli_skip.py [--limit-clusters N]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from pathlib import Path

EVAL = Path(__file__).resolve().parent
sys.path.insert(0, str(EVAL))

import harness  # noqa: E402

from factcheck.config import Config  # noqa: E402
from factcheck.pipeline import Checker  # noqa: E402
from factcheck.verdict import decide  # noqa: E402


def corpora(limit: int | None) -> dict[str, Path]:
    found = {"seeds": EVAL.parent / "seeds"}
    found |= {name: articles for name, (articles, _) in harness.gold_corpora().items() if name != "seeds"}
    clusters = sorted(p.stem for p in harness.REAL_GOLD_DIR.glob("*.jsonl"))[:limit]
    found |= {f"real/{name}": harness.real_news_dir() / name for name in clusters}
    return {k: v for k, v in found.items() if v.is_dir()}


def undecided(pair):
    """The pair as the verdict received it (its label and override reason taken off)."""
    return dataclasses.replace(pair, label="neutral", confidence=0.0,
                               reasons=[r for r in pair.reasons if r.kind != "nli-override"])


def forward_only(pair):
    return dataclasses.replace(pair, nli={"a->b": pair.nli["a->b"]})


def skip_all(pair):
    return dataclasses.replace(pair, nli=None)


RULES = {
    **{f"second direction skipped when a->b neutral >= {t}": (lambda t: lambda p: p.nli["a->b"]["neutral"] >= t)(t)
       for t in (0.5, 0.7, 0.8, 0.9, 0.95)},
    **{f"NLI skipped when cosine < {s}": (lambda s: lambda p: p.similarity < s)(s) for s in (0.80, 0.83, 0.85, 0.87)},
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit-clusters", type=int, help="only the first N real-news clusters")
    args = parser.parse_args(argv)
    config = Config().replace(show_progress=False)
    checker = Checker(config)
    pairs = []
    for name, folder in corpora(args.limit_clusters).items():
        report = checker.check([folder])
        pairs += [undecided(p) for p in report.pairs if p.nli]
        print(f"{name}: {len(report.pairs)} pairs", file=sys.stderr)
    full = {id(p): decide(p, min_confidence=config.nli_min_confidence).label for p in pairs}
    calls = 2 * len(pairs)
    print(f"{len(pairs)} pairs, {calls} model calls; verdicts: {dict(Counter(full.values()))}")
    print(f"{'rule':58} {'calls saved':>11} {'changed':>7}  changes")
    rows = []
    for name, applies in RULES.items():
        skipped = [p for p in pairs if applies(p)]
        partial = name.startswith("second")
        saved = len(skipped) * (1 if partial else 2)
        changes = Counter()
        for p in skipped:
            label = decide(forward_only(p) if partial else skip_all(p), min_confidence=config.nli_min_confidence).label
            if label != full[id(p)]:
                changes[f"{full[id(p)]}->{label}"] += 1
        rows.append({"rule": name, "calls_saved": round(saved / calls, 3), "changed": sum(changes.values()),
                     "changes": dict(changes)})
        print(f"{name:58} {saved / calls:>11.1%} {sum(changes.values()):>7}  {dict(changes)}")
    (EVAL / "nli_skip.json").write_text(json.dumps({"pairs": len(pairs), "rules": rows}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
