"""The offer API carries each offer's next dates from the calendar; the calendar API is
documented and answers as documented."""

import datetime

from django.utils import timezone

from preventiezoeker.search.sync import rebuild
from tests.api.schema import check
from tests.kalender.conftest import T, maak_activiteit


def test_offer_api_lists_the_next_dates_of_its_activities(client, partner_a, index_dir):
    offer = partner_a.offer
    today = timezone.localdate()
    dates = [(today + datetime.timedelta(days=d), T(14), T(16)) for d in (9, 2, 5, 30)]
    maak_activiteit(partner_a.organisatie, "Extra sessie", aanbod=offer, data=dates)
    maak_activiteit(
        partner_a.organisatie, "Voorbij", aanbod=offer,
        data=[(today - datetime.timedelta(days=3), T(10), T(11))],
    )  # fmt: skip
    rebuild()
    data = client.get("/api/v1/aanbod/", {"q": "beweegcoach"}).json()
    (item,) = [r for r in data["results"] if r["id"] == offer.pk]
    starts = [d["start"][:10] for d in item["next_dates"]]
    # The three next ones, in order; past dates never.
    assert starts == [str(today + datetime.timedelta(days=d)) for d in (2, 5, 9)]
    assert item["next_dates"][0]["start"].endswith(("+01:00", "+02:00"))  # Brussels time
    assert item["next_dates"][0]["url"].startswith("http://testserver/aanbod/wgc-alfa/")
    assert item["next_dates"][0]["title"] == "Extra sessie"


def test_calendar_api_is_documented_and_answers_as_documented(client, partner_a):
    maak_activiteit(
        partner_a.organisatie, "Wandelen op dinsdag", aanbod=partner_a.offer,
        data=[(timezone.localdate() + datetime.timedelta(days=1), T(19), T(20))],
    )  # fmt: skip
    doc = client.get("/api/v1/openapi.json").json()
    operation = doc["paths"]["/api/v1/kalender/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert {"van", "tot", "periode", "campagne", "aanbod", "q", "page", "thema", "wijk"} <= names
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    for query in ({}, {"wijk": "rabot-blaisantvest"}, {"van": "2026-13-45", "tot": "x"}):
        data = client.get("/api/v1/kalender/", query).json()
        assert check(doc, schema, data) == []
    data = client.get("/api/v1/kalender/").json()
    assert data["count"] >= 1 and data["results"][0]["activity"]["title"] == "Wandelen op dinsdag"
