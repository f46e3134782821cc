"""The Whoosh implementation of the search seam (Whoosh-Reloaded 2.7.5, pinned).

Matching and facet counting are bit operations on cached per-generation document sets;
Whoosh itself only ranks (BM25) and answers phrases, bounded by a time limit.
"""

import contextlib
import datetime
import os
import shutil
import threading
from pathlib import Path

from django.utils import timezone
from django.utils.html import escape

from whoosh import index as whoosh_index
from whoosh.collectors import TimeLimit, TimeLimitCollector
from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.query import Or, Phrase, Term

from . import analysis
from .backend import SearchBackend
from .bitsets import bits_to_ids, intersection, union
from .facetcache import FacetCache
from .query import parse
from .types import FACETS, TEXT_FIELDS, Hit, SearchResult, SearchUnavailable

RANKING_LIMIT = 500  # ranked ids kept per text query; deeper pages fall back to a filtered search
TIME_LIMIT = 1.0  # seconds for any one Whoosh search
MAX_EXPANSIONS = 30  # prefix and typo expansions per word
MAX_VALUES_PER_FACET = 30


def build_schema():
    fields = {
        "pk": ID(stored=True, unique=True),
        "pk_num": NUMERIC(int, bits=64, sortable=True),
        "naam": ID(sortable=True),
        "nagekeken": NUMERIC(int, sortable=True),
        "einddatum": NUMERIC(int, sortable=True),
        "title": TEXT(analyzer=analysis.STEM, field_boost=3.0, stored=True),
        "summary": TEXT(analyzer=analysis.STEM, field_boost=2.0, stored=True),
        "body": TEXT(analyzer=analysis.STEM),
        "labels": TEXT(analyzer=analysis.STEM, field_boost=1.5),
        "organisatie_naam": TEXT(analyzer=analysis.STEM),
        "exact": TEXT(analyzer=analysis.EXACT, phrase=False),
    }
    for facet in FACETS:
        fields[facet] = KEYWORD(lowercase=False, commas=False, scorable=False)
    return Schema(**fields)


def _date_int(value):
    if not value:
        return 0
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value[:10])
    return int(value.strftime("%Y%m%d"))


def to_fields(doc):
    text = {name: str(doc.get(name) or "") for name in TEXT_FIELDS}
    fields = {
        "pk": str(doc["id"]),
        "pk_num": int(doc["id"]),
        "naam": analysis.exact_tokens(text["title"])
        and " ".join(analysis.exact_tokens(text["title"]))
        or "~",
        "nagekeken": _date_int(doc.get("nagekeken")),
        "einddatum": _date_int(doc.get("einddatum")),
        "exact": " ".join(text.values()),
        **text,
    }
    for facet in FACETS:
        values = [str(v).replace(" ", "") for v in doc.get(facet) or () if v]
        if values:
            fields[facet] = " ".join(values)
    return fields


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
        writer = ix.writer(timeout=30, delay=0.05)
        try:
            for doc in documents:
                writer.update_document(**to_fields(doc))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def delete(self, ids):
        ix = self._open_or_create()
        writer = ix.writer(timeout=30, delay=0.05)
        for pk in ids:
            writer.delete_by_term("pk", str(pk))
        writer.commit()

    def rebuild(self, documents, progress=None):
        # Build beside the live index, then swap: searches keep answering from the old one.
        tmp = self.path.with_name(f"{self.path.name}.nieuw-{os.getpid()}")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        ix = whoosh_index.create_in(tmp, self.schema)
        writer = ix.writer(procs=1, limitmb=256)
        count = 0
        for doc in documents:
            writer.add_document(**to_fields(doc))
            count += 1
            if progress:
                progress(1)
        writer.commit(optimize=True)
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

    def status(self):
        try:
            searcher, cache = self._state()
            return {"ok": True, "documents": searcher.doc_count(), "detail": ""}
        except SearchUnavailable as exc:
            return {"ok": False, "documents": 0, "detail": str(exc)}

    def search(self, query):
        searcher, cache = self._state()
        parsed = parse(query.text)
        notices = []
        base = cache.visible
        text = None
        if parsed:
            text = self._text_part(searcher, cache, parsed)
            base &= text["bits"]
        selected = {}
        for facet, values in (query.filters or {}).items():
            if facet in FACETS and values:
                values = tuple(dict.fromkeys(values))[:MAX_VALUES_PER_FACET]
                selected[facet] = union(cache.value_bits(facet, v) for v in values)
        hits = intersection(selected.values(), base)
        total = hits.bit_count()
        facets = {}
        for facet in FACETS:
            scope = intersection((b for f, b in selected.items() if f != facet), base)
            facets[facet] = {
                value: (scope & bits).bit_count() for value, bits in cache.bits[facet].items()
            }
        per_page = max(1, min(int(query.per_page), 100))
        num_pages = max(1, -(-total // per_page))
        page = min(max(1, int(query.page)), num_pages)
        start, end = (page - 1) * per_page, page * per_page
        sort = query.effective_sort()
        if sort == "relevantie" and text:
            docnums, scores = self._ranked(searcher, cache, text, hits, end)
        else:
            docnums, scores = self._ordered(
                cache, sort if sort != "relevantie" else "naam", hits, end
            )
        docnums, scores = docnums[start:end], scores[start:end]
        highlight = text["highlight"] if text else frozenset()
        result_hits = []
        for docnum, score in zip(docnums, scores, strict=True):
            stored = searcher.stored_fields(docnum)
            result_hits.append(
                Hit(
                    id=int(stored["pk"]),
                    score=score,
                    title_html=mark(stored.get("title", ""), highlight),
                    summary_html=mark(stored.get("summary", ""), highlight),
                )
            )
        suggestion = text["suggestion"] if text else None
        if text and text["timed_out"]:
            notices.append(
                "De zoekopdracht duurde te lang; de volgorde is misschien niet de beste."
            )
        return SearchResult(
            hits=result_hits, total=total, facets=facets, suggestion=suggestion,
            page=page, per_page=per_page, notices=notices,
        )  # fmt: skip

    # -- text ------------------------------------------------------------------------------
    def _term_bits(self, searcher, cache, field, term):
        key = (field, term)
        bits = cache.term_bits.get(key)
        if bits is None:
            reader = searcher.reader()
            bits = 0
            if (field, term) in reader:
                from .bitsets import ids_to_bits

                bits = ids_to_bits(reader.postings(field, term).all_ids(), cache.n)
            cache.term_bits.put(key, bits)
        return bits

    def _word(self, searcher, cache, word, prefix):
        """Bits, scoring terms and highlight forms for one query word."""
        stem, exact = analysis.word_forms(word)
        if exact is None:
            return None
        terms = {t for t in (stem, exact) if t}
        bits = union(
            self._term_bits(searcher, cache, f, t) for f in TEXT_FIELDS for t in terms
        ) | self._term_bits(searcher, cache, "exact", exact)
        reader = searcher.reader()
        expansions = []
        if prefix and len(exact) >= 2:
            for raw in reader.expand_prefix("exact", exact):
                expansions.append(raw.decode() if isinstance(raw, bytes) else raw)
                if len(expansions) >= MAX_EXPANSIONS:
                    break
        correction = None
        if not bits and not expansions and len(exact) >= 4:
            maxdist = 1 if len(exact) < 8 else 2
            near = sorted(
                reader.terms_within("exact", exact, maxdist, prefix=1),
                key=lambda t: -reader.doc_frequency("exact", t),
            )[:MAX_EXPANSIONS]
            expansions.extend(near)
            correction = near[0] if near else None
        for term in expansions:
            bits |= self._term_bits(searcher, cache, "exact", term)
        return {
            "bits": bits,
            "stopword": stem is None,
            "terms": terms | set(expansions),
            "correction": correction,
        }

    def _text_part(self, searcher, cache, parsed):
        version, synonyms = self.synonyms()
        key = (parsed, version)
        cached = cache.text_results.get(key)
        if cached is not None:
            return cached
        words = list(parsed.words)
        infos = [
            self._word(searcher, cache, w, parsed.prefix_last and i == len(words) - 1)
            for i, w in enumerate(words)
        ]
        # Lay terms: a run of words that is a synonym key may also match its expansions.
        folded = [analysis.exact_tokens(w)[0] if analysis.exact_tokens(w) else w for w in words]
        groups, i = [], 0
        while i < len(words):
            for size in (3, 2, 1):
                phrase = " ".join(folded[i : i + size])
                if len(folded[i : i + size]) == size and phrase in synonyms:
                    groups.append((i, size, synonyms[phrase]))
                    i += size
                    break
            else:
                groups.append((i, 1, ()))
                i += 1
        bits = cache.visible
        terms, corrections = set(), {}
        for start, size, expansions in groups:
            own = [info for info in infos[start : start + size] if info]
            content = [info for info in own if not info["stopword"]] or own
            group_bits = intersection((info["bits"] for info in content), cache.visible)
            for info in own:
                if not info["stopword"]:
                    terms |= info["terms"]
                if info["correction"]:
                    corrections[words[infos.index(info)]] = info["correction"]
            for expansion in expansions:
                exp_infos = [self._word(searcher, cache, w, False) for w in parse(expansion).words]
                exp_infos = [x for x in exp_infos if x and not x["stopword"]]
                if exp_infos:
                    group_bits |= intersection((x["bits"] for x in exp_infos), cache.visible)
                    for x in exp_infos:
                        terms |= x["terms"]
            bits &= group_bits
        for phrase in parsed.phrases:
            bits &= self._phrase_bits(searcher, cache, phrase)
            terms |= set(analysis.stem_tokens(" ".join(phrase)))
        ranking_query = Or(
            [Term(field, t) for field in TEXT_FIELDS for t in terms]
            + [Term("exact", t) for t in terms]
        )
        suggestion = None
        if corrections:
            suggestion = " ".join(corrections.get(w, w) for w in words)
        result = {
            "bits": bits,
            "query": ranking_query,
            "highlight": frozenset(terms),
            "suggestion": suggestion,
            "timed_out": False,
            "ranking": None,
        }
        cache.text_results.put(key, result)
        return result

    def _phrase_bits(self, searcher, cache, words):
        from .bitsets import ids_to_bits

        stems = [s for s in (analysis.stem_tokens(" ".join(words))) if s]
        if len(stems) < 2:
            return union(self._term_bits(searcher, cache, f, s) for f in TEXT_FIELDS for s in stems)
        query = Or([Phrase(field, stems) for field in ("title", "summary", "body", "labels")])
        collector = TimeLimitCollector(
            searcher.collector(limit=None), timelimit=TIME_LIMIT, use_alarm=False
        )
        with contextlib.suppress(TimeLimit):  # keep what was found in time
            searcher.search_with_collector(query, collector)
        docnums = collector.results().docs()
        return ids_to_bits(docnums, cache.n)

    def _ranked(self, searcher, cache, text, hits, end):
        ranking = text["ranking"]
        if ranking is None:
            ranking = text["ranking"] = self._score(
                searcher, text["query"], text["bits"], RANKING_LIMIT
            )
        picked = [(d, s) for d, s in ranking if hits >> d & 1]
        exhausted = len(ranking) < RANKING_LIMIT
        if len(picked) < end and not exhausted and len(picked) < hits.bit_count():
            picked = self._score(searcher, text["query"], hits, end)
        return [d for d, _ in picked], [s for _, s in picked]

    def _score(self, searcher, query, bits, limit):
        allowed = set(bits_to_ids(bits))
        if not allowed:
            return []
        collector = TimeLimitCollector(
            searcher.collector(limit=limit, filter=allowed), timelimit=TIME_LIMIT, use_alarm=False
        )
        with contextlib.suppress(TimeLimit):  # keep what was found in time
            searcher.search_with_collector(query, collector)
        results = collector.results()
        return [(hit.docnum, hit.score) for hit in results]

    @staticmethod
    def _ordered(cache, sort, hits, end):
        count = hits.bit_count()
        if count * 8 > cache.n:  # dense: walk the precomputed order
            out = []
            for docnum in cache.order[sort]:
                if hits >> docnum & 1:
                    out.append(docnum)
                    if len(out) >= end:
                        break
        else:
            out = sorted(bits_to_ids(hits), key=cache.rank[sort].__getitem__)[:end]
        return out, [None] * len(out)


def mark(text, terms):
    """Escape `text` and wrap the words whose stem or folded form is in `terms` in <mark>."""
    if not text:
        return ""
    if not terms:
        return escape(text)
    import re

    out, last = [], 0
    for match in re.finditer(analysis.TOKEN_PATTERN, text):
        word = match.group(0)
        stem, exact = analysis.word_forms(word)
        if (stem and stem in terms) or (exact and exact in terms):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(word)}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)
