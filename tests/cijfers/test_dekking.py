"""Coverage (dekking): every heatmap cell's number is the total of the public search its link
opens, on every engine, in both layouts and both stadsbreed modes, with filters; hidden offers
are never counted; bad input gives a notice; downloads hold the page's numbers."""

import csv
import datetime
import io
import re
from html import unescape
from urllib.parse import urlsplit

from django.db import connection
from django.http import QueryDict

from wagtail.models import PageViewRestriction

import pytest
from openpyxl import load_workbook

from aanbod.models import Doelgroep, Taal, Thema, Toegankelijkheid, Wijk
from aanbod.zoeken import zoek
from preventiezoeker.search import reset_backend
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish

URL = "/admin/cijfers/dekking/"
ENGINES = ["preventiezoeker.search.whoosh_backend.WhooshBackend"]
if connection.vendor == "postgresql":
    ENGINES.append("preventiezoeker.search.pg_backend.PostgresBackend")

# (themes, wijken, stadsbreed, doelgroepen, talen, prijs, vormen): wijk-bound, city-wide,
# city-wide with a wijk named too, neither, several themes and wijken.
OFFERS = [
    (["beweging"], ["ledeberg"], False, ["senioren"], ["nl"], ["gratis"], ["groepsaanbod"]),
    (["beweging"], ["ledeberg", "dampoort"], False, ["kinderen"], ["nl", "fr"], ["terugbetaald"],
     ["individueel"]),
    (["beweging", "mondzorg"], [], True, ["senioren"], ["ar"], ["gratis"], ["groepsaanbod"]),
    (["mondzorg"], ["rabot-blaisantvest"], True, ["kinderen"], ["nl"], ["gratis"], ["online"]),
    (["gezonde-voeding"], ["rabot-blaisantvest"], False, [], ["nl"], ["kansentarief"],
     ["groepsaanbod"]),
    (["gezonde-voeding"], [], False, ["senioren"], ["nl"], ["gratis"], ["groepsaanbod"]),
    (["beweging"], ["nieuw-gent-uz"], False, ["senioren"], ["ar", "nl"], ["gratis"],
     ["groepsaanbod"]),
]  # fmt: skip
GEHEIM = "Geheim"  # hidden offers' titles; their theme and wijk are otherwise empty
GEHEIM_THEMA, GEHEIME_WIJK = "gokken-en-gamen", "wondelgem"


def _offer(parent, n, themas, wijken, stadsbreed, doelgroepen, talen, prijs, vormen, **extra):
    page = AanbodPageFactory(
        parent=parent, title=extra.pop("title", f"Aanbod {n}"), stadsbreed=stadsbreed,
        themas=list(Thema.objects.filter(slug__in=themas)),
        talen=list(Taal.objects.filter(slug__in=talen)), prijs=prijs, vormen=vormen, **extra,
    )  # fmt: skip
    page.wijken.set(Wijk.objects.filter(slug__in=wijken))
    page.doelgroepen.set(Doelgroep.objects.filter(slug__in=doelgroepen))
    page.save()
    return page


def _verborgen(org, index):
    """A draft, an unpublished, an expired and a view-restricted offer, each stadsbreed too."""
    args = ([GEHEIM_THEMA], [GEHEIME_WIJK], True, ["senioren"], ["nl"], ["gratis"], ["online"])
    _offer(org, 0, *args, title=f"{GEHEIM} concept", live=False)
    weg = publish(_offer(org, 0, *args, title=f"{GEHEIM} ingetrokken"))
    weg.unpublish()
    publish(_offer(org, 0, *args, title=f"{GEHEIM} verlopen", einddatum=datetime.date(2021, 1, 1)))
    slot = publish(_offer(org, 0, *args, title=f"{GEHEIM} afgeschermd"))
    PageViewRestriction.objects.create(
        page=slot, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    shut = OrganisatiePageFactory(parent=index, title="Afgeschermde organisatie")
    publish(_offer(shut, 0, *args, title=f"{GEHEIM} onder slot"))
    PageViewRestriction.objects.create(
        page=shut, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )


@pytest.fixture(params=ENGINES, ids=lambda e: e.rsplit(".", 1)[1])
def aanbod(request, site_tree, settings, tmp_path, coordinator, client):
    settings.SEARCH_BACKEND = request.param
    settings.SEARCH_INDEX_DIR = tmp_path / "index"
    reset_backend()
    org = OrganisatiePageFactory(parent=site_tree.index, title="WGC Alfa", slug="wgc-alfa")
    publish(org)
    for n, offer in enumerate(OFFERS):
        page = _offer(org, n, *offer)
        if n in (0, 2):
            page.toegankelijkheid.set(Toegankelijkheid.objects.filter(slug="heldere-taal"))
        publish(page)
    _verborgen(org, site_tree.index)
    rebuild()
    client.force_login(coordinator)
    yield client
    reset_backend()


CELL = re.compile(r'<a href="([^"]+)" aria-label="([^"]+)">(\d+)</a>')


def _heatmap(client, query=""):
    response = client.get(URL + query)
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('class="listing pz-cijfers-listing pz-heatmap"')
    table = html[start : html.index("</table>", start)]
    return html, [(unescape(h), unescape(n), int(v)) for h, n, v in CELL.findall(table)]


def _total(href):
    parts = urlsplit(href)
    assert parts.path == "/aanbod/"
    return zoek(QueryDict(parts.query), log=False).total


QUERIES = [
    "",
    "?meetellen=1",
    "?indeling=doelgroep",
    "?doelgroep=senioren&taal=nl&taal=ar",
    "?meetellen=1&prijs=gratis&vorm=groepsaanbod",
    "?indeling=doelgroep&doelgroep=senioren&doelgroep=kinderen&prijs=gratis",
    "?toegankelijkheid=heldere-taal",
]


@pytest.mark.parametrize("query", QUERIES)
def test_every_cell_counts_what_its_link_finds(aanbod, query):
    _html, cells = _heatmap(aanbod, query)
    # 16 themes, plus the totals row; every column a link.
    assert len(cells) >= 17 * 3
    assert any(n for _h, _l, n in cells), "the data set must fill some cells"
    for href, _label, n in cells:
        assert _total(href) == n, href


def test_own_column_keeps_city_wide_offers_out_of_the_wijk_cells(aanbod):
    _html, cells = _heatmap(aanbod)
    by_label = {label: (href, n) for href, label, n in cells}
    # Ledeberg: offers 0 and 1 only; the city-wide offer 2 (beweging) sits in its own column.
    href, n = by_label["Beweging in Ledeberg, zonder stadsbreed aanbod: 2 aanbod"]
    assert "stadsbreed=nee" in href
    assert by_label["Beweging, stadsbreed (heel Gent): 1 aanbod"][1] == 1
    # Offer 3 is city-wide and names Rabot too: in its own column, not in Rabot's.
    assert by_label["Mondzorg in Rabot - Blaisantvest, zonder stadsbreed aanbod: geen aanbod"]
    assert by_label["Mondzorg, stadsbreed (heel Gent): 2 aanbod"][1] == 2
    _html, cells = _heatmap(aanbod, "?meetellen=1")
    labels = {label for _h, label, _n in cells}
    assert "Beweging in Ledeberg: 3 aanbod" in labels
    assert "Beweging in Binnenstad: 1 aanbod" in labels  # the city-wide one, added everywhere
    assert "Mondzorg in Rabot - Blaisantvest: 2 aanbod" in labels


def test_empty_cells_stand_out_and_are_listed(aanbod):
    html, cells = _heatmap(aanbod)
    empty = [c for c in cells if c[2] == 0]
    assert empty
    assert 'class="pz-heat-0"><a href=' in html
    assert "Gokken en gamen in Wondelgem, zonder stadsbreed aanbod: geen aanbod" in {
        c[1] for c in cells
    }
    lijst = html[html.index('id="tabel-ontbreekt"') :]
    # Beweging has offers in 3 of the 25 wijken; Gokken en gamen (only hidden offers) in none.
    assert re.search(r'<th scope="row">Beweging\s*</th><td>22\s*</td>', lijst)
    assert re.search(r'<th scope="row">Gokken en gamen\s*</th><td>25\s*</td>', lijst)


def test_shades_follow_quantiles():
    from cijfers.dekking import tinten

    tint = tinten([0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55])
    assert [tint(v) for v in (0, 1, 3, 13, 55)] == [0, 1, 2, 3, 5]
    assert [tinten([1] * 10 + [2, 3])(v) for v in (1, 2, 3)] == [1, 5, 5]
    assert tinten([0, 0])(0) == 0


def test_hidden_offers_are_counted_nowhere(aanbod):
    for query in ("", "?meetellen=1", "?indeling=doelgroep"):
        html, cells = _heatmap(aanbod, query)
        assert GEHEIM not in html
        slaap = [n for _h, label, n in cells if label.startswith("Gokken en gamen")]
        assert slaap and not any(slaap), query
        wondelgem = {
            label.split(" in Wondelgem")[0]: n for _h, label, n in cells if " in Wondelgem" in label
        }
        if query == "?meetellen=1":  # only the visible city-wide offers, as in every wijk
            stadsbreed = {
                label.split(",")[0]: n for _h, label, n in cells if "stadsbreed (" in label
            }
            assert wondelgem == stadsbreed
        elif not query:
            assert wondelgem and not any(wondelgem.values())
        totaal = [n for _h, label, n in cells if label == "Alle thema's, totaal: 7 aanbod"]
        assert totaal == [7], query
    for formaat in ("csv&tabel=dekking-wijk", "xlsx"):
        assert GEHEIM.encode() not in aanbod.get(f"{URL}?formaat={formaat}").content


BAD = [
    ("?indeling=kaart", "Die indeling kennen we niet"),
    ("?meetellen=ja%00", "stadsbreed meetellen"),
    ("?doelgroep=marsmannetjes", "Onbekende keuze genegeerd bij voor wie: marsmannetjes"),
    ("?taal=" + "x" * 5000, "Onbekende keuze genegeerd bij taal"),
    ("?prijs=gratis&prijs=%ff%fe", "Onbekende keuze genegeerd bij prijs"),
    ("?vorm=" + "&vorm=".join(str(n) for n in range(200)), "Onbekende keuze genegeerd bij vorm"),
    ("?indeling=doelgroep&indeling=wijk&formaat=pdf", "Aanbod per thema en wijk"),
    ("?formaat=csv&tabel=bestaat-niet", "Die tabel bestaat niet"),
    ("?thema=beweging&wijk=ledeberg&stadsbreed=misschien", "Aanbod per thema en wijk"),
]


@pytest.mark.parametrize(("query", "melding"), BAD)
def test_bad_input_gives_a_notice_not_an_error(aanbod, query, melding):
    response = aanbod.get(URL + query)
    assert response.status_code == 200
    assert melding in unescape(response.content.decode())


def test_public_search_rejects_a_bad_stadsbreed_value_with_a_notice(aanbod):
    result = zoek(QueryDict("wijk=ledeberg&stadsbreed=misschien"), log=False)
    assert result.total == 4  # ignored: the city-wide offers 2 and 3 stay
    assert any("stadsbreed" in str(n) for n in result.notices)
    result = zoek(QueryDict("wijk=ledeberg&stadsbreed=nee"), log=False)
    assert result.total == 2
    assert any("zonder aanbod voor heel Gent" in str(n) for n in result.notices)


@pytest.mark.parametrize("query", ["", "?indeling=doelgroep&taal=nl"])
def test_downloads_hold_the_numbers_on_the_page(aanbod, query):
    _html, cells = _heatmap(aanbod, query)
    naam = "dekking-doelgroep" if "doelgroep" in query else "dekking-wijk"
    sep = "&" if query else "?"
    response = aanbod.get(f"{URL}{query}{sep}formaat=csv&tabel={naam}")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    numbers = [int(v) for row in rows[1:] for v in row[1:]]
    assert numbers == [n for _h, _l, n in cells]
    assert rows[0][0] == "Thema" and rows[-1][0] == "Alle thema's"
    sheet = load_workbook(io.BytesIO(aanbod.get(f"{URL}{query}{sep}formaat=xlsx").content))
    first = sheet.worksheets[0]
    values = [[c.value for c in row] for row in first.iter_rows(min_row=3)]
    assert [v for row in values for v in row[1:]] == numbers


def test_a_broken_index_gives_a_notice_not_an_error(client, coordinator, monkeypatch):
    from cijfers import dekking_telling
    from preventiezoeker.search import SearchUnavailable

    def kapot(query):
        raise SearchUnavailable("index weg")

    monkeypatch.setattr(dekking_telling, "search", kapot)
    client.force_login(coordinator)
    response = client.get(URL)
    assert response.status_code == 200
    assert "De zoekindex is even niet bruikbaar" in response.content.decode()
    assert client.get(URL + "?formaat=xlsx").status_code == 200


def test_the_search_pages_filter_form_keeps_stadsbreed_nee(aanbod):
    """A cell's link leads to ?stadsbreed=nee; ticking another filter there must not drop it."""
    form = aanbod.get("/aanbod/?wijk=ledeberg&stadsbreed=nee").content.decode()
    filterform = form[
        form.index('id="filterformulier"') : form.index(
            "</form>", form.index('id="filterformulier"')
        )
    ]
    assert '<input type="hidden" name="stadsbreed" value="nee">' in filterform
    zonder = aanbod.get("/aanbod/?wijk=ledeberg").content.decode()
    assert 'name="stadsbreed"' not in zonder
