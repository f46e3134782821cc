"""No dead ends on /aanbod/ (issue 13, item 5): the zero-results page shows a way forward (fewer
filters with honest counts, themes, a gezondheidsgids), and a search for a crisis word shows the
help lines above the results, whatever the results, on the page and in the API."""

from urllib.parse import parse_qs, urlsplit

from django.http import QueryDict
from django.test import Client
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from aanbod import zoeken
from aanbod.data.crisis import HULPLIJNEN
from aanbod.data.vocabularies import THEMAS
from aanbod.models import Hulplijn, Thema, Wijk
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory
from tests.aanbod.test_search_page import aanbod, offer  # noqa: F401 (fixture)

URL = "/aanbod/"
API = "/api/v1/aanbod/"
SEED_WORDS = sorted({w.strip() for line in HULPLIJNEN for w in line[4].split(",") if w.strip()})
ORDINARY = ["wandelen", "gezond koken", "tanden poetsen", "geweldige uitstap", "stoppen met roken"]


@pytest.fixture
def pagina(aanbod):  # noqa: F811 (the imported fixture)
    """The search page's six offers (tests/aanbod/test_search_page.py), indexed."""
    return aanbod


def get(client, params):
    if isinstance(params, str):
        params = QueryDict(params)
    response = client.get(URL, params)
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def query(href):
    return {k: sorted(v) for k, v in parse_qs(urlsplit(href).query).items()}


def total(client, params):
    return get(client, params)[0].context["zoek"].total


def text(node):
    return " ".join(node.get_text().split())


# -- the zero-results page ------------------------------------------------------------------------


def test_zero_results_show_themes_and_a_gezondheidsgids(client, pagina):
    response, soup = get(client, {"q": "xylofoonles"})
    assert response.context["zoek"].total == 0
    help = soup.select_one(".geen-resultaten")
    themas = {a.get_text(strip=True): a["href"] for a in help.select(".themas-lijst a")}
    assert themas["Beweging"] == "?thema=beweging"
    assert len(themas) == len(THEMAS)  # every theme
    # A theme link is a fresh search per theme, and it finds that theme's offers.
    assert total(client, query(themas["Beweging"])) == 3
    gids = help.find("a", string="Vraag een gezondheidsgids")
    assert gids["href"] == "/doorverwijzing/gezondheidsgids/"
    assert client.get(gids["href"]).status_code == 200


def test_every_zonder_filter_count_equals_the_linked_search(client, pagina):
    response, soup = get(client, "thema=beweging&wijk=dampoort&taal=nl")
    assert response.context["zoek"].total == 0
    links = soup.select(".geen-resultaten .filter-weg li")
    assert len(links) >= 2
    for li in links:
        shown = int(li.get_text().rsplit("(", 1)[1].split()[0])
        assert shown == total(client, query(li.a["href"])) > 0, text(li)


def test_hidden_offers_are_never_counted(client, pagina):
    # Beweging in Dampoort: nothing visible. A draft, an unpublished and a password-protected
    # offer about it must not change the counts, nor the result.
    draft = AanbodPageFactory(
        parent=pagina.alfa, title="Geheim concept", live=False,
        themas=[Thema.objects.get(slug="beweging")],
    )  # fmt: skip
    draft.wijken.set(Wijk.objects.filter(slug="dampoort"))
    draft.save_revision()
    unpublished = offer(pagina.alfa, "Geheim offline", ["beweging"], ["dampoort"])
    unpublished.unpublish()
    restricted = offer(pagina.beta, "Geheim met wachtwoord", ["beweging"], ["dampoort"])
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    rebuild()
    response, soup = get(client, "thema=beweging&wijk=dampoort")
    zoek = response.context["zoek"]
    assert zoek.total == 0
    assert {o["facet"]: o["count"] for o in zoek.zonder_filter} == {"wijk": 3, "thema": 2}
    assert "Geheim" not in response.content.decode()


def test_zonder_filter_costs_at_most_six_extra_searches(client, pagina, monkeypatch):
    calls = []
    real = zoeken.search
    monkeypatch.setattr(zoeken, "search", lambda q: calls.append(q) or real(q))
    params = QueryDict(
        "thema=mondzorg&wijk=ledeberg&taal=tr&doelgroep=senioren&prijs=betalend"
        "&vorm=groepsaanbod&inschrijving=zonder-afspraak&organisatie=wgc-alfa"
        "&toegankelijkheid=heldere-taal"
    )
    resultaat = zoeken.zoek(params, log=False)
    assert resultaat.total == 0 and len(resultaat.filters) >= 8
    assert len(calls) <= 1 + zoeken.MAX_ZONDER_FILTER


# -- crisis words ---------------------------------------------------------------------------------


def lines(soup):
    box = soup.select_one("section.crisis")
    if box is None:
        return None
    return [a["href"] for a in box.select('a[href^="tel:"]')]


@pytest.mark.parametrize("word", SEED_WORDS)
def test_every_seed_word_shows_the_help_lines_above_the_results(client, pagina, word):
    response, soup = get(client, {"q": word})
    assert lines(soup), word
    assert "tel:112" in lines(soup)
    # Above the results and the filters, in the swapped part of the page.
    html = response.content.decode()
    assert html.index('class="notice crisis"') < html.index('id="resultaten-titel"')
    assert html.index('class="notice crisis"') < html.index('id="filterpaneel"')


@pytest.mark.parametrize("words", ORDINARY)
def test_ordinary_words_show_no_help_lines(client, pagina, words):
    response, soup = get(client, {"q": words})
    assert lines(soup) is None
    assert response.context["zoek"].hulplijnen == []


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("zelfmoord", ["tel:1813", "tel:106", "tel:112"]),
        ("ZELFMOORDEN", ["tel:1813", "tel:106", "tel:112"]),
        ("Suïcide bij jongeren", ["tel:1813", "tel:106", "tel:112"]),
        ("suicide", ["tel:1813", "tel:106", "tel:112"]),
        ("ik wil dood", ["tel:1813", "tel:106", "tel:112"]),
        ("huiselijk geweld", ["tel:106", "tel:1712", "tel:112"]),
        ("verkrachten", ["tel:106", "tel:1712", "tel:112"]),
        ("hulp na mishandeling Rabot", ["tel:106", "tel:1712", "tel:112"]),
    ],
)
def test_the_relevant_lines_whole_words_accents_case_inflection(client, pagina, words, expected):
    assert lines(get(client, {"q": words})[1]) == expected


def test_the_box_shows_with_results_with_none_and_with_filters(client, pagina):
    # Found something (the wandel offers) and nothing (a filter that blocks all).
    response, soup = get(client, {"q": "zelfmoord wandelen"})
    assert lines(soup) and response.context["zoek"].total == 0  # AND: no offer has both words
    response, soup = get(client, {"q": "geweld", "thema": "mondzorg"})
    assert lines(soup) and response.context["zoek"].total == 0
    offer(pagina.alfa, "Praten na geweld", ["mentaal-welbevinden"])
    rebuild()
    response, soup = get(client, {"q": "geweld"})
    assert response.context["zoek"].total == 1 and lines(soup)


def test_the_box_is_accessible_and_plain(client, pagina):
    soup = get(client, {"q": "zelfmoord"})[1]
    box = soup.select_one("section.crisis")
    heading = box.select_one("h2")
    assert box["aria-labelledby"] == heading["id"]
    assert heading.get_text(strip=True) == "Je staat er niet alleen voor"
    first = box.select_one("li")
    assert text(first).startswith("Zelfmoordlijn: bel 1813.")
    assert first.find("a", string="zelfmoord1813.be")["href"] == "https://www.zelfmoord1813.be"
    assert not soup.select("[style]")


def test_a_coordinator_edit_takes_effect_on_the_next_search(client, pagina):
    lijn = Hulplijn.objects.get(nummer="106")
    lijn.woorden += ", eenzaam"
    lijn.nummer = "+32 106"
    lijn.save()
    assert lines(get(client, {"q": "eenzaam"})[1]) == ["tel:+32106", "tel:112"]
    Hulplijn.objects.all().delete()
    assert lines(get(client, {"q": "zelfmoord"})[1]) is None


def test_words_and_lines_are_escaped(client, pagina):
    Hulplijn.objects.create(
        naam="<script>x</script>", nummer="070 123", tekst="<b>vet</b>", woorden="pesten"
    )
    html = client.get(URL, {"q": "pesten"}).content.decode()
    assert "<script>x</script>" not in html and "&lt;b&gt;vet&lt;/b&gt;" in html


# -- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "q",
    [
        "zelfmoord " * 5000,
        "\x00zelfmoord\x00",
        "zelf\u200bmoord ' \" <>&; DROP TABLE",
        "🙂" * 3000,
        "geweld" + "a" * 100_000,
        ",,,,,",
    ],
)
def test_garbage_and_huge_queries_never_fail(client, pagina, q):
    assert client.get(URL, {"q": q, "thema": "bestaat-niet"}).status_code == 200
    response = client.get(API, {"q": q})
    assert response.status_code == 200
    assert isinstance(response.json()["help_lines"], list)


# -- the API --------------------------------------------------------------------------------------


def test_the_api_gives_help_lines_for_a_crisis_word(client, pagina):
    body = client.get(API, {"q": "zelfmoord"}).json()
    assert [line["number"] for line in body["help_lines"]] == ["1813", "106", "112"]
    assert body["help_lines"][0] == {
        "name": "Zelfmoordlijn",
        "number": "1813",
        "text": HULPLIJNEN[0][2],
        "url": "https://www.zelfmoord1813.be",
    }
    assert body["help_lines"][-1]["url"] is None
    assert client.get(API, {"q": "wandelen"}).json()["help_lines"] == []


# -- who edits the help lines ---------------------------------------------------------------------


def admin_urls():
    pk = Hulplijn.objects.order_by("pk").first().pk
    name = "wagtailsnippets_aanbod_hulplijn"
    return {
        "list": ("get", reverse(f"{name}:list")),
        "add": ("post", reverse(f"{name}:add")),
        "edit": ("post", reverse(f"{name}:edit", args=[pk])),
        "delete": ("post", reverse(f"{name}:delete", args=[pk])),
    }


FORM = {"naam": "Pestlijn", "nummer": "0800 123", "tekst": "Praat erover.", "link": "",
        "woorden": "pesten", "volgorde": "5"}  # fmt: skip


def state():
    return sorted(Hulplijn.objects.values_list("naam", "nummer", "woorden"))


@pytest.mark.parametrize("view", ["list", "add", "edit", "delete"])
def test_partners_may_not_touch_the_help_lines(pagina, partner_a, view):
    client = Client()
    client.force_login(partner_a.user)
    before = state()
    method, url = admin_urls()[view]
    response = getattr(client, method)(url, FORM)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert state() == before


def test_anonymous_gets_the_login_page(pagina):
    method, url = admin_urls()["list"]
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_coordinator_lists_adds_edits_and_deletes_help_lines(client, pagina, coordinator):
    client.force_login(coordinator)
    urls = admin_urls()
    response = client.get(urls["list"][1])
    assert response.status_code == 200 and "Zelfmoordlijn" in response.content.decode()
    assert client.post(urls["add"][1], FORM).status_code == 302
    assert lines(get(client, {"q": "pesten"})[1]) == ["tel:0800123", "tel:112"]
    assert client.post(urls["edit"][1], {**FORM, "naam": "Lijn 1813"}).status_code == 302
    assert client.post(urls["delete"][1]).status_code == 302
    assert "Lijn 1813" not in [naam for naam, _, _ in state()]


def test_a_bad_number_is_refused_with_a_dutch_message(client, pagina, coordinator):
    client.force_login(coordinator)
    before = state()
    response = client.post(admin_urls()["add"][1], {**FORM, "nummer": "bel ons"})
    assert response.status_code == 200
    assert "alleen cijfers" in response.content.decode()
    assert state() == before
