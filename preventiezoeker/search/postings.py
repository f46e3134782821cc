"""Whole posting lists as arrays, read block by block.

Whoosh's public matcher API yields one posting per Python call; decoding a block at once is
what makes a 30,000-document term cost a millisecond instead of thirty. This touches
Whoosh-Reloaded 2.7.5 internals (pinned exactly); tests/search/test_postings.py compares the
result with the public API so an upgrade that changes them fails loudly.
"""

import numpy as np
from whoosh.matching import ListMatcher
from whoosh.matching.wrappers import FilterMatcher

EMPTY = (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32))


def read(reader, field, term, weights=True):
    """(docnums, weights) of `term` in `field`, over every segment; deleted documents may be
    included (callers intersect with the live set). weights=False: ones, without decoding."""
    ids_parts, weight_parts = [], []
    for leaf, base in reader.leaf_readers():
        if (field, term) not in leaf:
            continue
        matcher = leaf.postings(field, term)
        if isinstance(matcher, FilterMatcher):  # deletions; the caller masks them anyway
            matcher = matcher.child
        ids, leaf_weights = _leaf_arrays(matcher, weights)
        ids_parts.append(ids + base)
        weight_parts.append(leaf_weights)
    if not ids_parts:
        return EMPTY
    if len(ids_parts) == 1:
        return ids_parts[0], weight_parts[0]
    return np.concatenate(ids_parts), np.concatenate(weight_parts)


def _leaf_arrays(matcher, with_weights=True):
    if hasattr(matcher, "_read_data") and hasattr(matcher, "_goto"):  # W3LeafMatcher
        ids, weights = [], []
        while True:
            matcher._read_data()
            raw = matcher._data[0]
            block_ids = np.asarray(raw, dtype=np.int64)
            if not matcher._byteids:
                block_ids = np.cumsum(block_ids)
            ids.append(block_ids)
            if with_weights:
                matcher._read_weights()
                weights.append(np.asarray(matcher._weights, dtype=np.float32))
            else:
                weights.append(np.ones(len(block_ids), dtype=np.float32))
            if matcher._lastblock:
                break
            matcher._goto(matcher._nextoffset)
        return np.concatenate(ids), np.concatenate(weights)
    if isinstance(matcher, ListMatcher):  # postings inlined in the term info
        ids = np.asarray(list(matcher._ids), dtype=np.int64)
        weights = matcher._weights
        if weights is None:
            weights = np.ones(len(ids), dtype=np.float32)
        return ids, np.asarray(weights, dtype=np.float32)
    ids, weights = [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float32)


def numeric_column(reader, name, typecode, n):
    """A whole numeric column as an array (the same internals caveat as read())."""
    parts = []
    for leaf, _base in reader.leaf_readers():
        column = leaf.column_reader(name, translate=False) if leaf.has_column(name) else None
        count = leaf.doc_count_all()
        if column is None or not hasattr(column, "_basepos"):
            values = list(column) if column is not None else [0] * count
            parts.append(np.asarray(values, dtype=np.int64))
            continue
        stored = column._count
        raw = column._dbfile.get(column._basepos, stored * column._fixedlen)
        values = np.frombuffer(raw, dtype=">" + typecode).astype(np.int64)
        if stored < count:  # documents after the last written value have the default
            values = np.concatenate([values, np.full(count - stored, column._default)])
        parts.append(values[:count])
    result = np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)
    assert len(result) == n
    return result
