"""In a real Chromium at 1280 px: a partner's "Doorverwijzingen" report shows its own title in
the header (it read "Home") and its last column whole (it was cut off); a coordinator who opens
the old report lands in Cijfers > Doorverwijzingen."""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import datetime

import pytest
from playwright.sync_api import expect

from doorverwijzing.enums import Soort
from doorverwijzing.models import Telling, eerste_van_de_maand
from tests.aanbod.factories import AanbodPageFactory, publish

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LANG = (
    "Beweegcoach op verwijzing voor mensen met een chronische ziekte of een beperking in "
    "Ledeberg, Gentbrugge en Sint-Amandsberg"
)


def _login(browser, base, username):
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto(base + "/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill("wachtwoord")
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(base + "/admin/")
    return page


def test_partner_report_fits_1280_and_has_its_title(live_server, browser, partner_a, index_dir):
    lang = publish(AanbodPageFactory(parent=partner_a.organisatie, title=LANG))
    maand = eerste_van_de_maand()
    for offer in (partner_a.offer, lang):
        for soort in Soort.values:
            Telling.objects.create(aanbod=offer, maand=maand, soort=soort, aantal=123456)
    page = _login(browser, live_server.url, "partner-a")
    page.goto(live_server.url + "/admin/doorverwijzingen/")
    expect(page.locator("h1").first).to_have_text("Doorverwijzingen per aanbod")
    expect(page.locator(f'tr[data-aanbod="{lang.pk}"]')).to_be_visible()

    laatste = page.locator("table.listing thead th").last
    expect(laatste).to_have_text("Gids gevraagd")
    vak = laatste.bounding_box()
    scherm = page.evaluate(
        "() => [document.documentElement.clientWidth, document.documentElement.scrollWidth]"
    )
    # The whole last column lies inside the window, and nothing scrolls sideways.
    assert vak["x"] >= 0 and vak["x"] + vak["width"] <= scherm[0], (vak, scherm)
    assert scherm[1] <= scherm[0], scherm
    scroll = page.evaluate(
        "() => { const d = document.querySelector('table.listing').parentElement;"
        " return [d.scrollWidth, d.clientWidth]; }"
    )
    assert scroll[0] <= scroll[1], scroll


def test_coordinator_is_sent_to_the_figures(live_server, browser, partner_a, coordinator):
    Telling.objects.create(
        aanbod=partner_a.offer, maand=datetime.date.today().replace(day=1), soort=Soort.FICHE,
        aantal=3,
    )  # fmt: skip
    page = _login(browser, live_server.url, "coordinator")
    page.goto(live_server.url + "/admin/doorverwijzingen/")
    expect(page).to_have_url(live_server.url + "/admin/cijfers/doorverwijzingen/")
    expect(page.locator("h1").first).to_have_text("Doorverwijzingen")
    expect(page.get_by_role("heading", name="Per organisatie")).to_be_visible()
    # At 1280 px the page does not scroll sideways: wide tables scroll in their own box.
    breedte = page.evaluate(
        "() => [document.documentElement.clientWidth, document.documentElement.scrollWidth]"
    )
    assert breedte[1] <= breedte[0], breedte
