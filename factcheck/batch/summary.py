"""The corpus at a glance: each story's counts and its most conflicting facts."""

from __future__ import annotations

import json

from factcheck.batch.store import BatchStore


def corpus_summary(store: BatchStore, *, facts_per_story: int = 3) -> list[dict]:
    """``summary.json``'s lines, most contradictions first, each with its top conflicting facts
    (those with the most differing versions)."""
    conflicting: dict[str, list[dict]] = {}
    for row in store.table("facts"):
        if row["status"] == "conflicting":
            conflicting.setdefault(row["story"], []).append(
                {"summary": row["summary"], "versions": json.loads(row["versions"])})
    lines = []
    for line in store.summary():
        facts = sorted(conflicting.get(line["story"], []), key=lambda f: (-len(f["versions"]), f["summary"]))
        lines.append({**line, "facts": facts[:facts_per_story]})
    return lines


def render_summary(lines: list[dict]) -> str:
    out = []
    for line in lines:
        out.append(f"{line['story']}: {line['documents']} documents, {line['claims']} claims, "
                   f"{line['pairs']} pairs, {line['contradictions']} contradictions")
        for fact in line["facts"]:
            out.append(f"  conflicting: {fact['summary']}")
            out.extend(f"    - {_version(v)}" for v in fact["versions"])
    return "\n".join(out) + "\n"


def _version(version: dict) -> str:
    """What one source says: its figure (or quote), who says it, in which document, when."""
    said = version.get("value") or version.get("text") or ""
    said = said if len(said) <= 90 else said[:89] + "…"
    return f"{said} ({version.get('attribution') or 'unattributed'}; {version.get('doc')}, " \
           f"{version.get('published') or 'undated'})"
