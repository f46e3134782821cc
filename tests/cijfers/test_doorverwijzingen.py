"""Cijfers > Doorverwijzingen: referral counts equal hand counts, respect the period, never count
hidden offers, and never show who asked for a gezondheidsgids."""

import csv
import datetime
import io

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest
from openpyxl import load_workbook

from aanbod.models import Taal, Thema, Wijk
from doorverwijzing.enums import Soort, Status, Taak
from doorverwijzing.models import Aanvraag, Gezondheidsgids, Telling
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish

URL = "/admin/cijfers/doorverwijzingen/"
PERIODE = "?periode=eigen&van=2026-03-01&tot=2026-04-30"
GEHEIM = "Verborgen aanbod"
# A caregiver's details: none may appear in any output.
PERSOONLIJK = ("Sara Persoonlijk", "sara.persoonlijk@caw.example", "Mijn cliënt heeft schulden")


def verborgen_aanbod(organisatie, index):
    """A draft, an unpublished, an expired and two view-restricted offers (one below a
    restricted organisation): none may ever be counted."""
    draft = AanbodPageFactory(parent=organisatie, title=f"{GEHEIM} concept", live=False)
    weg = publish(AanbodPageFactory(parent=organisatie, title=f"{GEHEIM} ingetrokken"))
    weg.unpublish()
    verlopen = publish(
        AanbodPageFactory(
            parent=organisatie, title=f"{GEHEIM} verlopen", einddatum=datetime.date(2021, 1, 1)
        )
    )
    slot = publish(AanbodPageFactory(parent=organisatie, title=f"{GEHEIM} afgeschermd"))
    PageViewRestriction.objects.create(
        page=slot, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    dicht = publish(OrganisatiePageFactory(parent=index, title="Afgeschermde organisatie"))
    onder_slot = publish(AanbodPageFactory(parent=dicht, title=f"{GEHEIM} onder slot"))
    PageViewRestriction.objects.create(
        page=dicht, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    return [draft, weg, verlopen, slot, onder_slot]


def _moment(dag, uur=10):
    return timezone.make_aware(datetime.datetime.combine(dag, datetime.time(uur)))


def _tel(aanbod, maand, soort, aantal):
    Telling.objects.create(aanbod=aanbod, maand=maand, soort=soort, aantal=aantal)


@pytest.fixture
def data(site_tree, partner_a, coordinator, client):
    org = partner_a.organisatie
    ledeberg = publish(AanbodPageFactory(parent=org, title="Fietsen in Ledeberg"))
    ledeberg.wijken.set(Wijk.objects.filter(slug="ledeberg"))
    ledeberg.themas.set(Thema.objects.filter(slug__in=["beweging", "mondzorg"]))
    publish(ledeberg)
    stad = publish(AanbodPageFactory(parent=org, title="Stadsbrede lijn", stadsbreed=True))
    maart, april = datetime.date(2026, 3, 1), datetime.date(2026, 4, 1)
    _tel(partner_a.offer, maart, Soort.FICHE, 3)
    _tel(partner_a.offer, april, Soort.GEMAILD, 2)
    _tel(partner_a.offer, datetime.date(2026, 2, 1), Soort.FICHE, 5)  # before the period
    _tel(partner_a.offer, datetime.date(2026, 5, 1), Soort.FICHE, 7)  # after the period
    _tel(ledeberg, maart, Soort.GEDEELD, 4)
    _tel(stad, april, Soort.GIDS, 1)
    for page in verborgen_aanbod(org, site_tree.index):
        _tel(page, maart, Soort.FICHE, 100)
    client.force_login(coordinator)
    return {"ledeberg": ledeberg, "stad": stad}


def _csv(client, tabel, periode=PERIODE):
    response = client.get(f"{URL}{periode}&formaat=csv&tabel={tabel}")
    assert response["Content-Type"] == "text/csv; charset=utf-8", response.content[:300]
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def _rij(rows, label):
    return next(r for r in rows if r[0] == label)


HEADER = ["Fiche geprint", "Gedeeld als link", "Gemaild", "Gids aangevraagd", "Totaal"]


def test_per_month_equals_the_hand_count(client, data):
    rows = _csv(client, "per-maand")
    assert rows[0] == ["Maand", *HEADER]
    assert rows[1:] == [
        ["mrt 2026", "3", "4", "0", "0", "7"],
        ["apr 2026", "0", "0", "2", "1", "3"],
        ["Totaal", "3", "4", "2", "1", "10"],
    ]


def test_per_wijk_theme_organisation_and_offer(client, data, partner_a):
    wijk = _csv(client, "per-wijk")
    assert _rij(wijk, "Ledeberg")[1:] == ["0", "4", "0", "0", "4"]
    assert _rij(wijk, "Heel Gent (stadsbreed)")[1:] == ["0", "0", "0", "1", "1"]
    assert _rij(wijk, "Geen wijk opgegeven")[1:] == ["3", "0", "2", "0", "5"]
    assert _rij(wijk, "Nieuw Gent - UZ")[1:] == ["0", "0", "0", "0", "0"]  # empty stands out
    thema = _csv(client, "per-thema")
    assert _rij(thema, "Beweging")[-1] == "10"
    assert _rij(thema, "Mondzorg")[-1] == "4"  # the Ledeberg offer has two themes
    org = _csv(client, "per-organisatie")
    assert org[1:] == [["WGC Alfa", "3", "4", "2", "1", "10"], ["Totaal", "3", "4", "2", "1", "10"]]
    aanbod = _csv(client, "per-aanbod")
    assert [r[0] for r in aanbod[1:]] == [
        partner_a.offer.title,
        "Fietsen in Ledeberg",
        "Stadsbrede lijn",
    ]


@pytest.mark.parametrize(
    ("periode", "totaal"),
    [
        ("?periode=eigen&van=2026-03-02&tot=2026-04-30", "3"),  # 1 March outside: March drops
        ("?periode=eigen&van=2026-03-01&tot=2026-03-31", "7"),
        ("?periode=eigen&van=2026-02-01&tot=2026-05-01", "22"),
    ],
)
def test_a_month_counts_when_its_first_day_is_in_the_period(client, data, periode, totaal):
    assert _rij(_csv(client, "per-organisatie", periode), "Totaal")[-1] == totaal


def test_hidden_offers_are_never_counted_or_named(client, data):
    html = client.get(URL + PERIODE).content.decode()
    assert GEHEIM not in html and "Afgeschermde organisatie" not in html
    assert ">100<" not in html and ">110<" not in html
    xlsx = client.get(URL + PERIODE + "&formaat=xlsx")
    book = load_workbook(io.BytesIO(xlsx.content))
    cellen = [c for ws in book.worksheets for row in ws.values for c in row if c is not None]
    assert not [c for c in cellen if GEHEIM in str(c)]
    assert max(c for c in cellen if isinstance(c, int)) == 10


@pytest.fixture
def aanvragen(site_tree):
    gids = Gezondheidsgids.objects.create(naam="Gids Zeynep")
    ledeberg = Wijk.objects.get(slug="ledeberg")
    gemaakt = []
    # (received, days until gekoppeld or None, status, wijk, taak)
    for dag, wacht, status, wijk, taak in [
        (datetime.date(2026, 3, 2), 1, Status.AFGEROND, ledeberg, Taak.HUISBEZOEK),
        (datetime.date(2026, 3, 9), 2, Status.GEKOPPELD, ledeberg, Taak.HUISBEZOEK),
        (datetime.date(2026, 3, 20), 10, Status.GEKOPPELD, None, Taak.SIGNALEREN),
        (datetime.date(2026, 3, 25), None, Status.NIEUW, None, Taak.SIGNALEREN),
        (datetime.date(2026, 4, 3), None, Status.AFGEROND, ledeberg, Taak.ONDERSTEUNING),
        (datetime.date(2026, 5, 3), 1, Status.GEKOPPELD, ledeberg, Taak.ONDERSTEUNING),
    ]:
        aanvraag = Aanvraag.objects.create(
            organisatie="CAW", naam=PERSOONLIJK[0], email=PERSOONLIJK[1], vraag=PERSOONLIJK[2],
            taak=taak, dringendheid="geen-haast", wijk=wijk,
        )  # fmt: skip
        aanvraag.talen.set(Taal.objects.filter(slug__in=["ar", "tr"] if wijk else ["ar"]))
        Aanvraag.objects.filter(pk=aanvraag.pk).update(
            aangemaakt=_moment(dag), status=status, gids=gids,
            gekoppeld_op=None if wacht is None else _moment(dag) + datetime.timedelta(days=wacht),
        )  # fmt: skip
        gemaakt.append(aanvraag)
    return gemaakt


def test_wait_until_gekoppeld_per_month(client, coordinator, aanvragen):
    client.force_login(coordinator)
    rows = _csv(client, "aanvragen-wachttijd")
    assert rows[0][:4] == ["Maand", "Aanvragen", "Gekoppeld", "Mediaan (dagen)"]
    # March: waits 1, 2, 10 days -> median 2; one bucket each; April: matched, date unknown.
    assert rows[1] == ["mrt 2026", "4", "3", "2.0", "1", "1", "0", "1", "0", "0"]
    assert rows[2] == ["apr 2026", "1", "0", "–", "0", "0", "0", "0", "0", "1"]
    assert rows[3] == ["Hele periode", "5", "3", "2.0", "1", "1", "0", "1", "0", "1"]


def test_requests_by_status_wijk_language_and_task(client, coordinator, aanvragen):
    client.force_login(coordinator)
    status = dict(_csv(client, "aanvragen-status")[1:])
    assert status == {
        "Nieuw": "1", "Gekoppeld aan een gezondheidsgids": "2", "Afgerond": "2",
        "Niet gelukt": "0",
    }  # fmt: skip
    wijk = dict(_csv(client, "aanvragen-wijk")[1:])
    assert (wijk["Ledeberg"], wijk["Niet opgegeven"]) == ("3", "2")
    taal = _csv(client, "aanvragen-taal")[1:]
    assert sorted(int(n) for _t, n in taal) == [3, 5]  # two languages: counted under each
    taak = dict(_csv(client, "aanvragen-taak")[1:])
    assert taak["Huisbezoek of opvolging bij eenzaamheid"] == "2"
    assert taak["Drempels en ongelijkheid signaleren"] == "2"


def test_no_personal_data_in_the_page_or_any_download(client, coordinator, aanvragen):
    client.force_login(coordinator)
    teksten = [client.get(URL + PERIODE).content.decode()]
    for tabel in ("aanvragen-wachttijd", "aanvragen-status", "aanvragen-wijk",
                  "aanvragen-taal", "aanvragen-taak", "per-aanbod"):  # fmt: skip
        teksten.append(client.get(f"{URL}{PERIODE}&formaat=csv&tabel={tabel}").content.decode())
    book = load_workbook(io.BytesIO(client.get(URL + PERIODE + "&formaat=xlsx").content))
    teksten.append(" ".join(str(c) for ws in book.worksheets for r in ws.values for c in r))
    for tekst in teksten:
        for gegeven in (*PERSOONLIJK, "CAW", "Gids Zeynep"):
            assert gegeven not in tekst


def test_gekoppeld_op_is_set_once_when_first_matched(site_tree):
    gids = Gezondheidsgids.objects.create(naam="Gids")
    aanvraag = Aanvraag.objects.create(
        organisatie="CAW", naam="x", email="x@example.org", vraag="x", taak=Taak.HUISBEZOEK,
        dringendheid="geen-haast",
    )  # fmt: skip
    assert aanvraag.gekoppeld_op is None
    aanvraag.status, aanvraag.gids = Status.GEKOPPELD, gids
    aanvraag.save()
    eerste = Aanvraag.objects.get(pk=aanvraag.pk).gekoppeld_op
    assert eerste is not None
    aanvraag.status = Status.NIEUW
    aanvraag.save()
    aanvraag.status = Status.GEKOPPELD
    aanvraag.save()
    assert Aanvraag.objects.get(pk=aanvraag.pk).gekoppeld_op == eerste


def test_the_page_shows_charts_and_empty_tables_say_so(client, coordinator):
    client.force_login(coordinator)
    html = client.get(URL + PERIODE).content.decode()
    assert "Geen gegevens in deze periode." in html
    assert "Doorverwijzingen per maand" in html


def test_charts_carry_the_table_numbers(client, data):
    html = client.get(URL + PERIODE).content.decode()
    assert html.count('class="pz-grafiek"') >= 3
    assert "<polyline" in html


@pytest.mark.parametrize(
    "query",
    [
        "?periode=eigen&van=2026-13-45&tot=2026-99-01",
        "?periode=eigen&van=0001-01-01&tot=9999-12-31",
        "?formaat=csv&tabel=" + "x" * 5000,
        "?formaat=csv&tabel=per-maand%00",
        "?periode=%00&formaat=xlsx%0A",
        "?tabel=per-maand&formaat=CSV",
    ],
)
def test_bad_input_never_fails(client, data, query):
    response = client.get(URL + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
