"""The engine-free facet counter (preventiezoeker/search/memory.py) used by the calendar."""

import itertools
import random

import pytest

from preventiezoeker.search.memory import facet_records

RECORDS = [
    (1, {"thema": {"beweging"}, "wijk": {"rabot"}, "prijs": {"gratis"}}),
    (2, {"thema": {"beweging", "voeding"}, "wijk": {"ledeberg"}, "prijs": {"betalend"}}),
    (3, {"thema": {"mondzorg"}, "wijk": {"stadsbreed"}, "prijs": {"gratis"}}),
    (4, {"thema": {"voeding"}, "wijk": {"rabot", "ledeberg"}, "prijs": set()}),
]
FACETS = ("thema", "wijk", "prijs")
UNIVERSE = {"wijk": {"rabot", "ledeberg", "dampoort", "stadsbreed"}}


def test_no_filters_counts_everything_and_stadsbreed_counts_for_every_wijk():
    ids, counts = facet_records(RECORDS, {}, FACETS, universe=UNIVERSE)
    assert ids == [1, 2, 3, 4]
    assert counts["thema"] == {"beweging": 2, "voeding": 2, "mondzorg": 1}
    # Record 3 is city-wide: it counts once for each wijk, also one no record names.
    assert counts["wijk"] == {"rabot": 3, "ledeberg": 3, "dampoort": 1, "stadsbreed": 1}
    assert counts["prijs"] == {"gratis": 2, "betalend": 1}


def test_or_within_a_facet_and_across_facets():
    ids, _ = facet_records(RECORDS, {"thema": ["beweging", "mondzorg"]}, FACETS)
    assert ids == [1, 2, 3]
    ids, _ = facet_records(
        RECORDS, {"thema": ["beweging", "mondzorg"], "prijs": ["gratis"]}, FACETS
    )
    assert ids == [1, 3]


def test_a_facets_own_selection_does_not_narrow_its_counts():
    ids, counts = facet_records(RECORDS, {"thema": ["mondzorg"], "prijs": ["gratis"]}, FACETS)
    assert ids == [3]
    # thema counts apply only the prijs filter: records 1 and 3 are free.
    assert counts["thema"] == {"beweging": 1, "mondzorg": 1}
    # prijs counts apply only the thema filter: record 3.
    assert counts["prijs"] == {"gratis": 1}


def test_wijk_filter_matches_city_wide_records():
    ids, counts = facet_records(RECORDS, {"wijk": ["dampoort"]}, FACETS, universe=UNIVERSE)
    assert ids == [3]
    assert counts["thema"] == {"mondzorg": 1}
    ids, _ = facet_records(RECORDS, {"wijk": ["stadsbreed"]}, FACETS, universe=UNIVERSE)
    assert ids == [3]


def test_empty_filter_values_mean_no_filter():
    ids, _ = facet_records(RECORDS, {"thema": [], "wijk": ()}, FACETS)
    assert ids == [1, 2, 3, 4]


def test_unknown_facet_in_records_is_ignored_and_missing_facet_is_empty():
    ids, counts = facet_records([(9, {"ander": {"x"}})], {"thema": ["beweging"]}, FACETS)
    assert ids == []
    assert counts["thema"] == {}


@pytest.mark.parametrize("seed", range(20))
def test_count_equals_result_size_when_ticked(seed):
    """The defining property: a value's count is what you get by adding it to the selection."""
    rng = random.Random(seed)
    values = {"thema": ["a", "b", "c"], "wijk": ["x", "y", "stadsbreed"], "prijs": ["p", "q"]}
    records = [
        (i, {f: set(rng.sample(vs, rng.randint(0, len(vs)))) for f, vs in values.items()})
        for i in range(40)
    ]
    filters = {f: rng.sample(vs, rng.randint(0, 1)) for f, vs in values.items()}
    _, counts = facet_records(records, filters, FACETS, universe=values)
    for facet, value in itertools.chain.from_iterable(
        ((f, v) for v in vs) for f, vs in values.items()
    ):
        others = {f: v for f, v in filters.items() if f != facet}
        ticked, _ = facet_records(records, {**others, facet: [value]}, FACETS, universe=values)
        assert counts[facet].get(value, 0) == len(ticked), (facet, value)


def test_weights_count_a_record_several_times():
    weights = {1: 5, 3: 2}
    ids, counts = facet_records(RECORDS, {}, FACETS, universe=UNIVERSE, weights=weights)
    assert ids == [1, 2, 3, 4]
    assert counts["thema"] == {"beweging": 6, "voeding": 2, "mondzorg": 2}
    assert counts["wijk"] == {"rabot": 8, "ledeberg": 4, "dampoort": 2, "stadsbreed": 2}
    # The same as repeating the records.
    repeated = [r for r in RECORDS for _ in range(weights.get(r[0], 1))]
    assert facet_records(repeated, {}, FACETS, universe=UNIVERSE)[1] == counts
