"""Cijfers > Actualiteit per organisatie: counts equal hand counts and nakijken's own overview,
hidden offers never count, the links lead to the overview and the correction list."""

import csv
import datetime
import io

from django.utils import timezone

import pytest

from aanbod.models import ActualiteitInstellingen
from doorverwijzing.enums import MeldingStatus
from doorverwijzing.models import Correctiemelding
from nakijken.admin_views import overzicht
from nakijken.models import Nakijkverzoek
from tests.aanbod.factories import OrganisatiePageFactory, publish
from tests.cijfers.test_doorverwijzingen import GEHEIM, verborgen_aanbod
from tests.nakijken.helpers import aanbod, maanden_geleden, nagekeken

URL = "/admin/cijfers/actualiteit/"
HERINNERD = maanden_geleden(1)
PERIODE = "?periode=12-maanden"


def _melding(offer, status=MeldingStatus.NIEUW, dag=None):
    melding = Correctiemelding.objects.create(
        aanbod=offer, aanbod_titel=offer.title, bericht="Het uur klopt niet.", status=status
    )
    if dag:
        moment = timezone.make_aware(datetime.datetime.combine(dag, datetime.time(12)))
        Correctiemelding.objects.filter(pk=melding.pk).update(aangemaakt=moment)
    return melding


@pytest.fixture
def data(site_tree, partner_a, partner_b, coordinator, client):
    a, b = partner_a.organisatie, partner_b.organisatie
    nagekeken(partner_a.offer, maanden_geleden(1))
    nagekeken(partner_b.offer, maanden_geleden(1))
    due = aanbod(a, "Na te kijken", maanden_geleden(7))
    stale = aanbod(a, "Verouderd", maanden_geleden(13))
    nooit = aanbod(a, "Nooit", None)
    aanbod(b, "Ook verouderd", maanden_geleden(20))
    for page in verborgen_aanbod(a, site_tree.index):
        nagekeken(page, maanden_geleden(30))
        _melding(page)
    _melding(due)
    _melding(stale, MeldingStatus.IN_BEHANDELING, dag=maanden_geleden(18))
    _melding(nooit, MeldingStatus.OPGELOST)
    Nakijkverzoek.objects.create(
        aanbod=due, organisatie=a, verstuurd_op=maanden_geleden(2),
        geldig_tot=maanden_geleden(1), herinnerd_op=HERINNERD,
    )  # fmt: skip
    Nakijkverzoek.objects.create(
        aanbod=stale, organisatie=a, verstuurd_op=maanden_geleden(20),
        geldig_tot=maanden_geleden(19), afgesloten_op=maanden_geleden(19),
    )  # fmt: skip
    leeg = publish(OrganisatiePageFactory(parent=site_tree.index, title="Lege organisatie"))
    client.force_login(coordinator)
    return {"a": a, "b": b, "leeg": leeg}


def _rows(client, query=PERIODE):
    response = client.get(f"{URL}{query}&formaat=csv&tabel=actualiteit")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    return rows[0], {r[0]: r[1:] for r in rows[1:]}


def test_counts_per_organisation_equal_the_hand_count(client, data):
    kop, rows = _rows(client)
    assert kop[1:5] == ["Gepubliceerd", "Na te kijken", "Verouderd", "Nooit nagekeken"]
    # WGC Alfa: 4 offers; due = 7 months, 13 months and never; stale = 13 months.
    alfa = rows["WGC Alfa"]
    assert alfa[:4] == ["4", "3", "1", "1"]
    # Open: new + in progress; in the period: the new one and the solved one; the reminder.
    assert alfa[5:9] == ["2", "2", f"{HERINNERD:%d-%m-%Y}", "1"]
    assert rows["WGC Beta"][:4] == ["2", "1", "1", "0"]
    assert rows["WGC Beta"][7] == "nog geen"
    assert rows["Lege organisatie"][:4] == ["0", "0", "0", "0"]
    assert rows["Totaal"][:4] == ["6", "4", "2", "1"]
    assert list(rows)[0] == "WGC Alfa"  # the most stale offers first (tie on 1: most due)


def test_numbers_agree_with_nakijkens_overview_for_visible_offers(client, data):
    _kop, rows = _rows(client)
    for rij in overzicht(timezone.localdate()):
        titel = rij.organisatie.title
        if titel == "Afgeschermde organisatie":
            continue  # restricted: left out here on purpose
        eigen = rows[titel]
        if titel == "WGC Alfa":
            # nakijken's overview counts live offers, so also the restricted and expired ones.
            continue
        assert eigen[:4] == [
            str(rij.gepubliceerd),
            str(len(rij.te_controleren)),
            str(rij.verouderd),
            str(rij.nooit),
        ]


def test_stale_offers_hidden_for_being_stale_still_count(client, data):
    ActualiteitInstellingen.objects.create(verouderd_verbergen=True)
    _kop, rows = _rows(client)
    assert rows["WGC Alfa"][:4] == ["4", "3", "1", "1"]


def test_period_columns_follow_the_period(client, data):
    oud = f"?periode=eigen&van={maanden_geleden(24)}&tot={maanden_geleden(15)}"
    _kop, rows = _rows(client, oud)
    assert rows["WGC Alfa"][6] == "1"  # the report of 18 months ago
    assert rows["WGC Alfa"][8] == "1"  # the mail of 20 months ago
    _kop, rows = _rows(client)
    assert (rows["WGC Alfa"][6], rows["WGC Alfa"][8]) == ("2", "1")


def test_hidden_offers_and_organisations_never_appear(client, data):
    html = client.get(URL + PERIODE).content.decode()
    assert GEHEIM not in html and "Afgeschermde organisatie" not in html
    _kop, rows = _rows(client)
    assert "Afgeschermde organisatie" not in rows
    assert rows["Totaal"][5] == "2"  # the hidden offers' open reports are not counted


def test_links_to_the_overview_and_the_reports(client, data):
    html = client.get(URL + PERIODE).content.decode()
    assert 'href="/admin/actualiteit/"' in html
    assert 'href="/admin/correctiemeldingen/"' in html
    assert 'aria-label="WGC Alfa: 2 open meldingen"' in html


@pytest.mark.parametrize(
    "query",
    ["?periode=eigen&van=2026-02-30&tot=2026-02-31", "?periode=eigen&van=&tot=", "?formaat=zip"],
)
def test_bad_input_never_fails(client, data, query):
    response = client.get(URL + query)
    assert response.status_code == 200
    assert b"WGC Alfa" in response.content
