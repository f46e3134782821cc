"""Demand (cijfers/vraag.py): the search log's figures over a period, counted by hand on a small
log, with the synonym links, the filters, the overflow row and the downloads."""

import csv
import datetime
import io
from urllib.parse import urlencode

import pytest
from openpyxl import load_workbook

from aanbod.models import Synoniem, ZoekStatistiek, ZoekTelling
from aanbod.statistiek import OVERIGE, tellingen_van
from cijfers.vraag import OVERIGE_LABEL

URL = "/admin/cijfers/vraag/"
VAN, TOT = datetime.date(2026, 3, 2), datetime.date(2026, 3, 15)  # two weeks, Monday to Sunday
PERIODE = {"periode": "eigen", "van": f"{VAN}", "tot": f"{TOT}"}
DAG = datetime.timedelta(days=1)

# (day, words, filters, searches, without results)
LOG = [
    (VAN, "fietsen", "", 5, 0),
    (VAN, "fietsen", "thema=beweging", 3, 1),
    (VAN + DAG, "tandarts", "", 4, 4),
    (VAN + 7 * DAG, "tandarts", "wijk=brugse-poort-rooigem", 2, 2),
    (TOT, "fietsen", "thema=beweging&wijk=brugse-poort-rooigem", 1, 1),
    (TOT, "valpreventie", "", 6, 0),
    (TOT, "", "thema=beweging", 2, 0),
    (TOT, OVERIGE, "", 9, 3),
    # Outside the period by one day on each side: never counted.
    (VAN - DAG, "buiten", "thema=beweging", 100, 100),
    (TOT + DAG, "buiten", "thema=beweging", 100, 100),
]


def schrijf(rijen):
    """Log rows and the day counts tel() keeps beside them (aanbod/statistiek.py)."""
    ZoekStatistiek.objects.bulk_create(
        ZoekStatistiek(dag=d, woorden=w, filters=f, aantal=n, zonder_resultaat=z)
        for d, w, f, n, z in rijen
    )
    ZoekTelling.objects.bulk_create(tellingen_van(rijen))


@pytest.fixture
def log(db):
    schrijf(LOG)


@pytest.fixture
def coord(client, coordinator):
    client.force_login(coordinator)
    return client


def tabellen(client, query=PERIODE):
    response = client.get(URL, query)
    assert response.status_code == 200
    return {t.naam: t for t in response.context["tabellen"]}, response


def waarden(tabel):
    return tabel.waarden()[1:]


def test_summary_matches_a_hand_count(coord, log):
    tabel = tabellen(coord)[0]["samenvatting"]
    assert waarden(tabel) == [
        ["Alle zoekopdrachten", 32, 100.0],
        ["Zonder resultaat", 11, 34.4],
        ["Zonder zoekwoorden (alleen filters)", 2, 6.2],
        [OVERIGE_LABEL, 9, 28.1],
    ]


def test_most_searched_words_with_their_share(coord, log):
    tabel = tabellen(coord)[0]["meest-gezocht"]
    assert waarden(tabel) == [
        ["fietsen", 9, 28.1, 2],
        ["tandarts", 6, 18.8, 6],  # a tie: alphabetical
        ["valpreventie", 6, 18.8, 0],
        [OVERIGE_LABEL, 9, 28.1, 3],  # last, under its own name: not a word anyone typed
    ]
    assert "buiten" not in str(waarden(tabel))


def test_period_bounds_include_first_and_last_day_only(coord, log):
    tabel = tabellen(coord, {"periode": "eigen", "van": f"{VAN}", "tot": f"{VAN}"})[0]
    assert waarden(tabel["meest-gezocht"]) == [["fietsen", 8, 100.0, 1]]
    tabel = tabellen(coord, {"periode": "eigen", "van": f"{TOT}", "tot": f"{TOT}"})[0]
    assert [r[0] for r in waarden(tabel["meest-gezocht"])] == [
        "valpreventie", "fietsen", OVERIGE_LABEL,
    ]  # fmt: skip


def test_searches_without_results_link_to_a_prefilled_synonym_form(coord, log):
    Synoniem.objects.create(term="fietsen", uitbreidingen="fiets")
    tabel, response = tabellen(coord)
    rijen = waarden(tabel["zonder-resultaat"])
    assert rijen == [
        ["tandarts", 6, 4, datetime.date(2026, 3, 9), "maak een synoniem"],
        ["fietsen", 2, 0, TOT, "bewerk het synoniem"],
        [OVERIGE_LABEL, 3, "", "", ""],  # no synonym for the overflow row
    ]
    maak = tabel["zonder-resultaat"].rijen[0][4].url
    assert maak == "/admin/snippets/aanbod/synoniem/add/?term=tandarts"
    assert maak.replace("&", "&amp;").encode() in response.content
    form = coord.get(maak)
    assert form.status_code == 200
    assert form.context["form"].initial["term"] == "tandarts"
    assert b'value="tandarts"' in form.content
    bewerk = tabel["zonder-resultaat"].rijen[1][4].url
    pk = Synoniem.objects.get(term="fietsen").pk
    assert bewerk == f"/admin/snippets/aanbod/synoniem/edit/{pk}/"


@pytest.mark.parametrize(
    ("term", "verwacht"),
    [
        ("  stoppen   met\troken ", "stoppen met roken"),
        ("x" * 5_000, "x" * 80),
        ('"><script>alert(1)</script>', '"><script>alert(1)</script>'),
        ("", None),
    ],
)
def test_the_synonym_form_takes_a_capped_term_from_the_link(coord, term, verwacht):
    response = coord.get("/admin/snippets/aanbod/synoniem/add/?" + urlencode({"term": term}))
    assert response.status_code == 200
    assert response.context["form"].initial.get("term") == verwacht
    assert b"<script>alert(1)" not in response.content


def test_the_prefilled_form_saves_the_synonym(coord):
    url = "/admin/snippets/aanbod/synoniem/add/?term=tandarts"
    response = coord.post(url, {"term": "tandarts", "uitbreidingen": "mondzorg, tandzorg"})
    assert response.status_code == 302
    assert Synoniem.objects.get(term="tandarts").lijst == ["mondzorg", "tandzorg"]


def test_a_partner_cannot_open_the_synonym_form(client, partner_a):
    client.force_login(partner_a.user)
    response = client.get("/admin/snippets/aanbod/synoniem/add/?term=tandarts")
    assert response.status_code == 302


def test_searches_per_week_with_the_share_without_results(coord, log):
    tabel = tabellen(coord)[0]["per-week"]
    assert waarden(tabel) == [
        ["02-03-2026", 12, 5, 41.7],
        ["09-03-2026", 20, 6, 30.0],
        ["Hele periode", 32, 11, 34.4],
    ]
    assert tabel.grafiek.count("<svg") == 2


def test_a_week_cut_by_the_period_counts_only_its_days(coord, log):
    query = {"periode": "eigen", "van": f"{VAN + 7 * DAG}", "tot": f"{VAN + 7 * DAG}"}
    tabel = tabellen(coord, query)[0]["per-week"]
    assert waarden(tabel) == [["09-03-2026", 2, 2, 100.0], ["Hele periode", 2, 2, 100.0]]


def test_most_used_filters_count_each_pair_of_a_search(coord, log):
    tabel = tabellen(coord)[0]["filters"]
    assert waarden(tabel) == [
        ["Beweging", "Thema", 6, 18.8],
        ["Brugse Poort - Rooigem", "Wijk", 3, 9.4],
    ]
    assert "Thema: Beweging" in tabel.grafiek


def test_filter_values_that_no_longer_exist_keep_their_old_name(coord, db):
    schrijf([(VAN, "x", 'thema=weg&onbekend=1&thema=a"b\\c', 2, 0)])
    tabel = tabellen(coord)[0]["filters"]
    assert sorted(waarden(tabel)) == [
        ["1 (bestaat niet meer)", "onbekend", 2, 100.0],
        ['a"b\\c (bestaat niet meer)', "Thema", 2, 100.0],
        ["weg (bestaat niet meer)", "Thema", 2, 100.0],
    ]


def test_an_empty_period_says_so(coord, db):
    tabel, response = tabellen(coord)
    assert all(t.rijen == [] for t in tabel.values())
    assert "Niemand zocht in deze periode." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"periode": "eigen", "van": "0001-01-01", "tot": "9999-12-31"},
        {"periode": "eigen", "van": "2026-02-30", "tot": "2026-03-01"},
        {"periode": "12-maanden", "formaat": "csv", "tabel": "../../etc/passwd"},
        {"periode": "12-maanden", "formaat": "csv", "tabel": "x" * 10_000},
        {"periode": "\x00", "formaat": "xlsx\x00"},
        {"periode": ["maand", "eigen"], "van": ["2026-01-01", "x"]},
    ],
)
def test_bad_input_gives_the_page_not_a_500(coord, log, query):
    response = coord.get(URL, query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert b"Vraag: waar mensen naar zoeken" in response.content


@pytest.mark.parametrize("naam", ["samenvatting", "meest-gezocht", "zonder-resultaat",
                                  "per-week", "filters"])  # fmt: skip
def test_csv_holds_what_the_page_shows(coord, log, naam):
    tabel = tabellen(coord)[0][naam]
    response = coord.get(URL, {**PERIODE, "formaat": "csv", "tabel": naam})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows == [["" if c is None else str(c) for c in rij] for rij in tabel.waarden()]


def test_xlsx_holds_every_table_of_the_page(coord, log):
    page = tabellen(coord)[0]
    response = coord.get(URL, {**PERIODE, "formaat": "xlsx"})
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.worksheets) == len(page)
    for sheet, tabel in zip(book.worksheets, page.values(), strict=True):
        rows = [list(r) for r in sheet.values][1:]
        verwacht = [[None if c == "" else c for c in rij] for rij in tabel.waarden()]
        gelezen = [[c.date() if isinstance(c, datetime.datetime) else c for c in rij]
                   for rij in rows]  # fmt: skip
        assert gelezen == verwacht


def test_nothing_on_the_page_names_a_visitor(coord, log):
    """The log holds no visitor data; the page shows no more than words, filters and counts."""
    fields = {f.name for f in ZoekStatistiek._meta.get_fields()}
    assert fields == {"id", "dag", "woorden", "filters", "aantal", "resultaten",
                      "zonder_resultaat"}  # fmt: skip


def test_hidden_organisations_in_old_filters_show_no_title(coord, site_tree):
    """A filter on an organisation that is now a draft, unpublished, expired or behind a
    password shows its slug from the log, never its title."""
    from wagtail.models import PageViewRestriction

    from tests.aanbod.factories import OrganisatiePageFactory

    def org(slug):
        return OrganisatiePageFactory(parent=site_tree.index, title=f"Geheim {slug}", slug=slug)

    org("concept").unpublish()
    ingetrokken = org("ingetrokken")
    ingetrokken.unpublish()
    verlopen = org("verlopen")  # as Wagtail's scheduler leaves a page past its expiry date
    verlopen.unpublish()
    verlopen.expired = True
    verlopen.save()
    PageViewRestriction.objects.create(
        page=org("afgeschermd"), restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    zichtbaar = org("open")
    slugs = ["concept", "ingetrokken", "verlopen", "afgeschermd"]
    schrijf([(VAN, "x", f"organisatie={slug}", 1, 0) for slug in [*slugs, "open"]])
    tabel, response = tabellen(coord)
    labels = {r[0] for r in waarden(tabel["filters"])}
    assert labels == {f"{slug} (bestaat niet meer)" for slug in slugs} | {zichtbaar.title}
    html = response.content.decode()
    assert not any(f"Geheim {slug}" in html for slug in slugs)
