"""Shared change counters: one truth for per-worker caches on every worker and every server.

A worker keeps data it derived from the database (the facet choices, aanbod/facetten.py) and
keys that copy on `versie(naam)`. Whatever changes the underlying data calls `verhoog(naam)`
(from a signal receiver), which bumps a row in the database *in the same transaction* as the
change: another worker sees the new number exactly when it can see the new data, never before
(so it cannot re-cache old data under the new number) and never much later.

Why the database and not the cache: with several gunicorn workers on one machine without Redis
the "default" cache is per process (locmem), and a cache bump after commit can be lost when
Redis hiccups. The row is in the one database every worker of every server already shares.

Reading costs one primary-key SELECT at most every MAX_AGE seconds per process and name, so a
change made anywhere is seen everywhere within MAX_AGE plus one request. The worker that made
the change reads again at once.
"""

import threading
import time

MAX_AGE = 0.5  # seconds a worker trusts the number it read last

_gelezen = {}  # naam -> (monotonic time of the read, nummer)
_lock = threading.Lock()


def versie(naam: str) -> int:
    """The current number for `naam` (0 before its first change), at most MAX_AGE old."""
    now = time.monotonic()
    hit = _gelezen.get(naam)
    if hit is not None and now - hit[0] < MAX_AGE:
        return hit[1]
    from .models import Versie

    nummer = Versie.objects.filter(naam=naam).values_list("nummer", flat=True).first() or 0
    with _lock:
        _gelezen[naam] = (now, nummer)
    return nummer


def verhoog(naam: str) -> None:
    """Bump `naam` in the current transaction: every worker drops its copy once it commits."""
    from django.db.models import F

    from .models import Versie

    if not Versie.objects.filter(naam=naam).update(nummer=F("nummer") + 1):
        Versie.objects.get_or_create(naam=naam)  # first change ever (safe if two race here)
        Versie.objects.filter(naam=naam).update(nummer=F("nummer") + 1)
    vergeet(naam)


def vergeet(naam: str | None = None) -> None:
    """Make this worker read the number again on its next `versie()` (all names by default)."""
    with _lock:
        if naam is None:
            _gelezen.clear()
        else:
            _gelezen.pop(naam, None)
