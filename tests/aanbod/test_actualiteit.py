"""The one freshness rule: when an offer is due or stale, and marking it checked."""

import datetime

from django.utils import timezone

from wagtail.models import PageLogEntry

import pytest

from aanbod import actualiteit
from aanbod.models import AanbodPage
from tests.aanbod.factories import AanbodPageFactory, publish

VANDAAG = datetime.date(2026, 12, 1)


@pytest.mark.parametrize(
    "nagekeken, te_controleren, verouderd",
    [
        (None, True, False),
        (datetime.date(2026, 6, 2), False, False),
        (datetime.date(2026, 6, 1), True, False),
        (datetime.date(2025, 12, 2), True, False),
        (datetime.date(2025, 12, 1), True, True),
    ],
)
def test_due_and_stale_follow_the_settings(site_tree, nagekeken, te_controleren, verouderd):
    page = publish(AanbodPageFactory(parent=site_tree.index))
    AanbodPage.objects.filter(pk=page.pk).update(laatst_nagekeken=nagekeken)
    page.refresh_from_db()
    alles = AanbodPage.objects.filter(pk=page.pk)
    assert actualiteit.is_te_controleren(page, VANDAAG) is te_controleren
    assert actualiteit.te_controleren(alles, VANDAAG).exists() is te_controleren
    assert actualiteit.is_verouderd(page, VANDAAG) is verouderd
    assert actualiteit.verouderd(alles, VANDAAG).exists() is verouderd


def test_marking_checked_sets_the_date_logs_and_survives_the_next_publish(site_tree, partner_a):
    page = partner_a.offer
    oud = datetime.date(2025, 1, 1)
    AanbodPage.objects.filter(pk=page.pk).update(laatst_nagekeken=oud)
    page.refresh_from_db()
    page.save_revision()  # a draft saved earlier still carries the old date

    actualiteit.markeer_nagekeken(page, bron="link in mail", user=partner_a.user)

    page = AanbodPage.objects.get(pk=page.pk)
    assert page.laatst_nagekeken == timezone.localdate()
    entry = PageLogEntry.objects.get(page=page, action=actualiteit.LOG_ACTION)
    assert entry.user == partner_a.user
    assert entry.data["bron"] == "link in mail"
    assert "Nagekeken" in entry.message
    # Publishing the older draft later keeps the new date instead of restoring the old one.
    page.get_latest_revision().publish()
    assert AanbodPage.objects.get(pk=page.pk).laatst_nagekeken == timezone.localdate()
