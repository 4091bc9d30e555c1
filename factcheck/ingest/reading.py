"""Find input files and decode them into ``Source`` texts.

Offsets everywhere in factcheck index the decoded text of a source, so decoding is done once,
here, and never changed afterwards (no normalisation, no BOM stripping).
"""

from __future__ import annotations

import dataclasses
import json
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from factcheck.errors import InputError
from factcheck.ingest.ids import disambiguate, file_id, record_id
from factcheck.schema import Problem, Source

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
# cp1256 (Windows Arabic) is still common for Arabic pages saved from old sites.
FALLBACK_ENCODINGS = ("cp1256",)


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path | None] | Problem]:
    """Yield ``(file, root)`` for supported files under ``paths`` in a stable order (``root`` the
    directory argument a file was found under, None for a file argument), or a Problem."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield Problem(str(path), "no such file or directory")
        elif path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                yield Problem(str(path), f"directory holds no {', '.join(SUPPORTED_SUFFIXES)} files")
            yield from ((p, path) for p in found)
        elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
            yield Problem(str(path), f"unsupported file type {path.suffix or '(none)'}; expected one of {', '.join(SUPPORTED_SUFFIXES)}")
        else:
            yield path, None


def decode(path: str, data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise InputError for empty, binary or undecodable bytes."""
    if not data.strip():
        raise InputError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        for candidate in FALLBACK_ENCODINGS:
            text = data.decode(candidate, errors="replace")
            if _looks_like_arabic_text(text):
                encoding = candidate
                break
        else:
            raise InputError(
                path, f"not UTF-8 (invalid byte at offset {exc.start}) and not {'/'.join(FALLBACK_ENCODINGS)} Arabic text"
            ) from None
    if _control_ratio(text) > 0.01:
        raise InputError(path, "binary file (control characters), not text")
    return text, encoding


def _looks_like_arabic_text(text: str) -> bool:
    # Every byte decodes in cp1256, so a fallback decode proves nothing by itself: accept it
    # only when most letters come out Arabic, as they do for a real cp1256 Arabic file.
    letters = [c for c in text if c.isalpha()]
    if not letters or "\ufffd" in text:
        return False
    arabic = sum(1 for c in letters if "\u0600" <= c <= "\u06ff")
    return arabic / len(letters) > 0.5


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    return bad / max(1, len(sample))


def read_sources(paths: Iterable[str | Path]) -> tuple[list[Source], list[Problem]]:
    """Read every input; a bad file becomes a Problem and the others are still read."""
    sources: list[Source] = []
    roots: list[str] = []
    problems: list[Problem] = []
    for entry in iter_input_files(paths):
        if isinstance(entry, Problem):
            problems.append(entry)
            continue
        item, root = entry
        doc_id = file_id(item, root)
        count = len(sources)
        try:
            data = item.read_bytes()
        except OSError as exc:
            problems.append(Problem(str(item), f"cannot read: {exc.strerror or exc}"))
            continue
        try:
            text, encoding = decode(str(item), data)
            if item.suffix.lower() == ".jsonl":
                got, bad = _jsonl_sources(str(item), text, doc_id)
                sources.extend(got)
                problems.extend(bad)
            elif item.suffix.lower() in (".html", ".htm"):
                sources.append(_html_source(str(item), text, encoding, doc_id))
            else:
                sources.append(Source(path=str(item), text=text, encoding=encoding, id=doc_id))
        except InputError as exc:
            problems.append(Problem(exc.path, exc.problem))
        roots += [str(root if root is not None else item.parent)] * (len(sources) - count)
    unique = disambiguate([s.id for s in sources], roots)
    sources = [s if s.id == u else dataclasses.replace(s, id=u) for s, u in zip(sources, unique, strict=True)]
    return sources, problems


def _jsonl_sources(path: str, text: str, file_doc_id: str) -> tuple[list[Source], list[Problem]]:
    """One article per line; offsets of its claims index that record's ``text`` field."""
    sources: list[Source] = []
    problems: list[Problem] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem(where, f"invalid JSON: {exc.msg} at column {exc.colno}"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            problems.append(Problem(where, 'expected an object with a string "text" field'))
            continue
        if not record["text"].strip():
            problems.append(Problem(where, 'empty "text"'))
            continue
        published = _iso_date(record.get("published"))
        sources.append(
            Source(
                path=where,
                id=record_id(file_doc_id, lineno, record.get("id")),
                text=record["text"],
                title=_str_or_none(record.get("title")),
                published=published,
                outlet=_str_or_none(record.get("source")),
                url=_str_or_none(record.get("url")),
            )
        )
    return sources, problems


def _html_source(path: str, html: str, encoding: str, doc_id: str) -> Source:
    """Main text of a web page; claim offsets index this extracted text, not the markup."""
    import trafilatura  # imported lazily: lxml start-up is not free and most inputs are text

    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(path, "no article text found in the HTML page")
    return Source(
        path=path,
        id=doc_id,
        text=text,
        encoding=encoding,
        title=_str_or_none(getattr(doc, "title", None)),
        published=_iso_date(getattr(doc, "date", None)),
        outlet=_str_or_none(getattr(doc, "sitename", None)),
        url=_str_or_none(getattr(doc, "url", None)),
    )


def _str_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _iso_date(value: object) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
