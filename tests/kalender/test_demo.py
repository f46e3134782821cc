"""The demo calendar: full this month and next whenever it is loaded, every page renders."""

import datetime

from django.core.management import call_command
from django.utils import timezone

import icalendar
import pytest

from kalender.demo import laad_kalender_demo, periode
from kalender.models import ActiviteitPage, CampagnePage, Moment

D = datetime.date


@pytest.fixture
def db_with_demo(db):
    call_command("demo", verbosity=0)


def test_demo_calendar(client, db_with_demo):
    """One load (~20 s), several promises."""
    assert_full_this_and_next_month(client)
    assert_every_calendar_page_renders(client)
    assert_idempotent()


def assert_full_this_and_next_month(client):
    today = timezone.localdate()
    for periode_naam in ("deze-maand", "volgende-maand"):
        data = client.get(f"/api/v1/kalender/?periode={periode_naam}").json()
        assert data["count"] >= 10, periode_naam
        wijken = [v for v in data["facets"]["wijk"] if v["count"]]
        assert len(wijken) >= 5
    assert ActiviteitPage.objects.live().exclude(herhaling="").count() >= 8
    assert Moment.objects.filter(start__date__gte=today).count() >= 100
    assert CampagnePage.objects.live().count() == 5


def assert_every_calendar_page_renders(client):
    for url in ("/kalender/", "/kalender/?weergave=maand", "/kalender/?periode=deze-week"):
        assert client.get(url).status_code == 200, url
    for page in [*CampagnePage.objects.live(), *ActiviteitPage.objects.live()]:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    campagne = CampagnePage.objects.get(slug="maand-van-de-mondzorg")
    html = client.get(campagne.url).content.decode()
    assert "Gratis mondcheck tijdens de mondzorgmaand" in html
    cal = icalendar.Calendar.from_ical(client.get("/kalender/ical/").content)
    assert len(cal.walk("VEVENT")) >= 20


def assert_idempotent():
    before = Moment.objects.count()
    _campagnes, nieuw = laad_kalender_demo()
    assert nieuw == 0 and Moment.objects.count() == before


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2026, 11, 23), (D(2027, 2, 1), D(2027, 2, 28))),
        (D(2027, 2, 10), (D(2027, 2, 1), D(2027, 2, 28))),
        (D(2027, 3, 1), (D(2028, 2, 1), D(2028, 2, 29))),
    ],
)
def test_campaigns_take_their_next_yearly_period(today, expected):
    assert periode((2, 1), (2, 0), today) == expected
