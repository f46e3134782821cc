"""The engine-independent part of a search: given an engine's per-generation FacetCache and its
text match (TextMatch: document slots as bits, a score per slot), apply the facet filters, count
every facet disjunctively, order and cut the page. Both engines answer through this, so their
totals, counts and orders agree by construction."""

from dataclasses import dataclass

import numpy as np

from .bitsets import intersection, union
from .sources import DISTANCE
from .types import Hit, SearchResult

MAX_VALUES_PER_FACET = 30


@dataclass
class TextMatch:
    bits: int
    scores: np.ndarray
    highlight: frozenset
    suggestion: str | None = None
    timed_out: bool = False


def answer(cache, source, query, text):
    base = cache.visible
    if text is not None:
        base &= text.bits
    for facet, values in (query.exclude or {}).items():
        if facet in source.facets:
            for value in tuple(values)[:MAX_VALUES_PER_FACET]:
                base &= ~cache.own_bits(facet, value)
    selected = {}
    for facet, values in (query.filters or {}).items():
        if facet in source.facets and values:
            values = tuple(dict.fromkeys(values))[:MAX_VALUES_PER_FACET]
            selected[facet] = union(cache.value_bits(facet, v) for v in values)
    hits = intersection(selected.values(), base)
    total = hits.bit_count()
    # Disjunctive counts: a facet's values are counted with every *other* facet applied;
    # for an unselected facet that is just the hits.
    facets = cache.counts([f for f in source.facets if f not in selected], hits)
    for facet in selected:
        scope = intersection((b for f, b in selected.items() if f != facet), base)
        facets.update(cache.counts([facet], scope))
    facets = {facet: facets[facet] for facet in source.facets}
    per_page = max(1, min(int(query.per_page), 100))
    num_pages = max(1, -(-total // per_page))
    page = min(max(1, int(query.page)), num_pages)
    start, end = (page - 1) * per_page, page * per_page
    sort = query.effective_sort(source.sort_names)
    hits_mask = cache.mask(hits)
    distances = cache.distances(query.near) if query.near is not None else None
    if sort == DISTANCE:
        docnums, scores = nearest(cache, text, hits_mask, end, distances)
    elif sort not in cache.order and text:
        docnums, scores = rank(cache, text, hits_mask, end)
    else:  # relevance without usable words: the source's first order
        order = cache.order.get(sort, next(iter(cache.order.values()), None))
        if order is None:  # a source without orders: index order
            order = np.arange(cache.n, dtype=np.int64)
        docnums = first_in_order(order, hits_mask, end, total)
        scores = [None] * len(docnums)
    docnums, scores = docnums[start:end], scores[start:end]
    terms = text.highlight if text else frozenset()
    pks = cache.pks
    result_hits = [
        Hit(id=int(pks[docnum]), score=score, terms=terms, distance=_km(distances, docnum))
        for docnum, score in zip(docnums, scores, strict=True)
    ]
    return SearchResult(
        hits=result_hits, total=total, facets=facets,
        suggestion=text.suggestion if text else None, page=page, per_page=per_page,
        page_clamped=int(query.page) > page, timed_out=bool(text and text.timed_out),
    )  # fmt: skip


def _km(distances, docnum):
    if distances is None or not np.isfinite(distances[docnum]):
        return None
    return float(distances[docnum])


def nearest(cache, text, hits_mask, end, distances):
    """The first `end` hits nearest first (to the metre); hits without places after all that
    have one; ties by score with words, then by the first order. Demoted documents come after
    all others, as in every order."""
    candidates = np.flatnonzero(hits_mask)
    metres = np.round(distances[candidates] * 1000)  # inf stays inf: no place, last
    scores = text.scores[candidates] if text else np.zeros(len(candidates))
    order = np.lexsort((cache.tie_rank[candidates], -scores, metres, cache.sunk[candidates]))[:end]
    return candidates[order].tolist(), (scores[order].tolist() if text else [None] * len(order))


def first_in_order(order, mask, end, total):
    """The first `end` documents of `order` that are in `mask`. Walks the order in growing
    chunks: the first page of a browse needs a few hundred entries, not all 100,000."""
    found, position, chunk = [], 0, max(256, end * 4)
    wanted = min(end, total)
    while len(found) < wanted and position < len(order):
        part = order[position : position + chunk]
        found.extend(part[mask[part]].tolist())
        position += chunk
        chunk *= 4
    return found[:end]


def rank(cache, text, hits_mask, end):
    """The first `end` hits by score (ties by the first order): deterministic across pages.
    Demoted documents (cache.sunk) come after all others, by score among themselves."""
    candidates = np.flatnonzero(hits_mask)
    sunk = cache.sunk[candidates]
    if sunk.any():
        fresh, stale = _best(candidates[~sunk], text, end), candidates[sunk]
        candidates = np.concatenate((fresh, _best(stale, text, end - len(fresh))))
    else:
        candidates = _best(candidates, text, end)
    scores = text.scores[candidates]
    order = np.lexsort((cache.tie_rank[candidates], -scores, cache.sunk[candidates]))[:end]
    return candidates[order].tolist(), scores[order].tolist()


def _best(candidates, text, end):
    """The candidates that can be among the `end` best by score (ties at the edge kept)."""
    if end <= 0:
        return candidates[:0]
    if len(candidates) <= end:
        return candidates
    scores = text.scores[candidates]
    kth = np.partition(scores, len(scores) - end)[len(scores) - end]
    return candidates[scores >= kth]
