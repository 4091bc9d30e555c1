"""Assemble ``Document`` objects from a source: host article, appended stories, metadata."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from factcheck.extract.attribution import dates_of_saying
from factcheck.extract.dates import find_dates, parse_publication_date
from factcheck.ingest.language import detect_language
from factcheck.ingest.lines import Line, ends_sentence, is_furniture, is_short_label, split_lines
from factcheck.ingest.splitting import find_markers, regions
from factcheck.schema import Document, Source

# How far into an article its headline and date line may sit (section labels, bylines,
# datelines come first on many pages).
HEADER_LINES = 8
# An appended story needs at least one real sentence to count as an article; a trailing
# "related news" block that holds only credits and tags is dropped.
MIN_STORY_WORDS = 8
# A run of text this long without a sentence end (a transcript, a scraped blob) is cut into
# pieces at a clause mark or a space, so that every part of it is checked as a sentence.
MAX_SENTENCE_CHARS = 600
_SENTENCE_END = re.compile(r"[.!?؟…]['\"”’»)]*(?=\s)")
_CLAUSE_END = re.compile(r"[,،;؛:]\s|\s")
# A JSONL record ("feed.jsonl:3") carries its title as data; a page's <title> is often the
# site's, so for pages the headline line wins.
_RECORD = re.compile(r"\.jsonl:\d+$", re.IGNORECASE)


def articles_from_source(source: Source, doc_id: str) -> list[Document]:
    """Split a source into its host article and the stories glued after it.

    Appended stories get ids ``<doc_id>#2``, ``#3`` ... and ``parent=doc_id``.
    """
    lines = split_lines(source.text)
    markers = find_markers(lines)
    documents: list[Document] = []
    for index, (start, end) in enumerate(regions(len(source.text), markers)):
        region_lines = _clip(lines, start, end)
        is_host = index == 0
        if not is_host and not any(
            line.words >= MIN_STORY_WORDS and not is_furniture(line) for line in region_lines
        ):
            continue
        doc = _document(
            source,
            region_lines,
            doc_id=doc_id if is_host else f"{doc_id}#{len(documents) + 1}",
            parent=None if is_host else doc_id,
            bounds=(start, end),
        )
        documents.append(doc)
    return documents


def _clip(lines: list[Line], start: int, end: int) -> list[Line]:
    """The parts of ``lines`` inside ``[start, end)``, re-stripped where a marker cuts a line."""
    clipped = []
    for line in lines:
        s, e = max(line.start, start), min(line.end, end)
        piece = line.text[s - line.start : e - line.start] if s < e else ""
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            clipped.append(Line(s + lead, s + lead + len(stripped), stripped))
    return clipped


def _document(
    source: Source, lines: list[Line], *, doc_id: str, parent: str | None, bounds: tuple[int, int]
) -> Document:
    header = lines[:HEADER_LINES]
    published, date_lines = _publication_date(header)
    title_line = _title_line(header, skip=date_lines)
    content = [
        line
        for line in lines
        if line not in date_lines
        and not (title_line is not None and line.text == title_line.text)
        and not is_furniture(line)
        and not is_short_label(line)
        and not (line in header and _is_byline(line))
    ]
    start = lines[0].start if lines else bounds[0]
    end = lines[-1].end if lines else bounds[0]
    if parent is None and source.title and _RECORD.search(source.path):
        title, title_line = source.title, None
    else:
        title = title_line.text if title_line else (source.title if parent is None else None)
    body = " ".join(line.text for line in content)
    return Document(
        id=doc_id,
        source=source,
        start=start,
        end=end,
        title=title,
        title_span=(title_line.start, title_line.end) if title_line else None,
        published=published or (_undated_fallback(source, content) if parent is None else None),
        language=detect_language(body or (title or "")),
        parent=parent,
        lines=[piece for line in content for piece in _pieces(line)],
    )


def _pieces(line: Line, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """The line as one span, or, where it runs more than ``limit`` characters without a sentence
    end, as spans cut inside those runs only (at the last clause mark or space before the limit)."""
    text = line.text
    if len(text) <= limit:
        return [(line.start, line.end)]
    cuts: list[int] = []
    ends = [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    run_start = 0
    for end in ends:
        while end - run_start > limit:
            window = text[run_start : run_start + limit]
            marks = [m.end() for m in _CLAUSE_END.finditer(window) if m.end() > limit // 2]
            run_start += marks[-1] if marks else limit
            cuts.append(run_start)
        run_start = end
    spans = []
    for s, e in zip([0, *cuts], [*cuts, len(text)], strict=True):
        piece = text[s:e]
        lead, body = len(piece) - len(piece.lstrip()), piece.strip()
        if body:
            spans.append((line.start + s + lead, line.start + s + lead + len(body)))
    return spans


def _publication_date(header: list[Line]) -> tuple[date | None, list[Line]]:
    """The first header line that is a date stamp gives the date; all stamp lines are metadata."""
    found: date | None = None
    stamps: list[Line] = []
    for line in header:
        if line.words > 14 or ends_sentence(line):
            continue
        value = parse_publication_date(line.text)
        if value is not None:
            stamps.append(line)
            found = found or value
    return found, stamps


def _title_line(header: list[Line], *, skip: list[Line]) -> Line | None:
    """A headline: the first header line of 4+ words that is not a finished sentence.

    Stops at the first body paragraph, so an article without a headline gets none rather
    than its lead sentence.
    """
    for line in header:
        if line in skip or is_furniture(line) or is_short_label(line) or _is_byline(line):
            continue
        if ends_sentence(line) or line.words > 30:
            return None
        return line
    return None


def _is_byline(line: Line) -> bool:
    return "|" in line.text and line.words <= 14


# A wire archive's document id or a newsroom export's file name often carries the day:
# "APW19981023.0551.txt", "2024-10-03_reuters.txt".
_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
DATELINE_CHARS = 80


def _undated_fallback(source: Source, content: list[Line]) -> date | None:
    """An article with no date stamp line: the date its record gives, else a publication stamp
    glued to the start of its text ("3 Oct 2016 At least 20 people..."), else a date in its file
    name."""
    if source.published is not None:
        return source.published
    if content:
        head = content[0].text[:DATELINE_CHARS]
        stamps = [d for d in dates_of_saying(head, find_dates(head)) if d.reported and d.granularity == "day"]
        if stamps and stamps[0].value is not None:
            return stamps[0].value
    match = _FILE_DATE.search(Path(source.path).name)
    if match:
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            return None
    return None
