"""One offer, organisation, activity and campaign under /api/v1/ (OpenAPI 2.1.0): what a partner
site shows of each, as documented; unknown or malformed ids and addresses are a 404 in JSON."""

import datetime
from decimal import Decimal

from django.utils import timezone

import pytest

from aanbod.enums import Inschrijving, PrijsCategorie
from aanbod.models import AanbodLocatie, Wijk
from api.openapi import openapi_document
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import publish
from tests.api.schema import check
from tests.kalender.conftest import T, maak_activiteit, maak_campagne

NOT_FOUND = "Niet gevonden: dit adres of dit id bestaat niet, of is niet (meer) openbaar."


@pytest.fixture
def data(partner_a, partner_b, index_dir):
    """Partner A's offer with a place, enrolment and price; an activity with no address of its
    own at that place, in a campaign; partner B's offer with no phone of its own."""
    org = partner_a.organisatie
    org.straat_nummer, org.postcode, org.gemeente = "Wondelgemstraat 5", "9000", "Gent"
    org.website, org.email = "https://wgc-alfa.example.org", "info@wgc-alfa.example.org"
    publish(org)
    offer = partner_a.offer
    offer.inschrijving = [Inschrijving.INSCHRIJVEN]
    offer.inschrijving_telefoon, offer.inschrijving_link = "09 111 22 33", "https://x.example/in"
    offer.prijs, offer.bedrag = [PrijsCategorie.BETALEND], Decimal("12.5")
    offer.prijs_toelichting = "Met UiTPAS <b>1 euro</b>"
    offer.min_leeftijd, offer.contactpersoon = 18, "Ann"
    offer.beschrijving = "<p>Samen <b>bewegen</b>.</p>"
    AanbodLocatie.objects.create(
        aanbod=offer, naam="Buurtcentrum Rabot", straat_nummer="Palinghuizen 2", postcode="9000",
        gemeente="Gent", latitude=Decimal("51.064"), longitude=Decimal("3.713"),
        wijk=Wijk.objects.get(slug="rabot-blaisantvest"), openbaar_vervoer="tram 1",
    )  # fmt: skip
    publish(offer)
    soon = timezone.localdate() + datetime.timedelta(days=4)
    campagne = maak_campagne(
        "Maand van het bewegen", "bewegen", soon, soon + datetime.timedelta(days=20)
    )
    activiteit = maak_activiteit(
        org, "Fietsles in het buurtcentrum", aanbod=offer, campagne=campagne,
        locatie_naam="Buurtcentrum Rabot", data=[(soon, T(10), T(12))],
    )  # fmt: skip
    rebuild()
    return offer, activiteit, campagne, partner_b


def _check(client, url, schema):
    response = client.get(url)
    assert response.status_code == 200, url
    doc = openapi_document()
    body = response.json()
    assert check(doc, {"$ref": f"#/components/schemas/{schema}"}, body) == []
    return body


def test_one_offer_with_places_contact_enrolment_and_next_dates(client, data):
    offer, activiteit, _campagne, _b = data
    body = _check(client, f"/api/v1/aanbod/{offer.pk}/", "AanbodDetail")
    assert body["id"] == offer.pk and body["title"] == offer.title
    assert body["places"] == [
        {
            "name": "Buurtcentrum Rabot",
            "address": {
                "street_address": "Palinghuizen 2", "postcode": "9000", "city": "Gent",
                "text": "Palinghuizen 2, 9000 Gent",
            },
            "latitude": 51.064, "longitude": 3.713, "district": "rabot-blaisantvest",
            "public_transport": "tram 1",
        }
    ]  # fmt: skip
    # The offer's own phone, the organisation's e-mail and website where the offer has none.
    assert body["phone"] == "09 111 22 33"
    assert body["email"] == "info@wgc-alfa.example.org"
    assert body["website"] == "https://wgc-alfa.example.org"
    assert body["enrolment"] == {
        "how": [{"slug": "inschrijven", "label": "Inschrijven"}],
        "phone": "09 111 22 33", "email": None, "link": "https://x.example/in",
    }  # fmt: skip
    assert body["amount"] == "12.50" and body["price_note"] == "Met UiTPAS <b>1 euro</b>"
    assert body["min_age"] == 18 and body["max_age"] is None and body["contact_person"] == "Ann"
    assert body["description_html"] == "<p>Samen <b>bewegen</b>.</p>"
    assert [d["title"] for d in body["next_dates"]] == [activiteit.title]
    assert body["organisation"]["id"] == offer.get_parent().pk


def test_the_offer_list_carries_the_same_new_fields(client, data):
    offer, *_rest = data
    results = client.get("/api/v1/aanbod/").json()["results"]
    found = next(r for r in results if r["id"] == offer.pk)
    detail = client.get(f"/api/v1/aanbod/{offer.pk}/").json()
    for key in ("places", "phone", "email", "website", "enrolment", "schedule", "price_note"):
        assert found[key] == detail[key], key
    assert "description_html" not in found


def test_partner_text_is_escaped_in_the_body(client, data):
    offer, *_rest = data
    response = client.get(f"/api/v1/aanbod/{offer.pk}/")
    assert b"<b>" not in response.content and b"\\u003cb\\u003e1 euro" in response.content


def test_organisations_with_address_contact_and_visible_offers(client, data):
    offer, _activiteit, _campagne, partner_b = data
    listing = _check(client, "/api/v1/organisaties/", "Organisaties")
    assert listing["count"] == 2 and listing["page"] == 1 and listing["num_pages"] == 1
    assert [o["name"] for o in listing["results"]] == ["WGC Alfa", "WGC Beta"]
    alfa = _check(client, f"/api/v1/organisaties/{offer.get_parent().pk}/", "Organisatie")
    assert alfa == listing["results"][0]
    assert alfa["address"]["text"] == "Wondelgemstraat 5, 9000 Gent"
    assert alfa["type"] == {"slug": "wijkgezondheidscentrum", "label": "Wijkgezondheidscentrum"}
    assert alfa["website"] == "https://wgc-alfa.example.org"
    assert [o["id"] for o in alfa["offers"]] == [offer.pk]
    assert alfa["offers"][0]["api_url"] == f"http://testserver/api/v1/aanbod/{offer.pk}/"
    assert listing["results"][1]["offers"][0]["id"] == partner_b.offer.pk
    assert listing["results"][1]["address"] is None  # no street: no address


def test_one_activity_with_the_place_of_its_offer(client, data):
    offer, activiteit, campagne, _b = data
    body = _check(client, f"/api/v1/activiteiten/{activiteit.pk}/", "Activiteit")
    # No street of its own: the offer's place of the same name (kalender.praktisch.plaats).
    assert body["place"]["address"]["text"] == "Palinghuizen 2, 9000 Gent"
    assert body["location"] == "Buurtcentrum Rabot, Palinghuizen 2, 9000 Gent"
    assert body["offer_id"] == offer.pk and body["campaign"]["id"] == campagne.pk
    # Enrolment and price from the offer, as on the activity page.
    assert body["enrolment"]["phone"] == "09 111 22 33"
    assert body["enrolment"]["from_organisation"] is False
    assert body["price"] == {"labels": [], "amount": "12.50", "free": False}
    (date,) = body["next_dates"]
    assert date["start"][11:16] == "10:00" and date["end"][11:16] == "12:00"
    # The calendar's occurrences use the same place.
    occurrences = client.get("/api/v1/kalender/").json()["results"]
    (moment,) = [m for m in occurrences if m["activity"]["id"] == activiteit.pk]
    assert moment["activity"]["place"] == body["place"]
    assert moment["activity"]["location"] == body["location"]


def test_campaigns_with_materials_and_activities(client, data):
    _offer, activiteit, campagne, _b = data
    listing = _check(client, "/api/v1/campagnes/", "Campagnes")
    assert [c["id"] for c in listing["results"]] == [campagne.pk]
    body = _check(client, f"/api/v1/campagnes/{campagne.pk}/", "CampagneDetail")
    assert body["start"] == campagne.start.isoformat() and body["running"] is False
    assert [a["id"] for a in body["activities"]] == [activiteit.pk]
    assert body["activities"][0]["api_url"].endswith(f"/api/v1/activiteiten/{activiteit.pk}/")


BAD_IDS = ["0", "-1", "abc", "1.5", "9" * 30, "2147483648", "١٢", "%00", "1e3", " 1"]


@pytest.mark.parametrize("kind", ["aanbod", "organisaties", "activiteiten", "campagnes"])
@pytest.mark.parametrize("ident", BAD_IDS)
def test_unknown_or_malformed_ids_are_a_json_404(client, db, kind, ident):
    response = client.get(f"/api/v1/{kind}/{ident}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {"detail": NOT_FOUND}
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/",
        "/api/v1/bestaat-niet/",
        "/api/v1/aanbod/1/extra/",
        "/api/v1/x/y/z/",
        "/api/v1/a%0Ab/",
    ],
)
def test_unknown_addresses_under_the_api_are_a_json_404(client, db, url):
    response = client.get(url)
    assert response.status_code == 404 and response.json() == {"detail": NOT_FOUND}


def test_an_id_of_another_kind_is_not_found(client, data):
    offer, activiteit, campagne, _b = data
    assert client.get(f"/api/v1/aanbod/{activiteit.pk}/").status_code == 404
    assert client.get(f"/api/v1/organisaties/{offer.pk}/").status_code == 404
    assert client.get(f"/api/v1/campagnes/{offer.pk}/").status_code == 404
    assert client.get(f"/api/v1/activiteiten/{campagne.pk}/").status_code == 404


@pytest.mark.parametrize("url", ["/api/v1/organisaties/", "/api/v1/campagnes/"])
@pytest.mark.parametrize(
    ("page", "expected", "notices"),
    [("2", 2, 0), ("99999999999999", 10_000, 0), ("abc", 1, 1), ("-3", 1, 1), ("", 1, 0)],
)
def test_paging_past_the_end_is_an_empty_page(client, data, url, page, expected, notices):
    body = client.get(url, {"page": page}).json()
    assert body["page"] == expected and len(body["notices"]) == notices
    assert body["num_pages"] == 1 and body["count"] >= 1
    assert (body["results"] == []) == (expected > 1)


def test_calendar_paging_past_the_end_is_an_empty_page(client, data):
    body = client.get("/api/v1/kalender/", {"page": "7"}).json()
    assert body["page"] == 7 and body["results"] == [] and body["count"] == 1
    assert body["notices"] == []
