"""The seam's vocabulary: what views hand in and get back. No engine types leak out, and no
words for people: the app turns flags into sentences and matched terms into markup."""

from dataclasses import dataclass, field

from .sources import DISTANCE, RELEVANCE


@dataclass(frozen=True)
class SearchQuery:
    text: str = ""
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = ""  # "" = relevance with words, the source's first order without
    page: int = 1
    per_page: int = 20
    # A starting point (latitude, longitude): hits get their distance, and sort DISTANCE
    # orders by it. Never part of a cache key or a log.
    near: tuple[float, float] | None = None
    # {facet: values}: documents that name one of these values themselves are left out (a
    # match-all value is not spread here): "in this wijk, without the city-wide offers".
    exclude: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def effective_sort(self, sorts=None):
        """The order used: `sorts` are the source's names (default: the registered one's),
        relevance first."""
        if sorts is None:
            from .sources import primary_source

            sorts = primary_source().sort_names
        words = bool(self.text.strip())
        usable = not (self.sort == RELEVANCE and not words) and not (
            self.sort == DISTANCE and self.near is None
        )
        if self.sort in sorts and usable:
            return self.sort
        if words:
            return RELEVANCE
        return next((s for s in sorts if s not in (RELEVANCE, DISTANCE)), RELEVANCE)


@dataclass
class Hit:
    id: int
    score: float | None
    # Index terms the query matched (stems and folded words): text.word_forms() of a word of
    # the document hitting one of them means that word matched.
    terms: frozenset = frozenset()
    # km from SearchQuery.near to the nearest of the document's places (None: no places).
    distance: float | None = None


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    facets: dict[str, dict[str, int]]  # facet -> value -> count (disjunctive)
    suggestion: str | None = None  # the words with typos corrected, when any were
    page: int = 1  # the page answered (clamped to the last one)
    per_page: int = 20
    page_clamped: bool = False  # the page asked for was past the last one
    timed_out: bool = False  # matching stopped early: the order may not be the best

    @property
    def num_pages(self):
        return max(1, -(-self.total // self.per_page))


class SearchUnavailable(Exception):
    """The index is missing or unreadable; the database is still the source of truth."""


class IndexDamaged(SearchUnavailable):
    """The index is missing, truncated or corrupt: only a rebuild from the database heals it.

    Raised by reads (the site then answers from the database) and by update()/delete(), which
    never create a fresh, partial index in its place; sync then starts one rebuild.
    """
