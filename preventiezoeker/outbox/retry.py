"""Retries without cron: any request may notice mail that is due again (after a mail outage)
and send it in a background thread. `manage.py mails_versturen` stays the documented safety
net; this makes a site without cron heal too. At most one look per process every
OUTBOX_LOOK_SECONDS (one indexed EXISTS query), never blocking or failing the request."""

import logging
import threading
import time

from django.db import DatabaseError, connections
from django.utils import timezone

from preventiezoeker.outbox.conf import max_attempts, setting
from preventiezoeker.outbox.models import OutgoingMail

logger = logging.getLogger(__name__)

_sending = threading.Lock()  # one background sender per process; claims make it one per mail
_next_look = [0.0]


def on_request():
    if not setting("OUTBOX_SEND_ON_REQUEST"):
        return
    now = time.monotonic()
    if now < _next_look[0] or not _sending.acquire(blocking=False):
        return
    _next_look[0] = now + setting("OUTBOX_LOOK_SECONDS")
    try:
        due = OutgoingMail.objects.due(timezone.now(), max_attempts()).exists()
    except DatabaseError:
        logger.warning("Outbox: could not look for due mail", exc_info=True)
        due = False
    if not due:
        _sending.release()
        return
    if setting("OUTBOX_JOBS") == "inline":
        _send()
        return
    try:
        threading.Thread(target=_send, name="outbox", daemon=True).start()
    except RuntimeError:  # no thread to be had: cron still sends it
        _sending.release()


def _send():
    from preventiezoeker.outbox.sending import send_due

    try:
        send_due(timeout=setting("OUTBOX_NOW_TIMEOUT"))
    except Exception:
        logger.exception("Outbox: background retry failed; the next look or cron retries")
    finally:
        if threading.current_thread() is not threading.main_thread():
            connections.close_all()  # this thread's own connections
        _sending.release()


class OutboxMiddleware:
    """Looks after the response is made: the visitor's answer never waits for the mail."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        on_request()
        return response
