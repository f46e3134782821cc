"""The age filter on /aanbod/ and /api/v1/aanbod/: `?leeftijd=67` keeps the offers whose age
range includes 67, or that have none; a number field and a chip on the page; bad input gives a
Dutch notice and no filter, never an error."""

import json
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from aanbod.models import Thema, Wijk
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory
from tests.search.breken import break_index

URL, API = "/aanbod/", "/api/v1/aanbod/"


@pytest.fixture
def aanbod(site_tree, index_dir):
    org = OrganisatiePageFactory(parent=site_tree.index, title="WGC Alfa", slug="wgc-alfa")
    beweging = [Thema.objects.get(slug="beweging")]

    def offer(title, laag=None, hoog=None, themas=(), wijk=None):
        page = AanbodPageFactory(
            parent=org, title=title, min_leeftijd=laag, max_leeftijd=hoog, themas=list(themas)
        )
        if wijk:
            page.wijken.set([Wijk.objects.get(slug=wijk)])
            page.save()
        return page

    pages = SimpleNamespace(
        senioren=offer("Bewegen voor 65-plussers", 65, None, beweging, "rabot-blaisantvest"),
        iedereen=offer("Wandelen voor iedereen", themas=beweging, wijk="rabot-blaisantvest"),
        jongeren=offer("Praten met jongeren", 12, 25),
        exact=offer("Valpreventie op 67", 67, 67),
        kleuters=offer("Kleuterturnen", None, 6, beweging, "ledeberg"),
    )
    rebuild()
    return pages


def get(client, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.context["zoek"], BeautifulSoup(response.content, "html.parser")


def titles(zoek):
    return sorted(r.kaart.title for r in zoek.results)


@pytest.mark.django_db
def test_age_keeps_offers_whose_range_includes_it_or_that_have_none(client, aanbod):
    zoek, _soup = get(client, {"leeftijd": "67"})
    assert titles(zoek) == [
        "Bewegen voor 65-plussers", "Valpreventie op 67", "Wandelen voor iedereen",
    ]  # fmt: skip
    assert zoek.notices == []
    zoek, _soup = get(client, {"leeftijd": "6"})
    assert titles(zoek) == ["Kleuterturnen", "Wandelen voor iedereen"]
    zoek, _soup = get(client, {"leeftijd": "25"})  # the upper edge is included
    assert titles(zoek) == ["Praten met jongeren", "Wandelen voor iedereen"]


@pytest.mark.django_db
def test_other_facets_count_with_the_age_and_the_age_shows_its_own_count(client, aanbod):
    zoek, soup = get(client, {"leeftijd": "67", "wijk": "rabot-blaisantvest"})
    assert zoek.total == 2
    thema = {v.value: v.count for f in zoek.facets if f.name == "thema" for v in f.values}
    assert thema["beweging"] == 2  # not the kleuters offer, which is not for 67-year-olds
    wijk = {v.value: v.count for f in zoek.facets if f.name == "wijk" for v in f.values}
    assert wijk["ledeberg"] == 0 and wijk["rabot-blaisantvest"] == 2
    # The age in the panel: only the chosen age, ticked, with the number of results.
    box = soup.select_one('#facet-leeftijd input[name="leeftijd"]')
    assert box["value"] == "67" and box.has_attr("checked")
    assert len(soup.select('#facet-leeftijd input[name="leeftijd"]')) == 1
    assert "(2)" in soup.select_one("#facet-leeftijd").get_text()


@pytest.mark.django_db
def test_number_field_and_chip(client, aanbod):
    _zoek, soup = get(client, {"leeftijd": "67", "q": "bewegen"})
    field = soup.select_one("form.zoekbalk input#zoek-leeftijd")
    assert field["type"] == "number" and field["name"] == "leeftijd" and field["value"] == "67"
    assert soup.select_one('label[for="zoek-leeftijd"]').get_text() == "Leeftijd van de cliënt"
    # The words form sends the age once: its own field, no hidden copy.
    assert len(soup.select('form.zoekbalk input[name="leeftijd"]')) == 1
    chip = next(a for a in soup.select("a.chip") if "Leeftijd" in a.get_text())
    assert "Leeftijd van de cliënt: 67 jaar" in chip.get_text()
    assert "leeftijd" not in chip["href"] and "q=bewegen" in chip["href"]
    _zoek, soup = get(client, {})
    assert soup.select_one("input#zoek-leeftijd")["value"] == ""
    assert soup.select_one("#facet-leeftijd") is None


BAD = ["abc", "-5", "-3", "121", "200", "999", "6.5", "1e3", "9" * 5000, "67abc", "０x1"]


@pytest.mark.django_db
@pytest.mark.parametrize("value", BAD)
def test_bad_age_gives_a_notice_and_no_filter(client, aanbod, value):
    zoek, soup = get(client, {"leeftijd": value})
    assert zoek.total == 5 and zoek.filters == {}
    assert len(zoek.notices) == 1
    assert "geen leeftijd die we kennen" in zoek.notices[0]
    assert "van 0 tot 120" in zoek.notices[0]
    assert len(zoek.notices[0]) < 200  # a huge value is not echoed whole
    assert "geen leeftijd die we kennen" in soup.select_one(".resultaten .notice").get_text()
    assert soup.select_one("input#zoek-leeftijd")["value"] == ""


@pytest.mark.django_db
def test_empty_age_is_no_filter_and_no_notice_and_the_first_of_several_counts(client, aanbod):
    zoek, _soup = get(client, {"leeftijd": ""})
    assert zoek.total == 5 and zoek.notices == []
    zoek, _soup = get(client, {"leeftijd": ["", "6", "67"]})
    assert titles(zoek) == ["Kleuterturnen", "Wandelen voor iedereen"]


@pytest.mark.django_db
def test_api_gives_the_same_counts_as_the_page(client, aanbod):
    for params in ["leeftijd=67", "leeftijd=67&wijk=rabot-blaisantvest", "leeftijd=abc"]:
        page = client.get(f"{URL}?{params}").context["zoek"]
        data = json.loads(client.get(f"{API}?{params}").content)
        assert data["count"] == page.total, params
        assert sorted(r["id"] for r in data["results"]) == sorted(
            r.kaart.pk for r in page.results
        ), params
        assert data["notices"] == page.notices, params
        thema = {v["value"]: v["count"] for v in data["facets"]["thema"]}
        assert thema.get("beweging", 0) == next(
            v.count for f in page.facets if f.name == "thema" for v in f.values
            if v.value == "beweging"
        ), params  # fmt: skip
    data = json.loads(client.get(f"{API}?leeftijd=67").content)
    assert data["facets"]["leeftijd"] == [
        {"value": "67", "label": "67 jaar", "count": 3, "selected": True}
    ]


@pytest.mark.django_db
def test_without_the_index_the_database_applies_the_age(client, aanbod, settings, tmp_path):
    break_index(settings, tmp_path / "weg", "weg")
    zoek, _soup = get(client, {"leeftijd": "67"})
    assert zoek.unavailable
    assert titles(zoek) == [
        "Bewegen voor 65-plussers", "Valpreventie op 67", "Wandelen voor iedereen",
    ]  # fmt: skip
