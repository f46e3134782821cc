"""Admin "Actualiteit per organisatie": coordinators only; its numbers per organisation."""

import datetime

from django.utils import timezone

from bs4 import BeautifulSoup

from nakijken.ronde import ronde

from .helpers import aanbod, maanden_geleden, nagekeken

URL = "/admin/actualiteit/"


def test_anonymous_goes_to_the_login(client, site_tree):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_partner_is_refused_and_has_no_menu_item(client, partner_a, partner_b):
    client.force_login(partner_a.user)
    # Wagtail turns the refusal (PermissionDenied) into a redirect to the dashboard, as for
    # the other coordinator-only admin views.
    response = client.get(URL, follow=True)
    assert response.redirect_chain == [("/admin/", 302)]
    assert "je hebt geen toegang tot dit gedeelte" in response.content.decode()
    assert "WGC Beta" not in response.content.decode()
    assert URL not in client.get("/admin/").content.decode()


def test_setting_is_for_coordinators_only(client, partner_a, coordinator):
    from aanbod.models import ActualiteitInstellingen

    url = f"/admin/settings/aanbod/actualiteitinstellingen/{ActualiteitInstellingen.load().pk}/"
    client.force_login(partner_a.user)
    response = client.post(url, {"verouderd_verbergen": "on"})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert ActualiteitInstellingen.load().verouderd_verbergen is False
    client.force_login(coordinator)
    assert client.get(url).status_code == 200
    client.post(url, {"verouderd_verbergen": "on"})
    assert ActualiteitInstellingen.load().verouderd_verbergen is True


def test_numbers_per_organisation(client, partner_a, partner_b, coordinator):
    vandaag = timezone.localdate()
    nagekeken(partner_a.offer, maanden_geleden(13))  # stale (and due)
    aanbod(partner_a.organisatie, "Nooit nagekeken", None)
    aanbod(partner_a.organisatie, "Half oud", maanden_geleden(7))
    aanbod(partner_a.organisatie, "Vers", vandaag)
    concept = aanbod(partner_a.organisatie, "Concept", None)
    concept.unpublish()
    ronde(vandaag - datetime.timedelta(days=1))
    client.force_login(coordinator)
    response = client.get(URL)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    alfa = soup.select_one('tr[data-organisatie="wgc-alfa"]')

    def cel(rij, kolom):
        return rij.select_one(f'td[data-kolom="{kolom}"]').get_text(strip=True)

    assert cel(alfa, "gepubliceerd") == "4"  # not the unpublished one
    assert cel(alfa, "te_controleren") == "3"
    assert cel(alfa, "verouderd") == "1"
    assert cel(alfa, "nooit") == "1"
    assert cel(alfa, "oudste") != "–"
    assert cel(alfa, "laatste_mail") != "nog geen"
    assert cel(alfa, "open") == "3"
    links = [a["href"] for a in alfa.select("details a")]
    assert f"/admin/pages/{partner_a.offer.pk}/edit/" in links and len(links) == 3
    beta = soup.select_one('tr[data-organisatie="wgc-beta"]')
    assert cel(beta, "te_controleren") == "0" and cel(beta, "laatste_mail") == "nog geen"
    # Organisations with stale offers first.
    assert soup.select("tbody tr")[0]["data-organisatie"] == "wgc-alfa"
    assert URL in client.get("/admin/").content.decode()  # the menu item
