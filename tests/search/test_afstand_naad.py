"""The seam's distance contract (SearchQuery.near, sort DISTANCE, Source.places), on every
engine, with the seam's own test source: nearest first, documents without places after in the
first order, paging that continues, distances on the hits whatever the order, and the places
read once per index generation."""

import dataclasses

import pytest

from preventiezoeker.search import SearchQuery, register_source
from preventiezoeker.search.sources import DISTANCE, unregister_source

from .proef import PROEF
from .test_contract import BACKENDS, CORPUS, TITLES

HIER = (51.0640, 3.7130)  # Rabot
PLACES = {
    1: [(51.0641, 3.7131)],  # about 13 m
    3: [(51.0380, 3.7430)],  # Ledeberg, about 3.6 km
    4: [(51.0050, 3.7100), (51.0660, 3.7100)],  # Zwijnaarde, and about 300 m: the nearest counts
    6: [(51.0380, 3.7430)],  # the same place as 3: a tie, by title
}  # 2 and 5 have no place


@pytest.fixture(autouse=True)
def reads():
    """The source with places; `reads` counts how often the seam asked for them."""
    calls = []

    def places(ids):
        calls.append(len(list(ids)))
        return [(pk, lat, lon) for pk, points in PLACES.items() for lat, lon in points]

    unregister_source(PROEF.name)
    register_source(dataclasses.replace(PROEF, places=places))
    yield calls
    unregister_source(PROEF.name)
    register_source(PROEF)


@pytest.fixture(params=BACKENDS, ids=lambda f: f.__name__)
def engine(request, tmp_path, db, reads):
    backend = request.param(tmp_path / "index")
    backend.rebuild(iter(CORPUS))
    return backend


def _search(engine, **kwargs):
    return engine.search(SearchQuery(**kwargs))


def test_nearest_first_then_the_documents_without_a_place_in_the_first_order(engine):
    result = _search(engine, sort=DISTANCE, near=HIER)
    without = sorted((pk for pk in TITLES if pk not in PLACES), key=lambda pk: TITLES[pk])
    tie = sorted([3, 6], key=lambda pk: TITLES[pk])
    assert [hit.id for hit in result.hits] == [1, 4, *tie, *without]
    distances = [hit.distance for hit in result.hits]
    assert distances[0] == pytest.approx(0.013, abs=0.002)
    assert distances[1] == pytest.approx(0.305, abs=0.01)  # its nearer place
    assert distances[2] == distances[3] and distances[4:] == [None, None]


def test_words_keep_their_relevance_among_equal_distances(engine):
    result = _search(engine, text="fietsen", sort=DISTANCE, near=HIER)
    assert [hit.id for hit in result.hits] == [4, 6]  # 4 is nearer, though 6 scores higher


def test_page_two_continues_the_distance_order(engine):
    first = _search(engine, sort=DISTANCE, near=HIER, per_page=4)
    second = _search(engine, sort=DISTANCE, near=HIER, per_page=4, page=2)
    every = _search(engine, sort=DISTANCE, near=HIER)
    assert [h.id for h in first.hits + second.hits] == [h.id for h in every.hits]
    assert first.total == second.total == len(CORPUS)


def test_distances_come_with_any_order_and_distance_needs_a_starting_point(engine):
    by_title = _search(engine, near=HIER)
    assert [h.id for h in by_title.hits] == sorted(TITLES, key=TITLES.get)
    assert {h.id: h.distance is not None for h in by_title.hits} == {
        pk: pk in PLACES for pk in TITLES
    }
    no_start = _search(engine, sort=DISTANCE)
    assert [h.id for h in no_start.hits] == sorted(TITLES, key=TITLES.get)
    assert all(h.distance is None for h in no_start.hits)


def test_places_are_read_once_per_generation(engine, reads):
    for _ in range(3):
        _search(engine, sort=DISTANCE, near=HIER)
    assert reads == [len(CORPUS)]
    _search(engine)  # without a starting point: nothing read
    engine.update([CORPUS[0]])
    result = _search(engine, sort=DISTANCE, near=HIER)
    assert len(reads) == 2 and reads[1] == len(CORPUS)  # the visible documents only
    assert [h.id for h in result.hits][0] == 1
