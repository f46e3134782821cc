"""/api/hsds/services/{id}: what each of our fields becomes in HSDS (the mapping table of the
README), for one offer with every field filled in and its calendar activities."""

import datetime
from decimal import Decimal

from django.utils import timezone

import pytest

from aanbod.enums import Inschrijving, PrijsCategorie, Vorm
from aanbod.models import AanbodLocatie, Doelgroep, Taal, Thema, Toegankelijkheid, Wijk
from api.hsds import ids
from kalender.enums import Herhaling
from tests.aanbod.factories import AanbodPageFactory, publish
from tests.api.test_hsds_schema import assert_valid
from tests.kalender.conftest import T, maak_activiteit

API = "/api/hsds/"


def _vocab(model, *slugs):
    return [model.objects.get(slug=s) for s in slugs]


@pytest.fixture
def volledig(partner_a):
    """Partner A's offer with every field, two places and three activities."""
    today = timezone.localdate()
    org = partner_a.organisatie
    org.straat_nummer, org.postcode, org.telefoon = "Rabotstraat 1", "9000", "09 012 00 00"
    publish(org)
    page = AanbodPageFactory(
        parent=org,
        title="Rookstop in groep",
        in_het_kort="Samen stoppen met roken.",
        beschrijving="<p>Acht <b>sessies</b> met een tabakoloog.</p>",
        themas=_vocab(Thema, "beweging", "mondzorg"),
        talen=_vocab(Taal, "nl", "ar"),
        min_leeftijd=18,
        max_leeftijd=99,
        vormen=[Vorm.GROEPSAANBOD, Vorm.ONLINE],
        prijs=[PrijsCategorie.BETALEND, PrijsCategorie.KANSENTARIEF, PrijsCategorie.TERUGBETAALD],
        bedrag=Decimal("12.50"),
        prijs_toelichting="Met UiTPAS betaal je 2,50 euro.",
        inschrijving=[Inschrijving.INSCHRIJVEN],
        inschrijving_telefoon="09 012 34 99",
        inschrijving_email="rookstop@example.org",
        inschrijving_link="https://example.org/inschrijven",
        planning="Elke maandag van 19 tot 21 uur",
        contactpersoon="Tine (tabakoloog)",
        laatst_nagekeken=datetime.date(2026, 11, 3),
        stadsbreed=True,
    )
    page.doelgroepen.set(_vocab(Doelgroep, "volwassenen"))
    page.wijken.set(_vocab(Wijk, "rabot-blaisantvest"))
    page.toegankelijkheid.set(_vocab(Toegankelijkheid, "heldere-taal", "tolk-mogelijk"))
    page.locaties = [
        AanbodLocatie(
            naam="Buurtcentrum Rabot", straat_nummer="Gasmeterlaan 7", postcode="9000",
            wijk=Wijk.objects.get(slug="rabot-blaisantvest"), openbaar_vervoer="tram 1",
            latitude=Decimal("51.064100"), longitude=Decimal("3.712300"),
        ),
        AanbodLocatie(straat_nummer="Kerkstraat 2", postcode="9050", gemeente="Gentbrugge"),
    ]  # fmt: skip
    page.save()
    publish(page)
    weekly = maak_activiteit(
        org, "Rookstop op maandag", aanbod=page, herhaling=Herhaling.TWEEWEKELIJKS,
        eerste_dag=today, start_tijd=T(19), eind_tijd=T(21), herhaal_aantal=8,
        uitzonderingen=[today + datetime.timedelta(days=14)],
    )  # fmt: skip
    monthly = maak_activiteit(
        org, "Rookstop-café", aanbod=page, herhaling=Herhaling.MAANDELIJKS,
        eerste_dag=datetime.date(2026, 12, 8), start_tijd=T(14),
        herhaal_tot=datetime.date(2027, 6, 30),
    )  # fmt: skip
    single = maak_activiteit(
        org, "Infosessie rookstop", aanbod=page,
        data=[(today + datetime.timedelta(days=3), T(10), T(11)),
              (today - datetime.timedelta(days=3), T(10), T(11))],
    )  # fmt: skip
    return page, weekly, monthly, single


def _detail(client, page):
    response = client.get(f"{API}services/{ids.service_id(page.pk)}")
    assert response.status_code == 200
    body = response.json()
    assert_valid("service", body)
    return body


def test_an_offer_with_every_field_as_a_fully_nested_service(client, volledig):
    page, weekly, monthly, single = volledig
    s = _detail(client, page)
    org = page.get_parent().specific

    assert s["id"] == ids.service_id(page.pk)
    assert s["name"] == "Rookstop in groep"
    assert s["description"] == "Samen stoppen met roken.\n\nAcht sessies met een tabakoloog."
    assert s["url"].endswith(page.url) and s["url"].startswith("http")
    assert s["email"] == "rookstop@example.org"
    assert s["status"] == "active"
    assert s["minimum_age"] == 18 and s["maximum_age"] == 99
    assert s["assured_date"] == "2026-11-03"
    assert datetime.datetime.fromisoformat(s["last_modified"]) == page.last_published_at
    assert s["eligibility_description"] == "Volwassenen"
    assert "Inschrijven" in s["application_process"]
    assert "https://example.org/inschrijven" in s["application_process"]
    assert s["fees_description"] == (
        "Betalend, Kansentarief / UiTPAS, Terugbetaald door ziekenfonds. 12.50 euro. "
        "Met UiTPAS betaal je 2,50 euro."
    )
    assert s["interpretation_services"] == "Tolk mogelijk"

    assert s["organization_id"] == ids.organization_id(org.pk)
    assert s["organization"]["name"] == org.title
    assert s["organization"]["phones"][0]["number"] == org.telefoon
    (org_place,) = s["organization"]["locations"]
    assert org_place["addresses"][0]["address_1"] == "Rabotstraat 1"

    assert [p["number"] for p in s["phones"]] == ["09 012 34 99"]
    assert [(lang["code"], lang["name"]) for lang in s["languages"]] == [
        ("ar", "Arabisch"), ("nl", "Nederlands"),
    ]  # fmt: skip
    assert [c["name"] for c in s["contacts"]] == ["Tine (tabakoloog)"]
    assert [a["name"] for a in s["service_areas"]] == ["Gent", "Rabot - Blaisantvest (Gent)"]

    costs = {c["option"]: c for c in s["cost_options"]}
    assert costs["Betalend"]["amount"] == 12.5 and costs["Betalend"]["currency"] == "EUR"
    assert costs["Kansentarief / UiTPAS"]["amount_description"] == (
        "Met UiTPAS betaal je 2,50 euro."
    )
    assert "amount" not in costs["Terugbetaald door ziekenfonds"]

    terms = {(a["link_type"], a["taxonomy_term"]["code"]) for a in s["attributes"]}
    assert {("thema", "beweging"), ("thema", "mondzorg"), ("doelgroep", "volwassenen"),
            ("wijk", "rabot-blaisantvest"), ("toegankelijkheid", "tolk-mogelijk"),
            ("prijs", "kansentarief"), ("vorm", "online"),
            ("inschrijving", "inschrijven")} <= terms  # fmt: skip
    assert not any(t == "taal" for t, _slug in terms)  # languages are `languages`

    rabot, gentbrugge = (sal["location"] for sal in s["service_at_locations"])
    assert rabot["name"] == "Buurtcentrum Rabot"
    assert rabot["transportation"] == "tram 1"
    assert (rabot["latitude"], rabot["longitude"]) == (51.0641, 3.7123)
    (address,) = rabot["addresses"]
    assert address == {
        "id": address["id"], "location_id": rabot["id"], "address_1": "Gasmeterlaan 7",
        "city": "Gent", "state_province": "Oost-Vlaanderen", "postal_code": "9000",
        "country": "BE", "address_type": "physical",
    }  # fmt: skip
    assert "latitude" not in gentbrugge
    assert gentbrugge["addresses"][0]["city"] == "Gentbrugge"


def test_schedules_carry_the_calendars_rules_and_upcoming_dates(client, volledig):
    page, weekly, monthly, single = volledig
    today = timezone.localdate()
    schedules = _detail(client, page)["schedules"]
    free_text, *rest = schedules
    assert free_text["description"] == "Elke maandag van 19 tot 21 uur"
    assert free_text["attending_type"] == "Groepsaanbod, Online"
    (two_weekly,) = [s for s in rest if s["description"] == "Rookstop op maandag"]
    assert two_weekly["freq"] == "WEEKLY" and two_weekly["interval"] == 2
    assert two_weekly["byday"] == ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[today.weekday()]
    assert two_weekly["dtstart"] == today.isoformat() and two_weekly["count"] == 8
    assert (two_weekly["opens_at"], two_weekly["closes_at"]) == ("19:00", "21:00")
    skipped = (today + datetime.timedelta(days=14)).isoformat()
    assert f"Afgelast op {skipped}." in two_weekly["notes"]

    (cafe,) = [s for s in rest if s["description"] == "Rookstop-café"]
    # 8 December 2026 is the second Tuesday of the month.
    assert (cafe["freq"], cafe["byday"], cafe["until"]) == ("MONTHLY", "2TU", "2027-06-30")
    assert "closes_at" not in cafe

    dates = [s for s in rest if s["description"] == "Infosessie rookstop"]
    assert [s["valid_from"] for s in dates] == [(today + datetime.timedelta(days=3)).isoformat()]
    assert all(s["attending_type"] == "Groepsaanbod, Online" for s in rest)
    assert all(s["schedule_link"].startswith("http") for s in rest)
