"""schema.org JSON-LD on offer and organisation pages (issue 15 item 4): parsed out of the
rendered page; a Service with provider, area, audience, languages, price and full addresses; an
Organization with address and contacts; partner text cannot break out of the <script>; hidden
offers are never named."""

import datetime
import decimal
import json

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from aanbod.enums import PrijsCategorie
from aanbod.models import AanbodLocatie, Doelgroep, Taal, Thema, Wijk
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish


def jsonld(client, url):
    """The page's one JSON-LD block, parsed."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    scripts = BeautifulSoup(response.content, "html.parser").find_all(
        "script", type="application/ld+json"
    )
    assert len(scripts) == 1, url
    assert scripts[0].get("nonce"), "the CSP nonce lets the block through"
    return json.loads(scripts[0].string), response.content.decode()


@pytest.fixture
def organisatie(site_tree):
    return OrganisatiePageFactory(
        parent=site_tree.index, title="WGC Rabot", slug="wgc-rabot", telefoon="09 123 45 67",
        email="info@wgc-rabot.example", website="https://wgc-rabot.example/",
        straat_nummer="Palinghuizen 2", postcode="9000", gemeente="Gent",
    )  # fmt: skip


def test_offer_is_a_service_with_everything_a_directory_needs(client, organisatie):
    page = AanbodPageFactory(
        parent=organisatie, title="Beweegcoach", in_het_kort="Samen <b>bewegen</b>.",
        themas=[Thema.objects.get(slug="beweging")],
        talen=[Taal.objects.get(slug="nl"), Taal.objects.get(slug="fr")],
        min_leeftijd=18, max_leeftijd=99, prijs=[PrijsCategorie.GRATIS],
        inschrijving_telefoon="09 222 33 44",
    )  # fmt: skip
    page.doelgroepen.set(Doelgroep.objects.all()[:1])
    page.wijken.set(Wijk.objects.filter(slug="rabot-blaisantvest"))
    page.locaties.add(
        AanbodLocatie(
            naam="Buurtcentrum", straat_nummer="Rabotstraat 1", postcode="9000", gemeente="Gent",
            latitude=decimal.Decimal("51.06"), longitude=decimal.Decimal("3.71"),
        )
    )  # fmt: skip
    page.save()
    page = publish(page)
    data, _html = jsonld(client, page.url)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Service"
    assert data["name"] == "Beweegcoach" and data["description"] == "Samen bewegen."
    assert data["url"] == f"http://testserver{page.url}"
    assert data["provider"] == {
        "@type": "Organization", "name": "WGC Rabot", "url": "https://wgc-rabot.example/",
        "mainEntityOfPage": f"http://testserver{organisatie.url}",
        "telephone": "09 123 45 67", "email": "info@wgc-rabot.example",
        "address": {
            "@type": "PostalAddress", "streetAddress": "Palinghuizen 2", "postalCode": "9000",
            "addressLocality": "Gent", "addressCountry": "BE",
        },
    }  # fmt: skip
    assert data["areaServed"][0]["@type"] == "Place"
    assert data["areaServed"][0]["containedInPlace"] == {"@type": "City", "name": "Gent"}
    assert data["audience"]["suggestedMinAge"] == 18 and data["audience"]["suggestedMaxAge"] == 99
    assert data["audience"]["audienceType"]
    assert sorted(t["alternateName"] for t in data["availableLanguage"]) == ["fr", "nl"]
    assert data["offers"]["price"] == "0" and data["offers"]["priceCurrency"] == "EUR"
    assert data["category"] == ["Beweging"]
    kanaal = data["availableChannel"]
    assert kanaal["servicePhone"]["telephone"] == "09 222 33 44"
    assert kanaal["serviceLocation"] == {
        "@type": "Place", "name": "Buurtcentrum",
        "address": {
            "@type": "PostalAddress", "streetAddress": "Rabotstraat 1", "postalCode": "9000",
            "addressLocality": "Gent", "addressCountry": "BE",
        },
        "geo": {"@type": "GeoCoordinates", "latitude": 51.06, "longitude": 3.71},
    }  # fmt: skip


@pytest.mark.parametrize(
    "prijs, bedrag, verwacht",
    [
        ([PrijsCategorie.GRATIS], None, "0"),
        ([PrijsCategorie.BETALEND], decimal.Decimal("45"), "45.00"),
        ([PrijsCategorie.KANSENTARIEF], decimal.Decimal("0"), "0"),
        ([PrijsCategorie.TERUGBETAALD], None, None),  # no amount, not free: no made-up price
    ],
)
def test_price_is_an_amount_or_free_never_made_up(client, organisatie, prijs, bedrag, verwacht):
    page = publish(AanbodPageFactory(parent=organisatie, prijs=prijs, bedrag=bedrag))
    data, _html = jsonld(client, page.url)
    assert data["offers"].get("price") == verwacht
    assert data["areaServed"] == {"@type": "City", "name": "Gent"}


def test_organisation_page_is_an_organization_with_only_visible_services(client, organisatie):
    zichtbaar = publish(AanbodPageFactory(parent=organisatie, title="Open aanbod"))
    AanbodPageFactory(parent=organisatie, title="Geheim concept", live=False)
    ingetrokken = publish(AanbodPageFactory(parent=organisatie, title="Ingetrokken aanbod"))
    ingetrokken.unpublish()
    publish(
        AanbodPageFactory(
            parent=organisatie, title="Verlopen aanbod", einddatum=datetime.date(2021, 1, 1)
        )
    )
    afgeschermd = publish(AanbodPageFactory(parent=organisatie, title="Afgeschermd aanbod"))
    restriction = PageViewRestriction.objects.create(
        page=afgeschermd, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Zorgverleners"))
    data, html = jsonld(client, organisatie.url)
    assert data["@type"] == "Organization" and data["name"] == "WGC Rabot"
    assert data["telephone"] == "09 123 45 67" and data["email"] == "info@wgc-rabot.example"
    assert data["url"] == "https://wgc-rabot.example/"
    assert data["address"]["streetAddress"] == "Palinghuizen 2"
    assert [o["itemOffered"]["name"] for o in data["makesOffer"]] == ["Open aanbod"]
    assert data["makesOffer"][0]["itemOffered"]["url"] == f"http://testserver{zichtbaar.url}"
    for geheim in ("Geheim concept", "Ingetrokken", "Verlopen", "Afgeschermd"):
        assert geheim not in html


def test_organisation_without_address_or_website_has_no_empty_fields(client, site_tree):
    org = OrganisatiePageFactory(
        parent=site_tree.index, title="Vereniging X", telefoon="", email="", gemeente="Gent"
    )
    data, _html = jsonld(client, org.url)
    assert data["url"] == f"http://testserver{org.url}"
    assert "address" not in data and "telephone" not in data and "email" not in data


BREKERS = [
    "</script><script>alert(1)</script>",
    "</SCRIPT ><!-- & -->",
    'Koken & eten "samen" <b>',
]


@pytest.mark.parametrize("tekst", BREKERS)
def test_partner_text_cannot_break_out_of_the_script(client, organisatie, tekst):
    organisatie.korte_beschrijving = tekst
    organisatie.save_revision().publish()
    page = publish(AanbodPageFactory(parent=organisatie, title=tekst, prijs_toelichting=tekst))
    for url in (page.url, organisatie.url):
        data, html = jsonld(client, url)
        assert "<script>alert(1)" not in html and "</SCRIPT >" not in html
        assert tekst in (data.get("name"), data.get("description"))
