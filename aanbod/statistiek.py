"""Search statistics (ZoekStatistiek): counted per day, never at the cost of a search.

The count is written in the search request, so it must never wait: while another process
holds SQLite's write lock, or a lock on the table in PostgreSQL, the count is dropped after
at most WACHT_MS instead of holding the search for the database's full timeout. The table is
bounded per day: past `ZOEKSTATISTIEK_PER_DAG` distinct searches, the rest are counted
together in one row, so a flood of unique queries can't grow it.
"""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, router, transaction
from django.db.models import F
from django.utils import timezone

from preventiezoeker.search.query import parse

from .models import ZoekStatistiek

logger = logging.getLogger(__name__)

OVERIGE = "(overige zoekopdrachten)"  # parse() keeps no brackets: no search can be this row
PER_DAG = 2_000
WACHT_MS = 100  # longest a search waits for a lock on the statistics
STATEMENT_MS = 1_000  # PostgreSQL: longest one statistics statement may run


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
            if connection.vendor == "postgresql" or binnen_transactie:
                # A failure must not poison the request's transaction: a savepoint.
                with transaction.atomic(using=alias), _pg_timeouts(connection, binnen_transactie):
                    if not _tel_bestaande(connection, dag, woorden, filters, total):
                        _voeg_toe(alias, dag, woorden, filters, total)
            elif not _tel_bestaande(connection, dag, woorden, filters, total):
                with transaction.atomic(using=alias):
                    _voeg_toe(alias, dag, woorden, filters, total)
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
    database to run it. Outside a transaction one statement is atomic by itself.
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
    if rows.filter(dag=dag).count() >= per_dag():
        woorden, filters = OVERIGE, ""
    row, _created = rows.get_or_create(dag=dag, woorden=woorden, filters=filters)
    rows.filter(pk=row.pk).update(
        aantal=F("aantal") + 1,
        resultaten=total,
        zonder_resultaat=F("zonder_resultaat") + (1 if total == 0 else 0),
    )
