"""The one search seam: schema, analysis, index location, locking, parsing and facet counting
live in this package. Views call `search()`; apps register document sources. Nothing outside
this package imports whoosh."""

import threading

from django.conf import settings

from .sources import Source, register_source, register_synonyms, synonyms
from .types import FACETS, MATCH_ALL, SORTS, Hit, SearchQuery, SearchResult, SearchUnavailable

__all__ = [
    "FACETS", "MATCH_ALL", "SORTS", "Hit", "SearchQuery", "SearchResult", "SearchUnavailable",
    "Source", "generation", "get_backend", "register_source", "register_synonyms",
    "reset_backend", "search",
]  # fmt: skip

_lock = threading.Lock()
_backend = None


def get_backend():
    global _backend
    with _lock:
        if _backend is None or _backend.path != settings.SEARCH_INDEX_DIR:
            from .whoosh_backend import WhooshBackend

            _backend = WhooshBackend(settings.SEARCH_INDEX_DIR, synonyms=synonyms)
        return _backend


def reset_backend():
    global _backend
    with _lock:
        _backend = None


def search(query: SearchQuery) -> SearchResult:
    return get_backend().search(query)


def generation():
    """A token that changes whenever the index this worker reads changes (None when the index
    is unavailable): lets callers keep data derived from indexed content until then."""
    try:
        return get_backend().generation()
    except SearchUnavailable:
        return None
