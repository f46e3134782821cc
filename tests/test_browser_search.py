"""The search page /aanbod/ in a real Chromium: a caregiver's journey with and without
JavaScript, counts that agree with the JSON API, the small-screen filter button, and axe-core
(WCAG 2.1 AA) with filters active.

Runs against live_server, so the database is transactional; serialized_rollback restores what
the migrations loaded (root page, vocabularies) for every test.
"""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from aanbod.models import Taal, Thema, Wijk
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FILTERS = "/aanbod/?thema=beweging&wijk=rabot-blaisantvest&taal=ar"


def _offer(org, title, thema, wijk, talen):
    page = AanbodPageFactory(
        parent=org,
        title=title,
        themas=[Thema.objects.get(slug=thema)],
        talen=list(Taal.objects.filter(slug__in=talen)),
    )
    page.wijken.set([Wijk.objects.get(slug=wijk)])
    page.save()
    return publish(page)


@pytest.fixture
def aanbod(site_tree, index_dir):
    """22 offers about beweging in Rabot (3 of them also in Arabic), a few others around them."""
    alfa = OrganisatiePageFactory(parent=site_tree.index, title="WGC Alfa", slug="wgc-alfa")
    beta = OrganisatiePageFactory(parent=site_tree.index, title="Ziekenfonds Beta", slug="zf-beta")
    for n in range(22):
        talen = ("nl", "ar") if n < 3 else ("nl",)
        _offer(
            alfa if n % 2 else beta,
            f"Beweegles Rabot {n:02d}",
            "beweging",
            "rabot-blaisantvest",
            talen,
        )
    for n in range(3):
        _offer(alfa, f"Wandelen in Ledeberg {n}", "beweging", "ledeberg", ("ar",))
    for n in range(2):
        _offer(beta, f"Tandarts in Rabot {n}", "mondzorg", "rabot-blaisantvest", ("nl", "ar"))
    rebuild()


def heading(page):
    return page.locator("#resultaten-titel")


def value(page, name, slug):
    return page.locator(f'#filterformulier input[name="{name}"][value="{slug}"]')


def assert_counts_match_the_api(page, live_server):
    """Every count next to a facet value, and the total, equal what the JSON API says."""
    query = urlsplit(page.url).query
    response = page.request.get(f"{live_server.url}/api/v1/aanbod/?{query}")
    assert response.ok, response.status
    data = response.json()
    expect(heading(page)).to_have_text(f"{data['count']} aanbod gevonden")
    api = {
        (facet, v["value"]): (v["count"], v["selected"])
        for facet, values in data["facets"].items()
        for v in values
    }
    shown = page.evaluate(
        """() => Array.from(document.querySelectorAll('#filterformulier input[type=checkbox]'),
            i => [i.name, i.value, i.closest('label').querySelector('.facet-aantal').textContent,
                  i.checked])"""
    )
    assert shown, "no facet values on the page"
    for name, slug, text, checked in shown:
        count = int(re.fullmatch(r"\((\d+)\)", text).group(1))
        assert api[(name, slug)] == (count, checked), (name, slug, text, checked)
    # And nothing the API counts is missing from the page.
    on_page = {(name, slug) for name, slug, _, _ in shown}
    missing = [
        k for k, (count, selected) in api.items() if (count or selected) and k not in on_page
    ]
    assert missing == []


def assert_no_axe_violations(page):
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )
    violations = results.response["violations"]
    summary = [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    assert violations == [], f"{page.url}: {summary}\n{results.generate_report()}"


def test_caregiver_narrows_down_removes_a_filter_and_pages_on(live_server, page, aanbod):
    page.goto(live_server.url + "/aanbod/")
    expect(heading(page)).to_have_text("27 aanbod gevonden")
    status = page.locator("#zoek-status")
    expect(status).to_have_attribute("aria-live", "polite")

    # Three filters, each applied at once: the URL follows, focus stays, the count is announced.
    steps = [
        ("thema", "beweging", "Beweging", "thema=beweging", 25),
        ("wijk", "rabot-blaisantvest", "Rabot - Blaisantvest", "&wijk=rabot-blaisantvest", 22),
        ("taal", "ar", "Arabisch", "&taal=ar", 3),
    ]
    url = r"/aanbod/\?"
    for name, slug, label, param, total in steps:
        url += re.escape(param)
        page.get_by_role("checkbox", name=re.compile(rf"^{re.escape(label)} \(\d+\)$")).click()
        expect(page).to_have_url(re.compile(url + "$"))
        expect(status).to_have_text(f"{total} aanbod gevonden")
        expect(heading(page)).to_have_text(f"{total} aanbod gevonden")
        expect(value(page, name, slug)).to_be_focused()
        expect(value(page, name, slug)).to_be_checked()
    assert_counts_match_the_api(page, live_server)
    chips = page.locator("a.chip")
    expect(chips).to_have_count(3)

    # Back and forward follow the filters too.
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?thema=beweging&wijk=rabot-blaisantvest$"))
    expect(heading(page)).to_have_text("22 aanbod gevonden")
    expect(value(page, "taal", "ar")).not_to_be_checked()
    page.go_forward()
    expect(heading(page)).to_have_text("3 aanbod gevonden")

    page.get_by_role("link", name="Verwijder filter Taal: Arabisch").click()
    expect(page).to_have_url(re.compile(r"/aanbod/\?thema=beweging&wijk=rabot-blaisantvest$"))
    expect(heading(page)).to_have_text("22 aanbod gevonden")
    expect(chips).to_have_count(2)

    nav = page.get_by_role("navigation", name="Paginanavigatie")
    expect(nav.locator("[aria-current=page]")).to_have_text("Pagina 1")
    nav.get_by_role("link", name="Pagina 2").click()
    assert parse_qs(urlsplit(page.url).query) == {
        "thema": ["beweging"], "wijk": ["rabot-blaisantvest"], "page": ["2"],
    }  # fmt: skip
    expect(nav.locator("[aria-current=page]")).to_have_text("Pagina 2")
    expect(page.locator(".resultaten-lijst article")).to_have_count(2)
    expect(chips).to_have_count(2)
    assert_counts_match_the_api(page, live_server)


def test_sort_applies_at_once_and_keeps_focus(live_server, page, aanbod):
    page.goto(live_server.url + "/aanbod/?thema=mondzorg")
    expect(page.get_by_role("button", name="Sorteer")).to_be_hidden()  # JS applies it at once
    page.get_by_label("Sorteer op").select_option(label="Laatst nagekeken")
    expect(page).to_have_url(re.compile(r"\?thema=mondzorg&sort=nagekeken$"))
    expect(page.get_by_label("Sorteer op")).to_be_focused()
    expect(page.locator("#zoek-status")).to_have_text("2 aanbod gevonden")


def test_without_javascript_every_filter_works_through_the_form(live_server, browser, aanbod):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(live_server.url + "/aanbod/")
    # No fold-away button: the filters are simply shown above the results.
    expect(page.locator(".filters-knop")).to_have_count(0)
    expect(page.get_by_role("group", name="Thema")).to_be_visible()
    page.get_by_role("checkbox", name=re.compile(r"^Beweging \(\d+\)$")).check()
    page.get_by_role("checkbox", name=re.compile(r"^Arabisch \(\d+\)$")).check()
    page.get_by_role("button", name="Toon resultaten").click()
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"thema": ["beweging"], "taal": ["ar"]}
    expect(heading(page)).to_have_text("6 aanbod gevonden")

    page.get_by_label("Sorteer op").select_option(label="Laatst nagekeken")
    page.get_by_role("button", name="Sorteer").click()
    query = parse_qs(urlsplit(page.url).query)
    assert query["sort"] == ["nagekeken"] and query["taal"] == ["ar"]

    # New words keep the filters.
    page.get_by_label("Zoek op woorden").fill("Rabot")
    page.get_by_role("button", name="Zoeken").click()
    query = parse_qs(urlsplit(page.url).query)
    assert query["q"] == ["Rabot"] and query["thema"] == ["beweging"] and query["taal"] == ["ar"]
    context.close()


def test_small_screen_folds_the_filters_behind_one_button(live_server, page, aanbod):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/aanbod/?thema=beweging&wijk=rabot-blaisantvest")
    button = page.get_by_role("button", name="Filters (2 actief)")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_have_attribute("aria-controls", "filterpaneel")
    expect(page.locator("#filterpaneel")).to_be_hidden()

    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#filterpaneel")).to_be_visible()
    page.get_by_role("checkbox", name=re.compile(r"^Arabisch \(\d+\)$")).click()
    expect(page.locator("#zoek-status")).to_have_text("3 aanbod gevonden")
    expect(value(page, "taal", "ar")).to_be_focused()
    button = page.get_by_role("button", name="Filters (3 actief)")
    expect(button).to_have_attribute("aria-expanded", "true")  # still open after the update

    page.get_by_role("button", name="Toon resultaten").click()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#filterpaneel")).to_be_hidden()
    expect(heading(page)).to_be_focused()


@pytest.mark.parametrize("width", [1280, 320])
def test_search_page_with_filters_meets_wcag21_aa(live_server, page, aanbod, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + FILTERS)
    expect(page.locator("a.chip")).to_have_count(3)
    assert_no_axe_violations(page)
    if width < 768:
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{scroll_width}px wide on a {width}px screen"
        page.get_by_role("button", name="Filters (3 actief)").click()
        # Open the folded values too, so axe sees every checkbox.
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert_no_axe_violations(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    # The zero-results page, with its help, too.
    page.goto(live_server.url + "/aanbod/?thema=mondzorg&wijk=ledeberg")
    expect(heading(page)).to_have_text("Geen aanbod gevonden")
    assert_no_axe_violations(page)
