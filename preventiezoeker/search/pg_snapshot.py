"""Each worker's copy of what facet counting and ordering need, kept in step with the PostgreSQL
search tables by their generation: every search reads the generation in its own transaction and
first applies what changed since (rows whose `changed` generation is newer, deletions as
tombstones), so a worker answers from exactly the state its transaction sees: every server
answers the same as soon as a change commits. Counting then runs on the same FacetCache as the
embedded engine (bit operations instead of a GROUP BY per facet).
"""

import threading
from collections import defaultdict

import numpy as np

from .facetcache import FACET_SEPARATOR, Columns, FacetCache

ROW_COLUMNS = "id, deleted, facets, s0, s1, s2, s3, d0, d1, d2, d3, expires"


class Snapshot:
    """The document rows of one source at one generation, and the FacetCache built from them."""

    def __init__(self, layout):
        self.layout = layout
        self.rows = None  # id -> (facets, s0..s3, d0..d3, expires)
        self.generation = None
        self.cache = None
        self.cache_day = None

    def refresh(self, cursor, name, generation, rebuilt, today):
        """Bring the rows to `generation`; returns the FacetCache for it."""
        if self.rows is None or self.generation is None or rebuilt > self.generation:
            cursor.execute(
                f"SELECT {ROW_COLUMNS} FROM search_document WHERE source = %s AND NOT deleted",
                [name],
            )
            self.rows = {}
            self._apply(cursor.fetchall())
            self.cache = None
        elif generation != self.generation:
            cursor.execute(
                f"SELECT {ROW_COLUMNS} FROM search_document WHERE source = %s AND changed > %s",
                [name, self.generation],
            )
            self._apply(cursor.fetchall())
            self.cache = None
        self.generation = generation
        if self.cache is None or self.cache_day != today:
            self.cache = FacetCache(self._columns(), today, self.layout.source)
            self.cache_day = today
        return self.cache

    def _apply(self, fetched):
        for pk, deleted, *values in fetched:
            if deleted:
                self.rows.pop(pk, None)
            else:
                self.rows[pk] = values

    def _columns(self):
        ids = sorted(self.rows)
        n = len(ids)
        rows = [self.rows[pk] for pk in ids]
        postings = defaultdict(list)
        for slot, row in enumerate(rows):
            for value in row[0]:
                postings[value].append(slot)
        column = self.layout.column

        def facet_postings():
            # Value order as the embedded engine's lexicon: byte order of "facet:value".
            for key in sorted(postings, key=lambda v: v.encode()):
                facet, _sep, value = key.partition(FACET_SEPARATOR)
                yield facet, value, np.array(postings[key], dtype=np.int64)

        def text_keys(name):
            index = 1 + int(column[name][1:])
            return [row[index].encode() for row in rows]

        def dates(name):
            index = 9 if name == self.layout.source.expires else 5 + int(column[name][1:])
            return np.array([row[index] for row in rows], dtype=np.int32).reshape(n)

        return Columns(
            n=n, pks=np.array(ids, dtype=np.int64), live=np.ones(n, dtype=bool),
            facet_postings=facet_postings(), text_keys=text_keys, dates=dates,
        )  # fmt: skip


class Snapshots(threading.local):
    """One Snapshot per thread (a FacetCache keeps scratch buffers for the thread counting)."""

    def get(self, layout):
        snapshot = getattr(self, "snapshot", None)
        if snapshot is None:
            snapshot = self.snapshot = Snapshot(layout)
        return snapshot
