"""Keep the index in step with the database from any number of worker processes.

An engine whose index lives in the database (`backend.transactional`: PostgreSQL) is written
in the same transaction as the change: every server sees it at commit. Otherwise (Whoosh) a
change is queued (IndexTaak) and then flushed by whoever holds the backend's write lock
(`backend.writer()`, a file lock); a process that cannot get it leaves its task for the
holder, which loops until the queue is empty. Nobody sees a LockError and no update is lost.
A task whose write failed stays queued and is retried (heal.py); a damaged index is rebuilt.
"""

import logging

from django.db import transaction

from . import heal
from .models import IndexTaak
from .sources import all_sources, get_source
from .types import IndexDamaged

logger = logging.getLogger(__name__)
BATCH = 500


def queue(source, ids, background=False):
    """Bring the index in step with these objects. `background`: a visitor's request (a stale
    hit found while searching) must not wait for a held index lock, so the flush runs in a
    thread; an editor's save waits at most flush_soon's 2 s."""
    from . import get_backend

    ids = list(ids)
    if not ids:
        return
    backend = get_backend()
    retry = True
    if backend.transactional:
        # Never built: the rebuild reads the database anyway; keep the task for its record.
        retry = backend.built()
        if not retry:
            heal.damaged()
        else:
            try:
                with transaction.atomic():
                    apply(backend, source, set(ids))
                return
            except IndexDamaged:  # only a rebuild heals it; it reads the database anyway
                retry = False
                heal.damaged()
            except Exception:  # a held lock, a fault: the queue keeps it for a later flush
                logger.warning("Zoektabellen niet bijgewerkt; de wachtrij houdt het", exc_info=True)
    IndexTaak.objects.bulk_create([IndexTaak(bron=source, object_id=i) for i in ids])
    if retry:
        transaction.on_commit(heal.flush_in_background if background else flush_soon)


def apply(backend, name, ids):
    """Write the documents' current state: visible ones replaced, the rest removed."""
    docs = list(get_source(name).documents(ids))
    backend.update(docs)
    gone = ids - {int(doc["id"]) for doc in docs}
    if gone:
        backend.delete(gone)


def flush_soon():
    try:
        flush(timeout=2)
    except Exception:  # the queue keeps the task; the next flush or a rebuild applies it
        logger.exception("Zoekindex bijwerken mislukt; taak blijft in de wachtrij")


def flush(timeout=2):
    """Apply queued tasks. Returns the number applied (0 if another process is on it). A
    damaged index keeps the tasks and starts a rebuild (which flushes when done)."""
    try:
        return _flush(timeout)
    except IndexDamaged:
        heal.damaged()
        return 0


def _flush(timeout):
    from . import get_backend

    applied = 0
    while True:
        backend = get_backend()
        with backend.writer(timeout) as locked:
            if not locked:
                return applied
            while True:
                tasks = list(IndexTaak.objects.order_by("pk")[:BATCH])
                if not tasks:
                    break
                by_source = {}
                for task in tasks:
                    by_source.setdefault(task.bron, set()).add(task.object_id)
                for name, ids in by_source.items():
                    apply(backend, name, ids)
                IndexTaak.objects.filter(
                    pk__lte=tasks[-1].pk, pk__in=[t.pk for t in tasks]
                ).delete()
                applied += len(tasks)
        # A task committed while we released the lock: go round once more.
        if not IndexTaak.objects.exists():
            return applied


def rebuild(progress=None, timeout=600):
    """Rebuild from the database (the source of truth) and then apply what queued meanwhile.
    Unguarded: callers go through heal.py, which lets one process in the deployment do it."""
    from . import get_backend

    backend = get_backend()
    with backend.writer(timeout=timeout) as locked:
        if not locked:
            raise RuntimeError("Een andere herbouw of update loopt nog.")
        started = IndexTaak.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

        def documents():
            for source in all_sources():
                yield from source.documents(None)

        count = backend.rebuild(documents(), progress=progress)
        # Everything queued before the rebuild read the database is in it already.
        IndexTaak.objects.filter(pk__lte=started).delete()
    backend.after_rebuild()
    flush(timeout=5)
    return count
