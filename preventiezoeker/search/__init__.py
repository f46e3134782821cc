"""The one search seam: engines, analysis, index location, locking, parsing and facet counting
live in this package; what is indexed is declared by the apps' registered sources. Views call
`search()`; nothing outside this package imports an engine. settings.SEARCH_BACKEND picks the
engine (a dotted path to a SearchBackend subclass)."""

import threading

from django.conf import settings
from django.utils.module_loading import import_string

from .backend import SearchBackend
from .sources import (
    RELEVANCE,
    Demotion,
    SortOrder,
    Source,
    TextPart,
    primary_source,
    register_source,
    register_synonyms,
    synonyms,
)
from .types import Hit, IndexDamaged, SearchQuery, SearchResult, SearchUnavailable

__all__ = [
    "RELEVANCE", "Demotion", "Hit", "IndexDamaged", "SearchBackend", "SearchQuery", "SearchResult",
    "SearchUnavailable", "SortOrder", "Source", "TextPart", "generation", "get_backend",
    "register_source", "register_synonyms", "reset_backend", "search",
]  # fmt: skip

DEFAULT_BACKEND = "preventiezoeker.search.whoosh_backend.WhooshBackend"
_lock = threading.Lock()
_backend = None
_backend_key = None


def get_backend() -> SearchBackend:
    global _backend, _backend_key
    with _lock:
        cls = import_string(getattr(settings, "SEARCH_BACKEND", DEFAULT_BACKEND))
        source = primary_source()
        key = (cls, source, cls.settings_key())
        if _backend is None or _backend_key != key:
            _backend, _backend_key = cls.from_settings(source, synonyms), key
        return _backend


def reset_backend():
    global _backend, _backend_key
    with _lock:
        _backend = _backend_key = None


def search(query: SearchQuery) -> SearchResult:
    from . import heal  # its models load after the apps; heal retries the queue, rebuilds

    heal.on_search()
    backend = get_backend()
    try:
        return backend.search(query)
    except SearchUnavailable as exc:
        heal.search_failed(backend, exc)
        raise


def generation():
    """A token that changes whenever the index this worker reads changes (None when the index
    is unavailable): lets callers keep data derived from indexed content until then."""
    try:
        return get_backend().generation()
    except SearchUnavailable:
        return None
