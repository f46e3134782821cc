"""The PostgreSQL implementation of the search seam: what it searches lives in the database's own
tables (migration 0002), written in the same transaction as the change that caused it, so every
server sees a change at commit and no server keeps state of its own.

Tables, per source: search_document (facet values, sort keys, dates, the stem sequence for
phrases), search_posting (term -> document with its precomputed BM25 impact, as the embedded
engine), search_term (how many documents hold each stem 's', unstemmed word 'w' and facet value
'f': idf, prefix and typo expansion, the facet values to report) and search_state (generation,
document count; no row = never built).
"""

import contextlib
import datetime
import logging
from collections import Counter

from django.conf import settings
from django.db import DatabaseError, connections, transaction
from django.utils import timezone

from . import analysis
from .backend import SearchBackend
from .pg_text import Planner
from .query import parse
from .text import exact_tokens, word_forms
from .types import Hit, SearchResult, SearchUnavailable

logger = logging.getLogger(__name__)

MAX_VALUES_PER_FACET = 30
MAX_TEXT_SORTS = MAX_DATE_SORTS = 4
STATEMENT_TIMEOUT_MS = 2000  # a search that takes longer falls back to the database listing
WRITE_LOCK_TIMEOUT_MS = 2000
WRITE_BATCH = 1000
FACET_SEPARATOR = ":"
TOTAL = "~"  # the pseudo facet value that counts the hits


def _date_int(value):
    if not value:
        return 0
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value[:10])
    return int(value.strftime("%Y%m%d"))


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
        dates = [_date_int(doc.get(s.column)) for s in self.date_sorts]
        dates += [0] * (MAX_DATE_SORTS - len(dates))
        expires = _date_int(doc.get(self.source.expires)) if self.source.expires else 0
        row = (
            int(doc["id"]), sorted(set(facets)), sorted(impacts), sorted(words), sequence,
            *sorts, *dates, expires,
        )  # fmt: skip
        return row, impacts, words, set(facets)


DOCUMENT_COLUMNS = "id, facets, stems, words, sequence, s0, s1, s2, s3, d0, d1, d2, d3, expires"


class _Lexicon:
    """The word questions the text planner asks, answered from search_term."""

    def __init__(self, cursor, name):
        self.cursor, self.name = cursor, name

    def frequencies(self, terms):
        if not terms:
            return {}
        self.cursor.execute(
            "SELECT term, docs FROM search_term WHERE source = %s AND kind = 's' "
            "AND term = ANY(%s)",
            [self.name, list(terms)],
        )
        return dict(self.cursor.fetchall())

    def prefixed(self, word, limit):
        self.cursor.execute(
            "SELECT term FROM search_term WHERE source = %s AND kind = 'w' AND term >= %s "
            "AND term < %s ORDER BY term LIMIT %s",
            [self.name, word, word + "\U0010ffff", limit],
        )
        return [row[0] for row in self.cursor.fetchall()]

    def near(self, word, maxdist, limit):
        first = word[0]
        self.cursor.execute(
            "SELECT term FROM search_term WHERE source = %s AND kind = 'w' AND term >= %s "
            "AND term < %s AND length(term) BETWEEN %s AND %s "
            "AND levenshtein_less_equal(term, %s, %s) <= %s LIMIT 500",
            [self.name, first, first + "\U0010ffff", len(word) - maxdist, len(word) + maxdist,
             word, maxdist, maxdist],
        )  # fmt: skip
        near = [row[0] for row in self.cursor.fetchall() if row[0] != word]
        frequency = self.frequencies({word_forms(w)[0] for w in near} - {None})

        def key(candidate):
            return (frequency.get(word_forms(candidate)[0], 0), [-ord(c) for c in candidate])

        return sorted(near, key=key, reverse=True)[:limit]


class PostgresBackend(SearchBackend):
    transactional = True  # writes join the caller's transaction; no queue, no lock

    def __init__(self, source, synonyms=None, using=None, write_using="default", name=None):
        self.source = source
        self.layout = _Layout(source)
        self.synonyms = synonyms or (lambda: (0, {}))
        self.using = using or getattr(settings, "SEARCH_DATABASE", "default")
        self.write_using = write_using
        self.name = name or source.name

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

    def built(self):
        """Whether a rebuild ever filled the tables (writes before that are queued)."""
        try:
            with (
                transaction.atomic(using=self.write_using),
                connections[self.write_using].cursor() as cursor,
            ):
                cursor.execute("SELECT 1 FROM search_state WHERE source = %s", [self.name])
                return cursor.fetchone() is not None
        except DatabaseError:
            return False

    def _lock_state(self, cursor, documents_delta=0):
        """Take the source's state row (writers queue behind it) and move the generation on."""
        cursor.execute(
            "UPDATE search_state SET generation = generation + 1, "
            "documents = documents + %s WHERE source = %s RETURNING generation",
            [documents_delta, self.name],
        )
        if cursor.fetchone() is None:
            raise SearchUnavailable("geen zoekindex: herbouw hem eerst")

    def update(self, documents):
        rows = {}
        for doc in documents:
            row, impacts, words, facets = self.layout.row(doc)
            rows[row[0]] = (row, impacts, words, facets)
        if not rows:
            return
        with self._writing() as cursor:
            self._lock_state(cursor)
            removed = self._remove(cursor, list(rows))
            counts = Counter()
            for _row, impacts, words, facets in rows.values():
                counts.update(("s", t) for t in impacts)
                counts.update(("w", t) for t in words)
                counts.update(("f", t) for t in facets)
            for key, value in removed.items():
                counts[key] -= value
            self._insert(cursor, rows.values())
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
            self._lock_state(cursor)
            removed = self._remove(cursor, ids)
            self._count_terms(cursor, Counter({k: -v for k, v in removed.items()}))
            cursor.execute(
                "UPDATE search_state SET documents = documents - %s WHERE source = %s",
                [removed.total_documents, self.name],
            )

    def _remove(self, cursor, ids):
        """Delete the documents' rows; returns the term counts they held."""
        cursor.execute(
            "DELETE FROM search_document WHERE source = %s AND id = ANY(%s) "
            "RETURNING stems, words, facets",
            [self.name, ids],
        )
        removed = _Removed()
        for stems, words, facets in cursor.fetchall():
            removed.total_documents += 1
            removed.update(("s", t) for t in stems)
            removed.update(("w", t) for t in words)
            removed.update(("f", t) for t in facets)
        cursor.execute(
            "DELETE FROM search_posting WHERE source = %s AND id = ANY(%s)", [self.name, ids]
        )
        return removed

    def _insert(self, cursor, rows):
        rows = list(rows)
        for start in range(0, len(rows), WRITE_BATCH):
            batch = rows[start : start + WRITE_BATCH]
            columns = list(zip(*(row for row, *_ in batch), strict=True))
            cursor.execute(
                f"INSERT INTO search_document (source, {DOCUMENT_COLUMNS}) "
                "SELECT %s, id, facets::text[], stems::text[], words::text[], sequence, s0, s1, "
                "s2, s3, d0, d1, d2, d3, expires FROM unnest(%s::bigint[], %s::text[], "
                "%s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], "
                "%s::text[], %s::int[], %s::int[], %s::int[], %s::int[], %s::int[]) AS r("
                f"{DOCUMENT_COLUMNS})",
                [self.name, list(columns[0]), *(_nested(c) for c in columns[1:4]),
                 *(list(c) for c in columns[4:])],
            )  # fmt: skip
            terms, ids, impacts = [], [], []
            for row, doc_impacts, _words, _facets in batch:
                for term, impact in doc_impacts.items():
                    terms.append(term)
                    ids.append(row[0])
                    impacts.append(impact)
            cursor.execute(
                "INSERT INTO search_posting (source, term, id, impact) "
                "SELECT %s, * FROM unnest(%s::text[], %s::bigint[], %s::real[])",
                [self.name, terms, ids, impacts],
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
                "SET generation = search_state.generation + 1",
                [self.name],
            )
            for table in ("search_posting", "search_term", "search_document"):
                cursor.execute(f"DELETE FROM {table} WHERE source = %s", [self.name])
            batch = []
            for doc in documents:
                batch.append(self.layout.row(doc))
                count += 1
                if progress:
                    progress(1)
                if len(batch) >= WRITE_BATCH:
                    self._insert(cursor, batch)
                    batch = []
            self._insert(cursor, batch)
            for kind, column in (("s", "stems"), ("w", "words"), ("f", "facets")):
                cursor.execute(
                    "INSERT INTO search_term (source, kind, term, docs) "
                    f"SELECT %s, %s, t, count(*) FROM search_document, unnest({column}) t "
                    "WHERE source = %s GROUP BY t",
                    [self.name, kind, self.name],
                )
            cursor.execute(
                "UPDATE search_state SET documents = %s, built = now() WHERE source = %s",
                [count, self.name],
            )
        return count

    # -- reading ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def _reading(self):
        """A read transaction bounded by statement_timeout; any database fault (missing
        tables, timeout, a lock, a dropped connection) becomes SearchUnavailable."""
        try:
            with transaction.atomic(using=self.using), connections[self.using].cursor() as cursor:
                cursor.execute(f"SET LOCAL statement_timeout = {int(STATEMENT_TIMEOUT_MS)}")
                cursor.execute(
                    "SELECT generation, documents FROM search_state WHERE source = %s",
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
        with self._reading() as (_cursor, state):
            return (self.name, state[0])

    def status(self):
        try:
            with self._reading() as (_cursor, state):
                return {"ok": True, "documents": state[1], "detail": ""}
        except SearchUnavailable as exc:
            return {"ok": False, "documents": 0, "detail": str(exc)}

    def search(self, query):
        with self._reading() as (cursor, state):
            return self._search(cursor, state, query)

    def _search(self, cursor, state, query):
        parsed = parse(query.text)
        plan = Planner(_Lexicon(cursor, self.name), self.synonyms).plan(parsed) if parsed else None
        params = {"source": self.name, "today": _date_int(timezone.localdate())}
        sql = []
        if plan is not None:
            params.update(n=max(1, state[1]), terms=[t for t, _w, _b in plan.terms] or [""],
                          weights=[w for _t, w, _b in plan.terms] or [0.0],
                          bits=[b for _t, _w, b in plan.terms] or [0])  # fmt: skip
            sql.append(
                "WITH q AS (SELECT * FROM unnest(%(terms)s::text[], %(weights)s::float8[], "
                "%(bits)s::bigint[]) AS q(term, weight, bits)), "
                "qi AS (SELECT q.term, q.bits, q.weight * ln(1 + (%(n)s - coalesce(t.docs, 0) "
                "+ 0.5) / (coalesce(t.docs, 0) + 0.5)) AS weight FROM q LEFT JOIN search_term t "
                "ON t.source = %(source)s AND t.kind = 's' AND t.term = q.term), "
                "m AS (SELECT p.id, sum(p.impact * qi.weight) AS score, bit_or(qi.bits) AS bits "
                "FROM search_posting p JOIN qi ON p.source = %(source)s AND p.term = qi.term "
                "GROUP BY p.id), "
                # Stop words alone restrict nothing: every document, ranked by what matched.
                "hits AS (SELECT d.*, coalesce(m.score, 0) AS score FROM search_document d "
                + ("JOIN" if plan.groups or plan.phrases else "LEFT JOIN")
                + " m ON d.id = m.id WHERE d.source = %(source)s"
            )
            conditions = [_group_condition(group) for group in plan.groups]
            for index, phrase in enumerate(plan.phrases):
                params[f"phrase{index}"] = phrase
                conditions.append(f"strpos(' ' || d.sequence || ' ', %(phrase{index})s) > 0")
        else:
            sql.append(
                "WITH hits AS (SELECT d.*, NULL::float8 AS score FROM search_document d "
                "WHERE d.source = %(source)s"
            )
            conditions = []
        conditions.append("(d.expires = 0 OR d.expires >= %(today)s)")
        sql.append(" AND " + " AND ".join(conditions) + ")")
        selected = self._selected(query)
        fails, failed = [], []
        for index, (facet, values) in enumerate(selected.items()):
            params[f"f{index}"] = values
            fails.append(f"(NOT facets && %(f{index})s::text[])::int")
            params[f"p{index}"] = f"{facet}{FACET_SEPARATOR}"
            failed.append(f"WHEN NOT facets && %(f{index})s::text[] THEN %(p{index})s")
        sql.append(
            ", f AS (SELECT id, facets, score, s0, "
            + ", ".join(f"{c}" for c in ("s1", "s2", "s3", "d0", "d1", "d2", "d3"))
            + f", {' + '.join(fails) or '0'} AS nfail, "
            + (f"CASE {' '.join(failed)} END" if failed else "NULL::text")
            + " AS failed FROM hits)"
        )
        order = self._order(query)
        per_page = max(1, min(int(query.per_page), 100))
        page = max(1, int(query.page))
        params.update(limit=per_page, offset=(page - 1) * per_page)
        counts_sql = (
            "SELECT 0 AS part, v AS key, count(*)::float8 AS n, 0 AS position FROM f, "
            f"unnest(CASE WHEN nfail = 0 THEN facets || '{{{TOTAL}}}'::text[] ELSE facets END) v "
            "WHERE nfail = 0 OR (nfail = 1 AND starts_with(v, failed)) GROUP BY v"
        )
        page_sql = (
            "SELECT 1, id::text, score, row_number() OVER () FROM (SELECT id, score FROM f "
            f"WHERE nfail = 0 ORDER BY {order} LIMIT %(limit)s OFFSET %(offset)s) p"
        )
        cursor.execute("".join(sql) + f" {counts_sql} UNION ALL {page_sql}", params)
        raw, rows = Counter(), []
        for part, key, n, position in cursor.fetchall():
            if part == 0:
                raw[key] = int(n)
            else:
                rows.append((position, int(key), n))
        total = raw.pop(TOTAL, 0)
        num_pages = max(1, -(-total // per_page))
        if page > num_pages:  # past the last page: answer the last one and say so
            page = num_pages
            params["offset"] = (page - 1) * per_page
            cursor.execute("".join(sql) + f" {page_sql}", params)
            rows = [(position, int(key), n) for _part, key, n, position in cursor.fetchall()]
        rows.sort()
        facets = self._facet_counts(cursor, raw)
        terms = frozenset(plan.highlight) if plan else frozenset()
        hits = [Hit(id=pk, score=(score if plan else None), terms=terms) for _p, pk, score in rows]
        return SearchResult(
            hits=hits, total=total, facets=facets, suggestion=plan.suggestion if plan else None,
            page=page, per_page=per_page, page_clamped=int(query.page) > page, timed_out=False,
        )  # fmt: skip

    def _selected(self, query):
        selected = {}
        match_all = self.source.match_all
        for facet, values in (query.filters or {}).items():
            if facet in self.source.facets and values:
                values = tuple(dict.fromkeys(str(v) for v in values))[:MAX_VALUES_PER_FACET]
                wanted = [f"{facet}{FACET_SEPARATOR}{v.replace(' ', '')}" for v in values]
                if facet in match_all:
                    wanted.append(f"{facet}{FACET_SEPARATOR}{match_all[facet]}")
                selected[facet] = wanted
        return selected

    def _order(self, query):
        layout = self.layout
        first = layout.column.get(self.source.sorts[0].name) if self.source.sorts else None
        tie = f"{first} ASC, id" if first and first.startswith("s") else "id"
        if first and first.startswith("d"):
            tie = f"{first} {'DESC' if self.source.sorts[0].descending else 'ASC'}, id"
        sort = query.effective_sort(self.source.sort_names)
        if sort not in layout.column:  # relevance (with words) or a source without orders
            return f"score DESC NULLS LAST, {tie}"
        column = layout.column[sort]
        descending = next(s.descending for s in self.source.sorts if s.name == sort)
        direction = "DESC" if descending else "ASC"
        return f"{column} {direction}, {tie}"

    def _facet_counts(self, cursor, raw):
        """{facet: {value: count}} for every value any document holds; a match-all value counts
        for every value of its facet."""
        cursor.execute("SELECT term FROM search_term WHERE source = %s AND kind = 'f'", [self.name])
        out = {facet: {} for facet in self.source.facets}
        for (key,) in cursor.fetchall():
            facet, _sep, value = key.partition(FACET_SEPARATOR)
            if facet in out:
                out[facet][value] = raw.get(key, 0)
        for facet, marker in self.source.match_all.items():
            values = out.get(facet)
            if values and marker in values:
                everywhere = values[marker]
                for value in values:
                    if value != marker:
                        values[value] += everywhere
        return out


class _Removed(Counter):
    total_documents = 0


def _nested(column):
    """A list of lists as PostgreSQL text[] of array literals is awkward: pass each document's
    list as one array literal string (unnest then casts it back)."""
    return ["{" + ",".join(_quote(v) for v in values) + "}" for values in column]


def _quote(value):
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _group_condition(group):
    """A group holds when one alternative's word bits are all set."""
    alternatives = [bits for bits in group if bits]
    if not alternatives:
        return "false"
    return "(" + " OR ".join(f"(m.bits & {b}) = {b}" for b in alternatives) + ")"
