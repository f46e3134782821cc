"""The Content-Security-Policy in a real Chromium: no page type reports a violation, the site's
scripts still run under it (they carry the nonce), and the Wagtail admin's editor, preview and
image chooser work under the admin's own policy.

A violation shows up twice: as a `securitypolicyviolation` event (recorded by an init script in
every frame) and as a "Content Security Policy" console error; both are collected.
"""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import contextlib
import datetime

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from aanbod.models import AanbodPage
from preventiezoeker.search.sync import rebuild
from tests.kalender.conftest import maak_activiteit, maak_campagne

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

D, T = datetime.date, datetime.time

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(
    e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile +
    ":" + e.lineNumber + " " + (e.sample || "")
  );
});
"""


class Violations:
    """Every CSP violation in this browser context: events from all frames, console errors."""

    def __init__(self, context):
        self.console = []
        context.add_init_script(RECORD_VIOLATIONS)
        context.on("console", self._on_console)

    def _on_console(self, message):
        if "Content Security Policy" in message.text:
            self.console.append(message.text)

    def of(self, page):
        events = []
        for frame in page.frames:
            # A frame that navigated away has nothing to tell.
            with contextlib.suppress(PlaywrightError):
                events += frame.evaluate("() => window.__cspViolations || []")
        return events + self.console


@pytest.fixture
def watched(browser):
    context = browser.new_context()
    violations = Violations(context)
    yield context.new_page(), violations
    context.close()


@pytest.fixture
def site(partner_a, index_dir):
    campagne = maak_campagne(
        "Week van de beweging", "week-van-de-beweging", D(2026, 3, 1), D(2027, 12, 31)
    )
    activiteit = maak_activiteit(
        partner_a.organisatie, "Wandelen in het park", data=[(D(2027, 6, 1), T(10), T(12))],
        campagne=campagne,
    )  # fmt: skip
    rebuild()
    return {"campagne": campagne.url, "activiteit": activiteit.url}


def test_public_pages_run_their_scripts_without_a_violation(live_server, watched, site, partner_a):
    page, violations = watched
    base = live_server.url
    offer = partner_a.offer
    for url in [
        "/", "/kalender/", site["campagne"], site["activiteit"], partner_a.organisatie.url,
        "/doorverwijzing/gezondheidsgids/", "/bestaat-niet/",
    ]:  # fmt: skip
        page.goto(base + url)
        assert violations.of(page) == [], url

    # The policy is enforced (and the listener hears it): a script without the nonce is blocked.
    page.goto(base + "/")
    page.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.injected = true"; document.head.append(s); }"""
    )
    assert page.evaluate("() => window.injected") is None
    assert any("script-src" in v for v in violations.of(page))
    violations.console.clear()

    # zoeken.js runs: it adds the small-screen filter button and updates results in place.
    page.goto(base + "/aanbod/")
    expect(page.locator(".filters-knop")).to_have_count(1)
    # selectie.js runs: "add to selection" updates the header count without a page load.
    page.get_by_role("button", name=f"Zet in mijn selectie: {offer.title}").click()
    expect(page.locator("[data-selectie-aantal]")).to_have_text("(1)")
    expect(page).to_have_url(base + "/aanbod/")
    assert violations.of(page) == []

    page.goto(base + offer.url)
    assert violations.of(page) == []
    page.goto(base + "/selectie/")
    expect(page.get_by_role("link", name=offer.title)).to_be_visible()
    assert violations.of(page) == []
    page.goto(base + f"/doorverwijzing/fiche/{offer.pk}/")
    expect(page.get_by_role("button", name="Afdrukken")).to_be_visible()  # shown by selectie.js
    expect(page.locator("svg.qr-code")).to_be_visible()
    assert violations.of(page) == []


def test_admin_editor_preview_and_image_chooser_work_under_the_admin_policy(
    live_server, watched, partner_a, tmp_path
):
    page, violations = watched
    base = live_server.url
    page.goto(base + "/admin/login/")
    page.locator("input[name=username]").fill("partner-a")
    page.locator("input[name=password]").fill("wachtwoord")
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(base + "/admin/")
    assert violations.of(page) == []

    # Logged in, public pages show Wagtail's userbar: it works under the strict public policy.
    page.goto(base + partner_a.offer.url)
    page.get_by_role("button", name="Bekijk Wagtail snel acties").click()
    expect(page.get_by_role("menuitem", name="Wijzig deze pagina")).to_be_visible()
    assert violations.of(page) == []

    # The page editor: the inline panel, date widgets and preview run; a draft saves.
    offer = partner_a.offer
    page.goto(base + f"/admin/pages/{offer.pk}/edit/")
    page.locator("#id_in_het_kort").fill("Samen wandelen, elke week.")
    page.get_by_role("button", name="Voeg Locatie toe").click()
    expect(page.locator("[name=locaties-0-naam]")).to_be_visible()
    page.locator("[name=locaties-0-naam]").fill("Buurtcentrum")
    toggle = page.locator("[data-side-panel-toggle=preview]")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    preview = page.frame_locator("iframe[title]").first
    expect(preview.get_by_role("heading", level=1)).to_have_text(offer.title)
    page.get_by_role("button", name="Bewaar concept").click()
    expect(page.locator(".messages")).to_contain_text(f"Pagina '{offer.title}' is gewijzigd.")
    draft = AanbodPage.objects.get(pk=offer.pk).get_latest_revision_as_object()
    assert draft.in_het_kort == "Samen wandelen, elke week."
    assert [loc.naam for loc in draft.locaties.all()] == ["Buurtcentrum"]
    assert violations.of(page) == []

    # The image chooser of the organisation's logo opens, uploads and chooses.
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 40), "teal").save(logo)
    page.goto(base + f"/admin/pages/{partner_a.organisatie.pk}/edit/")
    page.get_by_role("button", name="Kies een afbeelding").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading", name="Kies een afbeelding")).to_be_visible()
    dialog.get_by_role("tab", name="Uploaden").click()
    dialog.locator("input[type=file]").set_input_files(logo)
    dialog.locator("input[name='image-chooser-upload-title']").fill("Logo Alfa")
    dialog.locator("form button[type=submit]").click()
    expect(page.locator("[data-chooser-title]").first).to_have_text("Logo Alfa")
    assert violations.of(page) == []
