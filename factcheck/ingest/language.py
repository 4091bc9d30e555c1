"""Language identification (py3langid: a small, dependency-free model shipped in the wheel)."""

from __future__ import annotations


def detect_language(text: str) -> str:
    """ISO 639-1 code of the dominant language, or ``und`` when there is no text."""
    if not text.strip():
        return "und"
    import py3langid

    code, _score = py3langid.classify(text[:5000])
    return code
