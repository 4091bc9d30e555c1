"""Find input files and decode them into ``Source`` texts.

The offsets rule: every offset factcheck reports (documents, claims, the quantities and dates
inside claims) is a ``str`` index into the decoded text of a source, as stored: no newline
translation, no normalisation. For a file that is exactly what
``open(path, encoding=source.encoding, newline="").read()`` returns (a byte-order mark is not
part of the text: ``utf-8-sig`` and ``utf-16`` drop it); for a JSONL record, its ``text``
field; for an HTML page, the article text extracted from it (carried in the JSON report).
Decoding is done once, here, and never changed afterwards.
"""

from __future__ import annotations

import codecs
import dataclasses
import json
import re
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
# Byte-order marks, longest first (a UTF-32 LE mark starts with the UTF-16 LE one). The codec
# named drops the mark, so offsets index the text after it.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# A news article is a few thousand characters; a longer text is cut here (what is cut is
# reported), and a run stops reading new inputs past the run limit: ``factcheck batch`` is the
# tool for corpora.
MAX_DOCUMENT_CHARS = 200_000
MAX_RUN_CHARS = 2_000_000


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
    """Return ``(text, encoding)``; raise InputError for empty, binary or undecodable bytes.

    A byte-order mark decides the encoding; then UTF-8; then UTF-16 without a mark (NUL bytes
    in every other position), recognised by charset-normalizer; then cp1256 Arabic.
    """
    if not data.strip():
        raise InputError(path, "empty file")
    encoding = next((name for bom, name in BOMS if data.startswith(bom)), None)
    if encoding is None and b"\x00" in data[:8192]:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise InputError(path, "binary file (contains NUL bytes), not text")
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not valid {encoding} (invalid bytes at offset {exc.start})") from None
        if not text.strip():
            raise InputError(path, "empty file")
    else:
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


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the bytes are UTF-16 text without a mark, else None."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    name = best.encoding if best is not None else ""
    return {"utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}.get(name)


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


# The opening every factcheck report has, in each format (text, Markdown, HTML): its counts line.
REPORT_SIGNATURE = re.compile(r"<title>factcheck report\b|(?:^|[\s>*])\d+ documents, \d+ claims, \d+ pairs\b", re.MULTILINE)


def is_factcheck_report(text: str) -> bool:
    """Whether ``text`` is a report factcheck wrote (a run's output left among its inputs)."""
    return REPORT_SIGNATURE.search(text[:20000]) is not None


def read_sources(paths: Iterable[str | Path], *, max_document_chars: int = MAX_DOCUMENT_CHARS,
                 max_run_chars: int = MAX_RUN_CHARS) -> tuple[list[Source], list[Problem]]:
    """Read every input; a bad file becomes a Problem and the others are still read.

    A file reached twice (given twice, or inside a directory also given) is read once; a
    factcheck report among the inputs is skipped; a text longer than ``max_document_chars`` is
    cut at a line end, and inputs past ``max_run_chars`` in all are not read: each is a Problem
    saying what was left out.
    """
    sources: list[Source] = []
    roots: list[str] = []
    problems: list[Problem] = []
    seen: dict[Path, Path] = {}
    total = 0
    for entry in iter_input_files(paths):
        if isinstance(entry, Problem):
            problems.append(entry)
            continue
        item, root = entry
        try:
            resolved = item.resolve()
        except (OSError, RuntimeError):  # a symlink loop
            resolved = item.absolute()
        if resolved in seen:
            problems.append(Problem(str(item), f"given twice (same file as {seen[resolved]}): read once"))
            continue
        seen[resolved] = item
        if total >= max_run_chars:
            problems.append(Problem(str(item), f"not read: this run already holds {total:,} characters (limit "
                                               f"{max_run_chars:,}); check a corpus with `factcheck batch`"))
            continue
        doc_id = file_id(item, root)
        count = len(sources)
        try:
            data = item.read_bytes()
        except OSError as exc:
            problems.append(Problem(str(item), f"cannot read: {exc.strerror or exc}"))
            continue
        try:
            text, encoding = decode(str(item), data)
            if is_factcheck_report(text):
                raise InputError(str(item), "a factcheck report (the output of an earlier run), not an article: skipped")
            if item.suffix.lower() == ".jsonl":
                got, bad = _jsonl_sources(str(item), text, doc_id, encoding)
                sources.extend(got)
                problems.extend(bad)
            elif item.suffix.lower() in (".html", ".htm"):
                sources.append(_html_source(str(item), text, encoding, doc_id))
            else:
                sources.append(Source(path=str(item), text=text, encoding=encoding, id=doc_id))
        except InputError as exc:
            problems.append(Problem(exc.path, exc.problem))
        for index in range(count, len(sources)):
            sources[index], cut = _within_limit(sources[index], max_document_chars)
            if cut is not None:
                problems.append(cut)
            total += len(sources[index].text)
        roots += [str(root if root is not None else item.parent)] * (len(sources) - count)
    unique = disambiguate([s.id for s in sources], roots)
    sources = [s if s.id == u else dataclasses.replace(s, id=u) for s, u in zip(sources, unique, strict=True)]
    return sources, problems


def _within_limit(source: Source, limit: int) -> tuple[Source, Problem | None]:
    """``source`` cut to at most ``limit`` characters, at the last line end before it (or a space,
    in a huge line): a prefix, so every offset stays valid; and the Problem saying where."""
    if len(source.text) <= limit:
        return source, None
    text = source.text
    cut = text.rfind("\n", 0, limit) + 1
    if cut < limit // 2:  # one huge line: cut it at a space
        cut = max(text.rfind(" ", 0, limit) + 1, limit // 2)
    line = text.count("\n", 0, cut) + 1
    problem = Problem(source.path, f"text cut at character {cut:,} (line {line:,}) of {len(text):,}: "
                                   f"a document is limited to {limit:,} characters; the rest is not checked "
                                   "(split the file, or check a corpus with `factcheck batch`)")
    return dataclasses.replace(source, text=text[:cut]), problem


def _jsonl_sources(path: str, text: str, file_doc_id: str, encoding: str = "utf-8") -> tuple[list[Source], list[Problem]]:
    """One article per line; offsets of its claims index that record's ``text`` field.

    ``title``, ``published`` (an ISO date), ``source`` (the outlet) and ``url`` are read when
    given; a ``published`` that is not a date is a Problem and the record is read undated.
    """
    sources: list[Source] = []
    problems: list[Problem] = []
    # Lines end at "\n" only: JSON strings may hold U+2028 and other characters splitlines() breaks at.
    for lineno, line in enumerate(text.split("\n"), start=1):
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
        if published is None and record.get("published") not in (None, ""):
            problems.append(Problem(where, f'invalid "published" {record["published"]!r}: expected an ISO date '
                                           "(YYYY-MM-DD); the record is read undated"))
        sources.append(
            Source(
                path=where,
                id=record_id(file_doc_id, lineno, record.get("id")),
                text=record["text"],
                encoding=encoding,
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
