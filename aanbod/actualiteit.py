"""When an offer is due for a check, when it is stale, and marking it checked: one rule for the
mails, the dashboards, the offer page and the search."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.log_actions import log

from dateutil.relativedelta import relativedelta

# The audit line every way of checking leaves (mail link, correction solved, editor).
LOG_ACTION = "aanbod.nagekeken"


def _vandaag(today):
    return today or timezone.localdate()


def nakijken_voor(laatst_nagekeken: datetime.date | None) -> datetime.date | None:
    """The day an offer checked on this date becomes due; None (never checked) is due now."""
    if laatst_nagekeken is None:
        return None
    return laatst_nagekeken + relativedelta(months=settings.AANBOD_NAKIJKEN_NA_MAANDEN)


def verouderd_vanaf(laatst_nagekeken: datetime.date | None) -> datetime.date | None:
    if laatst_nagekeken is None:
        return None
    return laatst_nagekeken + relativedelta(months=settings.AANBOD_VEROUDERD_NA_MAANDEN)


def is_te_controleren(page, today=None) -> bool:
    due = nakijken_voor(page.laatst_nagekeken)
    return due is None or due <= _vandaag(today)


def is_verouderd(page, today=None) -> bool:
    """Nobody checked it for AANBOD_VEROUDERD_NA_MAANDEN: "Mogelijk niet meer actueel"."""
    grens = verouderd_vanaf(page.laatst_nagekeken)
    return grens is not None and grens <= _vandaag(today)


def nakijken_grens(today=None) -> datetime.date:
    """Checked on or before this day: due today."""
    return _vandaag(today) - relativedelta(months=settings.AANBOD_NAKIJKEN_NA_MAANDEN)


def verouderd_grens(today=None) -> datetime.date:
    """Checked on or before this day: stale today."""
    return _vandaag(today) - relativedelta(months=settings.AANBOD_VEROUDERD_NA_MAANDEN)


def te_controleren(queryset, today=None):
    """Offers of `queryset` that are due (never checked counts as due)."""
    grens = nakijken_grens(today)
    return queryset.filter(Q(laatst_nagekeken__isnull=True) | Q(laatst_nagekeken__lte=grens))


def verouderd(queryset, today=None):
    return queryset.filter(laatst_nagekeken__lte=verouderd_grens(today))


def markeer_nagekeken(page, *, bron: str, user=None, today=None):
    """Record that the offer still holds: sets laatst_nagekeken on the live page and on the
    revisions that carry the old date (so a later publish keeps it), leaves an audit line, and
    reindexes. No new revision and no approval: it confirms content, it does not change it.

    `bron` says how ("link in mail", "melding opgelost", ...), shown in the page's history.
    """
    from aanbod.models import AanbodPage  # models import this module's rule
    from aanbod.search import SOURCE
    from preventiezoeker.search.sync import queue

    dag = _vandaag(today)
    with transaction.atomic():
        page = AanbodPage.objects.select_for_update().get(pk=page.pk)
        oud = page.laatst_nagekeken
        AanbodPage.objects.filter(pk=page.pk).update(laatst_nagekeken=dag)
        oud_iso = oud.isoformat() if oud else None
        revisies = {r.pk: r for r in (page.live_revision, page.latest_revision) if r is not None}
        for revisie in revisies.values():
            if revisie.content.get("laatst_nagekeken") in (oud_iso, None):
                revisie.content["laatst_nagekeken"] = dag.isoformat()
                revisie.save(update_fields=["content"])
        page.laatst_nagekeken = dag
        data = {"bron": bron, "datum": dag.isoformat()}
        log(instance=page, action=LOG_ACTION, user=user, data=data)
    queue(SOURCE, [page.pk])
    return page
