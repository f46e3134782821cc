"""Search statistics (ZoekStatistiek): counted per day, never at the cost of a search.

The count is written in the search request, so it must never wait: while another process
holds SQLite's write lock, or a lock on the table in PostgreSQL, the count is dropped after
at most WACHT_MS instead of holding the search for the database's full timeout. The table is
bounded per day: past `ZOEKSTATISTIEK_PER_DAG` distinct searches, the rest are counted
together in one row, so a flood of unique queries can't grow it. In the same transaction the
day's totals and filters are counted in ZoekTelling (bounded by the vocabularies), which the
coordinator's figures read.
"""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, router, transaction
from django.db.models import F
from django.utils import timezone

from preventiezoeker.search.query import parse

from .models import ZoekStatistiek, ZoekTelling

logger = logging.getLogger(__name__)

OVERIGE = "(overige zoekopdrachten)"  # parse() keeps no brackets: no search can be this row
PER_DAG = 2_000
WACHT_MS = 100  # longest a search waits for a lock on the statistics
STATEMENT_MS = 1_000  # PostgreSQL: longest one statistics statement may run
# ZoekTelling keys besides "facet=value": no filter pair holds no "=".
ALLE, ZONDER_WOORDEN, OVERIGE_SLEUTEL = "*", "*zonder-woorden", "*overige"


def sleutels(woorden, filters, overige=False):
    """The ZoekTelling keys one search counts under: all, without words, overflow, and each
    distinct filter pair of its filter string."""
    result = [ALLE]
    if not woorden:
        result.append(ZONDER_WOORDEN)
    if overige or woorden == OVERIGE:
        result.append(OVERIGE_SLEUTEL)
    max_length = ZoekTelling._meta.get_field("sleutel").max_length
    result += [paar[:max_length] for paar in filters.split("&") if "=" in paar]
    return list(dict.fromkeys(result))


def per_dag():
    return getattr(settings, "ZOEKSTATISTIEK_PER_DAG", PER_DAG)


def tel(params, total):
    """Count one search (its words and filters) with its number of results, if that's quick."""
    parsed = parse(params["text"])
    filters = "&".join(f"{k}={v}" for k in sorted(params["filters"]) for v in params["filters"][k])
    dag, woorden, filters = timezone.localdate(), parsed.normalised[:200], filters[:500]
    alias = router.db_for_write(ZoekStatistiek)
    connection = transaction.get_connection(alias)
    try:
        with _kort_wachten(connection):
            binnen_transactie = connection.in_atomic_block
            # One transaction (a savepoint inside a request's): the search's row and the day's
            # totals are counted together or not at all. A failure must not poison the
            # request's transaction.
            with transaction.atomic(using=alias), _pg_timeouts(connection, binnen_transactie):
                overige = False
                if not _tel_bestaande(connection, dag, woorden, filters, total):
                    overige = _voeg_toe(alias, dag, woorden, filters, total)
                _tel_per_dag(connection, alias, dag, sleutels(woorden, filters, overige), total)
    except DatabaseError as error:  # locked or timed out: statistics never hold up a search
        logger.warning("Zoekstatistiek niet geteld: %s", error)


@contextmanager
def _kort_wachten(connection):
    """SQLite: wait WACHT_MS, not the connection's timeout, for the write lock."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        before = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA busy_timeout = {WACHT_MS:d}")
        try:
            yield
        finally:
            cursor.execute(f"PRAGMA busy_timeout = {int(before):d}")


@contextmanager
def _pg_timeouts(connection, binnen_transactie):
    """PostgreSQL: short lock and statement timeouts for the statistics' own savepoint.

    set_config(..., true) lasts until the end of the transaction, not of the savepoint: inside
    a request's transaction the old values are put back before the savepoint is released (a
    savepoint rolled back undoes them by itself).
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('lock_timeout'), current_setting('statement_timeout'), "
            "set_config('lock_timeout', %s, true), set_config('statement_timeout', %s, true)",
            [f"{WACHT_MS}ms", f"{STATEMENT_MS}ms"],
        )
        lock, statement, *_ = cursor.fetchone()
        yield
        if binnen_transactie:
            cursor.execute(
                "SELECT set_config('lock_timeout', %s, true), "
                "set_config('statement_timeout', %s, true)",
                [lock, statement],
            )


def _tel_bestaande(connection, dag, woorden, filters, total):
    """Count a search that was already done that day, in one UPDATE; False when it wasn't.

    Most searches were. Plain SQL: the ORM took longer to compile this UPDATE than the
    database to run it.
    """
    meta, q = ZoekStatistiek._meta, connection.ops.quote_name
    aantal, resultaten, zonder, *waar = (
        q(meta.get_field(name).column)
        for name in ("aantal", "resultaten", "zonder_resultaat", "dag", "woorden", "filters")
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {q(meta.db_table)} SET {aantal} = {aantal} + 1, {resultaten} = %s, "
            f"{zonder} = {zonder} + %s WHERE {' = %s AND '.join(waar)} = %s",
            [total, 1 if total == 0 else 0, connection.ops.adapt_datefield_value(dag), woorden,
             filters],
        )  # fmt: skip
        return cursor.rowcount > 0


def _voeg_toe(alias, dag, woorden, filters, total):
    """The day's first such search: a new row, or the day's "other searches" row when full."""
    rows = ZoekStatistiek.objects.using(alias)
    overige = rows.filter(dag=dag).count() >= per_dag()
    if overige:
        woorden, filters = OVERIGE, ""
    row, _created = rows.get_or_create(dag=dag, woorden=woorden, filters=filters)
    rows.filter(pk=row.pk).update(
        aantal=F("aantal") + 1,
        resultaten=total,
        zonder_resultaat=F("zonder_resultaat") + (1 if total == 0 else 0),
    )
    return overige


def _tel_per_dag(connection, alias, dag, keys, total):
    """Count the search under each of its day's keys: one UPDATE; the day's first use of a key
    inserts its row."""
    meta, q = ZoekTelling._meta, connection.ops.quote_name
    aantal, zonder, kolom_dag, sleutel = (
        q(meta.get_field(name).column) for name in ("aantal", "zonder_resultaat", "dag", "sleutel")
    )
    zonder_resultaat = 1 if total == 0 else 0
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {q(meta.db_table)} SET {aantal} = {aantal} + 1, "
            f"{zonder} = {zonder} + %s WHERE {kolom_dag} = %s AND {sleutel} IN "
            f"({', '.join(['%s'] * len(keys))})",
            [zonder_resultaat, connection.ops.adapt_datefield_value(dag), *keys],
        )
        if cursor.rowcount == len(keys):
            return
    rows = ZoekTelling.objects.using(alias)
    bestaande = set(rows.filter(dag=dag, sleutel__in=keys).values_list("sleutel", flat=True))
    rows.bulk_create(
        [ZoekTelling(dag=dag, sleutel=key, aantal=1, zonder_resultaat=zonder_resultaat)
         for key in keys if key not in bestaande],
        ignore_conflicts=True,  # PostgreSQL: a concurrent first search of the day wins
    )  # fmt: skip


def tellingen_van(rijen):
    """ZoekTelling objects (unsaved) for log rows (dag, woorden, filters, aantal, zonder):
    what tel() would have counted, for data written without it (benchmark, tests)."""
    aantal, zonder = {}, {}
    for dag, woorden, filters, n, z in rijen:
        for key in sleutels(woorden, filters):
            aantal[dag, key] = aantal.get((dag, key), 0) + n
            zonder[dag, key] = zonder.get((dag, key), 0) + z
    return [
        ZoekTelling(dag=dag, sleutel=key, aantal=n, zonder_resultaat=zonder[dag, key])
        for (dag, key), n in aantal.items()
    ]
