"""A partner sees and handles only reports about its own organisation's offers; a report about
a deleted offer is the coordinator's alone. Every door: list, results, search, filters, counts,
menu badge, the report's page and its steps, guessed ids."""

from django.contrib.auth.models import Group
from django.core import mail
from django.test import TestCase

import pytest

from aanbod.partners import maak_gebruiker
from doorverwijzing.enums import MeldingStatus
from doorverwijzing.models import Correctiemelding
from preventiezoeker.permissions import instances_user_may_see

GEHEIM_B = "GEHEIM-B-MELDING"


def melding(page, bericht, **velden):
    titel = page.title if page else "Verwijderd aanbod"
    return Correctiemelding.objects.create(
        aanbod=page, aanbod_titel=titel, bericht=bericht, **velden
    )


@pytest.fixture
def meldingen(partner_a, partner_b, coordinator):
    a = melding(partner_a.offer, "Fout bij A", email="melder-a@example.org")
    b = melding(partner_b.offer, GEHEIM_B, email="melder-b@example.org")
    wees = melding(None, "GEHEIM-ZONDER-AANBOD")
    return a, b, wees


def edit_url(m):
    return f"/admin/correctiemeldingen/edit/{m.pk}/"


@pytest.mark.parametrize(
    "url",
    [
        "/admin/correctiemeldingen/",
        "/admin/correctiemeldingen/results/",
        "/admin/correctiemeldingen/?q=GEHEIM-B",
        "/admin/correctiemeldingen/results/?q=GEHEIM",
        "/admin/correctiemeldingen/?status=nieuw",
        "/admin/correctiemeldingen/?aangemaakt_from=2000-01-01",
        "/admin/",
    ],
)
def test_partner_lists_only_own_reports(client, meldingen, partner_a, url):
    client.force_login(partner_a.user)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert GEHEIM_B not in html and "GEHEIM-ZONDER-AANBOD" not in html
    assert "melder-b@example.org" not in html


def test_partner_sees_own_report_and_its_count(client, meldingen, partner_a):
    client.force_login(partner_a.user)
    assert "Fout bij A" in client.get("/admin/correctiemeldingen/").content.decode()
    assert "Fout bij A" in client.get("/admin/correctiemeldingen/?q=A").content.decode()
    assert "Meldingen (1 open)" in client.get("/admin/").content.decode()


def test_coordinator_sees_all_including_the_orphan(client, meldingen, coordinator):
    client.force_login(coordinator)
    html = client.get("/admin/correctiemeldingen/").content.decode()
    assert "Fout bij A" in html and GEHEIM_B in html and "GEHEIM-ZONDER-AANBOD" in html
    assert "Meldingen (3 open)" in client.get("/admin/").content.decode()
    gezocht = client.get("/admin/correctiemeldingen/?q=GEHEIM-B").content.decode()
    assert GEHEIM_B in gezocht and "Fout bij A" not in gezocht  # the search does search
    for m in meldingen:
        assert client.get(edit_url(m)).status_code == 200


def test_no_badge_when_nothing_is_open(client, meldingen, partner_a):
    Correctiemelding.objects.update(status=MeldingStatus.OPGELOST)
    client.force_login(partner_a.user)
    html = client.get("/admin/").content.decode()
    assert '"Meldingen"' in html and "open)" not in html  # the menu item, without a count


@pytest.mark.parametrize("welke", ["b", "wees", "geraden", "te_groot"])
@pytest.mark.parametrize("methode", ["get", "post"])
def test_partner_a_cannot_open_or_handle_others(client, meldingen, partner_a, welke, methode):
    a, b, wees = meldingen
    url = {
        "b": edit_url(b),
        "wees": edit_url(wees),
        "geraden": "/admin/correctiemeldingen/edit/999999/",
        "te_groot": "/admin/correctiemeldingen/edit/99999999999999999999/",
    }[welke]
    voor = list(Correctiemelding.objects.order_by("pk").values())
    client.force_login(partner_a.user)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = getattr(client, methode)(url, {"stap": "opgelost", "antwoord": "Gehackt"})
    assert response.status_code == 404
    assert GEHEIM_B not in response.content.decode()
    assert list(Correctiemelding.objects.order_by("pk").values()) == voor
    assert mail.outbox == []


def test_partner_a_handles_its_own(client, meldingen, partner_a):
    a, _, _ = meldingen
    client.force_login(partner_a.user)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(edit_url(a), {"stap": "in_behandeling"})
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.status == MeldingStatus.IN_BEHANDELING and a.behandelaar == partner_a.user


def test_a_partner_who_lost_its_rights_loses_the_reports(client, meldingen, partner_a):
    a, _, _ = meldingen
    partner_a.user.groups.clear()
    partner_a.user.groups.add(Group.objects.get_or_create(name="Alleen beheer")[0])
    client.force_login(partner_a.user)
    assert client.get(edit_url(a)).status_code == 302  # Wagtail's "no permission" redirect
    assert client.get("/admin/correctiemeldingen/").status_code == 302


def test_admin_user_without_pages_sees_no_menu(client, meldingen, partner_a, site_tree):
    groep = Group.objects.get(name=partner_a.group.name)
    lezer = maak_gebruiker("lezer", "lezer@example.org", groep)
    groep.page_permissions.all().delete()
    client.force_login(lezer)
    assert "/admin/correctiemeldingen/" not in client.get("/admin/").content.decode()
    assert client.get("/admin/correctiemeldingen/").status_code == 302


@pytest.mark.parametrize("url", ["/admin/correctiemeldingen/", "/admin/correctiemeldingen/edit/1/"])
def test_anonymous_goes_to_the_login(client, meldingen, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_no_view_adds_or_deletes_reports(client, meldingen, coordinator):
    a, _, _ = meldingen
    client.force_login(coordinator)
    for url in (
        "/admin/correctiemeldingen/new/",
        f"/admin/correctiemeldingen/delete/{a.pk}/",
        f"/admin/correctiemeldingen/inspect/{a.pk}/",
        f"/admin/correctiemeldingen/history/{a.pk}/",
    ):
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert Correctiemelding.objects.count() == 3


def test_the_permission_helpers_agree(meldingen, partner_a, partner_b, coordinator):
    a, b, wees = meldingen
    assert list(instances_user_may_see(partner_a.user, Correctiemelding)) == [a]
    assert list(instances_user_may_see(partner_b.user, Correctiemelding)) == [b]
    assert set(instances_user_may_see(coordinator, Correctiemelding)) == {a, b, wees}


def test_a_new_report_is_mailed_to_its_own_partner_only(client, partner_a, partner_b, coordinator):
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(f"/doorverwijzing/correctie/{partner_a.offer.pk}/", {"bericht": "Dicht."})
    (bericht,) = mail.outbox
    assert "partner-b@example.org" not in bericht.to
