"""Sentence spans inside content lines (sentencex: rule-based, knows Arabic ؟ and keeps ، inside).

News pages flatten photo captions and "related story" teasers into the paragraph they sit in:
"... وزير الخارجية ماركو روبيو، واشنطن 21 يناير 2025 (Getty) تقارير دولية روبيو: الأسبوع المقبل
مفصلي ونقلت الوكالة ...". A picture-agency credit in brackets ends such a caption; an optional
section label and teaser headline may follow it before the story resumes. Those parts are cut
out of the sentence so that no claim quotes them.
"""

from __future__ import annotations

import re

from sentencex import segment

# "المستقلة/- ..." and "أنقرة/ الأناضول - ...": an outlet dateline glued to the lead sentence.
DATELINE = re.compile(r"^[^\s/]{2,25}(?:\s[^\s/]{2,25})?\s*/\s*-\s*")


# "(Getty)", "(فرانس برس)", "(الأناضول)", "(AFP/Getty Images)": a photo credit closes a caption.
PHOTO_CREDIT = re.compile(
    r"\((?:[^()]{0,30}[/،,]\s*)?(?:Getty(?:\s+Images)?|AFP|Reuters|AP|EPA|Anadolu|Xinhua|"
    r"فرانس\s*برس|أ\s*ف\s*ب|رويترز|الأناضول|أسوشييتد\s*برس|إيبا|شينخوا|غيتي|الأوروبية)\)",
    re.IGNORECASE,
)
# Section labels that head a teaser of another story right after a caption.
TEASER_LABELS = re.compile(
    r"\s*(?:تقارير\s+(?:دولية|عربية)|سياسة|اقتصاد|أخبار|منوعات|مجتمع|ثقافة|رياضة|اقرأ\s+أيضاً?|"
    r"read\s+(?:also|more)|related)\s+",
    re.IGNORECASE,
)
# A teaser headline has no full stop; the story resumes at its first "و"-joined word (ونقلت, وقال).
TEASER_MAX_WORDS = 14
_RESUME = re.compile(r"\s(?=[وف][\u0621-\u064A]{3,})")


def _without_inline_furniture(chunk: str, s: int, e: int) -> tuple[int, int]:
    """The part of ``chunk[s:e]`` left after a leading caption (and teaser), else unchanged."""
    credit = PHOTO_CREDIT.search(chunk, s, e)
    if not credit:
        return s, e
    rest = credit.end()
    label = TEASER_LABELS.match(chunk, rest, e)
    if label:
        first_word = re.match(r"\S+", chunk[label.end():e])
        start = label.end() + (first_word.end() if first_word else 0)
        resume = _RESUME.search(chunk, start, e)
        if resume and len(chunk[label.end():resume.start()].split()) <= TEASER_MAX_WORDS:
            rest = resume.end()
        else:
            rest = e  # nothing recognisable after the teaser: drop the whole fragment
    while rest < e and chunk[rest].isspace():
        rest += 1
    return rest, e


_SPACED_DECIMAL_END = re.compile(r"\d +\.$")


def _segments(language: str, chunk: str) -> list[str]:
    """sentencex's sentences, with a spaced-out decimal point ("بقيمة 14 . 73 مليار") put back
    together: scraped pages space the point, and the segmenter reads it as a full stop."""
    out: list[str] = []
    for sentence in segment(language if language != "und" else "en", chunk):
        if out and _SPACED_DECIMAL_END.search(out[-1].rstrip()) and sentence.lstrip()[:1].isdigit():
            out[-1] += sentence
        else:
            out.append(sentence)
    return out


def sentence_spans(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """``[start, end)`` spans of the sentences in ``text[start:end]``, stripped, as offsets into ``text``."""
    chunk = text[start:end]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for sentence in _segments(language, chunk):
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
        s, e = _without_inline_furniture(chunk, s, e)
        if s < e:
            spans.append((start + s, start + e))
    return spans
