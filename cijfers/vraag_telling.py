"""The demand figures, counted in the database from the search log (aanbod ZoekStatistiek).

Every function returns aggregates only: GROUP BY and SUM in SQL, at most a few hundred rows
back, whatever the size of the log (1,000,000 rows in bench/cijfers.py)."""

from django.db import connections, router
from django.db.models import Max, Q, Sum
from django.db.models.functions import Coalesce

from aanbod.models import ZoekStatistiek
from aanbod.statistiek import OVERIGE

TOP = 25


def _log(periode):
    return ZoekStatistiek.objects.filter(dag__gte=periode.van, dag__lte=periode.tot)


def per_dag(periode):
    """One row per day with any searches: (dag, searches, without results, overflow searches,
    overflow without results, searches without words). One scan of the period: the totals are
    these rows summed."""
    return list(
        _log(periode)
        .order_by()
        .values("dag")
        .annotate(
            n=Sum("aantal"),
            zonder=Sum("zonder_resultaat"),
            overige=_som("aantal", woorden=OVERIGE),
            overige_zonder=_som("zonder_resultaat", woorden=OVERIGE),
            zonder_woorden=_som("aantal", woorden=""),
        )
        .order_by("dag")
        .values_list("dag", "n", "zonder", "overige", "overige_zonder", "zonder_woorden")
    )


def _som(veld, **waar):
    return Coalesce(Sum(veld, filter=Q(**waar)), 0)


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
    """[("facet=waarde", searches)], the most used first, split in SQL.

    A filter string holds several pairs ("thema=x&wijk=y"); each pair counts once per search.
    Splitting in the database keeps the rows there: PostgreSQL unnests an array, SQLite walks a
    JSON array built from the string (values are slugs; quotes and backslashes are escaped
    anyway, so a stray one cannot break the query)."""
    alias = router.db_for_read(ZoekStatistiek)
    connection = connections[alias]
    q = connection.ops.quote_name
    meta = ZoekStatistiek._meta
    tabel = q(meta.db_table)
    dag, kolom, aantal = (q(meta.get_field(n).column) for n in ("dag", "filters", "aantal"))
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT paar, SUM(z.{aantal}) AS n FROM {tabel} z "
            f"CROSS JOIN LATERAL unnest(string_to_array(z.{kolom}, '&')) AS paar "
            f"WHERE z.{dag} >= %s AND z.{dag} <= %s AND z.{kolom} <> '' "
            "GROUP BY paar ORDER BY n DESC, paar LIMIT %s"
        )
    else:
        json = (
            f"'[\"' || replace(replace(replace(z.{kolom}, '\\', '\\\\'), '\"', '\\\"'), "
            "'&', '\",\"') || '\"]'"
        )
        sql = (
            f"SELECT j.value AS paar, SUM(z.{aantal}) AS n FROM {tabel} z, json_each({json}) j "
            f"WHERE z.{dag} >= %s AND z.{dag} <= %s AND z.{kolom} <> '' "
            "GROUP BY j.value ORDER BY n DESC, paar LIMIT %s"
        )
    van, tot = (connection.ops.adapt_datefield_value(d) for d in (periode.van, periode.tot))
    with connection.cursor() as cursor:
        cursor.execute(sql, [van, tot, top])
        return [(paar, int(n)) for paar, n in cursor.fetchall() if paar]
