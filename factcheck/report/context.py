"""Evidence in context: a document's full text cut into runs, each claim a highlighted span at
its ``[start, end)`` offsets, the page furniture the reader dropped (lines outside the
document's content ``lines``) marked as such."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.schema import Claim, Document


@dataclass(frozen=True)
class Run:
    """A stretch of the document text; ``claim`` the claim it belongs to (None outside claims),
    ``first`` whether it opens that claim (where the claim's anchor goes)."""

    text: str
    claim: Claim | None = None
    first: bool = False
    furniture: bool = False


def runs(doc: Document, claims: list[Claim]) -> list[Run]:
    """The text of ``doc`` (its ``[start, end)`` slice of the source) as runs; overlapping or
    out-of-range claims are left unhighlighted rather than drawn twice."""
    text = doc.source.text
    spans, last = [], doc.start
    for claim in sorted(claims, key=lambda c: (c.start, c.end)):
        if claim.start >= last and claim.end <= doc.end and claim.start < claim.end:
            spans.append(claim)
            last = claim.end
    content = sorted(doc.lines) or [(doc.start, doc.end)]
    cuts = {doc.start, doc.end}
    cuts.update(p for c in spans for p in (c.start, c.end))
    cuts.update(p for line in content for p in line if doc.start <= p <= doc.end)
    points = sorted(cuts)
    out: list[Run] = []
    claim_at = iter(spans)
    current = next(claim_at, None)
    for begin, stop in zip(points, points[1:]):
        while current is not None and current.end <= begin:
            current = next(claim_at, None)
        inside = current if current is not None and current.start <= begin < current.end else None
        furniture = inside is None and not any(lo <= begin < hi for lo, hi in content)
        piece = text[begin:stop]
        if out and out[-1].claim is inside and out[-1].furniture == furniture:
            out[-1] = Run(out[-1].text + piece, inside, out[-1].first, furniture)
        else:
            out.append(Run(piece, inside, inside is not None and begin == inside.start, furniture))
    return out
