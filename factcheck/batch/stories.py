"""Stories: which articles are checked against each other.

Articles whose input names a story keep it. The others are grouped here: each is embedded by its
title and lead, an ANN index (faiss) finds its nearest articles, and two articles are linked when
their cosine reaches ``threshold`` and, both being dated, they were published within
``window_days`` of each other; a story is a connected group of links. The grouping is
deterministic for the same inputs and encoder, so a resumed run plans the same stories.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from factcheck.batch.inputs import Article
from factcheck.schema import Source
from factcheck.stages import TextEncoder

LEAD_CHARS = 400


@dataclass(frozen=True, kw_only=True)
class Grouping:
    """How unlabelled articles are grouped; recorded in the manifest."""

    threshold: float = 0.85
    window_days: int = 14
    neighbours: int = 10

    def to_dict(self) -> dict:
        return {"threshold": self.threshold, "window_days": self.window_days, "neighbours": self.neighbours}


@dataclass
class Story:
    name: str
    sources: list[Source] = field(default_factory=list)
    grouped: bool = False  # True when batch grouped it, False when the input named it


def plan_stories(articles: Sequence[Article], encoder: TextEncoder | None, grouping: Grouping) -> list[Story]:
    """The stories to check, labelled ones first in input order, then the grouped ones."""
    named: dict[str, Story] = {}
    loose: list[Source] = []
    for article in articles:
        if article.story is None:
            loose.append(article.source)
        else:
            named.setdefault(article.story, Story(article.story)).sources.append(article.source)
    stories = list(named.values())
    if loose:
        if encoder is None:
            raise ValueError("articles without a story need an encoder to be grouped")
        taken = {story.name for story in stories}
        for members in group_sources(loose, encoder, grouping):
            stories.append(Story(_group_name(members, taken), members, grouped=True))
    return stories


def group_sources(sources: Sequence[Source], encoder: TextEncoder, grouping: Grouping) -> list[list[Source]]:
    """Groups of articles on one story, each in input order, groups by first member.

    Average linkage over the neighbour graph: the two groups whose links have the highest mean
    cosine merge first, while that mean reaches the threshold. Single linkage (any one link)
    would chain unrelated stories through one generic lead; the mean needs the groups to agree.
    """
    vectors = np.ascontiguousarray(encoder.encode([headline(s) for s in sources]), dtype=np.float32)
    links = [(i, j, score) for i, j, score in _neighbour_links(vectors, grouping.neighbours)
             if _within_window(sources[i], sources[j], grouping.window_days)]
    members = average_linkage(len(sources), links, grouping.threshold)
    return [[sources[i] for i in group] for group in members]


def average_linkage(count: int, links: Sequence[tuple[int, int, float]], threshold: float) -> list[list[int]]:
    """Clusters of ``range(count)`` merged greedily by the mean score of the links between them."""
    import heapq

    owner = list(range(count))
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    # between[a][b] = [sum of link scores, number of links] for clusters a, b
    between: dict[int, dict[int, list[float]]] = defaultdict(dict)
    for i, j, score in links:
        total = between[i].setdefault(j, [0.0, 0])
        total[0] += score
        total[1] += 1
        between[j][i] = total
    heap = [(-t[0] / t[1], a, b) for a, near in between.items() for b, t in near.items() if a < b]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if -negative < threshold:
            break
        if a not in members or b not in members or b not in between[a]:
            continue
        total = between[a][b]
        if abs(total[0] / total[1] + negative) > 1e-9:
            continue  # a stale entry: the clusters changed since it was pushed
        keep, gone = min(a, b), max(a, b)
        members[keep] = sorted(members[keep] + members.pop(gone))
        for i in members[keep]:
            owner[i] = keep
        del between[keep][gone]
        for other, t in between.pop(gone).items():
            if other == keep:
                continue
            del between[other][gone]
            merged = between[keep].setdefault(other, [0.0, 0])
            merged[0] += t[0]
            merged[1] += t[1]
            between[other][keep] = merged
        for other, t in between[keep].items():
            heapq.heappush(heap, (-t[0] / t[1], min(keep, other), max(keep, other)))
    return [members[key] for key in sorted(members)]


def headline(source: Source) -> str:
    """What an article is about: its title and lead."""
    lead = " ".join(source.text[:LEAD_CHARS].split())
    return f"{source.title}. {lead}" if source.title else lead


def _neighbour_links(vectors: np.ndarray, neighbours: int) -> list[tuple[int, int, float]]:
    """``(i, j, cosine)``, ``i < j``, for each row's nearest neighbours (an ANN index)."""
    import faiss

    count = len(vectors)
    if count < 2:
        return []
    index = faiss.IndexFlatIP(vectors.shape[1]) if count <= 50_000 else _hnsw(vectors.shape[1])
    index.add(vectors)
    scores, found = index.search(vectors, min(neighbours + 1, count))
    links = {(min(i, int(j)), max(i, int(j))): float(score) for i in range(count)
             for j, score in zip(found[i], scores[i], strict=True) if j >= 0 and j != i}
    return [(i, j, score) for (i, j), score in sorted(links.items())]


def _hnsw(dim: int):
    import faiss

    index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efSearch = 64
    return index


def _within_window(a: Source, b: Source, window_days: int) -> bool:
    if a.published is None or b.published is None:
        return True
    return abs((a.published - b.published).days) <= window_days


def _group_name(members: Sequence[Source], taken: set[str]) -> str:
    """``group-<first member id>``, made unique among the stories already named."""
    base = "group-" + re.sub(r"[^\w.-]+", "_", members[0].id).strip("_")
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name
