"""The dashboard's "Klopt nog" button: one click and the partner's published offer counts as
checked today, with a line in its history, no approval needed. Only for offers the user may
edit; anything else changes nothing and names nothing."""

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry

import pytest

from aanbod.actualiteit import LOG_ACTION
from aanbod.models import AanbodPage
from home.admin_views import BRON_STARTSCHERM
from tests.aanbod.factories import AanbodPageFactory

pytestmark = pytest.mark.django_db

OUD = datetime.date(2025, 1, 10)


def url(page):
    return reverse("dashboard_klopt_nog", args=[page.pk])


@pytest.fixture
def oud(partner_a, partner_b):
    for partner in (partner_a, partner_b):
        AanbodPage.objects.filter(pk=partner.offer.pk).update(laatst_nagekeken=OUD)


def nagekeken(page):
    return AanbodPage.objects.get(pk=page.pk).laatst_nagekeken


def logs(page):
    return PageLogEntry.objects.filter(page_id=page.pk, action=LOG_ACTION)


def test_partner_confirms_own_due_offer_in_one_click(client, partner_a, oud):
    client.force_login(partner_a.user)
    dashboard = client.get("/admin/").content.decode()
    assert f'action="{url(partner_a.offer)}"' in dashboard

    response = client.post(url(partner_a.offer), follow=True)

    assert response.redirect_chain == [("/admin/", 302)]
    assert nagekeken(partner_a.offer) == timezone.localdate()
    entry = logs(partner_a.offer).get()
    assert (entry.user, entry.data["bron"]) == (partner_a.user, BRON_STARTSCHERM)
    html = response.content.decode()
    assert f"Bedankt. &#x27;{partner_a.offer.title}&#x27; is nagekeken" in html
    assert f'action="{url(partner_a.offer)}"' not in html  # no longer due
    # No revision and no approval: the offer is not waiting for the coordinator.
    assert not AanbodPage.objects.get(pk=partner_a.offer.pk).workflow_in_progress


@pytest.mark.parametrize(
    "wie", ["partner A on B's offer", "anonymous", "GET", "without CSRF token"]
)
def test_nothing_changes_for_anyone_else_or_any_other_request(
    client, partner_a, partner_b, oud, wie
):
    doel = partner_a.offer
    if wie == "partner A on B's offer":
        client.force_login(partner_a.user)
        doel = partner_b.offer
        response = client.post(url(doel))
        assert response.status_code == 404
        assert partner_b.offer.title not in response.content.decode()
    elif wie == "anonymous":
        response = client.post(url(doel))
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    elif wie == "GET":
        client.force_login(partner_a.user)
        response = client.get(url(doel))
        assert response.status_code == 405
    else:
        csrf_client = Client(enforce_csrf_checks=True)
        csrf_client.force_login(partner_a.user)
        response = csrf_client.post(url(doel))
        assert response.status_code == 403

    assert nagekeken(doel) == OUD
    assert not logs(doel).exists()


@pytest.mark.parametrize("pk", ["draft", 999999])
def test_a_draft_or_unknown_offer_is_not_found(client, partner_a, pk):
    if pk == "draft":
        draft = AanbodPageFactory(parent=partner_a.organisatie, title="Concept", live=False)
        pk = draft.pk
    client.force_login(partner_a.user)

    response = client.post(reverse("dashboard_klopt_nog", args=[pk]))

    assert response.status_code == 404
    assert not PageLogEntry.objects.filter(action=LOG_ACTION).exists()


def test_a_tampered_id_is_not_an_admin_url(client, partner_a):
    client.force_login(partner_a.user)
    response = client.post("/admin/startscherm/klopt-nog/1%20OR%201=1/")
    assert response.status_code == 404
