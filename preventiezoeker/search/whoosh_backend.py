"""The Whoosh implementation of the search seam (Whoosh-Reloaded 2.7.5, pinned).

Whoosh stores the index and answers phrases; matching and facet counting are bit operations on
cached per-generation document sets, and ranking adds precomputed BM25 impacts in NumPy
(whoosh_text.py).
"""

import datetime
import os
import re
import shutil
import threading
import uuid
from pathlib import Path

from django.utils import timezone
from django.utils.html import escape

from whoosh import columns
from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, TEXT, Schema

from . import analysis
from .backend import SearchBackend
from .bitsets import intersection, union
from .facetcache import FACET_FIELD, FACET_SEPARATOR, FacetCache
from .query import parse
from .types import FACETS, TEXT_FIELDS, Hit, SearchResult, SearchUnavailable
from .whoosh_text import PHRASE_FIELD, TEXT_FIELD, WORDS_FIELD, TextSearcher, rank

MAX_VALUES_PER_FACET = 30
LEXICON_PK = -1
REBUILD_SEGMENT = 20_000
_WORD = re.compile(analysis.TOKEN_PATTERN)


def build_schema():
    fields = {
        "pk": ID(stored=True, unique=True),
        # Columns only: read whole per generation, never searched.
        "pk_num": COLUMN(columns.NumericColumn("q")),
        "naam": COLUMN(columns.VarBytesColumn()),
        "nagekeken": COLUMN(columns.NumericColumn("i")),
        "einddatum": COLUMN(columns.NumericColumn("i")),
        "title": STORED(),
        "summary": STORED(),
        PHRASE_FIELD: STORED(),
        # No positions: reading a posting block then skips unpickling them (phrases are
        # checked against the stored stem sequence instead).
        TEXT_FIELD: TEXT(analyzer=analysis.WeightedTextAnalyzer(), phrase=False),
        WORDS_FIELD: KEYWORD(lowercase=False, commas=False, scorable=False),
    }
    # Every facet in one keyword field ("thema:beweging"): a third fewer fields per document
    # to index; FacetCache splits the values again.
    fields[FACET_FIELD] = KEYWORD(lowercase=False, commas=False, scorable=False)
    return Schema(**fields)


def _date_int(value):
    if not value:
        return 0
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value[:10])
    return int(value.strftime("%Y%m%d"))


def to_fields(doc):
    """(Whoosh fields, the document's distinct unstemmed words)."""
    text = {name: str(doc.get(name) or "") for name in TEXT_FIELDS}
    title_words = analysis.exact_tokens(text["title"])
    value = analysis.join_segments(text[name] for name in analysis.SEGMENTS)
    fields = {
        "pk": str(doc["id"]),
        "pk_num": int(doc["id"]),
        "naam": (" ".join(title_words) or "~").encode(),
        "nagekeken": _date_int(doc.get("nagekeken")),
        "einddatum": _date_int(doc.get("einddatum")),
        "title": text["title"],
        "summary": text["summary"],
        TEXT_FIELD: value,
    }
    _impacts, fields[PHRASE_FIELD], words = analysis.analyse(value)
    values = [
        f"{facet}{FACET_SEPARATOR}{str(v).replace(' ', '')}"
        for facet in FACETS
        for v in doc.get(facet) or ()
        if v
    ]
    if values:
        fields[FACET_FIELD] = " ".join(values)
    return fields, words


def lexicon_document(words):
    """The unstemmed words for prefix and typo expansion live in one hidden document (a
    negative pk_num, already expired) instead of one posting per word per offer."""
    return {
        "pk": f"~woorden-{uuid.uuid4().hex}",
        "pk_num": LEXICON_PK,
        "naam": b"~",
        "nagekeken": 0,
        "einddatum": 1,
        WORDS_FIELD: " ".join(sorted(words)),
    }


class _Lengths:
    """Whoosh asks the new segment for every posting's field length; for a field without
    lengths (keywords) each answer even costs a stat() of a missing file: a third of a
    rebuild."""

    def __init__(self, lengths):
        self._lengths = lengths

    def doc_field_length(self, docnum, fieldname, default=0):
        # Only Whoosh's own scorers use the per-block length statistics; the seam ranks with
        # impacts computed while indexing.
        return default

    def __getattr__(self, name):
        return getattr(self._lengths, name)


def _codec():
    # Large uncompressed posting blocks: the seam reads whole posting lists, so per-block
    # overhead (unpickle, decompress) is what costs; Whoosh's own skipping is not used.
    return W3Codec(blocklimit=1024, compression=0)


def _writer(ix, **kwargs):
    writer = ix.writer(codec=_codec(), **kwargs)
    fieldwriter = getattr(writer, "fieldwriter", None)
    if fieldwriter is not None:
        add_postings = fieldwriter.add_postings

        def fast_add_postings(schema, lengths, items):
            return add_postings(schema, lengths and _Lengths(lengths), items)

        fieldwriter.add_postings = fast_add_postings
    return writer


class WhooshBackend(SearchBackend):
    def __init__(self, path, synonyms=None):
        self.path = Path(path)
        self.schema = build_schema()
        self.synonyms = synonyms or (lambda: (0, {}))
        self._local = threading.local()
        self._pid = os.getpid()

    # -- writing ---------------------------------------------------------------------------
    def _open_or_create(self):
        if whoosh_index.exists_in(self.path):
            return whoosh_index.open_dir(self.path)
        self.path.mkdir(parents=True, exist_ok=True)
        return whoosh_index.create_in(self.path, self.schema)

    def update(self, documents):
        ix = self._open_or_create()
        writer = _writer(ix, timeout=30, delay=0.05)
        try:
            words = set()
            for doc in documents:
                fields, doc_words = to_fields(doc)
                writer.update_document(**fields)
                words |= doc_words
            if words:
                writer.add_document(**lexicon_document(words))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def delete(self, ids):
        ix = self._open_or_create()
        writer = _writer(ix, timeout=30, delay=0.05)
        for pk in ids:
            writer.delete_by_term("pk", str(pk))
        writer.commit()

    def rebuild(self, documents, progress=None):
        # Build beside the live index, then swap: searches keep answering from the old one.
        tmp = self.path.with_name(f"{self.path.name}.nieuw-{os.getpid()}")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        ix = whoosh_index.create_in(tmp, self.schema)
        writer = _writer(ix, procs=1, limitmb=1024)
        count, words = 0, set()
        for doc in documents:
            fields, doc_words = to_fields(doc)
            writer.add_document(**fields)
            words |= doc_words
            count += 1
            if progress:
                progress(1)
            if count % REBUILD_SEGMENT == 0:
                # A segment per batch: the posting pool stays in memory (spilling it to disk
                # and merging the runs back costs more than reading a few segments).
                writer.commit(merge=False)
                writer = _writer(ix, procs=1, limitmb=1024)
        if words:
            writer.add_document(**lexicon_document(words))
        writer.commit(merge=False)
        old = self.path.with_name(f"{self.path.name}.oud-{os.getpid()}")
        if self.path.exists():
            os.rename(self.path, old)
        os.rename(tmp, self.path)
        shutil.rmtree(old, ignore_errors=True)
        return count

    # -- reading ---------------------------------------------------------------------------
    def _state(self):
        """(searcher, cache) for this thread, refreshed when the index changed or the day did."""
        if os.getpid() != self._pid:  # forked: never share open files with the parent
            self._local, self._pid = threading.local(), os.getpid()
        local = self._local
        today = timezone.localdate()
        try:
            searcher = getattr(local, "searcher", None)
            current_dir = self._dir_identity()
            if searcher is None or local.dir != current_dir:
                searcher = whoosh_index.open_dir(self.path).searcher()
                local.searcher, local.dir, local.cache = searcher, current_dir, None
            elif not searcher.up_to_date():
                # Not searcher.refresh(): it reuses segment readers and so misses deletions
                # committed to an existing segment.
                searcher.close()
                local.searcher = searcher = whoosh_index.open_dir(self.path).searcher()
                local.cache = None
            if local.cache is None or local.cache_day != today:
                local.cache, local.cache_day = FacetCache(searcher, today), today
            return searcher, local.cache
        except SearchUnavailable:
            raise
        except Exception as exc:  # missing dir, empty index, truncated or corrupt segment
            local.searcher = None
            raise SearchUnavailable(str(exc)) from exc

    def _dir_identity(self):
        try:
            stat = os.stat(self.path)
        except FileNotFoundError as exc:
            raise SearchUnavailable("geen zoekindex") from exc
        return (stat.st_ino, stat.st_dev)

    def generation(self):
        return self._state()[1].serial

    def status(self):
        try:
            searcher, cache = self._state()
            return {"ok": True, "documents": cache.documents, "detail": ""}
        except SearchUnavailable as exc:
            return {"ok": False, "documents": 0, "detail": str(exc)}

    def search(self, query):
        searcher, cache = self._state()
        parsed = parse(query.text)
        notices = []
        base = cache.visible
        text = None
        if parsed:
            text = TextSearcher(searcher, cache, self.synonyms).match(parsed)
            base &= text.bits
        selected = {}
        for facet, values in (query.filters or {}).items():
            if facet in FACETS and values:
                values = tuple(dict.fromkeys(values))[:MAX_VALUES_PER_FACET]
                selected[facet] = union(cache.value_bits(facet, v) for v in values)
        hits = intersection(selected.values(), base)
        total = hits.bit_count()
        # Disjunctive counts: a facet's values are counted with every *other* facet applied;
        # for an unselected facet that is just the hits.
        facets = cache.counts([f for f in FACETS if f not in selected], hits)
        for facet in selected:
            scope = intersection((b for f, b in selected.items() if f != facet), base)
            facets.update(cache.counts([facet], scope))
        facets = {facet: facets[facet] for facet in FACETS}
        per_page = max(1, min(int(query.per_page), 100))
        num_pages = max(1, -(-total // per_page))
        page = min(max(1, int(query.page)), num_pages)
        start, end = (page - 1) * per_page, page * per_page
        sort = query.effective_sort()
        hits_mask = cache.mask(hits)
        if sort == "relevantie" and text:
            docnums, scores = rank(cache, text, hits_mask, end)
        else:
            docnums = first_in_order(cache.order[sort if sort != "relevantie" else "naam"],
                                     hits_mask, end, total)  # fmt: skip
            scores = [None] * len(docnums)
        docnums, scores = docnums[start:end], scores[start:end]
        highlight = text.highlight if text else frozenset()
        result_hits = []
        for docnum, score in zip(docnums, scores, strict=True):
            stored = cache.stored.get(docnum)
            if stored is None:
                stored = searcher.stored_fields(docnum)
                cache.stored.put(docnum, stored)
            result_hits.append(
                Hit(
                    id=int(stored["pk"]),
                    score=score,
                    title_html=mark(stored.get("title", ""), highlight),
                    summary_html=mark(stored.get("summary", ""), highlight),
                )
            )
        if text and text.timed_out:
            notices.append(
                "De zoekopdracht duurde te lang; de volgorde is misschien niet de beste."
            )
        return SearchResult(
            hits=result_hits, total=total, facets=facets,
            suggestion=text.suggestion if text else None,
            page=page, per_page=per_page, notices=notices,
        )  # fmt: skip


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


def mark(text, terms):
    """Escape `text` and wrap the words whose stem or folded form is in `terms` in <mark>."""
    if not text:
        return ""
    if not terms:
        return escape(text)
    out, last = [], 0
    for match in _WORD.finditer(text):
        word = match.group(0)
        stem, exact = analysis.word_forms(word)
        if (stem and stem in terms) or (exact and exact in terms):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(word)}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)
