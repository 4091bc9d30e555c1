"""Batch inputs: directories, JSONL and Parquet files, ``datasets`` folders or hub ids, read into
``Source`` records, each with the story it belongs to when the input says so.

A story comes from the input itself: the ``story`` field of a record (``--story-field``), or the
sub-directory of a directory argument that holds the article. Articles with neither are
``None``-labelled and grouped later (``factcheck.batch.stories``). Files are read by
``factcheck.stages.read``, so ids, paths and offsets are exactly what ``factcheck check``
gives for the same files; an unreadable article becomes a ``Problem`` and the rest are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from factcheck import stages
from factcheck.errors import InputError
from factcheck.ingest.ids import record_id
from factcheck.ingest.reading import SUPPORTED_SUFFIXES
from factcheck.schema import Problem, Source

TABLE_SUFFIXES = (".parquet",)


@dataclass(frozen=True)
class Article:
    """A source read from the inputs, and the story the inputs give it (None: to be grouped)."""

    source: Source
    story: str | None


def read_inputs(inputs: Iterable[str | Path], *, story_field: str = "story") -> tuple[list[Article], list[Problem]]:
    """Every article under ``inputs``, in input order; bad ones are Problems, never fatal."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for raw in inputs:
        got, bad = _read_one(str(raw), story_field)
        articles.extend(got)
        problems.extend(bad)
    return articles, problems


def _read_one(raw: str, story_field: str) -> tuple[list[Article], list[Problem]]:
    path = Path(raw)
    if path.is_dir() and _is_saved_dataset(path):
        return _rows_to_articles(raw, _dataset_rows(path), story_field)
    if path.is_dir():
        return _read_directory(path, story_field)
    if path.is_file() and path.suffix.lower() in TABLE_SUFFIXES:
        return _rows_to_articles(raw, _parquet_rows(path), story_field)
    if path.is_file() or path.exists():
        return _read_files([path], None, story_field)
    if _looks_like_hub_id(raw):
        return _rows_to_articles(raw, _hub_rows(raw), story_field)
    return [], [Problem(raw, "no such file, directory or data set")]


def _read_directory(path: Path, story_field: str) -> tuple[list[Article], list[Problem]]:
    """Each sub-directory holding articles is a story named after it; files directly in
    ``path`` are unlabelled (unless their records name a story)."""
    articles: list[Article] = []
    problems: list[Problem] = []
    top = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
    readable = [p for p in top if p.suffix.lower() in SUPPORTED_SUFFIXES]
    tables = [p for p in top if p.suffix.lower() in TABLE_SUFFIXES]
    subdirs = sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith("."))
    if readable:
        got, bad = _read_files(readable, None, story_field)
        articles += got
        problems += bad
    for table in tables:
        got, bad = _rows_to_articles(str(table), _parquet_rows(table), story_field)
        articles += got
        problems += bad
    for sub in subdirs:
        # Read like `factcheck check SUB`, so ids and paths match that command's.
        got, bad = _read_files([sub], sub.name, story_field)
        articles += got
        problems += bad
    if not (readable or tables or subdirs):
        problems.append(Problem(str(path), f"directory holds no {', '.join(SUPPORTED_SUFFIXES + TABLE_SUFFIXES)} files"))
    return articles, problems


def _read_files(paths: list[Path], story: str | None, story_field: str) -> tuple[list[Article], list[Problem]]:
    sources, problems = stages.read(paths)
    labels = _jsonl_story_labels(sources, story_field)
    return [Article(s, labels.get(s.path) or story) for s in sources], problems


def _jsonl_story_labels(sources: list[Source], story_field: str) -> dict[str, str]:
    """``{source path: story}`` for JSONL records carrying the story field (``file:line`` paths)."""
    labels: dict[str, str] = {}
    by_file: dict[str, set[int]] = {}
    for source in sources:
        file, _, line = source.path.rpartition(":")
        if file.lower().endswith(".jsonl") and line.isdigit():
            by_file.setdefault(file, set()).add(int(line))
    for file, lines in by_file.items():
        with open(file, encoding=_encoding_of(sources, file), errors="replace") as handle:
            for lineno, line in enumerate(handle, start=1):
                if lineno in lines:
                    story = _story_of(json.loads(line), story_field)
                    if story:
                        labels[f"{file}:{lineno}"] = story
    return labels


def _encoding_of(sources: list[Source], file: str) -> str:
    return next((s.encoding for s in sources if s.path.startswith(file + ":")), "utf-8")


def _rows_to_articles(where: str, rows: Iterator[Mapping], story_field: str) -> tuple[list[Article], list[Problem]]:
    """Records of a table or data set: the same fields as a JSONL article."""
    articles: list[Article] = []
    problems: list[Problem] = []
    file_id = Path(where).stem or where
    try:
        for index, record in enumerate(rows):
            place = f"{where}#{index}"
            text = record.get("text")
            if not isinstance(text, str):
                problems.append(Problem(place, 'expected a string "text" field'))
                continue
            if not text.strip():
                problems.append(Problem(place, 'empty "text"'))
                continue
            source = Source(path=place, id=record_id(file_id, index, record.get("id")), text=text,
                            title=_text_or_none(record.get("title")), published=_date_or_none(record.get("published")),
                            outlet=_text_or_none(record.get("source")), url=_text_or_none(record.get("url")))
            articles.append(Article(source, _story_of(record, story_field)))
    except InputError as exc:
        problems.append(Problem(exc.path, exc.problem))
    return articles, problems


def _story_of(record: object, story_field: str) -> str | None:
    if not isinstance(record, Mapping):
        return None
    value = record.get(story_field)
    return str(value).strip() or None if isinstance(value, (str, int)) and not isinstance(value, bool) else None


def _text_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _date_or_none(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _parquet_rows(path: Path) -> Iterator[Mapping]:
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a broken file
        raise InputError(str(path), f"not a readable Parquet file: {exc}") from None
    for batch in table.iter_batches(batch_size=1024):
        yield from batch.to_pylist()


def _is_saved_dataset(path: Path) -> bool:
    """A folder written by ``datasets``' ``save_to_disk`` (a dataset or a dataset dict)."""
    return (path / "dataset_info.json").exists() or (path / "dataset_dict.json").exists() or \
        (path / "state.json").exists()


def _dataset_rows(path: Path) -> Iterator[Mapping]:
    from datasets import DatasetDict, load_from_disk

    loaded = load_from_disk(str(path))
    for split in (loaded.values() if isinstance(loaded, DatasetDict) else [loaded]):
        yield from split


def _looks_like_hub_id(raw: str) -> bool:
    parts = raw.split("/")
    return len(parts) == 2 and all(parts) and not raw.startswith((".", "/", "~"))


def _hub_rows(name: str) -> Iterator[Mapping]:
    try:
        from datasets import load_dataset

        loaded = load_dataset(name)
    except Exception as exc:  # offline, unknown id, no datasets extra...
        raise InputError(name, f"no such file or directory, and not a data set `datasets` can load: {exc}") from None
    for split in loaded.values():
        yield from split
