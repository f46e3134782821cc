"""An activity page gives the full address, the way to enrol with a phone, e-mail or link, and a
price that agrees with itself; the JSON-LD says the same; the editor refuses "gratis" with an
amount and "op afspraak" without any way to make the appointment."""

import json
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from aanbod.enums import Inschrijving, PrijsCategorie
from aanbod.models import AanbodLocatie
from kalender.models import ActiviteitPage
from tests.aanbod.factories import publish
from tests.kalender.conftest import D, T, maak_activiteit

GRATIS, BETALEND, KANSENTARIEF = (
    PrijsCategorie.GRATIS,
    PrijsCategorie.BETALEND,
    PrijsCategorie.KANSENTARIEF,
)


def plain(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def blok(html, id_):
    """The text of one section of the page (by its heading id), or ''."""
    match = re.search(rf'<h2 id="{id_}">.*?</section>', html, re.S)
    return plain(match.group(0)) if match else ""


def jsonld(html):
    match = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def offer(partner_a):
    """Partner A's offer: € 45 with kansentarief, at one location, enrol by phone."""
    offer = partner_a.offer
    offer.prijs, offer.bedrag = [BETALEND, KANSENTARIEF], Decimal("45")
    offer.inschrijving = [Inschrijving.OP_AFSPRAAK]
    offer.inschrijving_telefoon = "09 123 45 67"
    offer.locaties = [
        AanbodLocatie(
            naam="Lokaal dienstencentrum De Pelikaan", straat_nummer="Hogeweg 20", postcode="9000"
        )
    ]
    return publish(offer)


def activiteit(partner_a, **velden):
    return maak_activiteit(
        partner_a.organisatie, velden.pop("title", "Mondcheck"),
        data=[(D(2030, 3, 5), T(16), T(19))], **velden,
    )  # fmt: skip


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


# -- price ----------------------------------------------------------------------------------------


def test_free_activity_of_a_paying_offer_shows_no_amount(client, partner_a, offer):
    """The issue's case: 'Gratis' next to '€ 45' (the amount came from the offer)."""
    page = activiteit(partner_a, aanbod=offer, prijs=[GRATIS])
    html = render(client, page)
    assert blok(html, "prijs").strip() == "Wat kost het Gratis"
    data = jsonld(html)
    assert data["isAccessibleForFree"] is True and data["offers"]["price"] == "0"


def test_inherited_price_comes_with_its_amount(client, partner_a, offer):
    page = activiteit(partner_a, aanbod=offer)
    html = render(client, page)
    prijs = blok(html, "prijs")
    assert "€ 45" in prijs and "Kansentarief / UiTPAS" in prijs and "Gratis" not in prijs
    data = jsonld(html)
    assert data["isAccessibleForFree"] is False and data["offers"]["price"] == "45.00"


def test_an_amount_means_not_free_even_when_old_data_says_both(client, partner_a):
    page = activiteit(partner_a)
    # Stored before the rule existed (the model refuses it now): shown without "Gratis".
    ActiviteitPage.objects.filter(pk=page.pk).update(prijs=[GRATIS], bedrag=Decimal("45"))
    page.refresh_from_db()
    html = render(client, page)
    assert blok(html, "prijs").strip() == "Wat kost het € 45"
    assert jsonld(html)["isAccessibleForFree"] is False


def test_model_refuses_free_with_an_amount(partner_a):
    page = ActiviteitPage(
        title="Mondcheck", slug="mondcheck", in_het_kort="Kort.", prijs=[GRATIS],
        bedrag=Decimal("45"),
    )  # fmt: skip
    with pytest.raises(ValidationError) as fout:
        page.clean()
    assert "Gratis en een bedrag gaan niet samen" in str(fout.value.message_dict["bedrag"])


# -- address --------------------------------------------------------------------------------------


def test_own_full_address(client, partner_a):
    page = activiteit(
        partner_a, locatie_naam="Ingang Westerbegraafplaats", straat_nummer="Palinghuizen 2",
        postcode="9000",
    )  # fmt: skip
    html = render(client, page)
    assert "Ingang Westerbegraafplaats Palinghuizen 2, 9000 Gent" in blok(html, "waar")
    adres = jsonld(html)["location"]["address"]
    assert (adres["streetAddress"], adres["postalCode"], adres["addressLocality"]) == (
        "Palinghuizen 2",
        "9000",
        "Gent",
    )


def test_address_from_the_offer_location_with_the_same_place_name(client, partner_a, offer):
    page = activiteit(partner_a, aanbod=offer, locatie_naam="Dienstencentrum De Pelikaan")
    html = render(client, page)
    assert "Dienstencentrum De Pelikaan Hogeweg 20, 9000 Gent" in blok(html, "waar")
    assert jsonld(html)["location"]["address"]["streetAddress"] == "Hogeweg 20"


def test_another_place_does_not_borrow_the_offer_address(client, partner_a, offer):
    page = activiteit(partner_a, aanbod=offer, locatie_naam="Bibliotheek De Krook")
    html = render(client, page)
    assert "Hogeweg" not in html
    assert "address" not in jsonld(html)["location"]


def test_a_restricted_offer_lends_nothing(client, partner_a, offer):
    """What is hidden stays hidden: not its address, phone or price."""
    PageViewRestriction.objects.create(page=offer, restriction_type="login")
    page = activiteit(partner_a, aanbod=offer)
    html = render(client, page)
    for geheim in ("Hogeweg", "09 123 45 67", "45"):
        assert geheim not in plain(html).replace(str(page.pk), ""), geheim


# -- enrol ----------------------------------------------------------------------------------------


def test_by_appointment_comes_with_the_offer_phone(client, partner_a, offer):
    page = activiteit(partner_a, aanbod=offer)
    inschrijven = blok(render(client, page), "inschrijven")
    assert "Op afspraak" in inschrijven and "Bel 09 123 45 67" in inschrijven


def test_by_appointment_falls_back_on_the_organisation(client, partner_a):
    org = partner_a.organisatie
    org.telefoon, org.email = "09 222 33 44", "info@alfa.example.org"
    publish(org)
    page = activiteit(partner_a, inschrijving=[Inschrijving.OP_AFSPRAAK])
    inschrijven = blok(render(client, page), "inschrijven")
    assert "Neem contact op met WGC Alfa" in inschrijven
    assert "Bel 09 222 33 44" in inschrijven and "Mail info@alfa.example.org" in inschrijven


def test_own_link_wins_and_is_the_jsonld_offer_url(client, partner_a, offer):
    page = activiteit(partner_a, aanbod=offer, inschrijving_link="https://example.org/in")
    html = render(client, page)
    assert "Schrijf je online in" in blok(html, "inschrijven") and "09 123 45 67" not in html
    assert jsonld(html)["offers"]["url"] == "https://example.org/in"


# -- the editor -----------------------------------------------------------------------------------


def _add_form(client, organisatie):
    url = reverse("wagtailadmin_pages:add", args=["kalender", "activiteitpage", organisatie.pk])
    response = client.get(url)
    assert response.status_code == 200
    return url, querydict_from_html(response.content.decode(), form_id="page-edit-form")


def _nieuwe_activiteit(data, **velden):
    data = data.copy()
    data.update(
        {
            "title": "Mondcheck", "slug": "mondcheck", "in_het_kort": "Laat je mond nakijken.",
            "herhaling": "wekelijks", "eerste_dag": "2030-03-05", "start_tijd": "16:00",
            "eind_tijd": "19:00", "herhaal_aantal": "4",
        }
    )  # fmt: skip
    for key, value in velden.items():
        data.setlist(key, value) if isinstance(value, list) else data.__setitem__(key, value)
    return data


@pytest.mark.parametrize(
    ("velden", "veld_fout"),
    [
        ({"prijs": [GRATIS], "bedrag": "45"}, "Gratis en een bedrag gaan niet samen"),
        (
            {"inschrijving": [Inschrijving.OP_AFSPRAAK]},
            "Hoe schrijf je in of maak je een afspraak?",
        ),
        (
            {"inschrijving": [Inschrijving.INSCHRIJVEN]},
            "Hoe schrijf je in of maak je een afspraak?",
        ),
    ],
)
def test_editor_refuses_contradictions_and_saves_nothing(partner_a, velden, veld_fout):
    client = client_for(partner_a.user)  # WGC Alfa has no phone, e-mail or website
    url, data = _add_form(client, partner_a.organisatie)
    response = client.post(url, _nieuwe_activiteit(data, **velden))
    assert response.status_code == 200
    assert veld_fout in response.content.decode()
    assert not ActiviteitPage.objects.filter(title="Mondcheck").exists()


def test_editor_accepts_an_appointment_with_a_phone(partner_a):
    client = client_for(partner_a.user)
    url, data = _add_form(client, partner_a.organisatie)
    response = client.post(
        url,
        _nieuwe_activiteit(
            data, inschrijving=[Inschrijving.OP_AFSPRAAK], inschrijving_telefoon="09 123 45 67"
        ),
    )
    assert response.status_code == 302
    assert ActiviteitPage.objects.filter(title="Mondcheck").exists()
