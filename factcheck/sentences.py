"""Sentence spans inside content lines (sentencex: rule-based, knows Arabic ؟ and keeps ، inside)."""

from __future__ import annotations

import re

from sentencex import segment

# "المستقلة/- ..." and "أنقرة/ الأناضول - ...": an outlet dateline glued to the lead sentence.
DATELINE = re.compile(r"^[^\s/]{2,25}(?:\s[^\s/]{2,25})?\s*/\s*-\s*")


def sentence_spans(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the sentences in ``text[start:end]``, stripped, as offsets into ``text``."""
    chunk = text[start:end]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for sentence in segment(language if language != "und" else "en", chunk):
        stripped = sentence.strip()
        if not stripped:
            continue
        found = chunk.find(stripped, cursor)
        if found < 0:  # the segmenter never rewrites text, but never trust an offset blindly
            continue
        s, e = found, found + len(stripped)
        cursor = e
        dateline = DATELINE.match(chunk, s, e)
        if dateline and dateline.end() < e:
            s = dateline.end()
        spans.append((start + s, start + e))
    return spans
