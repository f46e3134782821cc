"""The French and the Arabic site in a real Chromium (issue 13, item 3, "Done when").

A caregiver goes from the home page through a search with filters to an offer and its handout,
in French and in Arabic (once by keyboard only); axe-core finds nothing on any public page type
in nl, fr and ar, at 320 px and at 1280 px; the Arabic layout really runs right to left and a
phone number in it stays readable.
"""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import datetime
import re
from types import SimpleNamespace

from django.utils import timezone, translation

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from aanbod.models import Taal, Thema, Wijk
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish
from tests.kalender.conftest import T, maak_activiteit, maak_campagne

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PREFIX = {"nl": "", "fr": "/fr", "ar": "/ar"}
FILTERS = "?thema=beweging&wijk=rabot-blaisantvest"


def url_in(code, page):
    """A page's URL in language `code` (Wagtail reverses in the active language)."""
    with translation.override(code):
        return page.url


@pytest.fixture
def site(site_tree, index_dir):
    """An organisation with a phone number, two offers about beweging in Rabot, an activity in
    a running campaign: enough for every public page type."""
    org = OrganisatiePageFactory(parent=site_tree.index, title="WGC Alfa", slug="wgc-alfa")
    org.telefoon, org.straat_nummer, org.postcode = "09 123 45 67", "Rabotstraat 1", "9000"
    publish(org)
    rabot = Wijk.objects.get(slug="rabot-blaisantvest")
    offers = []
    for title in ("Samen wandelen in Rabot", "Beweegles Rabot"):
        offer = AanbodPageFactory(
            parent=org,
            title=title,
            themas=[Thema.objects.get(slug="beweging")],
            talen=list(Taal.objects.filter(slug__in=["nl", "ar", "fr"])),
        )
        offer.wijken.set([rabot])
        offer.inschrijving_telefoon = "09 123 45 67"
        offer.save()
        offers.append(publish(offer))
    today = timezone.localdate()
    campagne = maak_campagne(
        "Week van de beweging", "week-van-de-beweging", today, today + datetime.timedelta(days=20)
    )
    activiteit = maak_activiteit(
        org, "Wandelen met de buurt", campagne=campagne,
        data=[(today + datetime.timedelta(days=2), T(14), T(15))], m2m={"wijken": [rabot]},
    )  # fmt: skip
    rebuild()
    return SimpleNamespace(org=org, offer=offers[0], activiteit=activiteit, campagne=campagne)


def html_lang(page):
    return page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]")


# -- the journeys ------------------------------------------------------------------------------

ZOEKEN = {"fr": "Rechercher", "ar": "بحث"}  # the search button


@pytest.mark.parametrize("taal", ["fr", "ar"])
def test_caregiver_goes_from_home_to_a_handout_in_the_chosen_language(
    live_server, page, site, taal
):
    page.goto(live_server.url + "/")
    # The language choice names each language in itself; it keeps the page.
    page.get_by_role("navigation", name=re.compile("Language")).get_by_role(
        "link", name={"fr": "Français", "ar": "العربية"}[taal]
    ).click()
    expect(page).to_have_url(f"{live_server.url}/{taal}/")
    assert html_lang(page) == [taal, "rtl" if taal == "ar" else "ltr"]

    page.get_by_role("search").get_by_role("searchbox").fill("wandelen")
    page.get_by_role("button", name=ZOEKEN[taal], exact=True).click()
    expect(page).to_have_url(re.compile(rf"/{taal}/aanbod/\?q=wandelen"))
    # Ticking a filter applies it at once (static/js/zoeken.js) and keeps the language.
    page.locator('#filterformulier input[name="wijk"][value="rabot-blaisantvest"]').check()
    expect(page).to_have_url(re.compile(r"wijk=rabot-blaisantvest"))
    assert f"/{taal}/aanbod/" in page.url and "q=wandelen" in page.url

    page.get_by_role("link", name="Samen wandelen in Rabot").click()
    expect(page).to_have_url(live_server.url + url_in(taal, site.offer))
    assert html_lang(page)[0] == taal

    # The handout follows the site's language unless the caregiver picks another one.
    form = page.locator("form.fiche-taal").first
    assert form.locator("select").input_value() == taal
    with page.expect_navigation():
        form.get_by_role("button").click()
    assert re.search(rf"/{taal}/doorverwijzing/fiche/{site.offer.pk}/", page.url)
    assert page.evaluate("() => document.documentElement.lang") == taal


def focus_by_tab(page, predicate, limit=80):
    """Press Tab until `predicate` (JS, on document.activeElement) holds; fail after `limit`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return {predicate}; }}"):
            return
    pytest.fail(f"Tab never reached: {predicate}")


def test_arabic_journey_by_keyboard_only(live_server, page, site):
    page.goto(live_server.url + "/aanbod/" + FILTERS)
    focus_by_tab(page, "el.hreflang === 'ar'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/ar/aanbod/{FILTERS}")
    assert html_lang(page) == ["ar", "rtl"]

    focus_by_tab(page, "el.id === 'zoek-q'")
    page.keyboard.type("wandelen")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ar/aanbod/\?.*q=wandelen"))
    # The filters rode along with the words.
    assert "wijk=rabot-blaisantvest" in page.url and "thema=beweging" in page.url

    focus_by_tab(page, "el.textContent.trim() === 'Samen wandelen in Rabot'")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + url_in("ar", site.offer))

    focus_by_tab(page, "el.closest('form.fiche-taal') && el.type === 'submit'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/ar/doorverwijzing/fiche/{site.offer.pk}/"))
    assert html_lang(page) == ["ar", "rtl"]


# -- right to left -----------------------------------------------------------------------------


def test_arabic_layout_runs_right_to_left_and_phone_numbers_stay_readable(live_server, page, site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/ar/aanbod/" + FILTERS)
    panel = page.locator("#filterpaneel").bounding_box()
    results = page.locator("section.resultaten").bounding_box()
    assert panel["x"] > results["x"], "the filter panel sits at the start (right) in Arabic"
    page.goto(live_server.url + "/aanbod/" + FILTERS)
    panel = page.locator("#filterpaneel").bounding_box()
    results = page.locator("section.resultaten").bounding_box()
    assert panel["x"] < results["x"]

    page.goto(live_server.url + url_in("ar", site.org))
    phone = page.locator('a[href^="tel:"]').first
    # Isolated left-to-right: "09 123 45 67" is not shown as "67 45 123 09".
    style = phone.evaluate(
        "el => [getComputedStyle(el).direction, getComputedStyle(el).unicodeBidi]"
    )
    assert style == ["ltr", "isolate"]
    assert phone.inner_text() == "09 123 45 67"


# -- axe on every public page type --------------------------------------------------------------


def public_pages(site, taal):
    p = PREFIX[taal]
    return {
        "home": f"{p}/",
        "zoeken met filters": f"{p}/aanbod/{FILTERS}",
        "aanbod": url_in(taal, site.offer),
        "organisatie": url_in(taal, site.org),
        "kalender": f"{p}/kalender/",
        "activiteit": url_in(taal, site.activiteit),
        "campagne": url_in(taal, site.campagne),
        "selectie": f"{p}/selectie/",
        "fiche": f"{p}/doorverwijzing/fiche/{site.offer.pk}/",
        "gezondheidsgids": f"{p}/doorverwijzing/gezondheidsgids/",
        "404": f"{p}/bestaat-niet/",
    }


def axe_violations(page):
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]


@pytest.mark.parametrize("taal", ["nl", "fr", "ar"])
def test_axe_finds_nothing_on_any_public_page_in_three_languages(live_server, page, site, taal):
    # One offer in the selection, so the selection page shows a list, not its empty state.
    page.goto(live_server.url + url_in(taal, site.offer))
    page.locator("form[data-selectie-knop] button").first.click()
    expect(page.locator(".in-selectie").first).to_be_visible()

    found = {}
    for breedte in (320, 1280):
        page.set_viewport_size({"width": breedte, "height": 900})
        for naam, pad in public_pages(site, taal).items():
            response = page.goto(live_server.url + pad)
            assert response.status == (404 if naam == "404" else 200), (naam, pad)
            assert html_lang(page) == [taal, "rtl" if taal == "ar" else "ltr"], pad
            violations = axe_violations(page)
            if violations:
                found[f"{naam} @ {breedte}px ({pad})"] = violations
    assert found == {}
