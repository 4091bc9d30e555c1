"""Find where a news page glues other stories ("اقرأ أيضاً", "Read also") onto an article."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.ingest.lines import Line

# Arabic spellings vary in hamza and tanween: اقرأ / إقرأ, أيضا / أيضاً / أيضًا.
MARKER = re.compile(
    r"""(?:
        [اإ]قر[أا]\s+(?:أ|ا)يض[اًًا]*ً?|
        (?:أخبار|مواضيع|مقالات|اخبار)\s+(?:ذات\s+صلة|متعلقة)|
        شاهد\s+(?:أ|ا)يض[اًًا]*|
        read\s+(?:also|more)|see\s+also|related(?:\s+(?:news|articles|stories|coverage))?|more\s+on\s+this\s+story
    )\s*[:：]?""",
    re.IGNORECASE | re.VERBOSE,
)
SENTENCE_END_BEFORE = re.compile(r"[.!?؟…”\"»]\s*$")


@dataclass(frozen=True)
class Marker:
    start: int
    end: int
    text: str


def find_markers(lines: list[Line]) -> list[Marker]:
    """Markers that stand alone, open a line, or close a line after a finished sentence.

    A marker inside running text ("he said that related news ...") is not a boundary.
    """
    markers: list[Marker] = []
    for line in lines:
        for match in MARKER.finditer(line.text):
            before = line.text[: match.start()]
            after = line.text[match.end() :].strip()
            opens_line = not before.strip()
            closes_line = not after and (SENTENCE_END_BEFORE.search(before) is not None)
            if opens_line and (not after or match.group().rstrip().endswith((":", "："))) or closes_line or (
                opens_line and len(after.split()) <= 2
            ):
                markers.append(Marker(line.start + match.start(), line.start + match.end(), match.group()))
    return markers


def regions(text_length: int, markers: list[Marker], start: int = 0) -> list[tuple[int, int]]:
    """The spans between markers: the host article first, then each appended story."""
    bounds: list[tuple[int, int]] = []
    cursor = start
    for marker in markers:
        bounds.append((cursor, marker.start))
        cursor = marker.end
    bounds.append((cursor, text_length))
    return bounds
