"""The outbox's settings, each with its default (override any of them in settings)."""

from django.conf import settings

DEFAULTS = {
    "OUTBOX_MAILER": "default",
    "OUTBOX_MAX_ATTEMPTS": 10,
    "OUTBOX_RETRY_SECONDS": 60,  # first retry; doubled after every failure
    "OUTBOX_RETRY_MAX_SECONDS": 6 * 3600,
    "OUTBOX_NOW_TIMEOUT": 5,  # the attempt in the visitor's request must be quick
    "OUTBOX_LEASE_SECONDS": 600,
    # Requests notice due mail and send it in a thread (retry.py), at most once per process
    # this often; "inline" sends in the request instead (tests).
    "OUTBOX_SEND_ON_REQUEST": True,
    "OUTBOX_LOOK_SECONDS": 30,
    "OUTBOX_JOBS": "thread",
    # Mails hold contact details: sent or given up, they go after this many days (the
    # anonymisation of old requests must not be undone by a copy here).
    "OUTBOX_KEEP_SENT_DAYS": 30,
}


def setting(name):
    return getattr(settings, name, DEFAULTS[name])


def max_attempts():
    return setting("OUTBOX_MAX_ATTEMPTS")
