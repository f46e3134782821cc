"""What text_match.TextSearcher asks of an index, answered from the PostgreSQL search tables:
postings of stems (read once per generation per worker, then cached by the searcher), the
unstemmed word list for prefix and typo expansion (fuzzystrmatch), stem frequencies and phrase
checks against the stored stem sequence."""

import numpy as np
import psycopg

EMPTY = (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32))
MAX_NEAR = 500


class PostgresTerms:
    def __init__(self, cursor, name, cache, live_count):
        self.cursor, self.name, self.cache = cursor, name, cache
        self.live_count = live_count

    def _slots(self, ids):
        """Document ids -> slots of this worker's snapshot (ids it does not hold are dropped)."""
        pks = self.cache.pks
        ids = np.asarray(ids, dtype=np.int64)
        slots = np.searchsorted(pks, ids)
        known = slots < len(pks)
        known[known] = pks[slots[known]] == ids[known]
        return slots[known], known

    def prefetch(self, terms):
        # Binary results (a server-side-binding cursor on the same connection and
        # transaction): a common term's 10,000s of postings parse in C, not from text.
        with psycopg.Cursor(self.cursor.connection) as binary:
            binary.execute(
                "SELECT term, array_agg(id), array_agg(impact) FROM search_posting "
                "WHERE source = %s AND term = ANY(%s) GROUP BY term",
                [self.name, list(terms)],
                binary=True,
            )
            rows = binary.fetchall()
        found = dict.fromkeys(terms, EMPTY)
        for term, ids, impacts in rows:
            slots, known = self._slots(ids)
            found[term] = (slots, np.asarray(impacts, dtype=np.float32)[known])
        return found

    def postings(self, term):
        return self.prefetch([term])[term]

    def prefixed(self, word, limit):
        self.cursor.execute(
            "SELECT term FROM search_term WHERE source = %s AND kind = 'w' AND term >= %s "
            "AND term < %s ORDER BY term LIMIT %s",
            [self.name, word, word + "\U0010ffff", limit],
        )
        return [row[0] for row in self.cursor.fetchall()]

    def near(self, word, maxdist):
        first = word[0]
        self.cursor.execute(
            "SELECT term FROM search_term WHERE source = %s AND kind = 'w' AND term >= %s "
            "AND term < %s AND length(term) BETWEEN %s AND %s "
            "AND levenshtein_less_equal(term, %s, %s) <= %s LIMIT %s",
            [self.name, first, first + "\U0010ffff", len(word) - maxdist, len(word) + maxdist,
             word, maxdist, maxdist, MAX_NEAR],
        )  # fmt: skip
        return [row[0] for row in self.cursor.fetchall() if row[0] != word]

    def frequencies(self, stems):
        if not stems:
            return {}
        self.cursor.execute(
            "SELECT term, docs FROM search_term WHERE source = %s AND kind = 's' "
            "AND term = ANY(%s)",
            [self.name, list(stems)],
        )
        return dict(self.cursor.fetchall())

    def phrase_slots(self, slots, stems):
        ids = self.cache.pks[np.asarray(slots, dtype=np.int64)].tolist()
        self.cursor.execute(
            "SELECT id FROM search_document WHERE source = %s AND id = ANY(%s) "
            "AND strpos(' ' || sequence || ' ', %s) > 0",
            [self.name, ids, f" {' '.join(stems)} "],
        )
        found, _known = self._slots(sorted(row[0] for row in self.cursor.fetchall()))
        return found.tolist(), False
