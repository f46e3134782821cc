"""The calendar on a phone, in a real Chromium: the activities come first (filters folded in a
<details>, which works without JavaScript), the month view reflows at 320 px (WCAG 1.4.10: no
sideways scrolling), and on a wide screen the filters stand open beside the results."""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import datetime

from django.utils import timezone

import pytest

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
    campagne = maak_campagne(
        "Week van de valpreventie", "week-van-de-valpreventie", today,
        today + datetime.timedelta(days=20),
    )  # fmt: skip
    for n in range(6):
        dag = today + datetime.timedelta(days=n + 1)
        maak_activiteit(
            alfa, f"Valtest met een heel lange naam voor kleine schermen {n}",
            campagne=campagne, data=[(dag, T(14), T(15))],
        )  # fmt: skip
    return campagne


def test_on_a_phone_the_first_activity_is_on_the_first_screen(live_server, page, kalender):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + "/kalender/")
    first = page.locator(".agenda-item").first
    assert first.bounding_box()["y"] + 40 < 800  # its time and title are visible
    # The filters are folded, one tap away.
    filters = page.locator("details#filterpaneel")
    assert filters.get_attribute("open") is None
    assert not page.get_by_role("button", name="Toon activiteiten").is_visible()
    page.locator("#filterpaneel > summary").click()
    assert page.get_by_role("button", name="Toon activiteiten").is_visible()


def test_without_javascript_the_folded_filters_still_work(live_server, browser, kalender):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/kalender/")
    assert page.locator(".agenda-item").first.bounding_box()["y"] + 40 < 800
    page.locator("#filterpaneel > summary").click()
    page.get_by_label("Zoek een activiteit").fill("valtest")
    page.get_by_role("button", name="Toon activiteiten").click()
    page.wait_for_url("**q=valtest**")
    assert page.locator(".agenda-item").count() == 6
    context.close()


def test_on_a_wide_screen_the_filters_stand_open(live_server, page, kalender):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/kalender/")
    assert page.get_by_role("button", name="Toon activiteiten").is_visible()


@pytest.mark.parametrize(
    "path", ["/kalender/?weergave=maand", "/kalender/week-van-de-valpreventie/?weergave=maand"]
)
def test_month_view_reflows_at_320_px(live_server, page, kalender, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # A list of the days with activities, each with its full date.
    dagen = page.locator("table.maand td:not(.zonder-momenten):not(.buiten-maand)")
    assert dagen.count() >= 1
    eerste = dagen.first
    assert eerste.locator(".dag-label").is_visible()
    assert eerste.get_by_role("link").first.is_visible()
    assert_no_axe_violations(page)


def test_campaign_overview_on_a_phone_meets_wcag(live_server, page, kalender):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(live_server.url + "/kalender/")
    page.get_by_role("link", name="Campagnes: nu en binnenkort").click()
    page.wait_for_url("**/kalender/campagnes/")
    assert page.get_by_role("link", name="Week van de valpreventie").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_no_axe_violations(page)
