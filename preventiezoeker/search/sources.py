"""Apps register where documents come from and what they hold; the seam never imports app
models and knows no document type of its own.

A source declares its schema: facet names, match-all values, weighted text parts, sort orders and
date columns. A backend reads the schema once when it opens its index.
"""

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

RELEVANCE = "relevantie"  # the seam's own order: by score, only with words
DISTANCE = "afstand"  # nearest first from SearchQuery.near; only for a source with places


@dataclass(frozen=True)
class TextPart:
    """A text field of the documents and how much each of its words weighs."""

    name: str
    weight: float = 1.0


@dataclass(frozen=True)
class SortOrder:
    """A named order (SearchQuery.sort): by the folded words of a text field, or by a date
    (ISO string or date; missing = oldest)."""

    name: str
    column: str
    kind: str = "text"  # "text" or "date"
    descending: bool = False


@dataclass(frozen=True)
class Demotion:
    """Documents whose date `column` (a date sort) is set and on or before `cutoff(today)` come
    after every other document, in relevance and in every order (their own order kept)."""

    column: str  # the name of a date sort
    cutoff: Callable[[datetime.date], datetime.date]


@dataclass(frozen=True)
class Source:
    name: str
    documents: Callable[[Iterable[int] | None], Iterable[dict]]  # None = every visible one
    count: Callable[[], int]
    # Facets every document may carry (lists of slugs), in display order.
    facets: tuple[str, ...] = ()
    # {facet: value}: a document carrying the value matches every value of that facet and
    # counts for each.
    match_all: Mapping[str, str] = field(default_factory=dict)
    # The text parts in order; the first is the title (snippets, name order).
    text: tuple[TextPart, ...] = (TextPart("title"),)
    # Orders besides relevance; the first is the default without words and breaks score ties.
    sorts: tuple[SortOrder, ...] = ()
    # A date column after which a document is no longer shown (empty: never).
    expires: str = ""
    # Documents that sink to the end of every order (None: none do).
    demote: Demotion | None = None
    # (document ids) -> (id, latitude, longitude) rows: where each document takes place, for
    # distances from SearchQuery.near. Read from the app when first needed per generation
    # (None: the source has no places and no DISTANCE order).
    places: Callable[[Iterable[int]], Iterable[tuple[int, float, float]]] | None = None

    @property
    def sort_names(self):
        distance = (DISTANCE,) if self.places is not None else ()
        return (RELEVANCE, *(sort.name for sort in self.sorts), *distance)

    @property
    def date_columns(self):
        dates = [sort.column for sort in self.sorts if sort.kind == "date"]
        return tuple(dict.fromkeys([*dates, *([self.expires] if self.expires else [])]))


def date_key(value):
    """A date column's value as an orderable integer (YYYYMMDD; missing = 0, the oldest)."""
    if not value:
        return 0
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value[:10])
    return int(value.strftime("%Y%m%d"))


_sources: dict[str, Source] = {}
_synonyms: list[Callable[[], tuple[object, dict]]] = []


def register_source(source: Source):
    _sources[source.name] = source


def unregister_source(name):
    _sources.pop(name, None)


def get_source(name) -> Source:
    return _sources[name]


def all_sources():
    return list(_sources.values())


def primary_source() -> Source:
    """The schema a backend indexes: one source today, the first registered."""
    if not _sources:
        raise LookupError("No search source registered (an app's ready() registers one).")
    return next(iter(_sources.values()))


def register_synonyms(provider):
    """provider() -> (version, {"folded phrase": ["expansion", ...]})."""
    _synonyms[:] = [provider]


def synonyms():
    return _synonyms[0]() if _synonyms else (0, {})
