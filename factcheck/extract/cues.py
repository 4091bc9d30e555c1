"""Sentence-level cues the checks compare: an explicit denial, an absolute "first"."""

from __future__ import annotations

import re

from factcheck.textnorm import normalize

_ABSOLUTE_FIRST = re.compile(
    r"اول\s+(?:تاكيد|اعتراف|اقرار|اعلان)\s+رسمي|first\s+official\s+(?:confirmation|acknowledg\w*|admission)"
    r"|(?:confirmed|acknowledged)\s+officially\s+for\s+the\s+first\s+time",
    re.IGNORECASE,
)
_DENIAL = re.compile(r"(?:^|\s)[وف]?(?:نفي|نفت|نفوا|نفيا|تنفي|ينفي|نفيه)(?:\s|$)|\bden(?:y|ies|ied)\b|\brejected\s+reports\b")


# Anything that says something did not happen, is absent or was withheld: "no word on",
# "without", "declined to give details", "دون أن يذكر", "رفضت إعطاء". Broader than a negation:
# used to tell that a sentence is not a plain assertion a denial could contradict.
_ABSENCE = re.compile(
    r"\b(?:no|none|nothing|neither|nor|without|not|never|\w+n't|declined|refused|unable|failed|denied|denies)\b"
    r"|(?:^|\s)[وف]?(?:لا|لم|لن|ليس|ليست|دون|بدون|غير|رفض|رفضت|امتنع|امتنعت|نفي|نفت)(?:\s|$)",
    re.IGNORECASE,
)


def has_absence(text: str) -> bool:
    """The sentence speaks of something absent, not done or withheld (see ``_ABSENCE``)."""
    return bool(_ABSENCE.search(normalize(text)))


def is_absolute_first(text: str) -> bool:
    """"The first official confirmation": a first of the fact itself, not of one actor."""
    return bool(_ABSOLUTE_FIRST.search(normalize(text)))


def is_denial(text: str) -> bool:
    """An explicit denial verb, not merely a negated side clause ("but he did not say ...")."""
    return bool(_DENIAL.search(normalize(text)))
