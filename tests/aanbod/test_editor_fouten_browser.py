"""Errors the partner cannot see are named at the top (issue 12): after a failed save, the tab
holding an error shows its count, and the error message lists every field with an error, with
its tab, as a link that opens that tab and puts the cursor in the field. Nothing is saved."""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
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


def tab(page, name):
    return page.get_by_role("tab", name=re.compile(f"^{name}"))


def kijk_na(page):
    return page.locator(".messages .kijk-na")


def test_errors_on_both_tabs_are_counted_listed_and_lead_to_their_field(
    live_server, page, partner_a
):
    offer = partner_a.offer
    revisies = offer.revisions.count()
    log_in(page, live_server.url, "partner-a")
    page.goto(live_server.url + f"/admin/pages/{offer.pk}/edit/")
    page.locator("#id_inschrijving_telefoon").fill("bel ons")
    tab(page, "Eigenschappen").click()
    page.locator("#id_slug").fill("")
    tab(page, "Inhoud").click()
    page.get_by_role("button", name="Bewaar concept").click()

    # Each tab says how many errors it holds.
    expect(tab(page, "Inhoud")).to_contain_text("1 foutmelding")
    expect(tab(page, "Eigenschappen")).to_contain_text("1 foutmelding")
    # The message at the top names them, in the order of the form.
    items = kijk_na(page).locator("li")
    expect(kijk_na(page)).to_contain_text("Kijk dit na:")
    expect(items).to_have_count(2)
    expect(items.nth(0)).to_have_text(
        "Telefoon om in te schrijven (tabblad Inhoud) — Geef een geldig telefoonnummer, "
        "bijvoorbeeld 09 123 45 67 of +32 9 123 45 67."
    )
    expect(items.nth(1)).to_have_text(
        "URL-naam (tabblad Eigenschappen) — Dit is een verplicht veld."
    )

    # Measured once the message has faded in (it appears with an opacity transition).
    page.wait_for_function(
        """() => [...document.querySelectorAll('.messages, .messages li')]
            .every((e) => getComputedStyle(e).opacity === '1')"""
    )
    axe = Axe().run(
        page,
        context={"include": [[".messages .kijk-na"]]},
        options={
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
        },
    )
    violations = axe.response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]

    # The link to a field on the hidden tab opens that tab and focuses the field.
    expect(page.locator("#id_slug")).to_be_hidden()
    kijk_na(page).get_by_role("link", name="URL-naam").click()
    expect(tab(page, "Eigenschappen")).to_have_attribute("aria-selected", "true")
    expect(page.locator("#id_slug")).to_be_focused()
    # And back: the phone field on the first tab.
    kijk_na(page).get_by_role("link", name="Telefoon om in te schrijven").click()
    expect(tab(page, "Inhoud")).to_have_attribute("aria-selected", "true")
    expect(page.locator("#id_inschrijving_telefoon")).to_be_focused()

    # Fixing both saves the draft.
    page.locator("#id_inschrijving_telefoon").fill("09 123 45 67")
    kijk_na(page).get_by_role("link", name="URL-naam").click()
    page.locator("#id_slug").fill("beweegcoach-alfa")
    page.get_by_role("button", name="Bewaar concept").click()
    expect(page.locator(".messages")).to_contain_text(f"Pagina '{offer.title}' is gewijzigd.")
    expect(kijk_na(page)).to_have_count(0)
    draft = AanbodPage.objects.get(pk=offer.pk).get_latest_revision_as_object()
    assert (draft.inschrijving_telefoon, draft.slug) == ("09 123 45 67", "beweegcoach-alfa")
    assert offer.revisions.count() == revisies + 1


def test_a_new_offer_with_errors_is_not_created_and_names_what_to_fix(live_server, page, partner_a):
    log_in(page, live_server.url, "partner-a")
    organisatie = partner_a.organisatie
    page.goto(live_server.url + f"/admin/pages/add/aanbod/aanbodpage/{organisatie.pk}/")
    page.locator("#id_title").fill("Wandelen in de wijk")
    page.locator("#id_min_leeftijd").fill("60")
    page.locator("#id_max_leeftijd").fill("18")
    tab(page, "Eigenschappen").click()
    # The URL name of the organisation's other offer: taken.
    page.locator("#id_slug").fill(partner_a.offer.slug)
    page.get_by_role("button", name="Bewaar concept").click()

    items = kijk_na(page).locator("li")
    expect(items.filter(has_text="Maximumleeftijd (tabblad Inhoud) — ")).to_have_count(1)
    expect(
        items.filter(has_text=re.compile(r"^URL-naam \(tabblad Eigenschappen\) — "))
    ).to_have_count(1)
    expect(tab(page, "Eigenschappen")).to_contain_text("foutmelding")
    assert not AanbodPage.objects.filter(title="Wandelen in de wijk").exists()

    kijk_na(page).get_by_role("link", name="Maximumleeftijd").click()
    expect(tab(page, "Inhoud")).to_have_attribute("aria-selected", "true")
    expect(page.locator("#id_max_leeftijd")).to_be_focused()


def test_an_error_about_a_whole_location_names_the_location(live_server, page, partner_a):
    log_in(page, live_server.url, "partner-a")
    page.goto(live_server.url + f"/admin/pages/{partner_a.offer.pk}/edit/")
    page.get_by_role("button", name="Voeg Locatie toe").click()
    page.locator("[name=locaties-0-straat_nummer]").fill("Rabotstraat 1")
    page.locator("[name=locaties-0-latitude]").fill("51.05")
    page.get_by_role("button", name="Bewaar concept").click()

    expect(kijk_na(page).locator("li")).to_have_text(
        "Locatie 1 (tabblad Inhoud) — Vul zowel breedtegraad als lengtegraad in, of geen van beide."
    )
    kijk_na(page).get_by_role("link", name="Locatie 1").click()
    expect(page.locator("[name=locaties-0-naam]")).to_be_focused()
