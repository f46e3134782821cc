"""Apps register where documents come from; the seam never imports app models."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    name: str
    documents: Callable[[Iterable[int] | None], Iterable[dict]]  # None = every visible one
    count: Callable[[], int]


_sources: dict[str, Source] = {}
_synonyms: list[Callable[[], tuple[object, dict]]] = []


def register_source(source: Source):
    _sources[source.name] = source


def get_source(name) -> Source:
    return _sources[name]


def all_sources():
    return list(_sources.values())


def register_synonyms(provider):
    """provider() -> (version, {"folded phrase": ["expansion", ...]})."""
    _synonyms[:] = [provider]


def synonyms():
    return _synonyms[0]() if _synonyms else (0, {})
