"""The "Gebruik mijn locatie" button of /aanbod/ in a real Chromium: the position is asked only
on a click, rounded to about 100 m into the form and searched nearest first; a refusal gives a
plain message; without JavaScript the button is not there and the wijk field does the job."""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from urllib.parse import parse_qs, urlsplit

import pytest

from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import OrganisatiePageFactory
from tests.search.test_afstand import _maak
from tests.test_browser_search import assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
ZWIJNAARDE = {"latitude": 51.00523, "longitude": 3.71046}


@pytest.fixture
def aanbod(site_tree, index_dir):
    org = OrganisatiePageFactory(parent=site_tree.index, title="WGC Alfa", slug="wgc-alfa")
    _maak(org, "Wandelen Rabot", {"lat": "51.064500", "lon": "3.713500"}, [], False, None,
          (None, None))  # fmt: skip
    _maak(org, "Zwemmen Zwijnaarde", {"postcode": "9052"}, [], False, None, (None, None))
    _maak(org, "Beweegcoach heel Gent", None, [], True, None, (None, None))
    rebuild()


def _titels(page):
    return page.locator(".resultaat .card-title").all_inner_texts()


def test_my_location_searches_nearest_first(live_server, browser, aanbod):
    context = browser.new_context(geolocation=ZWIJNAARDE, viewport={"width": 1280, "height": 900})
    context.grant_permissions(["geolocation"])
    page = context.new_page()
    page.goto(live_server.url + "/aanbod/")
    assert _titels(page)[0] == "Beweegcoach heel Gent"  # by name without a starting point
    with page.expect_navigation():
        page.get_by_role("button", name="Gebruik mijn locatie").click()
    query = parse_qs(urlsplit(page.url).query)
    assert query["lat"] == ["51.005"] and query["lon"] == ["3.710"]  # rounded before it is sent
    assert _titels(page) == ["Zwemmen Zwijnaarde", "Wandelen Rabot", "Beweegcoach heel Gent"]
    eerste = page.locator(".resultaat").first
    assert eerste.locator(".afstand dd").inner_text().startswith("± ")
    assert page.locator(".resultaat").last.locator(".afstand").count() == 0  # city-wide
    assert page.locator("#zoek-sort option:checked").inner_text() == "Dichtstbij eerst"
    assert page.get_by_text("We meten vanaf je locatie.").is_visible()
    assert_no_axe_violations(page)
    # Dropping the position: the order by name again.
    page.get_by_role("link", name="Niet meer vanaf je locatie").click()
    page.wait_for_load_state()
    assert "lat=" not in page.url and _titels(page)[0] == "Beweegcoach heel Gent"
    context.close()


def test_a_refused_position_gives_a_plain_message(live_server, browser, aanbod):
    context = browser.new_context()  # no permission granted: the browser refuses
    page = context.new_page()
    page.goto(live_server.url + "/aanbod/")
    page.get_by_role("button", name="Gebruik mijn locatie").click()
    melding = page.locator(".locatie-melding")
    melding.get_by_text("Je gaf geen toestemming").wait_for()
    assert "Kies een wijk of vul een postcode in." in melding.inner_text()
    assert "lat=" not in page.url
    context.close()


def test_without_javascript_the_wijk_field_does_the_job(live_server, browser, aanbod):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/aanbod/")
    assert not page.get_by_role("button", name="Gebruik mijn locatie").is_visible()
    page.get_by_label("Wijk", exact=True).select_option("zwijnaarde")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**vanaf=zwijnaarde**")
    assert _titels(page)[0] == "Zwemmen Zwijnaarde"
    context.close()
