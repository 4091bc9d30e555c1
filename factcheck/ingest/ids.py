"""Document ids that depend only on the document: where it sits under the input it came from.

* a file found under a directory argument: its path relative to that directory, without the
  suffix (``sub/a`` for ``DIR/sub/a.txt``); the suffix stays when the same folder holds another
  article file with the same stem (``a.txt`` and ``a.html``), so the two never meet;
* a file given by itself: its own name, by the same rule;
* a JSONL record: its ``id`` field, else ``<file id>:<line>``.

Adding or removing other inputs never renames a document. Only when two inputs give the same
id (two directory arguments holding ``x.txt``) does each take its root's name as a prefix.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")


def file_id(path: Path, root: Path | None) -> str:
    relative = path.relative_to(root) if root is not None else Path(path.name)
    siblings = [p for p in path.parent.glob(f"{_glob_escape(path.stem)}.*")
                if p != path and p.suffix.lower() in ARTICLE_SUFFIXES]
    return (relative if siblings else relative.with_suffix("")).as_posix()


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def record_id(file: str, lineno: int, given: object) -> str:
    if isinstance(given, (str, int)) and not isinstance(given, bool) and str(given).strip():
        return str(given).strip()
    return f"{file}:{lineno}"


def disambiguate(ids: list[str], roots: list[str]) -> list[str]:
    """Unique ids: a clash is resolved by the root's name, then its whole path, then the order."""
    out = list(ids)
    for attempt in (lambda r: Path(r).name, lambda r: r.strip("/") or "root"):
        clashes = defaultdict(list)
        for index, value in enumerate(out):
            clashes[value].append(index)
        for indices in clashes.values():
            if len(indices) > 1:
                for i in indices:
                    out[i] = f"{attempt(roots[i])}/{ids[i]}"
    seen: dict[str, int] = defaultdict(int)
    for index, value in enumerate(out):
        seen[value] += 1
        if seen[value] > 1:
            out[index] = f"{value}~{seen[value]}"
    return out
