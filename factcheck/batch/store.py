"""The output folder of a batch run, and how it is written so that a run can always resume.

    OUT/manifest.json       config, model fingerprints, grouping settings: what made the output
    OUT/stories.parquet     story of every article (``grouped``: true where batch grouped it)
    OUT/problems.parquet    articles that could not be used, with the reason
    OUT/shards/<story>/     one finished story: sources, documents, claims, pairs, facts, copies
                            (.parquet, the JSON report's fields) and meta.json
    OUT/summary.json        per story: documents, claims, pairs, contradictions

A shard folder is built under a temporary name and renamed into place (``build_atomically``),
so it is either absent or complete: a killed run leaves nothing half-written, and a re-run skips
every story whose shard exists.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from factcheck.batch.records import TABLES, rebuild_report, report_meta, report_rows
from factcheck.cache import build_atomically
from factcheck.errors import FactcheckError
from factcheck.schema import Problem, Report, Source

#: The layout of OUT, recorded in the manifest; 2: shards hold the copies table.
FORMAT_VERSION = 2


class OutputMismatch(FactcheckError):
    """The output folder holds a run made with another config or model."""


class StoryNotFound(FactcheckError):
    pass


class BatchStore:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    # -- manifest -------------------------------------------------------------------------------
    def open(self, manifest: dict, *, restart: bool) -> None:
        """Start or resume writing: refuse to mix with output made under another manifest."""
        path = self.root / "manifest.json"
        if path.exists() and restart:
            self.clear()
        elif path.exists():
            found = json.loads(path.read_text(encoding="utf-8"))
            differs = sorted(k for k in set(found) | set(manifest) if found.get(k) != manifest.get(k))
            if differs:
                detail = _differences(found, manifest)
                raise OutputMismatch(f"{self.root} holds output made with a different {', '.join(differs)} "
                                     f"({detail}); re-run with --restart to discard it, or use another --output")
            self._remove_leftovers()
            return
        self.root.mkdir(parents=True, exist_ok=True)
        _write_atomically(path, json.dumps(manifest, indent=1, sort_keys=True))

    def _remove_leftovers(self) -> None:
        """Temporary shards and files of a killed run (never renamed into place, so never used)."""
        for folder in (self.root, self.root / "shards"):
            for path in folder.glob(".*.tmp*") if folder.exists() else []:
                shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)

    def clear(self) -> None:
        for name in ("manifest.json", "summary.json", "stories.parquet", "problems.parquet"):
            (self.root / name).unlink(missing_ok=True)
        shutil.rmtree(self.root / "shards", ignore_errors=True)

    def manifest(self) -> dict:
        path = self.root / "manifest.json"
        if not path.exists():
            raise FactcheckError(f"{self.root}: not a batch output (no manifest.json); run `factcheck batch` first")
        return json.loads(path.read_text(encoding="utf-8"))

    # -- plan and problems -------------------------------------------------------------------------
    def write_plan(self, stories: Iterable[tuple[str, Source, bool]], problems: Iterable[Problem]) -> None:
        rows = [{"story": story, "id": s.id, "path": s.path, "grouped": grouped} for story, s, grouped in stories]
        self._write_table(self.root / "stories.parquet", rows, ("story", "id", "path", "grouped"))
        self._write_table(self.root / "problems.parquet", [{"path": p.path, "message": p.message} for p in problems],
                          ("path", "message"))

    def problems(self) -> list[Problem]:
        return [Problem(**row) for row in _read_table(self.root / "problems.parquet")]

    # -- shards ---------------------------------------------------------------------------------------
    def shard(self, story: str) -> Path:
        return self.root / "shards" / shard_name(story)

    def digest(self, story: str) -> str | None:
        """The sources digest of the story's finished shard, None when it has none."""
        meta = self.shard(story) / "meta.json"
        return json.loads(meta.read_text(encoding="utf-8")).get("digest") if meta.exists() else None

    def write_story(self, story: str, report: Report, sources: list[Source], *, digest: str = "") -> dict:
        """Write one story's shard atomically; return its summary line."""
        line = story_summary(story, report)
        tables = report_rows(report, sources, story)

        def build(folder: Path) -> None:
            for name in TABLES:
                _write_rows(folder / f"{name}.parquet", tables[name])
            meta = {**report_meta(report), "story": story, "digest": digest, "summary": line}
            (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")

        build_atomically(self.shard(story), build, lambda folder: (folder / "meta.json").exists())
        return line

    def stories(self) -> list[str]:
        return sorted({row["story"] for row in _read_table(self.root / "stories.parquet")})

    def report(self, story: str) -> Report:
        folder = self.shard(story)
        if not (folder / "meta.json").exists():
            known = ", ".join(self.finished()) or "none"
            raise StoryNotFound(f"no finished story {story!r} in {self.root}; finished stories: {known}")
        missing = [name for name in TABLES if not (folder / f"{name}.parquet").exists()]
        if missing:
            raise FactcheckError(f"{folder}: no {', '.join(missing)} table (written by an older `factcheck batch`?); "
                                 "re-run the batch with --restart to rebuild the output")
        tables = {name: _read_table(folder / f"{name}.parquet") for name in TABLES}
        return rebuild_report(tables, json.loads((folder / "meta.json").read_text(encoding="utf-8")))

    def finished(self) -> list[str]:
        shards = self.root / "shards"
        if not shards.exists():
            return []
        return sorted(json.loads((f / "meta.json").read_text(encoding="utf-8"))["story"]
                      for f in shards.iterdir() if (f / "meta.json").exists())

    def table(self, name: str) -> list[dict]:
        """Every finished story's rows of one table (``documents``, ``claims``, ``pairs``, ``facts``, ``copies``)."""
        shards = self.root / "shards"
        return [row for f in sorted(shards.iterdir()) if (f / "meta.json").exists()
                for row in _read_table(f / f"{name}.parquet")] if shards.exists() else []

    # -- summary ----------------------------------------------------------------------------------------
    def write_summary(self) -> list[dict]:
        lines = []
        for folder in sorted((self.root / "shards").iterdir()) if (self.root / "shards").exists() else []:
            if (folder / "meta.json").exists():
                lines.append(json.loads((folder / "meta.json").read_text(encoding="utf-8"))["summary"])
        lines.sort(key=lambda line: (-line["contradictions"], line["story"]))
        _write_atomically(self.root / "summary.json", json.dumps(lines, ensure_ascii=False, indent=1))
        return lines

    def summary(self) -> list[dict]:
        path = self.root / "summary.json"
        if not path.exists():
            raise FactcheckError(f"{self.root}: no summary.json yet; run (or resume) `factcheck batch` to finish it")
        return json.loads(path.read_text(encoding="utf-8"))

    @staticmethod
    def _write_table(path: Path, rows: list[dict], columns: tuple[str, ...]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in columns})
        tmp = _temp_beside(path)
        pq.write_table(table, tmp)
        os.replace(tmp, path)


def story_summary(story: str, report: Report) -> dict:
    return {"story": story, "documents": len(report.documents), "claims": len(report.claims),
            "pairs": len(report.pairs), "contradictions": sum(p.label == "contradiction" for p in report.pairs)}


def shard_name(story: str) -> str:
    """A folder name for a story: readable, and unique through a short hash of the exact name."""
    readable = re.sub(r"[^\w.-]+", "_", story).strip("._")[:60] or "story"
    return f"{readable}-{hashlib.sha256(story.encode()).hexdigest()[:8]}"


def _write_rows(path: Path, rows: list[dict]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    # An empty table still records that the story had none; its columns are unknown and unused.
    pq.write_table(pa.Table.from_pylist(rows) if rows else pa.table({"story": pa.array([], pa.string())}), path)


def _read_table(path: Path) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(path).to_pylist() if path.exists() else []


def _temp_beside(path: Path) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    return Path(name)


def _write_atomically(path: Path, text: str) -> None:
    tmp = _temp_beside(path)
    tmp.write_text(text + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _differences(found: dict, wanted: dict) -> str:
    parts = []
    for key in sorted(set(found) | set(wanted)):
        a, b = found.get(key), wanted.get(key)
        if a == b:
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            inner = [f"{key}.{k}: {a.get(k)!r} there, {b.get(k)!r} now" for k in sorted(set(a) | set(b))
                     if a.get(k) != b.get(k)]
            parts += inner
        else:
            parts.append(f"{key}: {a!r} there, {b!r} now")
    return "; ".join(parts)
