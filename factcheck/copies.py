"""Syndicated copies: the same wire story under two outlets' names is one source, not two.

Documents are compared by their word 5-grams after light normalisation
(``factcheck.textnorm.normalize``: diacritics, alef forms, digits, case), through an inverted
index, so the cost grows with the text, not with the square of the number of documents. A
document is a copy of another when their normalised words are the same (``identical``) or when
at least ``NEAR_COPY_SHARE`` of the shorter one's 5-grams occur in the other
(``near-identical``: a headline changed, a credit line added, a figure altered). Copies form
groups; the original of a group is its earliest published document, then the longest, then the
first read. An identical copy has no claims of its own: it is listed, never compared. A
near-identical copy keeps its claims, but a sentence it shares word for word with another
document is never paired with it (``drop_copied_sentences``, at pairing, which also catches a
wire paragraph quoted in two otherwise different reports): what is compared is what it changed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from zlib import crc32

from factcheck.schema import Claim, Copy, Document, Pair
from factcheck.textnorm import normalize

SHINGLE_WORDS = 5
NEAR_COPY_SHARE = 0.8
# Shorter documents must be identical to count as copies: a few shared 5-grams prove nothing.
MIN_SHINGLES = 20
# A 5-gram found in this many documents is boilerplate (a footer, a credit), not evidence.
MAX_POSTINGS = 50

_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    return _WORD.findall(normalize(text))


def shingles(words: Sequence[str], size: int = SHINGLE_WORDS) -> set[int]:
    """Hashes of the word ``size``-grams (the whole text as one when it is shorter)."""
    if len(words) < size:
        return {crc32(" ".join(words).encode())} if words else set()
    return {crc32(" ".join(words[i : i + size]).encode()) for i in range(len(words) - size + 1)}


def find_copies(documents: Sequence[Document]) -> list[Copy]:
    """One ``Copy`` per document that republishes another, naming its group's original."""
    words = [words_of(" ".join(doc.source.text[s:e] for s, e in doc.lines)) for doc in documents]
    sets = [shingles(w) for w in words]
    postings: dict[int, list[int]] = defaultdict(list)
    for index, found in enumerate(sets):
        for value in found:
            postings[value].append(index)
    shared: Counter[tuple[int, int]] = Counter()
    for holders in postings.values():
        if 1 < len(holders) <= MAX_POSTINGS:
            for i, a in enumerate(holders):
                for b in holders[i + 1 :]:
                    shared[a, b] += 1
    edges: dict[tuple[int, int], tuple[str, float]] = {}
    for (a, b), count in shared.items():
        if documents[a].source is documents[b].source:
            continue  # a page and the story glued to it are different articles
        smaller = min(len(sets[a]), len(sets[b]))
        share = count / smaller
        if words[a] == words[b]:
            edges[a, b] = ("identical", 1.0)
        elif smaller >= MIN_SHINGLES and share >= NEAR_COPY_SHARE:
            edges[a, b] = ("near-identical", round(share, 3))
    return _grouped(documents, edges, [len(w) for w in words])


def _grouped(documents: Sequence[Document], edges: dict[tuple[int, int], tuple[str, float]],
             lengths: list[int]) -> list[Copy]:
    """Identical documents first (each copy names the first of its identical twins), then
    near-identical ones among those originals (each names its best-ranked direct neighbour)."""
    rank = {i: (doc.published or date.max, -lengths[i], i) for i, doc in enumerate(documents)}
    identical = [k for k, (kind, _) in edges.items() if kind == "identical"]
    copies: list[Copy] = []
    twin_of: dict[int, int] = {}
    for members in _components(len(documents), identical):
        first = min(members, key=rank.__getitem__)
        for member in members:
            if member != first:
                twin_of[member] = first
                copies.append(Copy(copy=documents[member].id, original=documents[first].id, kind="identical"))
    near = {k: v for k, v in edges.items() if v[0] == "near-identical" and not set(k) & set(twin_of)}
    for members in _components(len(documents), list(near)):
        for member in members:
            linked = {(b if a == member else a): near[a, b] for a, b in near if member in (a, b)}
            better = [other for other in linked if rank[other] < rank[member]]
            if better:
                original = min(better, key=rank.__getitem__)
                copies.append(Copy(copy=documents[member].id, original=documents[original].id,
                                   kind="near-identical", share=linked[original][1]))
    return sorted(copies, key=lambda c: (c.original, c.copy))


def _components(size: int, links: list[tuple[int, int]]) -> list[list[int]]:
    """Groups of two or more indices joined by ``links`` (union-find)."""
    parent = list(range(size))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in links:
        parent[root(a)] = root(b)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(size):
        groups[root(index)].append(index)
    return [members for members in groups.values() if len(members) > 1]


def originals(documents: Sequence[Document], copies: Sequence[Copy]) -> list[Document]:
    """The documents whose claims are compared: all but the identical copies."""
    copied = {c.copy for c in copies if c.kind == "identical"}
    return [doc for doc in documents if doc.id not in copied]


def drop_copied_sentences(pairs: Sequence[Pair], claims: Sequence[Claim]) -> tuple[list[Pair], list[Copy]]:
    """Pairs without those whose two claims are the same sentence (after normalisation), and a
    ``sentence`` Copy for each pair removed: the later document's claim copies the earlier's."""
    by_id = {c.id: c for c in claims}
    kept: list[Pair] = []
    copies: list[Copy] = []
    for pair in pairs:
        a, b = by_id[pair.a], by_id[pair.b]
        if words_of(a.text) == words_of(b.text):
            copies.append(Copy(copy=pair.b, original=pair.a, kind="sentence"))
        else:
            kept.append(pair)
    return kept, copies


def copy_notes(copies: Sequence[Copy], documents: Sequence[Document]) -> list[str]:
    """One line per republished document, and one for the copied sentences, for the report."""
    by_id = {d.id: d for d in documents}

    def named(doc_id: str) -> str:
        doc = by_id[doc_id]
        outlet = doc.source.outlet or doc.source.url
        return f"{doc_id} ({outlet})" if outlet else doc_id

    notes = [f"{named(c.copy)} republishes {named(c.original)} (identical): not compared as an independent source"
             if c.kind == "identical" else
             f"{named(c.copy)} republishes {named(c.original)} (near-identical, {c.share:.0%} of its text): "
             "only the sentences it changed are compared" for c in copies if c.kind != "sentence"]
    sentences = sum(1 for c in copies if c.kind == "sentence")
    if sentences:
        notes.append(f"{sentences} pair(s) of claims are the same sentence in two documents (copied text): not compared")
    return notes
