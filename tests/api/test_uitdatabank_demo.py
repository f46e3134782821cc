"""Every demo activity, exported, is a valid UiTdatabank event (our JSON Schema of publiq's model,
tests/api/uitdatabank-event.schema.json), in the list and by id."""

import datetime

from django.core.management import call_command
from django.utils import timezone

import pytest

from kalender.models import ActiviteitPage
from kalender.uitdatabank import exporteerbaar
from tests.api.test_uitdatabank import API, schema_fouten


@pytest.fixture
def demo(db):
    call_command("demo", verbosity=0)


def _alle_items(client, van, tot):
    items, page = [], 1
    while True:
        data = client.get(API, {"van": van, "tot": tot, "page": page}).json()
        items += data["results"]
        if page >= data["num_pages"]:
            return items, data["count"]
        page += 1


def test_every_demo_activity_is_a_valid_uitdatabank_event(client, demo):
    today = timezone.localdate()
    # Two windows of a year: the demo's dates lie around today and in next year's campaigns.
    vensters = [(today - datetime.timedelta(days=180), today + datetime.timedelta(days=186))]
    vensters.append((vensters[0][1], vensters[0][1] + datetime.timedelta(days=366)))
    gezien = {}
    for van, tot in vensters:
        items, count = _alle_items(client, van.isoformat(), tot.isoformat())
        assert count == len(items) == len({item["id"] for item in items})
        gezien.update({item["id"]: item for item in items})
    assert set(gezien) == set(exporteerbaar().values_list("pk", flat=True))
    assert len(gezien) == ActiviteitPage.objects.live().count() >= 20
    fouten = {pk: schema_fouten(item["event"]) for pk, item in gezien.items()}
    assert {pk: f for pk, f in fouten.items() if f} == {}
    # The demo covers each calendar shape, and each event is complete for UiTdatabank.
    soorten = {item["event"]["calendarType"] for item in gezien.values()}
    assert soorten == {"single", "multiple", "periodic"}
    assert {pk: item["missing"] for pk, item in gezien.items() if item["missing"]} == {}
    for pk in list(gezien)[:5]:
        assert client.get(f"{API}{pk}/").json() == gezien[pk]
