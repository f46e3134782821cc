"""Per-index-generation document sets: one bitset per facet value, sort orders, visibility.

Built once per worker after each commit; every search then costs bit operations, not postings.
"""

import datetime
import itertools
import os
from collections import OrderedDict

import numpy as np

from . import postings
from .bitsets import bits_to_mask, ids_to_bits, mask_to_bits
from .types import FACETS, MATCH_ALL

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


class FacetCache:
    def __init__(self, searcher, today: datetime.date):
        self.serial = (os.getpid(), next(_serials))  # one per generation, never reused
        reader = searcher.reader()
        self.n = n = reader.doc_count_all()
        live = np.zeros(n, dtype=bool)
        live[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
        column = _columns(reader, n)
        self.pks = column("pk_num")
        naam = column("naam", kind=object)
        nagekeken = column("nagekeken")
        einddatum = column("einddatum")
        cutoff = int(today.strftime("%Y%m%d"))
        live &= self.pks >= 0  # the hidden word-list documents
        self.documents = int(live.sum())
        live &= ~((einddatum > 0) & (einddatum < cutoff))
        self.visible_mask = live
        self.visible = mask_to_bits(live)
        self.raw, self.value_index, self.value_names = {}, {}, {}
        owners = {facet: np.full(n, -1, dtype=np.int32) for facet in FACETS}
        single = dict.fromkeys(FACETS, True)
        for facet in FACETS:
            self.raw[facet] = {}
        if FACET_FIELD in reader.indexed_field_names():
            for term in reader.lexicon(FACET_FIELD):
                facet, _sep, value = term.decode().partition(FACET_SEPARATOR)
                if facet not in self.raw:
                    continue
                ids, _weights = postings.read(reader, FACET_FIELD, term)
                values = self.raw[facet]
                values[value] = ids_to_bits(ids, n)
                if single[facet]:
                    owner = owners[facet]
                    single[facet] = bool((owner[ids] < 0).all())
                    owner[ids] = len(values) - 1
        for facet, values in self.raw.items():
            owner = owners[facet]
            if single[facet] and len(values) > ARRAY_COUNTED_FROM and facet not in MATCH_ALL:
                self.value_index[facet] = owner
                self.value_names[facet] = list(values)
        # A match-all value (stadsbreed) belongs to every value of its facet.
        self.bits = {}
        for facet, values in self.raw.items():
            extra = values.get(MATCH_ALL.get(facet), 0)
            self.bits[facet] = {v: (b | extra) for v, b in values.items()}
        naam_order = np.array(sorted(range(n), key=naam.__getitem__), dtype=np.int64)
        naam_rank = np.empty(n, dtype=np.int64)
        naam_rank[naam_order] = np.arange(n)
        self.naam_rank = naam_rank
        self.order = {
            "naam": naam_order,
            "nagekeken": np.lexsort((naam_rank, -nagekeken.astype(np.int64))),
        }
        self.term_postings = LRU(4000)
        self.text_results = LRU(max(8, min(500, TEXT_CACHE_BYTES // max(1, 4 * n))))
        self.stored = LRU(5000)

    def value_bits(self, facet, value):
        values = self.bits.get(facet, {})
        if value in values:
            return values[value]
        # A wijk no offer names on its own still has every city-wide offer.
        return self.raw.get(facet, {}).get(MATCH_ALL.get(facet), 0)

    def counts(self, facet, scope):
        """{value: number of documents in `scope` (a bitset) having it}."""
        owner = self.value_index.get(facet)
        if owner is not None:
            picked = owner[bits_to_mask(scope, self.n)]
            tally = np.bincount(picked[picked >= 0], minlength=len(self.value_names[facet]))
            return dict(zip(self.value_names[facet], tally.tolist(), strict=True))
        return {value: (scope & bits).bit_count() for value, bits in self.bits[facet].items()}

    def mask(self, bits):
        return bits_to_mask(bits, self.n)


def _columns(reader, n):
    def column(name, kind=np.int64):
        if not n:
            return np.empty(0, dtype=kind)
        values = list(reader.column_reader(name))
        return np.array(values, dtype=kind) if kind is not object else values

    return column
