"""A partner's whole import in a real Chromium: the menu item, the template downloaded, 30 offers
filled in, uploaded, the dry run read, "Toepassen" clicked, and the 30 offers wait for the
coordinator's approval."""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import csv
import io

from wagtail.models import Page

import pytest
from playwright.sync_api import expect

from aanbod.models import AanbodPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill("wachtwoord")
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(base + "/admin/")


def ingevuld(sjabloon: bytes, aantal: int) -> bytes:
    """The downloaded template with `aantal` offers added under its explanation rows."""
    tekst = sjabloon.decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    koppen = rijen[0]
    for n in range(aantal):
        waarden = {
            "titel": f"Beweegmoment {n + 1}",
            "in het kort": "Samen bewegen in de buurt, op je eigen tempo.",
            "thema's": "Beweging",
            "talen": "Nederlands, Frans",
            "vorm": "Groepsaanbod",
            "prijs": "Gratis",
            "hoe inschrijven": "Zonder afspraak",
            "wanneer": "Elke dinsdag van 14 tot 16 uur",
        }
        rijen.append([waarden.get(kop, "") for kop in koppen])
    uit = io.StringIO()
    csv.writer(uit, delimiter=";").writerows(rijen)
    return ("\ufeff" + uit.getvalue()).encode("utf-8")


def test_partner_imports_thirty_offers_for_approval(live_server, page, partner_a, tmp_path):
    base = live_server.url
    pages_voor = Page.objects.count()
    log_in(page, base, "partner-a")

    page.get_by_role("link", name="Aanbod importeren").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanbod importeren")

    page.locator("#sjabloon-formaat").select_option("csv")
    with page.expect_download() as download:
        page.get_by_role("button", name="Sjabloon downloaden").click()
    sjabloon = open(download.value.path(), "rb").read()  # noqa: SIM115
    bestand = tmp_path / "mijn-aanbod.csv"
    bestand.write_bytes(ingevuld(sjabloon, 30))

    page.locator("input[name=bestand]").set_input_files(str(bestand))
    page.get_by_role("button", name="Controleren").click()
    expect(page.locator("#samenvatting")).to_contain_text("30 nieuw")
    expect(page.locator("#samenvatting")).to_contain_text("er is nog niets veranderd")
    expect(page.locator("#plan tbody tr")).to_have_count(30)
    assert Page.objects.count() == pages_voor  # the dry run wrote nothing

    page.get_by_role("button", name="Toepassen").click()
    expect(page.locator("#import")).to_have_attribute("data-status", "klaar", timeout=60_000)
    expect(page.locator("#uitkomst")).to_contain_text("30 nieuw")
    expect(page.locator("#uitkomst")).to_contain_text("ingediend ter goedkeuring")

    nieuw = AanbodPage.objects.filter(title__startswith="Beweegmoment ")
    assert nieuw.count() == 30
    assert all(p.workflow_in_progress and not p.live for p in nieuw)
    assert {p.get_parent().pk for p in nieuw} == {partner_a.organisatie.pk}
