"""The public pages in a real Chromium: journeys, keyboard use, axe-core (WCAG 2.1 AA) and a
320px-wide screen.

Runs against pytest-django's live_server, so the database is transactional; serialized_rollback
restores what the migrations loaded (Wagtail's root page, the vocabularies) for every test.
"""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import datetime
import re

from wagtail.models import Site

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from aanbod.models import AanbodLocatie, AanbodPage, Doelgroep, Taal, Toegankelijkheid, Wijk
from home.models import SiteInstellingen
from tests.aanbod.factories import publish

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def offer(partner_a):
    """partner_a's offer with every block of the offer page filled in."""
    organisatie = partner_a.organisatie
    organisatie.korte_beschrijving = "Een wijkgezondheidscentrum voor iedereen in de buurt."
    organisatie.straat_nummer, organisatie.postcode = "Rabotstraat 1", "9000"
    organisatie.website = "https://www.example.org/wgc-alfa-met-een-heel-lang-webadres/contact"
    publish(organisatie)

    page = AanbodPage.objects.get(pk=partner_a.offer.pk)
    page.beschrijving = (
        "<p>We wandelen samen door de buurt en doen <b>eenvoudige</b> oefeningen.</p>"
    )
    page.doelgroepen.set(Doelgroep.objects.filter(slug__in=["senioren", "volwassenen"]))
    page.min_leeftijd, page.max_leeftijd = 55, 99
    page.wijken.set(Wijk.objects.filter(slug__in=["rabot-blaisantvest", "brugse-poort-rooigem"]))
    page.talen.set(Taal.objects.filter(slug__in=["nl", "ar", "fr"]))
    page.toegankelijkheid.set(
        Toegankelijkheid.objects.filter(
            slug__in=["heldere-taal", "tolk-mogelijk", "rolstoeltoegankelijk"]
        )
    )
    page.vormen = ["groepsaanbod", "individueel"]
    page.prijs = ["kansentarief", "betalend"]
    page.bedrag = 5
    page.prijs_toelichting = "Met UiTPAS betaal je 1 euro."
    page.inschrijving = ["inschrijven"]
    page.inschrijving_telefoon = "09 123 45 67"
    page.inschrijving_email = "inschrijven-beweegcoach@wgc-alfa.example.org"
    page.inschrijving_link = "https://www.example.org/inschrijven"
    page.contactpersoon = "Sara Peeters"
    page.laatst_nagekeken = datetime.date(2026, 1, 15)
    page.locaties = [
        AanbodLocatie(
            naam="Buurtcentrum Rabot",
            straat_nummer="Opgeëistenlaan 455",
            postcode="9000",
            wijk=Wijk.objects.get(slug="rabot-blaisantvest"),
        )
    ]
    return publish(page)


@pytest.fixture
def demo_notice(site_tree):
    instellingen = SiteInstellingen.for_site(Site.objects.get(is_default_site=True))
    instellingen.voorbeeldgegevens = True
    instellingen.save()


def partner_url(offer):
    return offer.get_parent().url


def assert_no_axe_violations(page, tags=WCAG_21_AA):
    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]}
    )
    violations = results.response["violations"]
    summary = [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    assert violations == [], f"{page.url}: {summary}\n{results.generate_report()}"


def test_home_page_theme_links_lead_to_the_filtered_list(live_server, page, offer):
    page.goto(live_server.url + "/")
    # The heading holds a soft hyphen so the long word can break on a small screen.
    h1 = page.get_by_role("heading", level=1).inner_text()
    assert h1.replace("\u00ad", "") == "Vind gezondheidsaanbod in Gent"
    themes = page.get_by_role("region", name="Kies een thema").get_by_role("link")
    expect(themes.first).to_be_visible()
    assert themes.count() > 10

    themes.filter(has_text="Mondzorg").click()
    expect(page).to_have_url(re.compile(r"/aanbod/\?thema=mondzorg$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanbod")


def test_offer_page_opened_from_the_list_shows_every_block(live_server, page, offer):
    page.goto(live_server.url + "/aanbod/")
    page.get_by_role("link", name="Beweegcoach WGC Alfa").click()

    expect(page).to_have_url(live_server.url + offer.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Beweegcoach WGC Alfa")
    expect(page.get_by_role("region", name="Wat kost het")).to_contain_text(
        "Kansentarief / UiTPAS, Betalend: € 5"
    )
    talen = page.get_by_role("region", name="Talen")
    expect(talen).to_contain_text("Arabisch")
    expect(talen).to_contain_text("Nederlands")
    # "Arabisch" is a Dutch word: a lang="ar" on it would make screen readers mispronounce it.
    expect(talen.locator("[lang]")).to_have_count(0)
    expect(page.get_by_role("region", name="Toegankelijkheid")).to_contain_text(
        "Rolstoeltoegankelijk"
    )
    for block in ("Wat", "Voor wie", "Waar", "Wanneer", "Hoe inschrijven", "Contact"):
        expect(page.get_by_role("region", name=block, exact=True)).to_be_visible()

    page.get_by_role("article").get_by_role("link", name="WGC Alfa").click()
    expect(page).to_have_url(live_server.url + partner_url(offer))
    expect(page.get_by_role("heading", level=1)).to_have_text("WGC Alfa")


def test_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_main(live_server, page, offer):
    page.goto(live_server.url + offer.url)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    viewport = page.viewport_size
    assert box is not None and box["x"] >= 0 and box["y"] >= 0, box
    assert box["x"] + box["width"] <= viewport["width"], (box, viewport)
    assert box["width"] > 20 and box["height"] > 20, box

    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    # The next Tab continues inside the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


# One test per page: building the data for a live_server test costs more than the checks.
@pytest.mark.parametrize("path", ["home", "index", "organisatie", "aanbod"])
def test_page_meets_wcag21_aa_and_fits_a_320px_screen(live_server, page, offer, demo_notice, path):
    url = {
        "home": "/",
        "index": "/aanbod/",
        "organisatie": partner_url(offer),
        "aanbod": offer.url,
    }[path]
    page.goto(live_server.url + url)
    expect(page.get_by_role("note")).to_contain_text("Voorbeeldgegevens")
    assert_no_axe_violations(page)
    # axe's best practices too: heading levels in order, all content inside landmarks.
    assert_no_axe_violations(page, tags=["best-practice"])

    page.set_viewport_size({"width": 320, "height": 640})
    page.reload()
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"{url} is {scroll_width}px wide on a 320px screen"
    assert_no_axe_violations(page)
