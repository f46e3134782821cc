"""The Whoosh implementation of the search seam (Whoosh-Reloaded 2.7.5, pinned).

Whoosh stores the index and answers phrases; matching and facet counting are bit operations on
cached per-generation document sets, and ranking adds precomputed BM25 impacts in NumPy
(text_match.py). The fields come from the registered source's schema. One writer per index
directory at a time: writer() holds a file lock (fcntl) beside the index. The files themselves
(no memory maps, the manifest that detects damage, the swap of a rebuild): whoosh_storage.py.
"""

import os
import pickle
import shutil
import struct
import threading
import time
import uuid
import zlib
from pathlib import Path

from django.conf import settings
from django.utils import timezone

import numpy as np
from whoosh import columns
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import COLUMN, ID, KEYWORD, STORED, TEXT, Schema

from . import analysis, postings, whoosh_storage
from .answer import answer
from .backend import SearchBackend
from .facetcache import FACET_FIELD, FACET_SEPARATOR, Columns, FacetCache
from .query import parse
from .sources import date_key
from .text import contains_phrase, exact_tokens
from .text_match import TextSearcher
from .types import IndexDamaged, SearchUnavailable
from .whoosh_storage import index_lock

TEXT_FIELD = "tekst"  # stems of every part, weighted, with positions (phrases)
WORDS_FIELD = "woorden"  # distinct unstemmed words (hidden documents): prefix and typo expansion
PHRASE_FIELD = "zin"  # stored stem sequence: phrases are checked against it
TIME_LIMIT = 1.0  # seconds for the phrase checks of one search
LEXICON_PK = -1
REBUILD_SEGMENT = 20_000
# What reading a damaged segment raises (a truncated block, garbage where a pickle was).
READ_ERRORS = (OSError, EOFError, pickle.UnpicklingError, struct.error, zlib.error)


def build_schema(source):
    """Whoosh fields for a source: its sorts and date columns as columns, its text parts in one
    weighted field, its facets in one keyword field."""
    fields = {
        "pk": ID(stored=True, unique=True),
        # Columns only: read whole per generation, never searched.
        "pk_num": COLUMN(columns.NumericColumn("q")),
        PHRASE_FIELD: STORED(),
        # No positions: reading a posting block then skips unpickling them (phrases are
        # checked against the stored stem sequence instead).
        TEXT_FIELD: TEXT(analyzer=_analyzer(source), phrase=False),
        WORDS_FIELD: KEYWORD(lowercase=False, commas=False, scorable=False),
    }
    for sort in source.sorts:
        if sort.kind == "text":
            fields[sort.name] = COLUMN(columns.VarBytesColumn())
    for name in (*(s.name for s in source.sorts if s.kind == "date"), source.expires):
        if name:
            fields[name] = COLUMN(columns.NumericColumn("i"))
    # Every facet in one keyword field ("thema:beweging"): a third fewer fields per document
    # to index; FacetCache splits the values again.
    fields[FACET_FIELD] = KEYWORD(lowercase=False, commas=False, scorable=False)
    return Schema(**fields)


def _analyzer(source):
    return analysis.WeightedTextAnalyzer(part.weight for part in source.text)


class _Layout:
    """What to_fields() needs of a source, worked out once per backend."""

    def __init__(self, source):
        self.parts = tuple(part.name for part in source.text)
        self.boosts = tuple(part.weight for part in source.text)
        self.text_sorts = tuple((s.name, s.column) for s in source.sorts if s.kind == "text")
        dates = [(s.name, s.column) for s in source.sorts if s.kind == "date"]
        if source.expires:
            dates.append((source.expires, source.expires))
        self.dates = tuple(dates)
        self.facets = source.facets


def to_fields(doc, layout):
    """(Whoosh fields, the document's distinct unstemmed words)."""
    value = analysis.join_segments(doc.get(name) for name in layout.parts)
    fields = {"pk": str(doc["id"]), "pk_num": int(doc["id"]), TEXT_FIELD: value}
    for name, column in layout.text_sorts:
        fields[name] = (" ".join(exact_tokens(str(doc.get(column) or ""))) or "~").encode()
    for name, column in layout.dates:
        fields[name] = date_key(doc.get(column))
    _impacts, fields[PHRASE_FIELD], words = analysis.analyse(value, layout.boosts)
    values = [
        f"{facet}{FACET_SEPARATOR}{str(v).replace(' ', '')}"
        for facet in layout.facets
        for v in doc.get(facet) or ()
        if v
    ]
    if values:
        fields[FACET_FIELD] = " ".join(values)
    return fields, words


def lexicon_document(words, layout):
    """The unstemmed words for prefix and typo expansion live in one hidden document (a
    negative pk_num) instead of one posting per word per document."""
    return {
        "pk": f"~woorden-{uuid.uuid4().hex}",
        "pk_num": LEXICON_PK,
        **{name: b"~" for name, _column in layout.text_sorts},
        **{name: 0 for name, _column in layout.dates},
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


def _writer(ix, path, analyzer, **kwargs):
    writer = whoosh_storage.writer(ix, path, codec=_codec(), **kwargs)
    # The analyser pickled with an index may predate the source's weights: use the current one.
    writer.schema[TEXT_FIELD].analyzer = analyzer
    fieldwriter = getattr(writer, "fieldwriter", None)
    if fieldwriter is not None:
        add_postings = fieldwriter.add_postings

        def fast_add_postings(schema, lengths, items):
            return add_postings(schema, lengths and _Lengths(lengths), items)

        fieldwriter.add_postings = fast_add_postings
    return writer


def whoosh_columns(reader):
    """An index generation as FacetCache columns: slots are Whoosh document numbers."""
    n = reader.doc_count_all()
    live = np.ones(n, dtype=bool)
    for leaf, base in reader.leaf_readers():  # deletions per segment, not is_deleted(d)
        if leaf.has_deletions():
            live[[base + d for d in leaf.deleted_docs_set]] = False
    pks = postings.numeric_column(reader, "pk_num", "i8", n)
    live &= pks >= 0  # the hidden word-list documents

    def facet_postings():
        if FACET_FIELD not in reader.indexed_field_names():
            return
        for term in reader.lexicon(FACET_FIELD):
            facet, _sep, value = term.decode().partition(FACET_SEPARATOR)
            yield facet, value, postings.read(reader, FACET_FIELD, term, weights=False)[0]

    def text_keys(name):
        return list(reader.column_reader(name)) if n else []

    def dates(name):
        return postings.numeric_column(reader, name, "i4", n)

    return Columns(n, pks, live, facet_postings(), text_keys, dates)


class WhooshTerms:
    """What text_match.TextSearcher asks of an index, answered by one Whoosh searcher."""

    # The word list lives in hidden documents that a deletion does not touch: the searcher
    # checks each word against the visible documents before expanding to or suggesting it.
    stale_words = True

    def __init__(self, searcher):
        self.searcher, self.reader = searcher, searcher.reader()
        self.live_count = self.reader.doc_count()

    def postings(self, term):
        return postings.read(self.reader, TEXT_FIELD, term)

    def prefixed(self, word, limit):
        for count, raw in enumerate(self.reader.expand_prefix(WORDS_FIELD, word)):
            if count >= limit:
                return
            yield raw.decode() if isinstance(raw, bytes) else raw

    def near(self, word, maxdist):
        return self.reader.terms_within(WORDS_FIELD, word, maxdist, prefix=1)

    def frequencies(self, stems):
        return {stem: self.reader.doc_frequency(TEXT_FIELD, stem) for stem in stems}

    def phrase_slots(self, slots, stems):
        deadline = time.monotonic() + TIME_LIMIT
        found = []
        for count, docnum in enumerate(slots):
            if count % 64 == 0 and time.monotonic() > deadline:  # keep what was found in time
                return found, True
            sequence = self.searcher.stored_fields(docnum).get(PHRASE_FIELD, "")
            if contains_phrase(sequence, stems):
                found.append(docnum)
        return found, False


class WhooshBackend(SearchBackend):
    def __init__(self, path, source, synonyms=None):
        self.path = Path(path)
        self.source = source
        self.schema = build_schema(source)
        self.layout = _Layout(source)
        self.analyzer = _analyzer(source)
        self.synonyms = synonyms or (lambda: (0, {}))
        self._local = threading.local()
        self._pid = os.getpid()
        self._known = {}  # segment files this process has checksummed (whoosh_storage)

    @classmethod
    def from_settings(cls, source, synonyms):
        return cls(settings.SEARCH_INDEX_DIR, source=source, synonyms=synonyms)

    @classmethod
    def settings_key(cls):
        return (settings.SEARCH_INDEX_DIR,)

    def writer(self, timeout):
        return index_lock(self.path, timeout)

    # -- writing ---------------------------------------------------------------------------
    def _open_for_writing(self):
        """The live index, checked: a missing or damaged one raises IndexDamaged instead of
        being replaced by a new index holding only this change."""
        return whoosh_storage.open_index(self.path, self._known)[0]

    def _write(self, ix, work):
        writer = _writer(ix, self.path, self.analyzer)
        try:
            work(writer)
            writer.commit()
        except BaseException:
            whoosh_storage.abort(writer)
            raise

    def update(self, documents):
        def work(writer):
            words = set()
            for doc in documents:
                fields, doc_words = to_fields(doc, self.layout)
                writer.update_document(**fields)
                words |= doc_words
            if words:
                writer.add_document(**lexicon_document(words, self.layout))

        self._write(self._open_for_writing(), work)

    def delete(self, ids):
        def work(writer):
            for pk in ids:
                writer.delete_by_term("pk", str(pk))

        self._write(self._open_for_writing(), work)

    def rebuild(self, documents, progress=None):
        # Build beside the live index, then swap: searches keep answering from the old one.
        # A failure (a full disk) removes the half-built folder and leaves the live index be.
        tmp = whoosh_storage.build_dir(self.path)
        try:
            count = self._build(tmp, documents, progress)
            whoosh_storage.verify(tmp, self._known)  # never swap in what cannot be read back
            old = whoosh_storage.swap(tmp, self.path)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        shutil.rmtree(old, ignore_errors=True)
        return count

    def _build(self, tmp, documents, progress):
        ix = whoosh_storage.create(tmp, self.schema)
        writer = _writer(ix, tmp, self.analyzer, procs=1, limitmb=1024)
        try:
            count, words = 0, set()
            for doc in documents:
                fields, doc_words = to_fields(doc, self.layout)
                writer.add_document(**fields)
                words |= doc_words
                count += 1
                if progress:
                    progress(1)
                if count % REBUILD_SEGMENT == 0:
                    # A segment per batch: the posting pool stays in memory (spilling it to
                    # disk and merging the runs back costs more than reading a few segments).
                    writer.commit(merge=False)
                    writer = _writer(ix, tmp, self.analyzer, procs=1, limitmb=1024)
            if words:
                writer.add_document(**lexicon_document(words, self.layout))
            writer.commit(merge=False)
        except BaseException:
            whoosh_storage.abort(writer)
            raise
        return count

    def check(self):
        """Raise IndexDamaged when the index is missing or its files are not the ones last
        committed (sizes always; checksums of files this process has not read yet)."""
        whoosh_storage.verify(self.path, self._known)

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
            # Not searcher.refresh() on a new generation: it reuses segment readers and so
            # misses deletions committed to an existing segment.
            if searcher is not None and (
                local.dir != current_dir
                or not searcher.up_to_date()
                or not whoosh_storage.unchanged(self.path, local.files)
            ):
                local.searcher = None
                searcher.close()
                searcher = None
            if searcher is None:
                searcher, checked = whoosh_storage.open_searcher(self.path, self._known)
                local.searcher, local.dir, local.files = searcher, current_dir, checked.files
                local.cache = None
            if local.cache is None or local.cache_day != today:
                columns = whoosh_columns(searcher.reader())
                local.cache, local.cache_day = FacetCache(columns, today, self.source), today
            return searcher, local.cache
        except SearchUnavailable:
            local.searcher = None
            raise
        except Exception as exc:  # missing dir, empty index, truncated or corrupt segment
            local.searcher = None
            raise whoosh_storage.damage(exc) from exc

    def _dir_identity(self):
        try:
            stat = os.stat(self.path)
        except FileNotFoundError as exc:
            raise IndexDamaged("geen zoekindex") from exc
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
        text = None
        if parsed:
            try:
                text = TextSearcher(WhooshTerms(searcher), cache, self.synonyms).match(parsed)
            except READ_ERRORS as exc:  # a segment damaged after it was opened
                self._local.searcher = None
                raise whoosh_storage.damage(exc) from exc
        return answer(cache, self.source, query, text)
