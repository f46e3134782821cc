"""The demand figures, counted in the database: words from the search log (ZoekStatistiek),
day totals and filters from the per-day counts tel() keeps beside it (ZoekTelling).

Every function returns aggregates only: GROUP BY and SUM in SQL, at most a few thousand rows
back, whatever the size of the log (1,000,000 rows in bench/cijfers.py)."""

from django.db.models import Max, Q, Sum
from django.db.models.functions import Coalesce

from aanbod.models import ZoekStatistiek, ZoekTelling
from aanbod.statistiek import ALLE, OVERIGE, OVERIGE_SLEUTEL, ZONDER_WOORDEN

TOP = 25


def _log(periode):
    return ZoekStatistiek.objects.filter(dag__gte=periode.van, dag__lte=periode.tot)


def per_dag(periode):
    """One row per day with any searches: (dag, searches, without results, overflow searches,
    overflow without results, searches without words), from the day totals tel() keeps in
    ZoekTelling: at most three rows a day."""
    rijen = {}
    kolom = {ALLE: 0, OVERIGE_SLEUTEL: 2, ZONDER_WOORDEN: 4}
    for dag, sleutel, n, zonder in (
        _dagen(periode)
        .filter(sleutel__in=list(kolom))
        .values_list("dag", "sleutel", "aantal", "zonder_resultaat")
    ):
        rij = rijen.setdefault(dag, [0, 0, 0, 0, 0])
        rij[kolom[sleutel]] = n
        if sleutel != ZONDER_WOORDEN:
            rij[kolom[sleutel] + 1] = zonder
    return [(dag, *rijen[dag]) for dag in sorted(rijen)]


def _dagen(periode):
    return ZoekTelling.objects.filter(dag__gte=periode.van, dag__lte=periode.tot).order_by()


def totalen(dagen):
    """The period's totals from per_dag()'s rows."""
    kolommen = ("zoekopdrachten", "zonder", "overige", "overige_zonder", "zonder_woorden")
    return {k: sum(rij[i + 1] for rij in dagen) for i, k in enumerate(kolommen)}


def _met_woorden(periode):
    # The overflow row and searches without words are no words people typed.
    return _log(periode).exclude(woorden="").exclude(woorden=OVERIGE).order_by()


def meest_gezocht(periode, top=TOP):
    """[(woorden, searches, without results)], the most frequent first."""
    return list(
        _met_woorden(periode)
        .values("woorden")
        .annotate(n=Sum("aantal"), zonder=Sum("zonder_resultaat"))
        .order_by("-n", "woorden")
        .values_list("woorden", "n", "zonder")[:top]
    )


def zonder_resultaat(periode, top=TOP):
    """[(woorden, times without results, of which without filters, last day)]."""
    return list(
        _met_woorden(periode)
        .filter(zonder_resultaat__gt=0)
        .values("woorden")
        .annotate(
            zonder=Sum("zonder_resultaat"),
            zonder_filters=Coalesce(Sum("zonder_resultaat", filter=Q(filters="")), 0),
            laatst=Max("dag"),
        )
        .order_by("-zonder", "woorden")
        .values_list("woorden", "zonder", "zonder_filters", "laatst")[:top]
    )


def filters(periode, top=TOP):
    """[("facet=waarde", searches)], the most used first: a search with two filters counts
    for each. Summed from ZoekTelling (a row per day and filter), not split from the log."""
    return list(
        _dagen(periode)
        .exclude(sleutel__startswith="*")
        .values("sleutel")
        .annotate(n=Sum("aantal"))
        .order_by("-n", "sleutel")
        .values_list("sleutel", "n")[:top]
    )
