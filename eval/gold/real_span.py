"""Offsets for real-news gold: find a quote in a cluster file, and check every gold span.

The real clusters live in ``../shared/real-news`` (never copied into the project). Gold spans
name the file inside the cluster and Python ``str`` offsets into its UTF-8 text, so
``text[start:end] == span["text"]``::

    python eval/gold/real_span.py span CLUSTER FILE "unique quote" [--occurrence N]
    python eval/gold/real_span.py check [eval/gold/real/*.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent
REAL_NEWS = Path(os.environ.get("FACTCHECK_REAL_NEWS", EVAL.parent.parent / "shared" / "real-news"))
LABELS = {"contradiction", "entailment", "neutral"}
KINDS = {"quantity", "date", "negation", "first", "actor", "place", "cause", "other"}
SEVERITIES = {"hard", "soft"}
LOOK_ALIKES = {"update", "different_place", "different_scope", "earlier_event", "paraphrase",
               "different_subject", "different_time", "report_of_dispute", "same_fact"}


def read(cluster: str, file: str) -> str:
    return (REAL_NEWS / cluster / file).read_text(encoding="utf-8")


def span(cluster: str, file: str, quote: str, occurrence: int | None = None) -> dict:
    text = read(cluster, file)
    starts, i = [], text.find(quote)
    while i >= 0:
        starts.append(i)
        i = text.find(quote, i + 1)
    if not starts:
        raise ValueError(f"{cluster}/{file}: quote not found: {quote!r}")
    if occurrence is None and len(starts) > 1:
        raise ValueError(f"{cluster}/{file}: quote occurs {len(starts)} times; lengthen it or pass --occurrence")
    start = starts[occurrence or 0]
    return {"file": file, "start": start, "end": start + len(quote), "text": quote}


def check_record(rec: dict) -> list[str]:
    errors = []
    if "fact" in rec:
        return errors
    cluster = rec.get("corpus", "")
    for side in ("a", "b"):
        s = rec.get(side) or {}
        try:
            text = read(cluster, s["file"])
        except (KeyError, OSError) as exc:
            errors.append(f"{side}: {exc}")
            continue
        if text[s["start"]:s["end"]] != s["text"]:
            errors.append(f"{side}: text[{s['start']}:{s['end']}] != {s['text']!r}")
    if rec.get("label") not in LABELS:
        errors.append(f"label {rec.get('label')!r} not in {sorted(LABELS)}")
    if rec.get("kind") not in KINDS:
        errors.append(f"kind {rec.get('kind')!r} not in {sorted(KINDS)}")
    if rec.get("label") == "contradiction" and rec.get("severity") not in SEVERITIES:
        errors.append(f"contradiction needs severity in {sorted(SEVERITIES)}")
    if rec.get("label") != "contradiction" and rec.get("look_alike") not in LOOK_ALIKES | {None}:
        errors.append(f"look_alike {rec.get('look_alike')!r} not in {sorted(LOOK_ALIKES)}")
    same = rec.get("a", {}).get("file") == rec.get("b", {}).get("file")
    if bool(rec.get("same_article")) != same:
        errors.append(f"same_article must be {str(same).lower()}")
    return errors


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("span")
    s.add_argument("cluster"), s.add_argument("file"), s.add_argument("quote")
    s.add_argument("--occurrence", type=int)
    c = sub.add_parser("check")
    c.add_argument("files", nargs="*", type=Path)
    args = p.parse_args(argv)
    if args.cmd == "span":
        print(json.dumps(span(args.cluster, args.file, args.quote, args.occurrence), ensure_ascii=False))
        return 0
    files = args.files or sorted((EVAL / "gold" / "real").glob("*.jsonl"))
    bad = 0
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            for err in check_record(json.loads(line)):
                bad += 1
                print(f"{f}:{n}: {err}")
    print(f"{len(files)} files checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
