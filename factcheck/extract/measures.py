"""What a figure measures, beyond its unit: a percentage of inflation is not one of turnout.

A percentage (or basis points) is only comparable with one of the same measure: a 19.75%
interest rate does not contradict 31% inflation. Patterns run on ``textnorm.normalize``d text.
"""

from __future__ import annotations

import re

from factcheck.schema import Quantity
from factcheck.textnorm import normalize

MEASURES = {
    "inflation": r"تضخم|inflation",
    "interest_rate": r"سعر\s*الفايده|اسعار\s*الفايده|الفايده|interest\s+rate|benchmark\s+rate|key\s+rate|policy\s+rate",
    "growth": r"نمو|growth|\bgrew\b|expand",
    "unemployment": r"بطاله|unemployment|jobless",
    "turnout": r"مشاركه|اقبال|turnout",
    "deficit": r"عجز|deficit",
    "debt": r"دين|ديون|\bdebt\b",
}
_MEASURES = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in MEASURES.items()]
RELATIVE_UNITS = frozenset({"percent", "basis_points"})
# A storm's winds and the speed it moves at are both in kph: "sustained winds of 130 kph" is no
# version of "moving at 11 kph".
SPEED_UNITS = frozenset({"kph", "mph", "km/h", "kmh", "knots", "kt"})
SPEED_MEASURES = {
    "wind": r"wind|gust|رياح|الرياح|عاصف",
    "moving": r"\bmov(?:e|es|ed|ing)\b|travel|\bheading\b|يتحرك|تتحرك|تحرك",
}
_SPEEDS = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in SPEED_MEASURES.items()]


def measure_of(q: Quantity, text: str) -> str | None:
    """The measure a percentage is of: the last measure word before it, else the first after.
    ``q``'s offsets index ``text``."""
    before, after = normalize(text[: q.start]), normalize(text[q.end :])
    last = _last_named(before, _MEASURES)
    if last:
        return last
    found_after = [(m.start(), name) for name, pattern in _MEASURES for m in pattern.finditer(after)]
    return min(found_after)[1] if found_after else None


def _last_named(before: str, patterns: list[tuple[str, re.Pattern]]) -> str | None:
    """The name of the pattern whose match ends last in ``before``."""
    found = [(m.end(), name) for name, pattern in patterns for m in pattern.finditer(before)]
    return max(found)[1] if found else None


def unit_key(q: Quantity, text: str | None = None) -> str | None:
    """What ``q`` counts, as a comparison key: its unit, qualified by the measure for relative units."""
    unit = q.unit or (q.unit_text.strip().lower() if q.unit_text else None)
    if unit in RELATIVE_UNITS and text is not None:
        measure = measure_of(q, text)
        return f"{unit}:{measure}" if measure else unit
    if unit in SPEED_UNITS and text is not None:
        measure = _last_named(normalize(text[max(0, q.start - 60): q.start]), _SPEEDS)
        return f"{unit}:{measure}" if measure else unit
    return unit
