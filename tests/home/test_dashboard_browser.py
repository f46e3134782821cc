"""The dashboard in a real Chromium: a partner logs in, sees its own offers and what is due,
reaches the editor from "Nakijken" and confirms with "Klopt nog"; no page of the admin loads
anything from another site (no Gravatar) and no image on it is broken."""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import datetime
from urllib.parse import urlsplit

from django.utils import timezone

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from aanbod.models import AanbodPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Every <img> loaded (lazy ones too): [src, naturalWidth] for each.
IMAGES = """async () => Promise.all(Array.from(document.images).map(async (img) => {
    img.loading = "eager";
    if (!img.complete) {
        await new Promise((done) => { img.addEventListener("load", done);
                                      img.addEventListener("error", done); });
    }
    return [img.currentSrc || img.src, img.naturalWidth];
}))"""


@pytest.fixture
def requests(page):
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill("wachtwoord")
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(base + "/admin/")


def assert_panels_meet_wcag21_aa(page, *selectors):
    """Our panels only: the rest of the page is Wagtail's."""
    results = Axe().run(
        page,
        context={"include": [[s] for s in selectors]},
        options={
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
        },
    )
    violations = results.response["violations"]
    assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]


def assert_own_origin_only_and_no_broken_image(page, requests, base):
    # The sidebar (and its avatar) is drawn by script after the page loaded.
    expect(page.locator(".sidebar-footer .avatar img")).to_be_attached()
    images = page.evaluate(IMAGES)
    assert images, "the admin shows at least the user's avatar"
    assert [src for src, width in images if width == 0] == []
    own = urlsplit(base).netloc
    elsewhere = [
        url for url in requests
        if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own
    ]  # fmt: skip
    assert elsewhere == []


def test_partner_dashboard_shows_own_due_offer_and_leads_to_the_editor(
    live_server, page, requests, partner_a, partner_b
):
    base = live_server.url
    offer = partner_a.offer
    AanbodPage.objects.filter(pk=offer.pk).update(
        laatst_nagekeken=timezone.localdate() - datetime.timedelta(days=400)
    )

    log_in(page, base, "partner-a")

    aanbod = page.locator("#jouw-aanbod-section")
    expect(aanbod.get_by_role("link", name=offer.title)).to_be_visible()
    nakijken = page.locator("#na-te-kijken-section")
    expect(nakijken).to_contain_text("Mogelijk niet meer actueel")
    expect(page.locator("main")).not_to_contain_text(partner_b.offer.title)
    assert_own_origin_only_and_no_broken_image(page, requests, base)
    assert_panels_meet_wcag21_aa(
        page, "#jouw-aanbod-section", "#na-te-kijken-section", "#open-meldingen-section",
        "#doorverwijzingen-section",
    )  # fmt: skip

    nakijken.get_by_role("link", name=f"Nakijken: {offer.title}").click()
    expect(page).to_have_url(base + f"/admin/pages/{offer.pk}/edit/")
    expect(page.locator("#id_title")).to_have_value(offer.title)
    assert_own_origin_only_and_no_broken_image(page, requests, base)

    page.goto(base + "/admin/account/")
    assert_own_origin_only_and_no_broken_image(page, requests, base)

    # All still right: one click on "Klopt nog" and the offer is no longer due.
    page.goto(base + "/admin/")
    page.get_by_role("button", name=f"Klopt nog: {offer.title}").click()
    expect(page.locator(".messages")).to_contain_text(f"'{offer.title}' is nagekeken")
    expect(page.locator("#na-te-kijken-section")).to_contain_text("Alles is nagekeken")
    assert AanbodPage.objects.get(pk=offer.pk).laatst_nagekeken == timezone.localdate()


def test_coordinator_dashboard_loads_nothing_from_elsewhere(
    live_server, page, requests, partner_a, coordinator
):
    base = live_server.url
    log_in(page, base, "coordinator")
    expect(page.locator("#coordinator-overzicht-section")).to_contain_text(
        "Gepubliceerd aanbod in heel Gent"
    )
    assert_own_origin_only_and_no_broken_image(page, requests, base)
    assert_panels_meet_wcag21_aa(page, "#coordinator-overzicht-section")
