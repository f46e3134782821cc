"""The coordinator's "Cijfers" section in a real Chromium, on the demo data: the menu, every
section through its tabs (axe: WCAG 2.1 AA, nothing cut off at 1280 px), a period change,
a narrowed heatmap, a cell followed to the public search (same count) and a CSV download.
Saves a screenshot of the heatmap (PZ_HEATMAP_PNG, default /tmp/helpers/heatmap.png)."""

import os

# Playwright's sync API runs an event loop in this thread; Django must still allow DB access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import csv
import io
import re
from pathlib import Path

from django.core.management import call_command

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from cijfers.secties import SECTIES

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOT = Path(os.environ.get("PZ_HEATMAP_PNG", "/tmp/helpers/heatmap.png"))


def axe_violations(page):
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]},
    )
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in results.response["violations"]]


def cut_off(page):
    """What sticks out of the window sideways: the page itself must not scroll, wide tables
    scroll inside their own region."""
    return page.evaluate(
        """() => {
          const out = [];
          const root = document.scrollingElement;
          if (root.scrollWidth > root.clientWidth + 1) out.push('page ' + root.scrollWidth);
          for (const t of document.querySelectorAll('.pz-cijfers-listing')) {
            const region = t.closest('.pz-cijfers-scroll');
            const style = region && getComputedStyle(region).overflowX;
            if (!region || !['auto', 'scroll'].includes(style)) out.push('table without region');
            else if (region.getBoundingClientRect().right > window.innerWidth + 1)
              out.push('region past the window');
          }
          return out;
        }"""
    )


@pytest.fixture
def demo(index_dir):
    call_command("demo", verbosity=0)  # builds the search index too


def login(page, base):
    page.goto(base + "/admin/login/")
    page.locator("input[name=username]").fill("coordinator")
    page.locator("input[name=password]").fill("demo-coordinator")
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(base + "/admin/")


def toon(page):
    page.locator(".pz-cijfers-filters button[type=submit]").click()


def heatmap(page):
    return page.locator("table.pz-heatmap")


def test_coordinator_walks_every_section_of_cijfers(live_server, page, demo, tmp_path):
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, base)

    # The "Cijfers" submenu in the sidebar leads to the first section.
    page.get_by_role("button", name="Cijfers").click()
    page.get_by_role("link", name=SECTIES[0].label).click()
    expect(page).to_have_url(re.compile(rf"/admin/cijfers/{SECTIES[0].slug}/"))

    # Every section through the tabs: axe-clean and nothing cut off at 1280 px.
    problems = {}
    tabs = page.locator(".pz-cijfers-tabs")
    for sectie in SECTIES:
        tabs.get_by_role("link", name=sectie.label).click()
        expect(page).to_have_url(re.compile(rf"/admin/cijfers/{sectie.slug}/"))
        expect(tabs.get_by_role("link", name=sectie.label)).to_have_attribute(
            "aria-current", "page"
        )
        found = axe_violations(page) + [("cut-off", c) for c in cut_off(page)]
        if found:
            problems[sectie.slug] = found
    assert problems == {}

    # The period: another preset is said on the page and kept by the tabs.
    page.goto(base + f"/admin/cijfers/{SECTIES[0].slug}/")
    page.locator("select[name=periode]").select_option("vorige-maand")
    toon(page)
    expect(page).to_have_url(re.compile(r"periode=vorige-maand"))
    expect(tabs.get_by_role("link", name=SECTIES[-1].label)).to_have_attribute(
        "href", re.compile(r"periode=vorige-maand")
    )

    # The heatmap on the demo data: screenshot, then narrowed to seniors.
    expect(heatmap(page)).to_be_visible()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    # The whole table in one picture: the print layout lets it out of its scroll region.
    page.set_viewport_size({"width": 2900, "height": 1400})
    page.emulate_media(media="print")
    heatmap(page).screenshot(path=str(SCREENSHOT))
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 1280, "height": 900})
    alle = int(heatmap(page).locator("tfoot td").last.inner_text())
    page.locator("summary", has_text="Voor wie").click()  # opens the <details>
    page.locator("input[name=doelgroep][value=senioren]").check()
    toon(page)
    expect(page).to_have_url(re.compile(r"doelgroep=senioren"))
    expect(page.get_by_text("Alleen aanbod met voor wie: Senioren.")).to_be_visible()
    senioren = int(heatmap(page).locator("tfoot td").last.inner_text())
    assert 0 < senioren < alle
    assert axe_violations(page) == []

    # A filled cell, followed to the public search, finds as many offers as it says.
    cell = heatmap(page).locator("tbody td[class^='pz-heat-']:not(.pz-heat-0) a").first
    label = cell.get_attribute("aria-label")
    n = int(cell.inner_text())
    assert re.search(rf": {n} aanbod$", label)
    cell.click()
    expect(page).to_have_url(re.compile(r"/aanbod/\?.*doelgroep=senioren.*stadsbreed=nee"))
    expect(page.locator("#resultaten-titel")).to_have_text(f"{n} aanbod gevonden")
    page.go_back()

    # The CSV download holds the table's rows.
    with page.expect_download() as info:
        page.get_by_role("link", name="Download “Aanbod per thema en wijk” als CSV").click()
    path = tmp_path / "dekking.csv"
    info.value.save_as(path)
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Thema" and rows[-1][0] == "Alle thema's"
    assert int(rows[-1][-1]) == senioren
