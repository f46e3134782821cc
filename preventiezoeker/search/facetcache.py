"""Per-index-generation document sets: one bitset per facet value, sort orders, visibility.

Built once per worker after each commit; every search then costs bit operations, not postings.
"""

import datetime
import itertools
import os
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from .bitsets import bits_to_mask, ids_to_bits, mask_to_bits

# A facet with more values than this, and at most one value per document, is counted with one
# pass over a value-per-document array instead of one AND per value (2,000 organisations).
ARRAY_COUNTED_FROM = 64
TEXT_CACHE_BYTES = 64 * 1024 * 1024
FACET_FIELD, FACET_SEPARATOR = "facet", ":"  # cached score arrays (4 bytes per document each)


class LRU(OrderedDict):
    def __init__(self, size):
        super().__init__()
        self.size = size

    def get(self, key, default=None):
        if key in self:
            self.move_to_end(key)
            return self[key]
        return default

    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)


_serials = itertools.count(1)


@dataclass
class Columns:
    """What a FacetCache is built from, whatever the engine keeps: one entry per document slot.
    Slots that hold no document (deleted, hidden word lists) are False in `live`."""

    n: int
    pks: np.ndarray  # int64 per slot
    live: np.ndarray  # bool per slot
    facet_postings: Iterable  # (facet, value, slots) in value order, facet by facet
    text_keys: Callable  # sort name -> list of keys per slot
    dates: Callable  # column name -> int array per slot (YYYYMMDD, 0 = none)


class FacetCache:
    """`source` is the registered schema (facets, match-all values, sorts, expiry column)."""

    def __init__(self, columns: Columns, today: datetime.date, source):
        facets, match_all = source.facets, source.match_all
        self.match_all = match_all
        self.serial = (os.getpid(), next(_serials))  # one per generation, never reused
        self.n = n = columns.n
        live = columns.live.copy()
        self.pks = columns.pks
        cutoff = int(today.strftime("%Y%m%d"))
        self.documents = int(live.sum())
        if source.expires:
            ends = columns.dates(source.expires)
            live &= ~((ends > 0) & (ends < cutoff))
        self.visible_mask = live
        self.visible = mask_to_bits(live)
        self.raw, self.value_index, self.value_names = {}, {}, {}
        owners = {facet: np.full(n, -1, dtype=np.int32) for facet in facets}
        single = dict.fromkeys(facets, True)
        for facet in facets:
            self.raw[facet] = {}
        for facet, value, ids in columns.facet_postings:
            if facet not in self.raw:
                continue
            values = self.raw[facet]
            values[value] = ids_to_bits(ids, n)
            if single[facet]:
                owner = owners[facet]
                single[facet] = bool((owner[ids] < 0).all())
                owner[ids] = len(values) - 1
        for facet, values in self.raw.items():
            owner = owners[facet]
            if single[facet] and len(values) > ARRAY_COUNTED_FROM and facet not in match_all:
                self.value_index[facet] = owner
                self.value_names[facet] = list(values)
        # A match-all value (stadsbreed) belongs to every value of its facet.
        self.bits = {}
        for facet, values in self.raw.items():
            extra = values.get(match_all.get(facet), 0)
            self.bits[facet] = {v: (b | extra) for v, b in values.items()}
        # The same sets as one matrix of 64-bit words, one row per value: counting every value
        # of every facet is then one AND and one popcount over the matrix (a Python-int AND
        # and bit_count per value cost 8 µs each at 100,000 documents).
        self.words = max(1, -(-n // 64))
        self.rows = {}
        rows = []
        for facet, values in self.bits.items():
            if facet in self.value_index:
                continue
            self.rows[facet] = (len(rows), len(rows) + len(values), list(values))
            rows.extend(self._as_words(b) for b in values.values())
        self.matrix = np.vstack(rows) if rows else np.zeros((0, self.words), dtype=np.uint64)
        # Scratch space for counting (a cache belongs to one thread): no 1.5 MB allocations
        # per search at 100,000 documents.
        self._and = np.empty_like(self.matrix)
        self._popcount = np.empty(self.matrix.shape, dtype=np.uint8)
        # Demoted documents (source.demote) go after all others: recomputed daily like expiry.
        self.sunk = np.zeros(n, dtype=bool)
        if source.demote is not None:
            dates = columns.dates(source.demote.column)
            cut = int(source.demote.cutoff(today).strftime("%Y%m%d"))
            self.sunk = (dates > 0) & (dates <= cut)
        # Every order of the source; the first also breaks ties (of scores, of dates).
        self.order, self.tie_rank = {}, np.arange(n, dtype=np.int64)
        for position, sort in enumerate(source.sorts):
            if sort.kind == "text":
                keys = columns.text_keys(sort.name)
                order = np.array(sorted(range(n), key=keys.__getitem__), dtype=np.int64)
                if sort.descending:
                    order = order[::-1].copy()
            else:
                dates = columns.dates(sort.name).astype(np.int64)
                order = np.lexsort((self.tie_rank, -dates if sort.descending else dates))
            if self.sunk.any():  # a stable partition: each part keeps its order
                order = np.concatenate((order[~self.sunk[order]], order[self.sunk[order]]))
            self.order[sort.name] = order
            if position == 0:
                self.tie_rank = np.empty(n, dtype=np.int64)
                self.tie_rank[order] = np.arange(n)
        self.places_of = source.places
        self._places = None  # read on the first search with a starting point (places())
        self.term_postings = LRU(4000)
        self.text_results = LRU(max(8, min(500, TEXT_CACHE_BYTES // max(1, 4 * n))))
        self.stored = LRU(5000)

    def value_bits(self, facet, value):
        values = self.bits.get(facet, {})
        if value in values:
            return values[value]
        # A wijk no offer names on its own still has every city-wide offer.
        return self.raw.get(facet, {}).get(self.match_all.get(facet), 0)

    def own_bits(self, facet, value):
        """The documents that name `value` themselves (a match-all value not spread)."""
        return self.raw.get(facet, {}).get(value, 0)

    def _as_words(self, bits):
        return np.frombuffer(bits.to_bytes(self.words * 8, "little"), dtype="<u8")

    def counts(self, facets, scope):
        """{facet: {value: number of documents in `scope` (a bitset) having it}}."""
        out = {}
        words = None
        matrix_facets = [f for f in facets if f in self.rows]
        if matrix_facets:
            words = self._as_words(scope)
            first = min(self.rows[f][0] for f in matrix_facets)
            last = max(self.rows[f][1] for f in matrix_facets)
            anded, counted = self._and[first:last], self._popcount[first:last]
            np.bitwise_and(self.matrix[first:last], words, out=anded)
            np.bitwise_count(anded, out=counted)
            tally = counted.sum(axis=1, dtype=np.int64).tolist()
            for facet in matrix_facets:
                start, end, names = self.rows[facet]
                out[facet] = dict(zip(names, tally[start - first : end - first], strict=True))
        for facet in facets:
            owner = self.value_index.get(facet)
            if owner is not None:
                picked = owner[bits_to_mask(scope, self.n)]
                tally = np.bincount(picked[picked >= 0], minlength=len(self.value_names[facet]))
                out[facet] = dict(zip(self.value_names[facet], tally.tolist(), strict=True))
        return {facet: out.get(facet, {}) for facet in facets}

    def places(self):
        """(slot of each place, latitudes, longitudes in radians, first place of each run of
        slots), places sorted by slot; read once per generation from the source."""
        if self._places is None:
            # Visible slots only: a replaced document's old slot keeps its pk.
            visible = np.flatnonzero(self.visible_mask)
            slot_of = dict(zip(self.pks[visible].tolist(), visible.tolist(), strict=True))
            rows = sorted(
                (slot_of[pk], lat, lon)
                for pk, lat, lon in self.places_of(list(slot_of))
                if pk in slot_of
            )
            slots = np.array([r[0] for r in rows], dtype=np.int64)
            lats = np.radians(np.array([r[1] for r in rows], dtype=np.float64))
            lons = np.radians(np.array([r[2] for r in rows], dtype=np.float64))
            starts = np.flatnonzero(np.diff(slots, prepend=-1)) if len(slots) else slots
            self._places = (slots, lats, lons, starts)
        return self._places

    def distances(self, near):
        """km from `near` (lat, lon) to each slot's nearest place; inf for slots without."""
        out = np.full(self.n, np.inf)
        if self.places_of is None:
            return out
        slots, lats, lons, starts = self.places()
        if not len(slots):
            return out
        lat0, lon0 = np.radians(near[0]), np.radians(near[1])
        # Haversine, as aanbod/afstand.km (earth radius 6371 km).
        h = (
            np.sin((lats - lat0) / 2) ** 2
            + np.cos(lat0) * np.cos(lats) * np.sin((lons - lon0) / 2) ** 2
        )
        km = 2 * 6371.0 * np.arcsin(np.minimum(1.0, np.sqrt(h)))
        out[slots[starts]] = np.minimum.reduceat(km, starts)
        return out

    def mask(self, bits):
        return bits_to_mask(bits, self.n)
