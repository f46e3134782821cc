"""Offers of a given age for the freshness loop's tests."""

import datetime

from django.utils import timezone

from dateutil.relativedelta import relativedelta

from aanbod.models import AanbodPage
from tests.aanbod.factories import AanbodPageFactory, publish

VANDAAG = datetime.date(2026, 12, 1)


def nagekeken(page, dag):
    """Set laatst_nagekeken as if the offer was last checked on `dag` (no new revision)."""
    AanbodPage.objects.filter(pk=page.pk).update(laatst_nagekeken=dag)
    page.refresh_from_db()
    return page


def aanbod(parent, title, dag, **velden):
    return nagekeken(publish(AanbodPageFactory(parent=parent, title=title, **velden)), dag)


def maanden_geleden(maanden, vandaag=None):
    return (vandaag or timezone.localdate()) - relativedelta(months=maanden)
