"""Figures on a number line: where each source's version of a quantity fact sits, as geometry
for the HTML report's inline SVG.

Each figure is drawn as the range the quantity check reads it as (``plausible_range``): "more
than 3,000" an interval open to the right, "up to 11,000" one closed at 11,000, a round 3,000 a
short band, so two versions conflict exactly where their bars do not overlap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from factcheck.checks.quantity import describe, plausible_range
from factcheck.schema import Fact, Quantity

WIDTH = 640
ROW = 22
AXIS = 26
MARGIN = 14
_OPEN_ABOVE = ("more_than", "at_least")
_OPEN_BELOW = ("up_to", "at_most", "less_than")


@dataclass(frozen=True)
class Mark:
    """One version: ``x`` the stated figure, ``x_low``..``x_high`` the range drawn, ``y`` its row."""

    claim: str
    text: str
    qualifier: str
    x: float
    x_low: float
    x_high: float
    y: float
    open_above: bool
    open_below: bool
    label_x: float
    label_anchor: str


@dataclass(frozen=True)
class NumberLine:
    key: str
    marks: list[Mark]
    ticks: list[tuple[float, str]]
    width: int
    height: int
    axis_y: float
    log: bool


def figures(fact: Fact, key: str, quantities: dict[str, list[Quantity]]) -> list[tuple[str, Quantity]]:
    """The quantities each version of ``fact`` gives for ``key``: (claim id, quantity), in the
    fact's order; a version gives each of the values its reasons named."""
    found = []
    for version in fact.versions:
        said = set((version.get("value") or "").split(" / "))
        for q in quantities.get(version["claim"], []):
            if q.key == key and describe(q, key) in said:
                found.append((version["claim"], q))
                said.discard(describe(q, key))
    return found


def number_line(key: str, found: list[tuple[str, Quantity]], *, width: int = WIDTH) -> NumberLine | None:
    """Geometry for the figures ``found``; None when fewer than two can be placed."""
    placed = [(claim, q, plausible_range(q) or (q.value, q.value)) for claim, q in found if q.value > 0]
    if len(placed) < 2:
        return None
    top = max(high for _, _, (_, high) in placed) * 1.08
    bottom = min(low for _, _, (low, _) in placed)
    log = bottom > 0 and top / bottom > 60
    lo = 10 ** math.floor(math.log10(bottom)) if log else 0.0
    inner = width - 2 * MARGIN

    def x_of(value: float) -> float:
        share = (math.log10(value / lo) / math.log10(top / lo)) if log else (value - lo) / (top - lo)
        return round(MARGIN + inner * min(max(share, 0.0), 1.0), 1)

    marks = []
    for row, (claim, q, (low, high)) in enumerate(sorted(placed, key=lambda p: (p[1].value, p[2]))):
        x_low, x_high = x_of(low), x_of(high)
        right = x_high < width * 0.62
        marks.append(Mark(claim=claim, text=describe(q, key), qualifier=q.qualifier, x=x_of(q.value),
                          x_low=x_low, x_high=x_high, y=10 + row * ROW,
                          open_above=q.qualifier in _OPEN_ABOVE, open_below=q.qualifier in _OPEN_BELOW,
                          label_x=x_high + 8 if right else x_low - 8, label_anchor="start" if right else "end"))
    axis_y = 10 + len(marks) * ROW
    ticks = [(x_of(v), _figure(v)) for v in _ticks(lo, top, log)]
    return NumberLine(key=key, marks=marks, ticks=ticks, width=width, height=int(axis_y + AXIS), axis_y=axis_y,
                      log=log)


def _ticks(low: float, high: float, log: bool) -> list[float]:
    if log:
        return [10.0**e for e in range(math.ceil(math.log10(low)), math.floor(math.log10(high)) + 1)]
    raw = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [low + i * step for i in range(int((high - low) // step) + 1)]


def _figure(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2g}"
