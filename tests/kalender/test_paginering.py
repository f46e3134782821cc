"""The calendar list pages like the search (one component: templates/components/paginering.html)."""

import datetime
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from preventiezoeker.templatetags.paginering import paginanummers
from tests.kalender.conftest import T, maak_activiteit


def test_page_numbers_with_gaps():
    assert paginanummers(1, 1) == [1]
    assert paginanummers(1, 4) == [1, 2, 3, 4]
    assert paginanummers(6, 20) == [1, None, 4, 5, 6, 7, 8, None, 20]
    assert paginanummers(20, 20) == [1, None, 18, 19, 20]


def query(href):
    return parse_qs(urlsplit(href).query)


def test_calendar_pages_keep_the_filters_and_mark_the_current_page(client, partner_a, vocab):
    eerste = datetime.date(2026, 3, 2)
    maak_activiteit(
        partner_a.organisatie, "Dagelijkse wandeling",
        data=[(eerste + datetime.timedelta(days=n), T(10), T(11)) for n in range(120)],
        m2m={"themas": [vocab["beweging"]], "wijken": [vocab["rabot"]]},
    )  # fmt: skip
    filters = "van=2026-03-01&tot=2026-08-31&thema=beweging"
    soup = BeautifulSoup(client.get(f"/kalender/?{filters}").content, "html.parser")
    nav = soup.select_one('nav[aria-label="Paginanavigatie"]')
    assert " ".join(nav.select_one('[aria-current="page"]').get_text().split()) == "Pagina 1"
    assert [a.get_text(strip=True) for a in nav.select("a")] == [
        "Pagina1", "Pagina2", "Pagina3", "Volgendepagina›",
    ]  # fmt: skip
    volgende = query(nav.select_one('a[rel="next"]')["href"])
    assert volgende == {**query(f"?{filters}"), "page": ["2"]}

    soup = BeautifulSoup(client.get(f"/kalender/?{filters}&page=3").content, "html.parser")
    nav = soup.select_one('nav[aria-label="Paginanavigatie"]')
    assert nav.select_one('[aria-current="page"]').get_text(strip=True) == "Pagina3"
    assert nav.select_one('a[rel="next"]') is None
    assert query(nav.select_one('a[rel="prev"]')["href"])["page"] == ["2"]
    # Page 1 drops the parameter, like the search.
    pagina1 = next(a for a in nav.select("a") if a.get_text(strip=True) == "Pagina1")
    assert "page" not in query(pagina1["href"])
