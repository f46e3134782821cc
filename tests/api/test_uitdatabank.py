"""GET /api/v1/uitdatabank/: dated activities as UiTdatabank events (issue 15, item 5).

What a UiTdatabank user would see of each activity: its dates as UiTdatabank's calendar (periodic,
single, multiple, cancelled dates), its place, terms, price, enrolment and languages; the filters
and paging; bad input. Every event is checked against tests/api/uitdatabank-event.schema.json.
Hidden pages: test_uitdatabank_verborgen.py; every demo activity: test_uitdatabank_demo.py.
"""

import datetime
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from aanbod.models import AanbodVertaling
from api.openapi.common import SCHEMAS
from api.openapi.uitdatabank import uitdatabank_openapi
from kalender.enums import Herhaling
from kalender.uitdatabank import termen
from tests.aanbod.factories import publish
from tests.api.schema import check
from tests.kalender.conftest import maak_activiteit, maak_campagne

T, D = datetime.time, datetime.date
API = "/api/v1/uitdatabank/"
SCHEMA = json.loads((Path(__file__).parent / "uitdatabank-event.schema.json").read_text())
Draft202012Validator.check_schema(SCHEMA)
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=FormatChecker())
PLAATS = {"locatie_naam": "Buurtcentrum", "straat_nummer": "Palinghuizen 2", "postcode": "9000"}


def schema_fouten(event):
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(event)]


def lijst(client, **params):
    response = client.get(API, {"van": "2026-01-01", "tot": "2026-12-31", **params})
    assert response.status_code == 200, response.content
    return response.json()


def per_id(client, **params):
    return {item["id"]: item for item in lijst(client, **params)["results"]}


def geexporteerd(client, activiteit):
    item = per_id(client)[activiteit.pk]
    assert schema_fouten(item["event"]) == []
    return item


# -- the calendar ------------------------------------------------------------------------------


def test_a_weekly_activity_is_periodic_with_its_hours_and_cancelled_day(client, partner_a, vocab):
    wandelen = maak_activiteit(
        partner_a.organisatie, "Wandelgroep", herhaling=Herhaling.WEKELIJKS,
        eerste_dag=D(2026, 3, 17), start_tijd=T(19), eind_tijd=T(21), herhaal_aantal=8,
        uitzonderingen=[D(2026, 3, 31)], m2m={"themas": [vocab["beweging"]]}, **PLAATS,
    )  # fmt: skip
    item = geexporteerd(client, wandelen)
    event = item["event"]
    assert event["calendarType"] == "periodic"
    assert (event["startDate"], event["endDate"]) == (
        "2026-03-17T19:00:00+01:00",
        "2026-05-05T21:00:00+02:00",  # 8 Tuesdays counting the cancelled one; summer time
    )
    assert event["openingHours"] == [
        {"opens": "19:00", "closes": "21:00", "dayOfWeek": ["tuesday"]}
    ]
    (gesloten,) = event["openingHoursClosedDays"]
    assert (gesloten["startDate"], gesloten["endDate"]) == ("2026-03-31", "2026-03-31")
    assert gesloten["description"]["nl"] == "Afgelast"
    assert "subEvent" not in event
    assert [t["id"] for t in event["terms"]] == ["0.59.0.0.0", "1.51.12.0.0"]
    assert event["location"]["address"] == {
        "nl": {"streetAddress": "Palinghuizen 2", "postalCode": "9000",
               "addressLocality": "Gent", "addressCountry": "BE"},
    }  # fmt: skip
    assert item["missing"] == []
    assert event["sameAs"] == [item["url"]] and item["url"].endswith("/wandelgroep/")


def test_every_other_week_lists_each_date_and_the_cancelled_one_as_unavailable(client, partner_a):
    groep = maak_activiteit(
        partner_a.organisatie, "Stressgroep", herhaling=Herhaling.TWEEWEKELIJKS,
        eerste_dag=D(2026, 3, 16), start_tijd=T(19), eind_tijd=T(21), herhaal_aantal=4,
        uitzonderingen=[D(2026, 3, 30)], **PLAATS,
    )  # fmt: skip
    event = geexporteerd(client, groep)["event"]
    assert event["calendarType"] == "multiple"
    assert [(s["id"], s["startDate"], s["status"]["type"]) for s in event["subEvent"]] == [
        (0, "2026-03-16T19:00:00+01:00", "Available"),
        (1, "2026-03-30T19:00:00+02:00", "Unavailable"),
        (2, "2026-04-13T19:00:00+02:00", "Available"),
        (3, "2026-04-27T19:00:00+02:00", "Available"),
    ]
    assert event["subEvent"][1]["status"]["reason"]["nl"] == "Afgelast"
    assert event["status"] == {"type": "Available"}
    assert "openingHours" not in event


def test_one_whole_day_is_single_until_one_second_before_midnight(client, partner_a):
    dag = maak_activiteit(
        partner_a.organisatie, "Gezondheidsmarkt", hele_dag=True,
        data=[(D(2026, 6, 6), None, None)], **PLAATS,
    )  # fmt: skip
    event = geexporteerd(client, dag)["event"]
    assert event["calendarType"] == "single"
    assert [(s["startDate"], s["endDate"]) for s in event["subEvent"]] == [
        ("2026-06-06T00:00:00+02:00", "2026-06-06T23:59:59+02:00")
    ]


# -- place, price, enrolment, organisation ----------------------------------------------------

ONLINE = "https://meet.example.org/praatgroep"


@pytest.mark.parametrize(
    ("velden", "mode", "locatie", "missing"),
    [
        ({"online_link": ONLINE}, "online", None, []),
        ({"online_link": ONLINE, **PLAATS}, "mixed", "Buurtcentrum", []),
        ({"locatie_naam": "Het Buurthuis"}, "offline", "Het Buurthuis", ["location.address"]),
        ({}, "offline", None, ["location"]),
    ],
)
def test_where_it_happens(client, partner_a, velden, mode, locatie, missing):
    activiteit = maak_activiteit(
        partner_a.organisatie, "Praatgroep", data=[(D(2026, 5, 5), T(10), T(11))], **velden
    )
    item = per_id(client)[activiteit.pk]
    event = item["event"]
    assert event["attendanceMode"] == mode
    assert event.get("location", {}).get("name", {}).get("nl") == locatie
    assert event.get("onlineUrl") == velden.get("online_link")
    assert item["missing"] == missing
    if not missing:
        assert schema_fouten(event) == []


@pytest.mark.parametrize(
    ("prijs", "bedrag", "prijzen"),
    [
        (["gratis"], None, [0.0]),
        (["betalend"], "12.50", [12.5]),
        (["betalend", "kansentarief"], "5", [5.0]),  # UiTdatabank adds the UiTPAS price itself
        (["kansentarief"], None, None),  # no amount known: no price at all, not a made-up one
        (["terugbetaald"], None, None),
    ],
)
def test_price_info_has_a_base_price_only_when_we_know_it(
    client, partner_a, prijs, bedrag, prijzen
):
    activiteit = maak_activiteit(
        partner_a.organisatie, "Kookles", data=[(D(2026, 5, 5), T(10), T(11))],
        prijs=prijs, bedrag=bedrag, **PLAATS,
    )  # fmt: skip
    event = geexporteerd(client, activiteit)["event"]
    if prijzen is None:
        assert "priceInfo" not in event
        return
    assert [(p["category"], p["price"], p["priceCurrency"]) for p in event["priceInfo"]] == [
        ("base", price, "EUR") for price in prijzen
    ]
    assert event["priceInfo"][0]["name"]["nl"] == "Basistarief"


def test_enrolment_is_booking_info_and_the_organisation_is_organizer_and_contact(client, partner_a):
    org = partner_a.organisatie
    org.telefoon, org.website = "09 123 45 67", "https://wgc-alfa.example.org"
    org.straat_nummer, org.postcode, org.gemeente = "Kerkstraat 1", "9000", "Gent"
    org.save()
    activiteit = maak_activiteit(
        org, "Infoavond", data=[(D(2026, 5, 5), T(19), T(21))], inschrijving=["inschrijven"],
        inschrijving_email="info@alfa.example.org", inschrijving_link="https://alfa.example.org/in",
        **PLAATS,
    )  # fmt: skip
    event = geexporteerd(client, activiteit)["event"]
    assert event["bookingInfo"] == {
        "email": "info@alfa.example.org",
        "url": "https://alfa.example.org/in",
        "urlLabel": {"nl": "Inschrijven", "fr": "S'inscrire", "en": "Register", "de": "Anmelden"},
    }
    assert event["contactPoint"] == {
        "phone": ["09 123 45 67"], "email": [], "url": ["https://wgc-alfa.example.org"],
    }  # fmt: skip
    assert event["organizer"]["name"] == {"nl": "WGC Alfa"}
    assert event["organizer"]["url"] == "https://wgc-alfa.example.org"
    assert event["organizer"]["address"]["nl"]["streetAddress"] == "Kerkstraat 1"


def test_a_visible_offer_lends_themes_ages_price_and_its_translations(client, partner_a):
    offer = partner_a.offer
    offer.min_leeftijd, offer.max_leeftijd = 6, 12
    offer.vertalingen = [
        AanbodVertaling(taal="fr", titel="Coach sportif", in_het_kort="Bouger ensemble."),
        AanbodVertaling(taal="en", titel="Exercise coach"),
        AanbodVertaling(taal="ar", titel="مدرب رياضي", in_het_kort="نتحرك معًا"),
    ]
    publish(offer)
    activiteit = maak_activiteit(
        partner_a.organisatie, offer.title, slug="beweegcoach-op-dinsdag",
        in_het_kort=offer.in_het_kort, aanbod=offer,
        data=[(D(2026, 5, 5), T(14), T(16))], **PLAATS,
    )  # fmt: skip
    event = geexporteerd(client, activiteit)["event"]
    assert event["name"] == {"nl": offer.title, "fr": "Coach sportif", "en": "Exercise coach"}
    assert event["description"] == {"nl": offer.in_het_kort, "fr": "Bouger ensemble."}
    assert event["languages"] == ["nl", "fr", "en"]  # Arabic: UiTdatabank has no Arabic
    assert event["completedLanguages"] == ["nl", "fr"]
    assert [t["label"] for t in event["terms"]] == ["Sport en beweging", "Omnisport en andere"]
    assert event["typicalAgeRange"] == "6-12"
    assert [p["price"] for p in event["priceInfo"]] == [0.0]  # the offer is free


def test_an_own_title_keeps_the_offers_translations_out(client, partner_a):
    partner_a.offer.vertalingen = [AanbodVertaling(taal="fr", titel="Coach sportif")]
    publish(partner_a.offer)
    activiteit = maak_activiteit(
        partner_a.organisatie, "Wandeling in het park", aanbod=partner_a.offer,
        data=[(D(2026, 5, 5), T(14), T(16))], **PLAATS,
    )  # fmt: skip
    event = geexporteerd(client, activiteit)["event"]
    assert event["name"] == {"nl": "Wandeling in het park"}
    assert event["languages"] == ["nl"]


def test_a_campaign_is_a_label_and_a_filter(client, partner_a, partner_b):
    campagne = maak_campagne("Week van de valpreventie", "valweek", D(2026, 4, 20), D(2026, 4, 26))
    mee = maak_activiteit(
        partner_a.organisatie, "Valtest", campagne=campagne,
        data=[(D(2026, 4, 21), T(10), T(12))], **PLAATS,
    )  # fmt: skip
    niet = maak_activiteit(partner_b.organisatie, "Yoga", data=[(D(2026, 4, 21), T(10), T(12))])
    assert geexporteerd(client, mee)["event"]["labels"] == ["Week van de valpreventie"]
    assert "labels" not in per_id(client)[niet.pk]["event"]
    assert set(per_id(client, campagne="valweek")) == {mee.pk}
    assert set(per_id(client, organisatie="wgc-beta")) == {niet.pk}


def test_partner_text_is_escaped_and_comes_back_unchanged(client, partner_a):
    titel = 'Koffie & <b>praat</b> "samen"'
    activiteit = maak_activiteit(
        partner_a.organisatie, titel, in_het_kort="<script>alert(1)</script> kom langs",
        data=[(D(2026, 5, 5), T(10), T(11))], **PLAATS,
    )  # fmt: skip
    response = client.get(f"{API}{activiteit.pk}/")
    assert b"<b>" not in response.content and b"<script" not in response.content
    event = response.json()["event"]
    assert event["name"]["nl"] == titel
    assert event["description"]["nl"] == "<script>alert(1)</script> kom langs"


# -- filters, paging, detail --------------------------------------------------------------------


def test_period_organisation_and_paging(client, dinsdag, ledeberg, monkeypatch):
    assert set(per_id(client)) == {dinsdag.pk, ledeberg.pk}
    assert set(per_id(client, organisatie="wgc-alfa")) == {dinsdag.pk}
    assert set(per_id(client, van="2026-03-26")) == {dinsdag.pk}  # Ledeberg ended on the 25th
    assert set(per_id(client, van="2026-03-18", tot="2026-03-18")) == {ledeberg.pk}
    monkeypatch.setattr("api.uitdatabank.views.PER_PAGE", 1)
    pages = [lijst(client, page=n) for n in (1, 2, 3)]
    assert [[r["id"] for r in p["results"]] for p in pages] == [[dinsdag.pk], [ledeberg.pk], []]
    assert {(p["count"], p["num_pages"]) for p in pages} == {(2, 2)}
    far = lijst(client, page="9" * 40)
    assert (far["results"], far["count"]) == ([], 2)


@pytest.mark.parametrize(
    ("params", "fout"),
    [
        ({"van": "gisteren"}, "geen geldige datum bij 'van'"),
        ({"tot": "2026-02-30"}, "geen geldige datum bij 'tot'"),
        ({"van": "1999-12-31"}, "tussen 2000 en 2100"),
        ({"tot": "9999-01-01"}, "tussen 2000 en 2100"),
        ({"van": "2026-05-01", "tot": "2026-04-01"}, "ligt voor"),
        ({"van": "2026-01-01", "tot": "2027-06-01"}, "hoogstens 366 dagen"),
        ({"page": "abc"}, "paginanummer"),
        ({"page": "0"}, "paginanummer"),
        ({"page": "-1"}, "paginanummer"),
        ({"page": "1.5"}, "paginanummer"),
        ({"page": "٣"}, "paginanummer"),  # an Arabic-Indic digit
        ({"van": "<script>"}, "geen geldige datum"),
    ],
)
def test_bad_input_is_a_400_that_says_what_is_wrong(client, site_tree, params, fout):
    response = client.get(API, params)
    assert response.status_code == 400
    assert fout in response.json()["detail"]
    assert b"<script" not in response.content


@pytest.mark.parametrize(
    "params",
    [
        {"organisatie": "bestaat-niet"},
        {"organisatie": "wgc\x00alfa"},
        {"organisatie": "x" * 5000},
        {"campagne": "<script>alert(1)</script>"},
        {"campagne": "bestaat-niet", "organisatie": "wgc-alfa"},
    ],
)
def test_unknown_organisation_or_campaign_is_an_empty_list(client, dinsdag, params):
    response = client.get(API, {"van": "2026-01-01", "tot": "2026-12-31", **params})
    assert response.status_code == 200
    assert (response.json()["count"], response.json()["results"]) == (0, [])
    assert b"<script" not in response.content


def test_detail_is_the_list_item(client, dinsdag):
    response = client.get(f"{API}{dinsdag.pk}/")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json() == per_id(client)[dinsdag.pk]


@pytest.mark.parametrize("kenmerk", ["999999", "0", "abc", "9" * 40, "-1", "1.5", "%00", "١"])
def test_unknown_ids_are_a_404_in_json(client, dinsdag, kenmerk):
    response = client.get(f"{API}{kenmerk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {"detail": "Deze activiteit bestaat niet of is niet openbaar."}


def test_answers_match_the_openapi_part(client, dinsdag, ledeberg):
    paths, schemas = uitdatabank_openapi()
    doc = {"components": {"schemas": {**schemas, **SCHEMAS}}}
    assert set(paths) == {"/api/v1/uitdatabank/", "/api/v1/uitdatabank/{id}/"}
    ref = {"$ref": "#/components/schemas/{}"}
    answers = [
        ("UiTdatabankLijst", lijst(client)),
        ("UiTdatabankLijst", lijst(client, page=99)),
        ("UiTdatabankItem", client.get(f"{API}{dinsdag.pk}/").json()),
        ("Fout", client.get(API, {"page": "x"}).json()),
        ("Fout", client.get(f"{API}0/").json()),
    ]
    for name, answer in answers:
        schema = {"$ref": ref["$ref"].format(name)}
        assert check(doc, schema, answer) == [], name


# -- the term table -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("themas", "vormen", "momenten", "ids"),
    [
        ({"beweging", "mondzorg"}, {"groepsaanbod"}, 8, ["0.59.0.0.0", "1.51.12.0.0"]),
        ({"mondzorg"}, {"groepsaanbod"}, 4, ["0.3.1.0.1", "1.37.1.0.0"]),
        ({"gezonde-voeding", "mondzorg"}, {"groepsaanbod"}, 2, ["0.3.1.0.1", "1.65.0.0.0"]),
        ({"mentaal-welbevinden"}, {"groepsaanbod"}, 1, ["0.3.2.0.0", "1.37.1.0.0"]),
        # Lezing of congres has no Voeding theme in UiTdatabank: the next one that fits.
        ({"gezonde-voeding", "mantelzorg"}, {"groepsaanbod"}, 1, ["0.3.2.0.0", "1.37.1.0.0"]),
        ({"mondzorg"}, {"individueel"}, 3, ["0.51.0.0.0"]),  # no theme with "Type onbepaald"
        (set(), set(), 1, ["0.51.0.0.0"]),
    ],
)
def test_terms_one_eventtype_and_at_most_one_theme_it_allows(themas, vormen, momenten, ids):
    assert [t["id"] for t in termen.terms(themas, vormen, momenten)] == ids


def test_every_thema_of_the_vocabulary_has_a_uitdatabank_theme(db):
    from aanbod.models import Thema

    assert set(Thema.objects.values_list("slug", flat=True)) <= set(termen.THEMA)


@pytest.mark.parametrize("url", [API, f"{API}1/"])
def test_read_only_and_open_to_every_origin(client, site_tree, url):
    post = client.post(url, {"van": "2026-01-01"})
    assert post.status_code == 405
    assert post["Allow"] == "GET, HEAD, OPTIONS"
    assert post.json() == {"detail": "Deze methode is niet toegestaan; gebruik GET."}
    preflight = client.options(url, HTTP_ORIGIN="https://partner.example.org")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert client.get(url)["X-Robots-Tag"] == "noindex"
