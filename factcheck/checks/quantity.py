"""Compare the numbers two claims give for the same thing counted.

Each qualifier is read as the range of true values a reporter would use it for (news usage,
not logic): "more than 3,000" is said of 3,000-4,500, not of 11,000; "up to 11,000" is the top
of an estimate, not a claim compatible with 1,500. Round figures (3,000) are approximate.

Figures that do not fit are ordered in time (``PairContext.later``): a larger figure of a later
day, or a later one its source presents as revised, updates the other; two figures of one
moment, or a lower one later without a correction, conflict.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.checks.base import BaseCheck, register_check
from factcheck.checks.context import PairContext, Side
from factcheck.schema import Claim, Quantity, Reason, Relation

# Share of content words (numbers and dates left out) two sentences must share for their
# differing figures to be a conflict rather than figures of different things, unless the
# embeddings put them as close as pairing on similarity alone does (across languages, where
# words cannot be shared, the figures' frames alone decide) (real news: flags 226 -> 167
# at 0.3, precision 0.09 -> 0.11; the project's gold keeps quantity F1 0.963).
SAME_FIGURE_OVERLAP = 0.3

# Whether a's i-th figure and b's j-th count the same thing (``PairContext.figures_alike``).
FiguresAlike = Callable[[int, int], "bool | None"]

# Multipliers that bound each qualifier's range (documented in the README).
MORE_THAN_SPAN = 1.5
UP_TO_FLOOR = 0.5
ABOUT_BAND = 0.1
ROUND_BAND = 0.05


def plausible_range(q: Quantity) -> tuple[float, float] | None:
    """The values a reader may take ``q`` to mean; None when it bounds nothing (vague)."""
    v = q.value
    qualifier = q.qualifier
    if qualifier in ("more_than", "at_least"):
        return (v, v * MORE_THAN_SPAN)
    if qualifier in ("up_to", "at_most", "less_than"):
        return (v * UP_TO_FLOOR, v)
    if qualifier == "about":
        return (v * (1 - ABOUT_BAND), v * (1 + ABOUT_BAND))
    if qualifier == "exact":
        band = ROUND_BAND if _is_round(v) else 0.0
        return (v * (1 - band), v * (1 + band))
    return None


def _is_round(value: float) -> bool:
    return value >= 1000 and value == int(value) and int(value) % 100 == 0


def compatible(a: Quantity, b: Quantity) -> bool | None:
    """Whether two figures for the same thing can both be right; None when either is vague."""
    ra, rb = plausible_range(a), plausible_range(b)
    if ra is None or rb is None:
        return None
    (a_low, a_high), (b_low, b_high) = sorted(ra), sorted(rb)
    return a_low <= b_high * (1 + 1e-9) and b_low <= a_high * (1 + 1e-9)


def describe(q: Quantity, unit: str | None = None) -> str:
    words = {"more_than": "more than", "at_least": "at least", "up_to": "up to", "at_most": "at most",
             "less_than": "less than", "about": "about", "vague": "", "exact": ""}
    value = f"{q.value:,.0f}" if q.value == int(q.value) else f"{q.value:,}"
    unit = (unit or q.key or "").replace("_", " ").replace(":", " of ")
    return " ".join(part for part in (words.get(q.qualifier, q.qualifier), value, unit) if part)


def compare_quantities(a: Claim, b: Claim, alike: FiguresAlike | None = None
                       ) -> list[tuple[str, Quantity, Quantity, bool | None]]:
    """For each unit both claims count: (unit, qa, qb, compatible?).

    A unit conflicts only when no figure of one claim fits any figure of the other, so a claim
    that gives two figures ("3,000 now, 1,500 more later") is not flagged for one of them. Two
    figures that fit agree whatever their contexts (one value in two sentences is itself a sign
    of one thing counted); of figures that do not fit, only those that count the same thing
    (``alike(i, j)`` for ``a.quantities[i]`` and ``b.quantities[j]``, not False) are compared,
    and when there are none, compatible is None: the figures count different things.
    """
    results = []
    units = {q.key for q in a.quantities} & {q.key for q in b.quantities} - {None}
    for unit in sorted(units):
        decided = [(i, x, j, y, ok) for i, x in enumerate(a.quantities) if x.key == unit
                   for j, y in enumerate(b.quantities) if y.key == unit
                   if (ok := compatible(x, y)) is not None]
        if not decided:
            continue
        fitting = [v for v in decided if v[4]]
        same = fitting or [v for v in decided if alike is None or alike(v[0], v[2]) is not False]
        _, x, _, y, ok = (same or decided)[0]
        results.append((unit, x, y, bool(ok) if same else None))
    return results


@register_check
class QuantityCheck(BaseCheck):
    """Figures for the same thing counted: an agreement when they fit; figures that do not fit
    and whose masked contexts differ (``PairContext.figures_alike``) count different things and
    are set apart; when their frames match (``extract/frames.py``: same measure, place and
    scope), an update when one is a later figure (``progression``), else a conflict. Not
    compared across years (another event)."""

    kind = "quantity"

    def keys(self, claim: Claim) -> set[str]:
        return {q.unit for q in claim.quantities if q.unit}

    def compare(self, ctx: PairContext) -> list[Reason]:
        if ctx.different_years:
            return []
        reasons = []
        for unit, qa, qb, ok in compare_quantities(ctx.a, ctx.b, ctx.figures_alike):
            if ok is None:
                relation, note, later = "apart", "the figures count different things", None
            else:
                relation, note, later = ("agree", "", None) if ok else mismatch(qa, qb, ctx.later)
            if relation in ("conflict", "update") and not _same_figure(ctx):
                # a later figure in a sentence about something else is no version of this one
                relation, note, later = "apart", "figures in sentences about different things", None
            reasons.append(Reason("quantity", relation, key=unit, values=(describe(qa, unit), describe(qb, unit)),
                                  sources=ctx.sources, note=note, later=later))
        return reasons


def _same_figure(ctx: PairContext) -> bool:
    return ctx.close or ctx.cross_language or ctx.word_overlap >= SAME_FIGURE_OVERLAP


def mismatch(a: Quantity, b: Quantity, later: Side | None) -> tuple[Relation, str, Side | None]:
    """How two figures that do not fit are related, ``later`` naming the side of the later day
    (``PairContext.later``): figures of different scopes or places (not comparable, or a part
    larger than its whole), else, being of one frame, an update (with the side whose figure is
    the later one) or a conflict."""
    relation, note = frame_mismatch(a, b)
    if note:
        return relation, note, None
    update = progression(a, b, later)
    if update:
        return "update", *update
    return "conflict", "a lower figure on a later day, with no correction" if later else "", None


def progression(a: Quantity, b: Quantity, later: Side | None) -> tuple[str, Side] | None:
    """(note, later side) when one figure of a frame updates the other, else None.

    Of two days, the later figure updates the earlier one when it is larger (a toll, a force
    that grows) or when its sentence presents it as a revision ("revised", "new toll"); a lower
    figure without one is a conflict. A forecast ("observers would monitor the polls") speaks of
    the coming event, whenever it was reported, so two forecasts are of one moment. When time
    cannot tell the figures apart, an update cue in either sentence ("rose to", "so far") makes
    the larger one the later figure of a growing count. A figure its article gives as an
    earlier one ("the coalition had said on 5 December that fewer than 3,000 remained") is
    updated by the other, whichever way the figure moved, unless time puts it after the other.
    """
    earlier = _earlier_side(a, b)
    if earlier and later != earlier:
        return "a figure its article gives as an earlier one", "b" if earlier == "a" else "a"
    if "forecast" in (a.trend, b.trend):
        later = None
    if later is None:
        if a.trend == "update" or b.trend == "update":
            return "a figure the sources present as updated", "a" if _above(a, b) else "b"
        return None
    new, old = (a, b) if later == "a" else (b, a)
    if _above(new, old):
        return "a larger figure reported for a later day", later
    if new.trend == "update":
        return "a later figure the source presents as revised", later
    return None


def _earlier_side(a: Quantity, b: Quantity) -> Side | None:
    """The side whose sentence gives its figure as an earlier one, when only one does."""
    if (a.trend == "earlier") == (b.trend == "earlier"):
        return None
    return "a" if a.trend == "earlier" else "b"


def _above(x: Quantity, y: Quantity) -> bool:
    """``x`` is the larger of two figures that do not fit (its whole range above ``y``'s)."""
    rx, ry = plausible_range(x), plausible_range(y)
    if rx is None or ry is None:
        return x.value > y.value
    return min(rx) > max(ry)


def frame_mismatch(a: Quantity, b: Quantity) -> tuple[Relation, str]:
    """Whether two figures that do not fit count different scopes or places (``apart``, or a
    conflict when a part is larger than its whole), with a note saying which; ("conflict", "")
    when their frames match."""
    # both figures name their place and the places differ ("Tazrout" and "تازروت" cannot be told apart)
    if a.place and b.place and a.place != b.place and _same_script(a.place, b.place):
        return "apart", "figures for different places"
    if a.part != b.part:
        part, whole = (a, b) if a.part else (b, a)
        if part.value <= whole.value:  # "11 children among the dead" fits any larger toll
            return "apart", "a part against the whole count"
        return "conflict", "a part larger than the whole count"
    if bool(a.place) != bool(b.place):
        # "17 killed in the town of Hamouriyeh" against "27 killed" across the region: the
        # smaller figure, tied to a place the other does not name, is a part of the wider count
        placed, wider = (a, b) if a.place else (b, a)
        if _above(wider, placed):
            return "apart", f"a figure for {placed.place} against a wider count"
    return "conflict", ""


def _same_script(a: str | None, b: str | None) -> bool:
    """Both place names in Latin letters, or both not (a missing place counts as either)."""
    if a is None or b is None:
        return True
    return a.isascii() == b.isascii()
