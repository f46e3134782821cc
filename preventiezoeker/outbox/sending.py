"""The outbox. enqueue() stores a mail inside the caller's transaction; right after the commit
one quick attempt is made; `manage.py mails_versturen` (cron, every minute) sends what is left,
with exponential backoff, and gives up after OUTBOX_MAX_ATTEMPTS (the row stays, with its error).

Sending goes through Django's mailers (settings.MAILERS), so any mail backend works. Delivery is
at least once: a sender that dies between sending and recording it sends again after its lease.
"""

import datetime
import logging

from django.conf import settings
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from preventiezoeker.outbox.conf import max_attempts, setting
from preventiezoeker.outbox.models import OutgoingMail

logger = logging.getLogger(__name__)


def _addresses(values):
    addresses = [str(value).strip() for value in values or () if value]
    if any("\r" in a or "\n" in a for a in addresses):
        raise ValueError("An e-mail address contains a line break.")
    return addresses


def enqueue(*, to, subject, body, reply_to=(), html="", delete_when_sent=False):
    """Store one mail and try it once after the commit. None when there is nobody to mail."""
    to = _addresses(to)
    if not to:
        return None
    row = OutgoingMail.objects.create(
        to=to,
        reply_to=_addresses(reply_to),
        from_email=settings.DEFAULT_FROM_EMAIL,
        subject=" ".join(str(subject).split())[:255],  # a header is one line, always
        body=body,
        html=html,
        delete_when_sent=delete_when_sent,
    )
    pk = row.pk
    transaction.on_commit(lambda: send_now(pk), robust=True)
    return row


def send_now(pk):
    """The quick attempt after the commit. Never raises: the visitor's answer must not depend
    on the mail server; the cron command retries."""
    try:
        return send_due(pk=pk, timeout=setting("OUTBOX_NOW_TIMEOUT")) == (1, 0)
    except Exception:
        logger.exception("Outbox: sending mail %s right away failed; the cron job retries", pk)
        return False


def take(pk, now):
    """Claim one mail for this sender: True if it was still due and is now ours.

    One conditional UPDATE: of two senders that both saw the mail as due, the database lets
    only the first move claimed_until into the future; the second updates no row."""
    lease = now + datetime.timedelta(seconds=setting("OUTBOX_LEASE_SECONDS"))
    due = OutgoingMail.objects.due(now, max_attempts()).filter(pk=pk)
    return due.update(claimed_until=lease, attempts=F("attempts") + 1) == 1


def claim(now, limit, pk=None):
    """Take up to limit due mails for this sender; ids of the ones taken. On PostgreSQL SKIP
    LOCKED also keeps a second sender from waiting on rows the first is claiming."""
    due = OutgoingMail.objects.due(now, max_attempts())
    if pk is not None:
        due = due.filter(pk=pk)
    with transaction.atomic():
        candidates = due.order_by("next_attempt", "pk")
        if connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        ids = list(candidates.values_list("pk", flat=True)[:limit])
        return [pk for pk in ids if take(pk, now)]


def _deliver(row, timeout):
    mailer = mail.mailers[setting("OUTBOX_MAILER")]
    if timeout is not None and hasattr(mailer, "timeout"):  # SMTP: don't wait a minute
        mailer.timeout = timeout if mailer.timeout is None else min(mailer.timeout, timeout)
    message = EmailMultiAlternatives(
        subject=row.subject,
        body=row.body,
        from_email=row.from_email,
        to=row.to,
        reply_to=row.reply_to or None,
    )
    if row.html:
        message.attach_alternative(row.html, "text/html")
    if mailer.send_messages([message]) != 1:
        raise RuntimeError("The mail backend sent nothing.")


def retry_delay(attempts):
    seconds = setting("OUTBOX_RETRY_SECONDS") * 2 ** max(attempts - 1, 0)
    return datetime.timedelta(seconds=min(seconds, setting("OUTBOX_RETRY_MAX_SECONDS")))


def _failed(row, error):
    now = timezone.now()
    row.last_error = f"{type(error).__name__}: {error}"[:2000]
    row.next_attempt = now + retry_delay(row.attempts)
    row.claimed_until = None
    if row.attempts < max_attempts():
        logger.warning("Outbox: mail %s failed (attempt %s): %s", row.pk, row.attempts, error)
    elif row.delete_when_sent:  # its address was promised not to be kept
        logger.error("Outbox: mail %s given up after %s attempts, deleted", row.pk, row.attempts)
        row.delete()
        return
    else:
        logger.error(
            "Outbox: mail %s given up after %s attempts, kept for the coordinator: %s",
            row.pk, row.attempts, row.last_error,
        )  # fmt: skip
    row.save(update_fields=["last_error", "next_attempt", "claimed_until"])


def send_due(limit=100, pk=None, timeout=None):
    """Send what is due (or only mail pk); (sent, failed)."""
    sent = failed = 0
    for claimed in claim(timezone.now(), limit, pk=pk):
        row = OutgoingMail.objects.get(pk=claimed)
        try:
            _deliver(row, timeout)
        except Exception as error:  # any backend, any failure: record it, retry later
            _failed(row, error)
            failed += 1
            continue
        if row.delete_when_sent:
            row.delete()
        else:
            OutgoingMail.objects.filter(pk=row.pk).update(
                sent_at=timezone.now(), claimed_until=None, last_error=""
            )
        sent += 1
    return sent, failed


def purge_sent(now=None):
    """Delete mails sent, or given up, longer ago than OUTBOX_KEEP_SENT_DAYS; how many."""
    limit = (now or timezone.now()) - datetime.timedelta(days=setting("OUTBOX_KEEP_SENT_DAYS"))
    old = OutgoingMail.objects.filter(sent_at__lt=limit) | OutgoingMail.objects.given_up(
        max_attempts()
    ).filter(created__lt=limit)
    deleted, _ = old.delete()
    return deleted
