"""The zero-results page and the crisis box in a real Chromium: axe-core (WCAG 2.1 AA and best
practices) finds nothing, the help lines are reachable by keyboard, and a theme link leads on.

Runs against live_server (transactional, serialized rollback restores the seeded help lines)."""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import re

import pytest
from playwright.sync_api import expect

from aanbod.models import Thema
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish
from tests.test_browser import WCAG_21_AA, assert_no_axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def aanbod(site_tree, index_dir):
    alfa = OrganisatiePageFactory(parent=site_tree.index, title="WGC Alfa", slug="wgc-alfa")
    publish(AanbodPageFactory(parent=alfa, title="Samen wandelen"))
    publish(
        AanbodPageFactory(
            parent=alfa,
            title="Praten met een psycholoog",
            themas=[Thema.objects.get(slug="mentaal-welbevinden")],
        )
    )
    rebuild()


def test_zero_results_page_is_accessible_and_leads_on(live_server, page, aanbod):
    page.goto(f"{live_server.url}/aanbod/?q=xylofoon&thema=beweging")
    expect(page.locator("#resultaten-titel")).to_have_text("Geen aanbod gevonden")
    expect(page.get_by_role("link", name="Vraag een gezondheidsgids")).to_be_visible()
    assert_no_axe_violations(page, WCAG_21_AA)
    assert_no_axe_violations(page, ["best-practice"])
    page.get_by_role("list", name="Zoek per thema").get_by_role(
        "link", name="Mentaal welbevinden"
    ).click()
    expect(page).to_have_url(re.compile(r"/aanbod/\?thema=mentaal-welbevinden$"))
    expect(page.locator("#resultaten-titel")).to_have_text("1 aanbod gevonden")


def test_crisis_box_is_accessible_and_first(live_server, page, aanbod):
    page.goto(f"{live_server.url}/aanbod/?q=zelfmoord")
    box = page.get_by_role("region", name="Je staat er niet alleen voor")
    expect(box).to_be_visible()
    bel = box.get_by_role("link", name="bel 1813")
    expect(bel).to_have_attribute("href", "tel:1813")
    assert_no_axe_violations(page, WCAG_21_AA)
    assert_no_axe_violations(page, ["best-practice"])
    # The box comes before the results, also for keyboard users: a few Tabs after the search.
    top_box = box.bounding_box()["y"]
    assert top_box < page.locator("#resultaten-titel").bounding_box()["y"]
    page.get_by_role("button", name="Zoeken").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('section.crisis') !== null"):
            break
    else:
        pytest.fail("The help lines are not among the first things a keyboard user reaches")
