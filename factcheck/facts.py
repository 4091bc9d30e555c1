"""Group paired claims into facts: one fact per thing the sources talk about, with each version.

Facts are read from the checks' reasons, never from the claims' text: claims linked by reasons
of one kind and key (a quantity's unit) form a *valued* fact, each claim's version being the
values the reasons give it ("troops: 1,500 vs more than 3,000 vs up to 11,000"); claims linked
by another conflict or agreement, or by a model verdict of agreement or contradiction, form a
statement fact.

A valued fact is its figure's history: versions in the order of the time they speak of
(``checks.context.claim_moment``: the claim's own date, else its article's), each naming the
versions it disagrees with (a conflict: another figure for the same moment), those it updates
(a later estimate) or is updated by, and those it agrees with.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from factcheck.checks.context import claim_moment
from factcheck.schema import Claim, Document, Fact, Pair, Reason

SUMMARY_CHARS = 120
_COMPARED = ("conflict", "agree", "update")
# How a version stands to the others, by the reasons between them: the list each one fills.
_LINKS = ("disagrees_with", "updates", "updated_by", "agrees_with")


class _Groups:
    """Union-find over claim ids."""

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


def group_facts(pairs: Sequence[Pair], claims: Mapping[str, Claim], documents: Mapping[str, Document]) -> list[Fact]:
    valued: dict[tuple[str, str], _Groups] = defaultdict(_Groups)
    values: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    statements = _Groups()
    for pair in pairs:
        compared = [r for r in pair.reasons if r.relation in _COMPARED]
        keyed = [r for r in compared if r.key]
        for reason in keyed:
            group = (reason.kind, reason.key)
            valued[group].union(pair.a, pair.b)
            for claim_id, value in zip((pair.a, pair.b), reason.values, strict=True):
                if value and value not in values[group][claim_id]:
                    values[group][claim_id].append(value)
        if any(not r.key for r in compared) or (not keyed and pair.label != "neutral"):
            statements.union(pair.a, pair.b)

    facts: list[Fact] = []
    for group in sorted(valued):
        for members in valued[group].components():
            facts.append(_valued_fact(group, members, values[group], pairs, claims, documents))
    for members in statements.components():
        facts.append(_statement_fact(members, pairs, claims, documents))
    facts.sort(key=lambda f: (f.status != "conflicting", -len(f.claims)))
    for number, fact in enumerate(facts, start=1):
        fact.id = f"f{number}"
    return facts


def _conflicting(members: list[str], pairs: Sequence[Pair], group: tuple[str, str] | None) -> bool:
    inside = set(members)
    for pair in pairs:
        if pair.a in inside and pair.b in inside and pair.label == "contradiction":
            if group is None or any(r.conflicts and (r.kind, r.key) == group for r in pair.reasons):
                return True
    return False


def _ordered(members: list[str], claims: Mapping[str, Claim], documents: Mapping[str, Document]) -> list[Claim]:
    def when(claim: Claim) -> tuple:
        published = documents[claim.doc].published
        return (published is None, published or "", claim.id)

    return sorted((claims[m] for m in members), key=when)


def _version(claim: Claim, documents: Mapping[str, Document], value: str | None = None) -> dict:
    doc = documents[claim.doc]
    return {
        "claim": claim.id,
        "doc": doc.id,
        "published": doc.published.isoformat() if doc.published else None,
        "attribution": claim.attribution,
        "value": value,
        "text": claim.text,
    }


def _valued_fact(group: tuple[str, str], members: list[str], values: Mapping[str, list[str]], pairs, claims,
                 documents) -> Fact:
    ordered = _in_time(members, claims, documents)
    links = _links(group, [c.id for c in ordered], pairs)
    versions = [{**_version(c, documents, " / ".join(values.get(c.id, []))), **_history(c, documents, links[c.id])}
                for c in ordered]
    distinct = list(dict.fromkeys(v["value"] for v in versions))
    label = group[1].replace("_", " ").replace(":", " of ")
    return Fact(id="", claims=[v["claim"] for v in versions], summary=f"{label}: " + " vs ".join(distinct),
                status="conflicting" if _conflicting(members, pairs, group) else "consistent", versions=versions)


def _in_time(members: list[str], claims: Mapping[str, Claim], documents: Mapping[str, Document]) -> list[Claim]:
    """The claims in the order of the time their figures speak of; those with none last."""
    def when(claim: Claim) -> tuple:
        moment = claim_moment(claim, documents[claim.doc])
        published = documents[claim.doc].published
        return (moment is None, moment.first if moment else "", moment.last if moment else "",
                published is None, published or "", claim.id)

    return sorted((claims[m] for m in members), key=when)


def _links(group: tuple[str, str], ordered: list[str], pairs: Sequence[Pair]) -> dict[str, dict[str, list[str]]]:
    """For each claim of the fact (``ordered`` in its history's order), the other claims it
    disagrees with, updates, is updated by and agrees with, from the reasons of the fact's kind
    and key, each list in the history's order."""
    place = {claim: n for n, claim in enumerate(ordered)}
    found: dict[str, dict[str, set[str]]] = {claim: {name: set() for name in _LINKS} for claim in ordered}
    for pair in pairs:
        if pair.a in place and pair.b in place:
            for reason in pair.reasons:
                if (reason.kind, reason.key) == group:
                    for claim, name, other in _linked(pair, reason):
                        found[claim][name].add(other)
    return {claim: {name: sorted(others, key=place.__getitem__) for name, others in links.items()}
            for claim, links in found.items()}


def _linked(pair: Pair, reason: Reason) -> list[tuple[str, str, str]]:
    """(claim, link, other claim) for what one reason says of the pair's two claims."""
    a, b = pair.a, pair.b
    if reason.relation == "conflict":
        return [(a, "disagrees_with", b), (b, "disagrees_with", a)]
    if reason.relation == "agree":
        return [(a, "agrees_with", b), (b, "agrees_with", a)]
    if reason.relation == "update" and reason.later:
        new, old = (a, b) if reason.later == "a" else (b, a)
        return [(new, "updates", old), (old, "updated_by", new)]
    return []


def _history(claim: Claim, documents: Mapping[str, Document], links: Mapping[str, list[str]]) -> dict:
    """A version's place in the figure's history: the time it speaks of (one day or an ISO
    interval), read from the claim's own date or its article's (``time_basis``), and its links."""
    moment = claim_moment(claim, documents[claim.doc])
    return {"time": moment.isoformat() if moment else None, "time_basis": moment.basis if moment else None,
            **links}


def _statement_fact(members: list[str], pairs, claims, documents) -> Fact:
    ordered = _ordered(members, claims, documents)
    lead = ordered[0].text
    summary = lead if len(lead) <= SUMMARY_CHARS else lead[: SUMMARY_CHARS - 1] + "…"
    return Fact(id="", claims=[c.id for c in ordered], summary=summary,
                status="conflicting" if _conflicting(members, pairs, None) else "consistent",
                versions=[_version(c, documents) for c in ordered])
