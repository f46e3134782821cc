"""schema.org JSON-LD on every demo page (issue 15 item 4): each offer (Service), organisation
(Organization), campaign (EventSeries) and activity (Event) carries one block whose properties
are checked against the table below; addresses are full where the data has a street, and no
property is ever an empty string (the activities' empty street and postcode of before)."""

import json

from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from aanbod.models import AanbodPage, OrganisatiePage
from kalender.models import ActiviteitPage, CampagnePage
from tests.kalender.conftest import D, T, maak_activiteit, maak_campagne

# type: (required, recommended where the data has it)
EIGENSCHAPPEN = {
    "Service": (
        {"name", "description", "url", "provider", "areaServed", "offers", "availableChannel"},
        {"availableLanguage", "category", "serviceType", "audience"},
    ),
    "Organization": ({"name", "url"}, {"address", "telephone", "email", "description"}),
    "EventSeries": ({"name", "url", "startDate", "endDate"}, {"description", "subEvent"}),
    "Event": (
        {"name", "url", "startDate", "location", "eventAttendanceMode"},
        {"endDate", "organizer", "offers", "description"},
    ),
}
VOLLEDIG_ADRES = {"streetAddress", "postalCode", "addressLocality", "addressCountry"}


def jsonld(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    scripts = BeautifulSoup(response.content, "html.parser").find_all(
        "script", type="application/ld+json"
    )
    assert len(scripts) == 1, url
    return json.loads(scripts[0].string)


def knopen(data):
    """Every dict in the tree."""
    if isinstance(data, dict):
        yield data
        for v in data.values():
            yield from knopen(v)
    elif isinstance(data, list):
        for v in data:
            yield from knopen(v)


def controleer(data, soort, heeft=()):
    """Required properties present, the recommended ones in `heeft` (the data has them) too;
    no empty values; every address has at least a municipality and the country."""
    verplicht, aanbevolen = EIGENSCHAPPEN[soort]
    assert data["@context"] == "https://schema.org" and data["@type"] == soort
    assert verplicht <= data.keys(), verplicht - data.keys()
    assert set(heeft) & aanbevolen <= data.keys(), (set(heeft) & aanbevolen) - data.keys()
    for knoop in knopen(data):
        assert all(v not in ("", None, [], {}) for v in knoop.values()), knoop
        if knoop.get("@type") == "PostalAddress":
            assert {"addressLocality", "addressCountry"} <= knoop.keys(), knoop
            if "streetAddress" in knoop:
                assert knoop.keys() >= VOLLEDIG_ADRES, knoop


def test_every_demo_page_has_valid_structured_data(client, db):
    call_command("demo", verbosity=0)
    aanbod = list(AanbodPage.objects.zichtbaar().specific())
    organisaties = list(OrganisatiePage.objects.live().public().specific())
    campagnes = list(CampagnePage.objects.zichtbaar().specific())
    activiteiten = list(ActiviteitPage.objects.zichtbaar().specific())
    assert len(aanbod) >= 10 and len(organisaties) >= 5 and campagnes and activiteiten

    for page in aanbod:
        data = jsonld(client, page.url)
        heeft = {"category", "serviceType"}
        heeft |= {"availableLanguage"} if page.talen.exists() else set()
        if page.doelgroepen.exists() or page.min_leeftijd is not None:
            heeft.add("audience")
        controleer(data, "Service", heeft)
        assert data["name"] == page.title
        assert data["provider"]["@type"] == "Organization"
        assert data["provider"]["name"] == page.get_parent().title
        locaties = list(page.locaties.all())
        plekken = data["availableChannel"].get("serviceLocation", [])
        plekken = plekken if isinstance(plekken, list) else [plekken]
        assert len(plekken) == len(locaties), page.title
        for plek, loc in zip(plekken, locaties, strict=True):
            assert plek["address"]["streetAddress"] == loc.straat_nummer
            assert plek["address"]["postalCode"] == loc.postcode
            assert ("geo" in plek) == (loc.latitude is not None)
        if "gratis" in page.prijs and page.bedrag is None:
            assert data["offers"]["price"] == "0", page.title

    for org in organisaties:
        data = jsonld(client, org.url)
        heeft = {k for k, veld in (("address", "straat_nummer"), ("telephone", "telefoon"),
                                   ("email", "email"), ("description", "korte_beschrijving"))
                 if getattr(org, veld)}  # fmt: skip
        controleer(data, "Organization", heeft)
        if org.straat_nummer:
            assert data["address"].keys() >= VOLLEDIG_ADRES

    for campagne in campagnes:
        data = jsonld(client, campagne.url)
        controleer(data, "EventSeries", {"description"})
        assert (data["startDate"], data["endDate"]) == (
            campagne.start.isoformat(),
            campagne.einde.isoformat(),
        )
        for event in data.get("subEvent", []):
            assert {"@type", "name", "startDate", "url"} <= event.keys()
            assert event["startDate"][:10] <= data["endDate"]

    met_straat = 0
    for activiteit in activiteiten:
        if not activiteit.momenten.komend().exists():
            continue
        data = jsonld(client, activiteit.url)
        controleer(data, "Event", {"endDate", "organizer", "offers", "description"})
        locaties = data["location"] if isinstance(data["location"], list) else [data["location"]]
        for plek in locaties:
            if plek["@type"] == "Place":
                met_straat += "streetAddress" in plek.get("address", {})
    assert met_straat >= 3  # the demo's places with a street (own or from the offer)


@pytest.fixture
def campagne_met_verborgen(partner_a, site_tree):
    campagne = maak_campagne("Maand van de mondzorg", "mondzorg", D(2026, 3, 1), D(2026, 3, 31))
    maart = [(D(2026, 3, 18), T(10), T(11))]
    org = partner_a.organisatie
    maak_activiteit(org, "Open poetsles", data=maart, campagne=campagne)
    concept = maak_activiteit(org, "Gepubliceerde les", data=maart, campagne=campagne)
    concept.title = "Geheim concept"
    concept.save_revision()
    ingetrokken = maak_activiteit(org, "Ingetrokken les", data=maart, campagne=campagne)
    ingetrokken.unpublish()
    afgeschermd = maak_activiteit(org, "Afgeschermde les", data=maart, campagne=campagne)
    restriction = PageViewRestriction.objects.create(
        page=afgeschermd, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Zorgverleners"))
    return campagne


def test_campaign_series_lists_only_visible_activities(client, campagne_met_verborgen):
    url = f"{campagne_met_verborgen.url}?van=2026-03-01&tot=2026-03-31"
    data = jsonld(client, url)
    assert [e["name"] for e in data["subEvent"]] == ["Open poetsles", "Gepubliceerde les"]
    assert data["subEvent"][0]["startDate"] == "2026-03-18T10:00:00+01:00"
    assert data["subEvent"][0]["organizer"] == {"@type": "Organization", "name": "WGC Alfa"}
    html = client.get(url).content.decode()
    for geheim in ("Geheim concept", "Ingetrokken les", "Afgeschermde les"):
        assert geheim not in html


@pytest.mark.parametrize(
    "velden, adres",
    [
        ({"locatie_naam": "Buurtcentrum"}, None),  # a name alone: no address
        (
            {"locatie_naam": "Buurtcentrum", "straat_nummer": "Rabotstraat 1"},
            {"streetAddress": "Rabotstraat 1", "addressLocality": "Gent", "addressCountry": "BE"},
        ),
        (
            {"straat_nummer": "Kouter 1", "postcode": "9000"},
            {"streetAddress": "Kouter 1", "postalCode": "9000", "addressLocality": "Gent",
             "addressCountry": "BE"},
        ),
    ],
)  # fmt: skip
def test_activity_address_has_no_empty_street_or_postcode(client, partner_a, velden, adres):
    activiteit = maak_activiteit(
        partner_a.organisatie, "Info-avond", data=[(D(2026, 3, 18), T(19), T(21))], **velden
    )
    data = jsonld(client, activiteit.url)
    if adres is None:
        assert data["location"] == {"@type": "Place", "name": "Buurtcentrum"}
    else:
        assert data["location"]["address"] == {"@type": "PostalAddress", **adres}


def test_activity_text_cannot_break_out_of_the_script(client, partner_a):
    titel = "</script><script>alert(1)</script> & co"
    activiteit = maak_activiteit(
        partner_a.organisatie, titel, in_het_kort="Eten & drinken",
        data=[(D(2026, 3, 18), T(19), T(21))],
    )  # fmt: skip
    html = client.get(activiteit.url).content.decode()
    assert "<script>alert(1)" not in html
    data = jsonld(client, activiteit.url)
    assert data["name"] == titel and data["description"] == "Eten & drinken"
