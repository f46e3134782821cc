"""The PostgreSQL implementation of the search seam: what it searches lives in the database's own
tables (migration 0002), written in the same transaction as the change that caused it, so every
server sees a change at commit. A worker keeps only a copy derived from them, brought up to date
at the start of every search (pg_snapshot.py).

Tables, per source: search_document (facet values, sort keys, dates, the stem sequence for
phrases, the unstemmed words; `changed` = generation of the last write, `deleted` = tombstone),
search_posting (stem -> document with its precomputed BM25 impact, as the embedded engine),
search_term (how many documents hold each stem 's', unstemmed word 'w' and facet value 'f': idf,
prefix and typo expansion) and search_state (generation, document count, generation of the last
rebuild; no row = never built).

Matching (text_match.py), counting, ordering and paging (answer.py) are the embedded engine's
own code: both engines give the same answers.
"""

import contextlib
import logging
from collections import Counter

from django.conf import settings
from django.db import DatabaseError, connections, transaction
from django.utils import timezone

from . import analysis
from .answer import answer
from .backend import SearchBackend
from .pg_snapshot import Snapshots
from .pg_terms import PostgresTerms
from .query import parse
from .sources import date_key
from .text import exact_tokens
from .text_match import TextSearcher
from .types import IndexDamaged, SearchUnavailable

logger = logging.getLogger(__name__)

MAX_TEXT_SORTS = MAX_DATE_SORTS = 4
STATEMENT_TIMEOUT_MS = 2000  # a search that takes longer falls back to the database listing
WRITE_LOCK_TIMEOUT_MS = 2000
REBUILD_BATCH = 2000
FACET_SEPARATOR = ":"


class _Layout:
    """Which table column holds which of the source's sorts and dates."""

    def __init__(self, source):
        self.source = source
        self.parts = tuple(part.name for part in source.text)
        self.boosts = tuple(part.weight for part in source.text)
        self.text_sorts = [s for s in source.sorts if s.kind == "text"]
        self.date_sorts = [s for s in source.sorts if s.kind == "date"]
        if len(self.text_sorts) > MAX_TEXT_SORTS or len(self.date_sorts) > MAX_DATE_SORTS:
            raise ValueError(f"{source.name}: too many sort orders for the search tables")
        self.column = {s.name: f"s{i}" for i, s in enumerate(self.text_sorts)}
        self.column.update({s.name: f"d{i}" for i, s in enumerate(self.date_sorts)})

    def row(self, doc):
        """(document row, {stem: impact}, words, facet values)."""
        value = analysis.join_segments(doc.get(name) for name in self.parts)
        impacts, sequence, words = analysis.analyse(value, self.boosts)
        facets = [
            f"{facet}{FACET_SEPARATOR}{str(v).replace(' ', '')}"
            for facet in self.source.facets
            for v in doc.get(facet) or ()
            if v
        ]
        sorts = [
            " ".join(exact_tokens(str(doc.get(s.column) or ""))) or "~" for s in self.text_sorts
        ]
        sorts += [None] * (MAX_TEXT_SORTS - len(sorts))
        dates = [date_key(doc.get(s.column)) for s in self.date_sorts]
        dates += [0] * (MAX_DATE_SORTS - len(dates))
        expires = date_key(doc.get(self.source.expires)) if self.source.expires else 0
        row = (
            int(doc["id"]), sorted(set(facets)), " ".join(sorted(words)), sequence,
            *sorts, *dates, expires,
        )  # fmt: skip
        return row, impacts, words, set(facets)


# words: the distinct unstemmed words, space-separated (a text[] costs more to write than use).
DOCUMENT_COLUMNS = "id, facets, words, sequence, s0, s1, s2, s3, d0, d1, d2, d3, expires"


class PostgresBackend(SearchBackend):
    transactional = True  # writes join the caller's transaction; no queue, no lock

    def __init__(self, source, synonyms=None, using=None, write_using="default", name=None):
        self.source = source
        self.layout = _Layout(source)
        self.synonyms = synonyms or (lambda: (0, {}))
        self.using = using or getattr(settings, "SEARCH_DATABASE", "default")
        self.write_using = write_using
        self.name = name or source.name
        self._snapshots = Snapshots()

    @classmethod
    def from_settings(cls, source, synonyms):
        return cls(source=source, synonyms=synonyms)

    @classmethod
    def settings_key(cls):
        return (getattr(settings, "SEARCH_DATABASE", "default"),)

    # -- writing ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def _writing(self, lock_timeout=True):
        """A savepoint in the caller's transaction. A held lock on the search tables fails the
        write after WRITE_LOCK_TIMEOUT_MS instead of hanging the publish; sync then queues it."""
        with (
            transaction.atomic(using=self.write_using),
            connections[self.write_using].cursor() as cursor,
        ):
            if lock_timeout:
                cursor.execute("SHOW lock_timeout")
                previous = cursor.fetchone()[0]
                cursor.execute(
                    "SELECT set_config('lock_timeout', %s, true)", [f"{WRITE_LOCK_TIMEOUT_MS}ms"]
                )
            yield cursor
            if lock_timeout:
                cursor.execute("SELECT set_config('lock_timeout', %s, true)", [previous])

    def _has_state(self):
        with (
            transaction.atomic(using=self.write_using),
            connections[self.write_using].cursor() as cursor,
        ):
            cursor.execute("SELECT 1 FROM search_state WHERE source = %s", [self.name])
            return cursor.fetchone() is not None

    def built(self):
        """Whether a rebuild ever filled the tables (writes before that are queued)."""
        try:
            return self._has_state()
        except DatabaseError:
            return False

    def check(self):
        """The tables change only in the database's transactions: the one damage a rebuild
        heals is never having been built. A database that does not answer is no damage."""
        try:
            built = self._has_state()
        except DatabaseError as exc:
            raise SearchUnavailable(str(exc)) from exc
        if not built:
            raise IndexDamaged("geen zoektabellen: herbouw ze eerst")

    def _lock_state(self, cursor):
        """Take the source's state row and move the generation on. Writers queue behind the row
        until they commit, so generations commit in order: a reader that sees generation G
        sees every row changed up to G."""
        cursor.execute(
            "UPDATE search_state SET generation = nextval('search_generation') "
            "WHERE source = %s RETURNING generation",
            [self.name],
        )
        row = cursor.fetchone()
        if row is None:
            raise SearchUnavailable("geen zoekindex: herbouw hem eerst")
        return row[0]

    def update(self, documents):
        rows = {}
        for doc in documents:
            row, impacts, words, facets = self.layout.row(doc)
            rows[row[0]] = (row, impacts, words, facets)
        if not rows:
            return
        with self._writing() as cursor:
            generation = self._lock_state(cursor)
            removed = self._remove(cursor, list(rows))
            counts = Counter()
            for _row, impacts, words, facets in rows.values():
                counts.update(("s", t) for t in impacts)
                counts.update(("w", t) for t in words)
                counts.update(("f", t) for t in facets)
            for key, value in removed.items():
                counts[key] -= value
            self._insert(cursor, rows.values(), generation)
            self._count_terms(cursor, counts)
            cursor.execute(
                "UPDATE search_state SET documents = documents + %s WHERE source = %s",
                [len(rows) - removed.total_documents, self.name],
            )

    def delete(self, ids):
        ids = [int(i) for i in ids]
        if not ids:
            return
        with self._writing() as cursor:
            generation = self._lock_state(cursor)
            removed = self._remove(cursor, ids)
            # A tombstone tells every worker's snapshot the document is gone.
            cursor.execute(
                "INSERT INTO search_document (source, id, changed, deleted) "
                "SELECT %s, unnest(%s::bigint[]), %s, true",
                [self.name, ids, generation],
            )
            self._count_terms(cursor, Counter({k: -v for k, v in removed.items()}))
            cursor.execute(
                "UPDATE search_state SET documents = documents - %s WHERE source = %s",
                [removed.total_documents, self.name],
            )

    def _remove(self, cursor, ids):
        """Delete the documents' rows; returns the term counts they held."""
        cursor.execute(
            "DELETE FROM search_document WHERE source = %s AND id = ANY(%s) "
            "RETURNING words, facets, deleted",
            [self.name, ids],
        )
        removed = _Removed()
        for words, facets, deleted in cursor.fetchall():
            removed.total_documents += not deleted
            removed.update(("w", t) for t in words.split())
            removed.update(("f", t) for t in facets)
        cursor.execute(
            "DELETE FROM search_posting WHERE source = %s AND id = ANY(%s) RETURNING term",
            [self.name, ids],
        )
        removed.update(("s", term) for (term,) in cursor.fetchall())
        return removed

    def _insert(self, cursor, rows, generation):
        """COPY the documents and their postings: a tenth of the time of INSERTs at 10,000."""
        raw = cursor.cursor  # psycopg's own cursor, for COPY
        name = self.name
        with raw.copy(
            f"COPY search_document (source, changed, {DOCUMENT_COLUMNS}) FROM STDIN"
        ) as copy:
            for row, *_rest in rows:
                copy.write_row((name, generation, *row))
        # Postings as COPY text made here: write_row per posting costs more than the insert.
        # Terms are folded word characters; a backslash would still be escaped.
        with raw.copy("COPY search_posting (source, term, id, impact) FROM STDIN") as copy:
            prefix = name.replace("\\", "\\\\") + "\t"
            for row, impacts, _words, _facets in rows:
                tail = f"\t{row[0]}\t"
                copy.write(
                    "".join(
                        f"{prefix}{term.replace(chr(92), chr(92) * 2)}{tail}{impact!r}\n"
                        for term, impact in impacts.items()
                    )
                )

    def _count_terms(self, cursor, counts):
        changed = [(kind, term, n) for (kind, term), n in sorted(counts.items()) if n]
        if not changed:
            return
        kinds, terms, numbers = (list(c) for c in zip(*changed, strict=True))
        cursor.execute(
            "INSERT INTO search_term (source, kind, term, docs) "
            'SELECT %s, * FROM unnest(%s::"char"[], %s::text[], %s::int[]) '
            "ON CONFLICT (source, kind, term) DO UPDATE SET docs = search_term.docs + "
            "EXCLUDED.docs",
            [self.name, kinds, terms, numbers],
        )
        cursor.execute(
            "DELETE FROM search_term WHERE source = %s AND docs <= 0 AND term = ANY(%s)",
            [self.name, terms],
        )

    def rebuild(self, documents, progress=None):
        count = 0
        with self._writing(lock_timeout=False) as cursor:
            cursor.execute(
                "INSERT INTO search_state (source) VALUES (%s) ON CONFLICT (source) DO UPDATE "
                "SET generation = nextval('search_generation') RETURNING generation",
                [self.name],
            )
            generation = cursor.fetchone()[0]
            for table in ("search_posting", "search_term", "search_document"):
                cursor.execute(f"DELETE FROM {table} WHERE source = %s", [self.name])
            batch = []
            for doc in documents:
                batch.append(self.layout.row(doc))
                count += 1
                if progress:
                    progress(1)
                if len(batch) >= REBUILD_BATCH:
                    self._insert(cursor, batch, generation)
                    batch = []
            self._insert(cursor, batch, generation)
            for kind, terms in (
                ("s", "SELECT term AS t FROM search_posting WHERE source = %s"),
                ("w", "SELECT unnest(string_to_array(words, ' ')) AS t FROM search_document "
                 "WHERE source = %s AND words <> ''"),
                ("f", "SELECT unnest(facets) AS t FROM search_document WHERE source = %s"),
            ):  # fmt: skip
                cursor.execute(
                    "INSERT INTO search_term (source, kind, term, docs) "
                    f"SELECT %s, %s, t, count(*) FROM ({terms}) terms GROUP BY t",
                    [self.name, kind, self.name],
                )
            cursor.execute(
                "UPDATE search_state SET documents = %s, rebuilt = generation, built = now() "
                "WHERE source = %s",
                [count, self.name],
            )
        return count

    def after_rebuild(self):
        """Reclaim the previous generation's rows and mark the pages all-visible, so postings
        are read by index-only scans at once (autovacuum would get there later). VACUUM
        cannot run in a transaction: inside one (tests) it is left to autovacuum."""
        connection = connections[self.write_using]
        if connection.in_atomic_block:
            return
        try:
            with connection.cursor() as cursor:
                cursor.execute("VACUUM (ANALYZE) search_posting, search_document, search_term")
        except DatabaseError as exc:  # e.g. not the tables' owner: autovacuum does it later
            logger.warning("VACUUM van de zoektabellen mislukt: %s", exc)

    # -- reading ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def _reading(self):
        """One read transaction (one snapshot of the tables where it can) bounded by
        statement_timeout; a database fault (missing tables, timeout, a lock, a dropped
        connection) becomes SearchUnavailable."""
        connection = connections[self.using]
        outermost = not connection.in_atomic_block
        try:
            with transaction.atomic(using=self.using), connection.cursor() as cursor:
                if outermost:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                cursor.execute(f"SET LOCAL statement_timeout = {int(STATEMENT_TIMEOUT_MS)}")
                cursor.execute(
                    "SELECT generation, documents, rebuilt FROM search_state WHERE source = %s",
                    [self.name],
                )
                state = cursor.fetchone()
                if state is None:
                    raise SearchUnavailable("geen zoekindex")
                yield cursor, state
        except DatabaseError as exc:
            logger.warning("Zoeken in PostgreSQL mislukt: %s", exc)
            raise SearchUnavailable(str(exc)) from exc

    def generation(self):
        """One primary-key SELECT (it runs on every page: no transaction of its own; only row
        locks touch search_state, and they never block a read)."""
        connection = connections[self.using]
        # Inside a transaction a failure must not break it: a savepoint there.
        guard = transaction.atomic(using=self.using) if connection.in_atomic_block else None
        try:
            with guard or contextlib.nullcontext(), connection.cursor() as cursor:
                cursor.execute("SELECT generation FROM search_state WHERE source = %s", [self.name])
                row = cursor.fetchone()
        except DatabaseError as exc:
            raise SearchUnavailable(str(exc)) from exc
        if row is None:
            raise SearchUnavailable("geen zoekindex")
        return (self.name, row[0])

    def status(self):
        try:
            with self._reading() as (_cursor, state):
                return {"ok": True, "documents": state[1], "detail": ""}
        except SearchUnavailable as exc:
            return {"ok": False, "documents": 0, "detail": str(exc)}

    def search(self, query):
        with self._reading() as (cursor, state):
            generation, documents, rebuilt = state
            snapshot = self._snapshots.get(self.layout)
            cache = snapshot.refresh(cursor, self.name, generation, rebuilt, timezone.localdate())
            parsed = parse(query.text)
            text = self._text(cursor, cache, parsed, documents) if parsed else None
            return answer(cache, self.source, query, text)

    def _text(self, cursor, cache, parsed, documents):
        terms = PostgresTerms(cursor, self.name, cache, documents)
        return TextSearcher(terms, cache, self.synonyms).match(parsed)


class _Removed(Counter):
    total_documents = 0
