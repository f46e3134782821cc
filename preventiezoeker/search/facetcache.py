"""Per-index-generation document sets: one bitset per facet value, sort orders, visibility.

Built once per worker after each commit; every search then costs bit operations, not postings.
"""

import datetime
from collections import OrderedDict

from .bitsets import ids_to_bits
from .types import FACETS, MATCH_ALL


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


class FacetCache:
    def __init__(self, searcher, today: datetime.date):
        reader = searcher.reader()
        self.n = n = reader.doc_count_all()
        live = ids_to_bits(reader.all_doc_ids(), n)
        self.pks = list(reader.column_reader("pk_num")) if n else []
        naam = list(reader.column_reader("naam")) if n else []
        nagekeken = list(reader.column_reader("nagekeken")) if n else []
        einddatum = list(reader.column_reader("einddatum")) if n else []
        cutoff = int(today.strftime("%Y%m%d"))
        expired = ids_to_bits((d for d, end in enumerate(einddatum) if 0 < end < cutoff), n)
        self.visible = live & ~expired
        self.raw = {}
        for facet in FACETS:
            values = {}
            if facet in reader.indexed_field_names():
                for term in reader.lexicon(facet):
                    values[term.decode()] = ids_to_bits(reader.postings(facet, term).all_ids(), n)
            self.raw[facet] = values
        # A match-all value (stadsbreed) belongs to every value of its facet.
        self.bits = {}
        for facet, values in self.raw.items():
            extra = values.get(MATCH_ALL.get(facet), 0)
            self.bits[facet] = {v: (b | extra) for v, b in values.items()}
        order = sorted(range(n), key=naam.__getitem__)
        self.rank = {"naam": _rank(order, n)}
        self.order = {"naam": order}
        order = sorted(range(n), key=lambda d: (-nagekeken[d], naam[d]))
        self.rank["nagekeken"], self.order["nagekeken"] = _rank(order, n), order
        self.term_bits = LRU(2000)
        self.text_results = LRU(500)

    def value_bits(self, facet, value):
        values = self.bits.get(facet, {})
        if value in values:
            return values[value]
        # A wijk no offer names on its own still has every city-wide offer.
        return self.raw.get(facet, {}).get(MATCH_ALL.get(facet), 0)


def _rank(order, n):
    rank = [0] * n
    for position, docnum in enumerate(order):
        rank[docnum] = position
    return rank
