"""Disjunctive faceting of small in-memory record sets, with no search engine behind it.

The calendar facets the occurrences of one date range (at most a year, a few thousand rows)
straight from the database; the same counting rules as the offer search apply:
OR within a facet, AND across facets, and a value's count is the number of results you would get
by ticking it (every *other* active facet applied, its own facet not). A record carrying a
match-all value ("stadsbreed") matches every value of that facet and counts for each.
"""

from collections import Counter
from collections.abc import Iterable, Mapping

Record = tuple[object, Mapping[str, Iterable[str]]]


def _matches(values, wanted, match_all_value):
    if match_all_value is not None and match_all_value in values:
        return True
    return not wanted.isdisjoint(values)


def facet_records(
    records: Iterable[Record],
    filters: Mapping[str, Iterable[str]],
    facets: Iterable[str],
    universe: Mapping[str, Iterable[str]] | None = None,
    match_all: Mapping[str, str] | None = None,
    weights: Mapping[object, int] | None = None,
):
    """Returns (matching_ids in input order, {facet: {value: count}}).

    `records` are (id, {facet: set of values}); `filters` {facet: selected values} (empty means
    no filter); `universe` {facet: all values to report} is needed for MATCH_ALL counts, because
    a city-wide record counts for wijken no record names. Without it, seen values are used.
    `weights` {id: n} counts a record n times (the calendar facets each activity once, weighted
    by its occurrences in the period, instead of every occurrence). `match_all` {facet:
    value}: default, the registered source's.
    """
    if match_all is None:
        from .sources import primary_source

        match_all = primary_source().match_all
    active = {f: set(v) for f, v in filters.items() if v}
    facets = tuple(facets)
    counts = {f: Counter() for f in facets}
    everywhere = Counter()  # facet -> records carrying the match-all value, counted once each
    seen = {f: set() for f in facets}
    matching = []
    for record_id, raw in records:
        values = {f: set(raw.get(f, ())) for f in set(active) | set(facets)}
        failed = [
            f for f, wanted in active.items() if not _matches(values[f], wanted, match_all.get(f))
        ]
        if not failed:
            matching.append(record_id)
        if len(failed) > 1:
            continue  # fails two facets: ticking one more value cannot bring it in
        weight = weights.get(record_id, 1) if weights is not None else 1
        for f in facets:
            if failed and failed[0] != f:
                continue
            own = values[f]
            seen[f] |= own
            marker = match_all.get(f)
            if marker is not None and marker in own:
                everywhere[f] += weight
                counts[f][marker] += weight
            else:
                for value in own:
                    counts[f][value] += weight
    result = {}
    for f in facets:
        marker = match_all.get(f)
        names = set(universe[f]) if universe and f in universe else seen[f]
        facet_counts = {}
        for value in names | set(counts[f]):
            extra = everywhere[f] if value != marker else 0
            facet_counts[value] = counts[f][value] + extra
        result[f] = facet_counts
    return matching, result
