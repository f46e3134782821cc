"""The index heals itself: queued changes are retried until applied, and a damaged index is
rebuilt from the database once, by one process, while the site answers from the database.

Triggers: a search (search() calls on_search(), and damaged() when the engine raises
IndexDamaged), a write that finds the index damaged (sync), the admin button and
`manage.py zoekindex --wachtrij` (cron). Background work runs in a daemon thread with its own
database connection; settings.SEARCH_JOBS = "inline" runs it at once instead (tests), and
settings.SEARCH_AUTO_HEAL = False leaves only the admin button and the command (test settings).
"""

import logging
import os
import socket
import threading
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection, connections, transaction
from django.db.models import Q
from django.utils import timezone

from .models import IndexTaak, ZoekindexHerbouw
from .types import IndexDamaged, SearchUnavailable

logger = logging.getLogger(__name__)

STALE_AFTER = 60  # s without a heartbeat: the holder is presumed dead and may be taken over
BEAT_EVERY = 2  # s between progress writes
QUEUE_GRACE = 5  # s a task may wait before a search starts a background flush
LOOK_EVERY = 5  # s between one process's looks at the queue or at a damaged index
# s after a rebuild failed before an automatic trigger starts another: a failing one is not
# restarted by every visitor. After one that succeeded only PAUSE_AFTER_SUCCESS: new damage
# (bench/faults.py breaks the index again at once) heals in seconds, yet no rebuild loop.
PAUSE = 60
PAUSE_AFTER_SUCCESS = 5
LOCK_WAIT = 60  # s a background rebuild waits for the index lock (a flush holds it briefly)
FOREGROUND_LOCK_WAIT = 600

AUTOMATISCH = "automatisch"


class Busy(Exception):
    """A rebuild cannot start now; the message is for the coordinator."""


def auto_heal():
    return getattr(settings, "SEARCH_AUTO_HEAL", True)


def in_background(name, job, *args):
    """Run job(*args) in a daemon thread with its own database connection (closed at the end);
    at once when settings.SEARCH_JOBS is "inline". Returns the thread, or None."""
    if getattr(settings, "SEARCH_JOBS", "thread") == "inline":
        _logged(job, *args)
        return None
    thread = threading.Thread(target=_own_connection, args=(job, *args), name=name, daemon=True)
    thread.start()
    return thread


def _own_connection(job, *args):
    try:
        _logged(job, *args)
    finally:
        connections.close_all()  # this thread's connections only


def _logged(job, *args):
    try:
        job(*args)
    except Exception:
        logger.exception("Achtergrondtaak van de zoekindex mislukt")


# -- the queue ------------------------------------------------------------------------------
_flushing = threading.Lock()  # one background flush per process; the index lock: per machine
_next_look = {"queue": 0.0, "damage": 0.0}


def _due(what):
    """Whether this process may look again (every LOOK_EVERY s): a search costs no query."""
    now = time.monotonic()
    if now < _next_look[what]:
        return False
    _next_look[what] = now + LOOK_EVERY
    return True


def on_search():
    """Called by every search: when the oldest queued change is older than QUEUE_GRACE s (an
    update failed after its commit), start one background flush. Never blocks or fails."""
    if not auto_heal() or not _due("queue"):
        return
    try:
        oldest = IndexTaak.objects.order_by("pk").values_list("aangemaakt", flat=True).first()
    except DatabaseError:
        logger.warning("Wachtrij van de zoekindex niet leesbaar", exc_info=True)
        return
    if oldest is not None and timezone.now() - oldest > timedelta(seconds=QUEUE_GRACE):
        flush_in_background()


def flush_in_background():
    if not _flushing.acquire(blocking=False):
        return None
    try:
        return in_background("zoekindex-wachtrij", _flush_job)
    except BaseException:
        _flushing.release()
        raise


def _flush_job():
    from .sync import flush

    try:
        flush(timeout=2)
    finally:
        _flushing.release()


# -- the rebuild record ---------------------------------------------------------------------
def record():
    """The rebuild record (never saved until a rebuild is claimed)."""
    return ZoekindexHerbouw.objects.filter(pk=1).first() or ZoekindexHerbouw(pk=1)


def running(herbouw):
    stale = timezone.now() - timedelta(seconds=STALE_AFTER)
    return (
        herbouw.status == ZoekindexHerbouw.BEZIG
        and bool(herbouw.hartslag)
        and (herbouw.hartslag >= stale)
    )


def claim(door, pause=0):
    """Take the rebuild for this caller: a token, or None when another holds it (or, with
    `pause`, when the last one ended under `pause` s ago). One conditional UPDATE: two
    processes never both get it; a holder silent for STALE_AFTER s is taken over."""
    now = timezone.now()
    free = ~Q(status=ZoekindexHerbouw.BEZIG) | Q(hartslag__lt=now - timedelta(seconds=STALE_AFTER))
    if pause:
        free &= (
            Q(klaar__isnull=True)
            | Q(klaar__lte=now - timedelta(seconds=pause))
            | (
                ~Q(status=ZoekindexHerbouw.MISLUKT)
                & Q(klaar__lte=now - timedelta(seconds=min(pause, PAUSE_AFTER_SUCCESS)))
            )
        )
    token = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    try:
        with transaction.atomic():
            ZoekindexHerbouw.objects.get_or_create(pk=1)
            taken = ZoekindexHerbouw.objects.filter(free, pk=1).update(
                status=ZoekindexHerbouw.BEZIG, eigenaar=token, door=door[:150], gestart=now,
                hartslag=now, klaar=None, gedaan=0, totaal=0, fout="",
            )  # fmt: skip
    except DatabaseError:
        logger.warning("Herbouw van de zoekindex niet opgeëist", exc_info=True)
        return None
    return token if taken else None


def _write(token, **fields):
    try:
        ZoekindexHerbouw.objects.filter(pk=1, eigenaar=token).update(
            hartslag=timezone.now(), **fields
        )
    except DatabaseError:
        logger.warning("Voortgang van de herbouw niet bewaard", exc_info=True)


class _Beat:
    """Progress and heartbeat of a rebuild. Threaded: written from a thread with its own
    connection, because the PostgreSQL engine rebuilds in one transaction (which would hide
    writes made inside it) and a long phase without progress (the final commit) must beat too."""

    def __init__(self, token, threaded, also=None):
        self.token, self.threaded, self.also = token, threaded, also
        self.done, self._last = 0, time.monotonic()
        self._stop = threading.Event()
        self._thread = None
        if threaded:
            self._thread = threading.Thread(
                target=_own_connection, args=(self._loop,), name="zoekindex-hartslag", daemon=True
            )
            self._thread.start()

    def add(self, n=1):
        self.done += n
        if self.also:
            self.also(n)
        if not self.threaded and time.monotonic() - self._last >= BEAT_EVERY:
            self._last = time.monotonic()
            _write(self.token, gedaan=self.done)

    def _loop(self):
        while not self._stop.wait(BEAT_EVERY):
            _write(self.token, gedaan=self.done)

    def stop(self):
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


def _unbounded_statements():
    """A rebuild outlasts the request-level statement_timeout: lift it for this connection (the
    background thread's own, closed when it ends; the command's process)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")
            # Waiting out a publish's row locks is fine here: no visitor waits on this thread.
            cursor.execute("SET lock_timeout = 0")


def run(token, lock_wait, progress=None, threaded=True):
    """Rebuild under a claimed record; records the count or the error and always lets go of
    the record, the index lock and the heartbeat. Re-raises a failure for the caller."""
    from .sources import all_sources
    from .sync import rebuild

    beat = None
    try:
        _unbounded_statements()
        _write(token, totaal=sum(source.count() for source in all_sources()))
        beat = _Beat(token, threaded, also=progress)
        count = rebuild(progress=beat.add, timeout=lock_wait)
    except BaseException as exc:  # also Ctrl-C on the command: the record must not stay taken
        if beat is not None:
            beat.stop()
        _finish(token, ZoekindexHerbouw.MISLUKT, fout=str(exc) or type(exc).__name__)
        raise
    beat.stop()
    _finish(token, ZoekindexHerbouw.KLAAR, gedaan=count)
    return count


def _finish(token, status, **fields):
    _write(token, status=status, klaar=timezone.now(), **fields)


# -- the triggers ---------------------------------------------------------------------------
def damaged():
    """The engine found the index missing or damaged: start one background rebuild for the
    whole deployment (unless one runs, or the last one ended under PAUSE s ago). After the
    caller's commit: the thread must see the claim."""
    if auto_heal() and _due("damage"):
        transaction.on_commit(_start_automatic)


def search_failed(backend, exc):
    """A search raised SearchUnavailable: heal when the index is damaged, as the engine said
    or as its check says (an engine may not tell a missing index from a passing fault)."""
    if not auto_heal() or not _due("damage"):
        return
    if not isinstance(exc, IndexDamaged):
        try:
            check(backend)
        except IndexDamaged:
            pass
        except SearchUnavailable:  # unreachable, not damaged: a rebuild would not help
            return
        else:
            return
    transaction.on_commit(_start_automatic)


def _start_automatic():
    token = claim(AUTOMATISCH, pause=PAUSE)
    if token is None:
        return None
    logger.warning("Zoekindex beschadigd: herbouw gestart")
    try:
        return in_background("zoekindex-herbouw", run, token, LOCK_WAIT)
    except Exception:  # a thread that cannot start: the record must not stay taken
        _finish(token, ZoekindexHerbouw.MISLUKT, fout="niet gestart")
        raise


def start_rebuild(door):
    """The admin button: start a background rebuild at once, or raise Busy with the reason.
    Returns the thread (None when inline)."""
    from . import get_backend

    herbouw = record()
    if running(herbouw):
        raise Busy(_already(herbouw))
    with get_backend().writer(0) as free:
        pass
    if not free:
        raise Busy(
            "De zoekindex wordt nu bijgewerkt door een ander proces. "
            "Probeer het over een minuut opnieuw."
        )
    token = claim(door)
    if token is None:
        raise Busy(_already(record()))
    try:
        return in_background("zoekindex-herbouw", run, token, LOCK_WAIT)
    except Exception:
        _finish(token, ZoekindexHerbouw.MISLUKT, fout="niet gestart")
        raise


def rebuild_now(door, progress=None):
    """The command's rebuild, in the foreground, under the same one-rebuild guard."""
    token = claim(door)
    if token is None:
        raise Busy(_already(record()))
    threaded = getattr(settings, "SEARCH_JOBS", "thread") != "inline"
    return run(token, FOREGROUND_LOCK_WAIT, progress=progress, threaded=threaded)


def _already(herbouw):
    if herbouw.gestart:
        sinds = timezone.localtime(herbouw.gestart).strftime("%H:%M")
        return f"Er loopt al een herbouw (gestart om {sinds} door {herbouw.door})."
    return "Er loopt al een herbouw."


def check(backend):
    """Raise IndexDamaged when the index is missing or damaged (the engine's cheap check)."""
    engine_check = getattr(backend, "check", None)
    if engine_check is not None:
        engine_check()
        return
    info = backend.status()  # an engine without check(): a full open tells as much
    if not info["ok"]:
        raise IndexDamaged(info["detail"])
