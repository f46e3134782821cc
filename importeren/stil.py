"""What Wagtail does once per saved page, done once per import instead, in this thread only.

- Moderator mails: Wagtail mails the moderators for every submitted page; an import of 1,000
  offers would send 1,000 mails (waiting on the mail server inside its transaction). They are
  held back and the import sends one summary through the outbox (mails.py).
- The admin's own search index (modelsearch) is written on every save, about three per
  imported offer; it is written once at the end, in batches.
- The public search index: every publish queues its offer (aanbod/signals.py), and with
  PostgreSQL writes it at once; the import queues all its offers in one batch at the end,
  inside its transaction (toepassen.py).

Wagtail's receivers are swapped, on the first import, for wrappers that do exactly what they
did unless the current thread is running an import (a thread-local flag): other requests are
not affected.
"""

import threading
from contextlib import contextmanager

from django.db.models.signals import post_save

from wagtail.models import TaskState, WorkflowState
from wagtail.signals import page_published, task_submitted, workflow_submitted

_lokaal = threading.local()
_vervangen = threading.Lock()
_klaar = []
ZOEK_BATCH = 500
# Wagtail's mail receivers (wagtail/admin/signal_handlers.py), by their dispatch_uid.
MAIL_ONTVANGERS = (
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification",
     "task_submission_email_notifier"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification",
     "workflow_submission_email_notifier"),
)  # fmt: skip


def _stil():
    return getattr(_lokaal, "uitgesteld", None) is not None


@contextmanager
def zonder_meldingen():
    """Hold back moderator mails and search-index writes while the import runs in this thread;
    the admin search is written when it ends, the public one by whoever calls gepubliceerd()."""
    vervang_ontvangers()
    _lokaal.uitgesteld = set()
    _lokaal.gepubliceerd = set()
    try:
        yield
        _schrijf_zoekindex(_lokaal.uitgesteld)
    finally:
        _lokaal.uitgesteld = None
        _lokaal.gepubliceerd = None


def gepubliceerd():
    """The offers published so far by the import in this thread, and forget them."""
    ids = set(getattr(_lokaal, "gepubliceerd", None) or ())
    if ids:
        _lokaal.gepubliceerd = set()
    return ids


def later_in_admin_zoeken(ids):
    """Offers the import wrote without a save signal (schrijven.py): into the admin search at
    the end, with the others."""
    if _stil():
        _lokaal.uitgesteld.update(ids)


def _schrijf_zoekindex(ids):
    """What modelsearch's insert_or_update_object does per offer, per batch of offers."""
    from modelsearch.backends import get_search_backends_with_name

    from aanbod.models import AanbodPage

    ids = sorted(ids)
    backends = [b for _naam, b in get_search_backends_with_name(with_auto_update=True)]
    for start in range(0, len(ids), ZOEK_BATCH):
        stuk = ids[start : start + ZOEK_BATCH]
        pages = list(AanbodPage.get_indexed_objects().filter(pk__in=stuk))
        for backend in backends:
            backend.add_bulk(AanbodPage, pages)


def _tenzij_stil(notifier):
    def ontvanger(sender, **kwargs):
        if not _stil():
            return notifier(sender=sender, **kwargs)
        return None

    return ontvanger


def _zoekindex_later(origineel):
    def ontvanger(sender, instance, **kwargs):
        if _stil() and not kwargs.get("raw", False):
            _lokaal.uitgesteld.add(instance.pk)
            return None
        return origineel(instance=instance, sender=sender, **kwargs)

    return ontvanger


def _publiek_later(origineel):
    from aanbod.models import AanbodPage

    def ontvanger(sender, instance, **kwargs):
        if _stil() and isinstance(instance, AanbodPage):
            _lokaal.gepubliceerd.add(instance.pk)
            return None
        return origineel(sender=sender, instance=instance, **kwargs)

    return ontvanger


def vervang_ontvangers():
    """Swap Wagtail's receivers for the wrappers above, once per process."""
    if _klaar:
        return
    with _vervangen:
        if _klaar:
            return
        from wagtail.admin import signal_handlers

        from modelsearch.signal_handlers import post_save_signal_handler

        from aanbod.models import AanbodPage
        from aanbod.signals import reindex_on_publish

        for signal, sender, uid, naam in MAIL_ONTVANGERS:
            if signal.disconnect(sender=sender, dispatch_uid=uid):
                signal.connect(
                    _tenzij_stil(getattr(signal_handlers, naam)), sender=sender,
                    dispatch_uid=uid, weak=False,
                )  # fmt: skip
        if page_published.disconnect(reindex_on_publish):
            page_published.connect(
                _publiek_later(reindex_on_publish), weak=False,
                dispatch_uid="importeren-publiek-later",
            )  # fmt: skip
        if post_save.disconnect(post_save_signal_handler, sender=AanbodPage):
            post_save.connect(
                _zoekindex_later(post_save_signal_handler), sender=AanbodPage, weak=False,
                dispatch_uid="importeren-zoekindex-later",
            )  # fmt: skip
        _klaar.append(True)
