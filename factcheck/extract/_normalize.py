"""Offset-preserving text normalisation shared by the extractors.

The extractors match their keyword tables against a *normalised* copy of the text
(one digit system, one spelling of alef/yeh/teh marbuta, no diacritics or invisible
bidi marks) but must report spans into the *original* text. ``Normalized`` keeps, for
every character of the normalised string, the index of the original character it came
from, so a regex match on ``norm.text`` maps back with ``norm.span(start, end)``.
"""

from __future__ import annotations

from dataclasses import dataclass

# Characters dropped before matching: Arabic diacritics (tashkeel, so "ألفًا" matches
# "ألفا"), tatweel (so "بـ3" reads as clitic + number), and invisible bidi/zero-width
# marks that web pages sprinkle inside Arabic words.
_DROP = (
    "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670\u0640"
    + "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    + "\u2066\u2067\u2068\u2069\u061c\ufeff"
)
# Diacritics only: these are allowed to trail a match in the original text.
_TRAILING = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u0640"

# One-to-one substitutions. Digits: Arabic-Indic (U+0660..) and Extended/Persian
# (U+06F0..) become ASCII so every regex can use [0-9]; the Arabic decimal and
# thousands separators and percent sign become their ASCII counterparts. Letters:
# hamza-carrying alefs, alef maqsura, teh marbuta and the Persian yeh/keheh (seen in the
# seeds' keyword lines) fold to one spelling, as Arabic search engines do.
_MAP: dict[int, str] = {
    **{0x0660 + i: str(i) for i in range(10)},
    **{0x06F0 + i: str(i) for i in range(10)},
    ord("\u066b"): ".",  # ARABIC DECIMAL SEPARATOR
    ord("\u066c"): ",",  # ARABIC THOUSANDS SEPARATOR
    ord("\u066a"): "%",  # ARABIC PERCENT SIGN
    ord("أ"): "ا",
    ord("إ"): "ا",
    ord("آ"): "ا",
    ord("ٱ"): "ا",
    ord("ى"): "ي",
    ord("ة"): "ه",
    ord("ی"): "ي",  # Persian yeh
    ord("ے"): "ي",
    ord("ک"): "ك",  # Persian keheh
}
_TABLE: dict[int, str | None] = {**_MAP, **{ord(c): None for c in _DROP}}

# "Not glued to a letter" on either side: Arabic words have no \b that works with
# clitics and digits glued to them ("2025آخر"), so patterns use these lookarounds.
NOT_AFTER_LETTER = r"(?<![^\W\d_])"
NOT_BEFORE_LETTER = r"(?![^\W\d_])"


def fold(s: str) -> str:
    """Normalise a keyword or pattern written in natural spelling to match ``Normalized.text``."""
    return s.translate(_TABLE)


@dataclass(frozen=True)
class Normalized:
    """A normalised copy of ``original`` and the map back to it."""

    original: str
    text: str
    index: tuple[int, ...] | None  # None when no character was dropped (identity map)

    def orig(self, i: int) -> int:
        """Original index of normalised position ``i`` (``len(text)`` maps to the end)."""
        if self.index is None:
            return i
        return self.index[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalised slice ``[start:end]``.

        The end is widened over diacritics that trail the last character, so a quoted
        span keeps its vowel marks ("جنديٌّ").
        """
        if end <= start:
            o = self.orig(start)
            return o, o
        o_start = self.orig(start)
        o_end = self.orig(end - 1) + 1
        while o_end < len(self.original) and self.original[o_end] in _TRAILING:
            o_end += 1
        return o_start, o_end

    def slice(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return self.original[a:b]


def normalize(text: str) -> Normalized:
    folded = text.translate(_TABLE)
    if len(folded) == len(text):
        return Normalized(text, folded, None)
    # Something was dropped: rebuild the index character by character.
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        index.append(i)
    index.append(len(text))
    return Normalized(text, folded, tuple(index))

