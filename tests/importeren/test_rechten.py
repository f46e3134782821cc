"""Who may import, for whom, and who sees an import: every view, attacked."""

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

import pytest

from aanbod.partners import maak_gebruiker
from importeren.models import ImportTaak
from tests.aanbod.factories import AanbodPageFactory
from tests.importeren.conftest import client_for, csv_bestand, opladen, rij, taak_van


def alle_urls(pk):
    return [
        ("get", reverse("importeren_start")),
        ("get", reverse("importeren_sjabloon") + "?formaat=csv"),
        ("get", reverse("importeren_taak", args=[pk])),
        ("post", reverse("importeren_toepassen", args=[pk])),
        ("get", reverse("importeren_status", args=[pk])),
    ]


@pytest.fixture
def b_taak(partner_b):
    client = client_for(partner_b.user)
    return taak_van(opladen(client, csv_bestand([rij("GEHEIM-B-IMPORT")])))


def test_anonymous_is_sent_to_the_login(b_taak):
    client = Client()
    for method, url in alle_urls(b_taak.pk):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url
    assert ImportTaak.objects.get(pk=b_taak.pk).status == "gecontroleerd"


def test_partner_a_gets_404_for_b_imports_and_guessed_ids(partner_a, b_taak):
    client = client_for(partner_a.user)
    for pk in (b_taak.pk, b_taak.pk + 1, 999999):
        for method, url in alle_urls(pk)[2:]:
            response = getattr(client, method)(url)
            assert response.status_code == 404, url
            assert b"GEHEIM-B" not in response.content
    b_taak.refresh_from_db()
    assert b_taak.status == "gecontroleerd"  # A's POST did not apply it
    html = client.get(reverse("importeren_start")).content.decode()
    assert "GEHEIM-B" not in html and b_taak.bestandsnaam not in html.split("laatste imports")[-1]


def test_a_user_without_organisation_may_not_import(site_tree, b_taak):
    groep, _ = Group.objects.get_or_create(name="Alleen beheer")
    from preventiezoeker.permissions import permission

    groep.permissions.add(permission("wagtailadmin", "access_admin"))
    user = maak_gebruiker("lezer", "lezer@example.org", groep, wachtwoord="wachtwoord")
    client = client_for(user)
    for method, url in alle_urls(b_taak.pk)[:2]:
        response = getattr(client, method)(url)
        # Wagtail answers PermissionDenied in the admin with its dashboard and a message.
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    for method, url in alle_urls(b_taak.pk)[2:]:
        assert getattr(client, method)(url).status_code == 404, url
    assert "Aanbod importeren" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_menu_item_for_partner_and_coordinator(partner_a, coordinator):
    for user in (partner_a.user, coordinator):
        html = client_for(user).get(reverse("wagtailadmin_home")).content.decode()
        assert "Aanbod importeren" in html


def test_template_download_holds_only_own_offers(partner_a, partner_b):
    AanbodPageFactory(parent=partner_b.organisatie, title="GEHEIM-B-CONCEPT", live=False)
    client = client_for(partner_a.user)
    url = reverse("importeren_sjabloon")
    response = client.get(url, {"formaat": "csv", "met_aanbod": "1"})
    tekst = response.content.decode("utf-8-sig")
    assert "Beweegcoach WGC Alfa" in tekst
    assert "WGC Beta" not in tekst and "GEHEIM-B" not in tekst
    # Asking for B's offers by its id is refused, not answered.
    response = client.get(
        url, {"formaat": "csv", "met_aanbod": "1", "organisatie": partner_b.organisatie.pk}
    )
    assert response.status_code == 302
    assert b"GEHEIM-B" not in response.content


@pytest.mark.parametrize(
    "query", [{"formaat": "pdf"}, {"formaat": "csv", "organisatie": "x' OR 1=1"}, {}]
)
def test_template_garbage_parameters_give_a_message(partner_a, query):
    client = client_for(partner_a.user)
    response = client.get(reverse("importeren_sjabloon"), query, follow=True)
    assert response.status_code == 200
    assert "Kies een geldig formaat" in response.content.decode()


def test_get_on_apply_changes_nothing(partner_a):
    client = client_for(partner_a.user)
    taak = taak_van(opladen(client, csv_bestand([rij("X")])))
    assert client.get(reverse("importeren_toepassen", args=[taak.pk])).status_code == 405
    taak.refresh_from_db()
    assert taak.status == "gecontroleerd"
