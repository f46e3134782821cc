"""The engine interface every backend implements (Whoosh now; PostgreSQL full-text later).

The contract tests in tests/search/test_contract.py run against this interface only.
"""

from abc import ABC, abstractmethod

from .types import SearchQuery, SearchResult


class SearchBackend(ABC):
    @abstractmethod
    def update(self, documents):
        """Add or replace documents (dicts with id, text fields and facet slug lists)."""

    @abstractmethod
    def delete(self, ids):
        """Remove documents by id; unknown ids are ignored."""

    @abstractmethod
    def rebuild(self, documents, progress=None):
        """Replace the whole index with `documents`; readers keep working meanwhile."""

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
