"""The writing help in a real Chromium: a partner types a bureaucratic sentence in the offer
editor and, without saving, the panel says what to change; a plain rewrite turns it to B1."""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest
from playwright.sync_api import expect

from aanbod.models import AanbodPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The reading comes 0.7 s after the last keystroke, from a server shared with other test runs.
LEZING_MS = 15_000
BUREAUCRATISCH = (
    "Teneinde de fysieke en psychosociale gezondheid van buurtbewoners te bevorderen, "
    "organiseren wij laagdrempelige wandelactiviteiten."
)


def test_typing_a_bureaucratic_sentence_shows_the_hints(live_server, page, partner_a):
    base = live_server.url
    page.goto(base + "/admin/login/")
    page.locator("input[name=username]").fill("partner-a")
    page.locator("input[name=password]").fill("wachtwoord")
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(base + "/admin/")

    offer = partner_a.offer
    page.goto(base + f"/admin/pages/{offer.pk}/edit/")
    paneel = page.locator("[data-schrijfhulp]")
    expect(paneel).to_be_visible()
    expect(paneel.locator("[data-schrijfhulp-oordeel]")).to_have_text("Duidelijke taal (B1)")

    # The summary field.
    page.locator("#id_in_het_kort").fill(BUREAUCRATISCH)
    expect(paneel.locator("[data-schrijfhulp-oordeel]")).to_have_text(
        "Nog niet B1", timeout=LEZING_MS
    )
    tips = paneel.locator("[data-schrijfhulp-tip]")
    expect(tips.filter(has_text="‘Teneinde’ → zeg liever ‘om’.")).to_have_count(
        1, timeout=LEZING_MS
    )
    expect(tips.filter(has_text="‘psychosociale’ is een moeilijk woord")).to_have_count(1)
    expect(tips.filter(has_text="‘laagdrempelige’ → zeg liever")).to_have_count(1)

    # The rich text description: typed in Draftail, read from its content as it changes.
    page.locator("#id_in_het_kort").fill("Wandel mee met de buurt.")
    expect(paneel.locator("[data-schrijfhulp-oordeel]")).to_have_text(
        "Duidelijke taal (B1)", timeout=LEZING_MS
    )
    editor = page.locator("[data-contents]").first
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Wij trachten middels deze activiteit de buurt te verbinden.")
    expect(tips.filter(has_text="‘trachten’ → zeg liever ‘proberen’.")).to_have_count(
        1, timeout=LEZING_MS
    )
    expect(tips.filter(has_text="‘middels’ → zeg liever ‘met, via’.")).to_have_count(1)

    # Wagtail's own checks panel counts words but gives no English "Leesbaarheid: Goed".
    toggle = page.locator("[data-side-panel-toggle=checks]")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    checks = page.locator("[data-side-panel=checks]")
    expect(checks.get_by_text("Zie ‘Duidelijke taal’ onder de beschrijving.")).to_be_visible()
    expect(checks.locator("[data-content-word-count]")).not_to_have_text("-")
    expect(checks.get_by_text("Leesbaarheid")).to_have_count(0)
    expect(checks.get_by_text("Goed", exact=True)).to_have_count(0)

    # Advice only: the draft saves as it is.
    page.get_by_role("button", name="Bewaar concept").click()
    expect(page.locator(".messages")).to_contain_text(f"Pagina '{offer.title}' is gewijzigd.")
    draft = AanbodPage.objects.get(pk=offer.pk).get_latest_revision_as_object()
    assert draft.in_het_kort == "Wandel mee met de buurt."
    assert "trachten middels" in draft.beschrijving
    page.wait_for_load_state("networkidle")  # no reading still on its way after the test
