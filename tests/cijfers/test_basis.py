"""The "Cijfers" section's frame: who may see it, the period choice, downloads and charts."""

import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from cijfers.export import csv_download, xlsx_download
from cijfers.grafiek import lijndiagram, staafdiagram
from cijfers.periode import lees_periode
from cijfers.secties import SECTIES
from cijfers.tabel import Cel, Tabel
from tests.aanbod.factories import UserFactory

URLS = [f"/admin/cijfers/{sectie.slug}/" for sectie in SECTIES]
VANDAAG = datetime.date(2026, 11, 18)


@pytest.mark.parametrize("url", URLS)
def test_anonymous_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("url", URLS)
def test_partner_is_refused_every_view_and_download(client, partner_a, url):
    client.force_login(partner_a.user)
    for query in ("", "?formaat=csv&tabel=x", "?formaat=xlsx"):
        # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
        response = client.get(url + query)
        assert (response.status_code, response["Location"]) == (302, "/admin/")


@pytest.mark.parametrize("url", URLS)
def test_coordinator_sees_every_view(client, coordinator, url):
    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 200
    assert b"Periode" in response.content


@pytest.mark.parametrize("url", URLS)
def test_an_inactive_coordinator_is_refused(client, coordinator, url):
    client.force_login(coordinator)
    coordinator.is_active = False
    coordinator.save()
    assert client.get(url).status_code == 302


def test_the_menu_shows_the_section_to_coordinators_only(client, coordinator, partner_a):
    client.force_login(coordinator)
    assert b"/admin/cijfers/dekking/" in client.get("/admin/").content
    client.force_login(partner_a.user)
    assert b"/admin/cijfers/" not in client.get("/admin/").content


def test_a_user_without_any_rights_is_refused(client, db):
    user = UserFactory()
    client.force_login(user)
    response = client.get(URLS[0])  # no admin access at all: to the login
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    "query",
    [
        {"periode": "onzin"},
        {"periode": "eigen", "van": "gisteren", "tot": "2026-01-01"},
        {"periode": "eigen", "van": "2026-01-01"},
        {"periode": "eigen", "van": "9999-12-31", "tot": "0001-01-01"},
        {"periode": "eigen", "van": "2026-01-01" * 500, "tot": "x" * 10_000},
        {"periode": ["eigen", "maand"]},
    ],
)
def test_bad_periods_fall_back_with_a_notice(query):
    periode, _form, meldingen = lees_periode(query, VANDAAG)
    assert periode.van <= periode.tot
    assert periode.dagen <= 366 * 5
    if query.get("periode") != "eigen" or "tot" not in query or "gisteren" in query["van"]:
        assert meldingen


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize(
    "query",
    ["?periode=eigen&van=2026-13-45&tot=x", "?formaat=pdf", "?formaat=csv&tabel=bestaat-niet"],
)
def test_garbage_never_fails_a_view(client, coordinator, url, query):
    client.force_login(coordinator)
    response = client.get(url + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


def test_presets():
    assert lees_periode({"periode": "kwartaal"}, VANDAAG)[0].van == datetime.date(2026, 10, 1)
    vorig = lees_periode({"periode": "vorig-kwartaal"}, VANDAAG)[0]
    assert (vorig.van, vorig.tot) == (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))
    eigen = lees_periode({"periode": "eigen", "van": "2026-03-09", "tot": "2026-03-01"}, VANDAAG)
    assert (eigen[0].van, eigen[0].tot) == (datetime.date(2026, 3, 1), datetime.date(2026, 3, 9))
    assert eigen[2] == ["De einddatum lag voor de begindatum: we hebben ze omgewisseld."]


def _tabel():
    return Tabel(
        naam="voorbeeld", titel="Voorbeeld: thema's",
        kolommen=["Thema", "Aantal"],
        rijen=[["=HYPERLINK(\"x\")", Cel(3, url="/aanbod/?thema=a")], ["Beweging", 0]],
        voet=["Totaal", 3],
    )  # fmt: skip


def test_csv_holds_the_table_with_formulas_defused():
    periode = lees_periode({}, VANDAAG)[0]
    response = csv_download(_tabel(), periode)
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows == [
        ["Thema", "Aantal"],
        ['\'=HYPERLINK("x")', "3"],
        ["Beweging", "0"],
        ["Totaal", "3"],
    ]
    assert "voorbeeld-20261001-20261118.csv" in response["Content-Disposition"]


def test_xlsx_has_one_sheet_per_table():
    periode = lees_periode({}, VANDAAG)[0]
    tweede = _tabel()
    response = xlsx_download("Dekking", [_tabel(), tweede], periode)
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Voorbeeld  thema's", "Voorbeeld  thema's 2"]
    rows = list(book.worksheets[0].values)
    assert rows[1:] == [
        ("Thema", "Aantal"),
        ('\'=HYPERLINK("x")', 3),
        ("Beweging", 0),
        ("Totaal", 3),
    ]


def test_charts_escape_labels_and_carry_a_text_alternative():
    svg = staafdiagram("Zoekwoorden", [("<script>alert(1)</script>", 5), ("fietsen", 2)])
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'role="img"' in svg and "<title" in svg
    lijn = lijndiagram("Zonder resultaat", ["w1", "w2"], [("<b>", [1, 2]), ("b", [0, 3])])
    assert "<b>" not in lijn and lijn.count("<polyline") == 2
    assert staafdiagram("Leeg", []) == "" and lijndiagram("Leeg", [], []) == ""
