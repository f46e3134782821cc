"""Wagtail mails the moderators once per submitted page: an import of 1,000 offers would send
1,000 mails (and wait on the mail server 1,000 times inside its transaction). While an import
runs in this thread, those notifications are held back; the import then sends one summary
through the outbox (mails.py)."""

import threading
from contextlib import contextmanager

from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted

_lokaal = threading.local()
# Wagtail's own receivers (wagtail/admin/signal_handlers.py), by their dispatch_uid.
ONTVANGERS = (
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification",
     "task_submission_email_notifier"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification",
     "workflow_submission_email_notifier"),
)  # fmt: skip


@contextmanager
def zonder_meldingen():
    _lokaal.stil = True
    try:
        yield
    finally:
        _lokaal.stil = False


def _tenzij_stil(notifier):
    def ontvanger(sender, **kwargs):
        if not getattr(_lokaal, "stil", False):
            return notifier(sender=sender, **kwargs)
        return None

    return ontvanger


def vervang_ontvangers():
    """Put a wrapper in the place of Wagtail's notifiers, under the same dispatch_uid: whichever
    app is ready first, Wagtail's own connect is then a no-op or is undone here."""
    from wagtail.admin import signal_handlers

    for signal, sender, uid, naam in ONTVANGERS:
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(
            _tenzij_stil(getattr(signal_handlers, naam)), sender=sender, dispatch_uid=uid,
            weak=False,
        )  # fmt: skip
