"""The engine interface every backend implements: whoosh_backend (embedded) and pg_backend.

The contract tests in tests/search/test_contract.py run against this interface only.
"""

import contextlib
from abc import ABC, abstractmethod

from .sources import Source
from .types import SearchQuery, SearchResult


class SearchBackend(ABC):
    """An engine for one source's schema (facets, text parts, sorts, date columns).

    `transactional`: writes join the caller's database transaction (sync.py then writes at
    once instead of queueing for after the commit)."""

    transactional = False

    @classmethod
    def from_settings(cls, source: Source, synonyms):
        """The backend settings.SEARCH_BACKEND names, configured from the settings.
        `synonyms()` -> (version, {folded phrase: [expansions]})."""
        return cls(source=source, synonyms=synonyms)

    @classmethod
    def settings_key(cls):
        """The settings from_settings() read: a new backend is made when they change."""
        return ()

    @contextlib.contextmanager
    def writer(self, timeout):
        """Hold the right to write while the block runs: yields True, or False when another
        process has it after `timeout` seconds (the caller then leaves its work queued for that
        process). An engine whose writes need no lock yields True at once."""
        yield True

    @abstractmethod
    def update(self, documents):
        """Add or replace documents (dicts with id, text parts, facet slug lists, columns)."""

    @abstractmethod
    def delete(self, ids):
        """Remove documents by id; unknown ids are ignored."""

    @abstractmethod
    def rebuild(self, documents, progress=None):
        """Replace the whole index with `documents`; readers keep working meanwhile."""

    def check(self):  # noqa: B027 - optional: an engine without files to damage has nothing
        """Raise IndexDamaged when only a rebuild can heal the index; cheap enough for sync and
        the health check to call often."""

    def after_rebuild(self):  # noqa: B027 - optional: most engines have nothing to tidy
        """Tidy up after a committed rebuild (outside any transaction)."""

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResult:
        """Raise SearchUnavailable when the index is missing or unreadable."""

    @abstractmethod
    def generation(self):
        """A hashable token that changes whenever what search() reads changes; raise
        SearchUnavailable like search()."""

    @abstractmethod
    def status(self):
        """{"ok": bool, "documents": int, "detail": str}"""
