"""Group paired claims into facts: one fact per thing the sources talk about, with each version.

Claims linked by a quantity comparison of one unit form a quantity fact ("troops: 1,500 /
more than 3,000 / up to 11,000"); claims linked by another finding, or by an NLI verdict of
agreement or contradiction, form a statement fact.
"""

from __future__ import annotations

from collections import defaultdict

from factcheck.checks.quantity import describe, unit_key
from factcheck.schema import Claim, Document, Fact, Pair

SUMMARY_CHARS = 120


class _Groups:
    """Union-find over claim ids, keeping the pairs that joined each group."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)

    def components(self) -> list[list[str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for x in self.parent:
            groups[self.find(x)].append(x)
        return list(groups.values())


def group_facts(pairs: list[Pair], claims: dict[str, Claim], documents: dict[str, Document]) -> list[Fact]:
    by_unit: dict[str, _Groups] = defaultdict(_Groups)
    statements = _Groups()
    for pair in pairs:
        units = {r.key for r in pair.reasons if r.kind == "quantity" and r.key}
        for unit in units:
            by_unit[unit].union(pair.a, pair.b)
        if any(r.kind != "quantity" for r in pair.reasons) or (not units and pair.label != "neutral"):
            statements.union(pair.a, pair.b)

    facts: list[Fact] = []
    for unit in sorted(by_unit):
        for members in by_unit[unit].components():
            facts.append(_quantity_fact(unit, members, pairs, claims, documents))
    for members in statements.components():
        facts.append(_statement_fact(members, pairs, claims, documents))
    facts.sort(key=lambda f: (f.status != "conflicting", -len(f.claims)))
    for number, fact in enumerate(facts, start=1):
        fact.id = f"f{number}"
    return facts


def _status(members: list[str], pairs: list[Pair], kinds: set[str] | None) -> str:
    inside = set(members)
    for pair in pairs:
        if pair.a in inside and pair.b in inside and pair.label == "contradiction":
            if kinds is None or any(r.kind in kinds and not r.agrees for r in pair.reasons):
                return "conflicting"
    return "consistent"


def _ordered(members: list[str], claims: dict[str, Claim], documents: dict[str, Document]) -> list[Claim]:
    def when(claim: Claim) -> tuple:
        published = documents[claim.doc].published
        return (published is None, published or "", claim.id)

    return sorted((claims[m] for m in members), key=when)


def _version(claim: Claim, documents: dict[str, Document], value: str | None = None) -> dict:
    doc = documents[claim.doc]
    return {
        "claim": claim.id,
        "doc": doc.id,
        "published": doc.published.isoformat() if doc.published else None,
        "attribution": claim.attribution,
        "value": value,
        "text": claim.text,
    }


def _quantity_fact(unit: str, members: list[str], pairs, claims, documents) -> Fact:
    versions = []
    for claim in _ordered(members, claims, documents):
        figures = [describe(q, unit) for q in claim.quantities if unit_key(q, claim.text) == unit]
        versions.append(_version(claim, documents, " / ".join(figures)))
    distinct = list(dict.fromkeys(v["value"] for v in versions))
    label = unit.replace("_", " ").replace(":", " of ")
    return Fact(id="", claims=[v["claim"] for v in versions], summary=f"{label}: " + " vs ".join(distinct),
                status=_status(members, pairs, {"quantity"}), versions=versions)


def _statement_fact(members: list[str], pairs, claims, documents) -> Fact:
    ordered = _ordered(members, claims, documents)
    lead = ordered[0].text
    summary = lead if len(lead) <= SUMMARY_CHARS else lead[: SUMMARY_CHARS - 1] + "…"
    return Fact(id="", claims=[c.id for c in ordered], summary=summary,
                status=_status(members, pairs, None), versions=[_version(c, documents) for c in ordered])
