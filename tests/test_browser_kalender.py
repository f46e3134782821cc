"""The calendar /kalender/ in a real Chromium: a resident filters by wijk and campaign, follows
the iCal link with the same filters, uses the month grid by keyboard; axe-core (WCAG 2.1 AA)
finds nothing on the list, the month grid and a campaign page."""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import datetime
import re
from urllib.parse import parse_qs, urlsplit

from django.utils import timezone

import icalendar
import pytest
from playwright.sync_api import expect

from aanbod.models import Wijk
from tests.aanbod.factories import OrganisatiePageFactory
from tests.kalender.conftest import T, maak_activiteit, maak_campagne
from tests.test_browser_search import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def kalender(site_tree):
    today = timezone.localdate()
    alfa = OrganisatiePageFactory(parent=site_tree.index, title="WGC Alfa", slug="wgc-alfa")
    beta = OrganisatiePageFactory(parent=site_tree.index, title="LDC Beta", slug="ldc-beta")
    rabot = Wijk.objects.get(slug="rabot-blaisantvest")
    ledeberg = Wijk.objects.get(slug="ledeberg")
    campagne = maak_campagne(
        "Week van de valpreventie", "week-van-de-valpreventie", today,
        today + datetime.timedelta(days=20),
    )  # fmt: skip
    dag = today + datetime.timedelta(days=2)
    maak_activiteit(alfa, "Wandelen in Rabot", data=[(dag, T(19), T(20))], m2m={"wijken": [rabot]})
    maak_activiteit(
        alfa, "Valtest in Rabot", campagne=campagne, data=[(dag, T(14), T(15))],
        m2m={"wijken": [rabot]},
    )  # fmt: skip
    maak_activiteit(
        beta, "Valtest in Ledeberg", campagne=campagne, data=[(dag, T(10), T(11))],
        m2m={"wijken": [ledeberg]},
    )  # fmt: skip
    return campagne


def titles(page):
    return page.locator(".agenda-titel a").all_inner_texts()


def test_resident_filters_by_wijk_and_campaign_and_subscribes(live_server, page, kalender):
    page.goto(live_server.url + "/kalender/")
    assert sorted(titles(page)) == ["Valtest in Ledeberg", "Valtest in Rabot", "Wandelen in Rabot"]

    page.get_by_role("checkbox", name=re.compile(r"^Rabot - Blaisantvest \(2\)$")).check()
    page.get_by_role("button", name="Toon activiteiten").click()
    assert parse_qs(urlsplit(page.url).query)["wijk"] == ["rabot-blaisantvest"]
    assert sorted(titles(page)) == ["Valtest in Rabot", "Wandelen in Rabot"]

    page.get_by_role("group", name="Campagne").get_by_role(
        "checkbox", name=re.compile(r"^Week van de valpreventie \(1\)$")
    ).check()
    page.get_by_role("button", name="Toon activiteiten").click()
    assert titles(page) == ["Valtest in Rabot"]
    expect(page.locator("#kalender-titel")).to_contain_text("1 moment")

    link = page.get_by_role("link", name=re.compile("Zet in je agenda"))
    href = link.get_attribute("href")
    query = parse_qs(urlsplit(href).query)
    assert query["wijk"] == ["rabot-blaisantvest"]
    assert query["campagne"] == ["week-van-de-valpreventie"]
    response = page.request.get(live_server.url + href)
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(response.body())
    assert [str(e["summary"]) for e in cal.walk("VEVENT")] == ["Valtest in Rabot"]


def test_without_javascript_and_by_keyboard_in_the_month_grid(live_server, browser, kalender):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/kalender/")
    page.get_by_role("link", name="Maand", exact=True).click()
    table = page.get_by_role("table")
    expect(table.get_by_role("columnheader")).to_have_count(7)
    first_link = table.get_by_role("link").first
    first_link.focus()
    expect(first_link).to_be_focused()
    page.keyboard.press("Tab")
    expect(table.get_by_role("link").nth(1)).to_be_focused()
    first_link.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Valtest|Wandelen"))
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/kalender/",
        "/kalender/?wijk=rabot-blaisantvest&campagne=week-van-de-valpreventie",
        "/kalender/?weergave=maand",
        "/kalender/week-van-de-valpreventie/",
    ],
)
def test_axe_finds_no_violations(live_server, page, kalender, path):
    page.goto(live_server.url + path)
    assert_no_axe_violations(page)


def test_axe_month_grid_on_a_phone_scrolls_by_keyboard(live_server, page, kalender):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/kalender/?weergave=maand")
    region = page.get_by_role("region", name=re.compile("Maandoverzicht"))
    region.focus()
    expect(region).to_be_focused()
    page.keyboard.press("ArrowRight")
    assert_no_axe_violations(page)
