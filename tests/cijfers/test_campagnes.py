"""Cijfers > Campagnes: partners, activities, moments per wijk and reach equal hand counts, follow
the period, and hidden campaigns, activities and offers never appear or count."""

import csv
import datetime
import io

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from aanbod.models import Wijk
from doorverwijzing.enums import Soort
from doorverwijzing.models import Telling
from kalender.enums import Herhaling
from kalender.models import Moment
from tests.aanbod.factories import AanbodPageFactory, publish
from tests.cijfers.test_doorverwijzingen import GEHEIM
from tests.kalender.conftest import maak_activiteit, maak_campagne
from tests.kalender.factories import ActiviteitPageFactory, CampagnePageFactory, MomentFactory

URL = "/admin/cijfers/campagnes/"
PERIODE = "?periode=eigen&van=2026-03-01&tot=2026-04-30"
D, T = datetime.date, datetime.time


def _moment(dag):
    return timezone.make_aware(datetime.datetime.combine(dag, T(10)))


def _wijk(slug):
    return [Wijk.objects.get(slug=slug)]


@pytest.fixture
def data(site_tree, partner_a, partner_b, coordinator, client):
    a, b = partner_a.organisatie, partner_b.organisatie
    mondzorg = maak_campagne("Maand van de mondzorg", "mondzorg", D(2026, 3, 1), D(2026, 3, 31))
    # Tuesdays 3, 10, 17, 24, 31 March and 7, 14, 21 April: five in the campaign.
    maak_activiteit(
        a, "Wandelgroep", herhaling=Herhaling.WEKELIJKS, eerste_dag=D(2026, 3, 3),
        start_tijd=T(19), eind_tijd=T(21), herhaal_aantal=8, campagne=mondzorg,
        aanbod=partner_a.offer, m2m={"wijken": _wijk("rabot-blaisantvest")},
    )  # fmt: skip
    maak_activiteit(
        b, "Tandenpoetsles",
        data=[(D(2026, 3, 18), T(10), T(11)), (D(2026, 3, 25), T(10), T(11)),
              (D(2026, 4, 2), T(10), T(11))],
        campagne=mondzorg, m2m={"wijken": _wijk("ledeberg")},
    )  # fmt: skip
    maak_activiteit(
        b, "Online infosessie", data=[(D(2026, 3, 20), T(20), T(21))], campagne=mondzorg,
        stadsbreed=True,
    )  # fmt: skip
    # Hidden: a draft, an unpublished and a restricted activity, an expired offer's counts.
    verlopen = publish(
        AanbodPageFactory(parent=a, title=f"{GEHEIM} verlopen", einddatum=D(2021, 1, 1))
    )
    maak_activiteit(
        a, "Oude les", data=[(D(2026, 3, 5), T(10), T(11))], campagne=mondzorg,
        aanbod=verlopen, m2m={"wijken": _wijk("ledeberg")},
    )  # fmt: skip
    concept_activiteit = ActiviteitPageFactory(
        parent=a, title=f"{GEHEIM} concept", data=[(D(2026, 3, 6), T(10), T(11))],
        campagne=mondzorg, live=False,
    )  # fmt: skip
    # A stray moment of the draft: the figures must still skip it.
    MomentFactory(activiteit=concept_activiteit, start=_moment(D(2026, 3, 6)))
    weg = maak_activiteit(
        a, f"{GEHEIM} ingetrokken", data=[(D(2026, 3, 6), T(10), T(11))], campagne=mondzorg
    )
    weg.unpublish()
    slot = maak_activiteit(
        a, f"{GEHEIM} afgeschermd", data=[(D(2026, 3, 6), T(10), T(11))], campagne=mondzorg
    )
    PageViewRestriction.objects.create(
        page=slot, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    concept = CampagnePageFactory(
        title=f"{GEHEIM} campagne", slug="geheim", start=D(2026, 3, 1), einde=D(2026, 3, 31),
        live=False,
    )  # fmt: skip
    besloten = maak_campagne(f"{GEHEIM} besloten", "besloten", D(2026, 3, 1), D(2026, 3, 31))
    PageViewRestriction.objects.create(
        page=besloten, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    for campagne in (concept, besloten):
        maak_activiteit(
            b, f"{GEHEIM} in campagne {campagne.slug}", data=[(D(2026, 3, 7), T(10), T(11))],
            campagne=campagne, aanbod=partner_b.offer,
        )  # fmt: skip
    for offer, maand, aantal in [
        (partner_a.offer, D(2026, 3, 1), 4),
        (partner_a.offer, D(2026, 2, 1), 9),  # before the campaign
        (partner_a.offer, D(2026, 4, 1), 6),  # after the campaign
        (verlopen, D(2026, 3, 1), 100),
        (partner_b.offer, D(2026, 3, 1), 50),  # only linked through hidden campaigns
    ]:
        Telling.objects.create(aanbod=offer, maand=maand, soort=Soort.FICHE, aantal=aantal)
    client.force_login(coordinator)
    return mondzorg


def _csv(client, tabel, periode=PERIODE):
    response = client.get(f"{URL}{periode}&formaat=csv&tabel={tabel}")
    assert response["Content-Type"] == "text/csv; charset=utf-8", response.content[:300]
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_overview_equals_the_hand_count(client, data):
    assert Moment.objects.filter(activiteit__campagne=data).exists()
    rows = _csv(client, "campagnes")
    assert rows == [
        ["Campagne", "Loopt van", "Partners", "Activiteiten", "Momenten in de periode",
         "Doorverwijzingen"],
        ["Maand van de mondzorg", "01-03-2026 tot 31-03-2026", "2", "4", "9", "4"],
    ]  # fmt: skip


def test_partners_and_their_activities(client, data):
    rows = _csv(client, "partners")[1:]
    assert rows == [
        ["WGC Alfa", "Maand van de mondzorg", "Oude les, Wandelgroep", "6"],
        ["WGC Beta", "Maand van de mondzorg", "Online infosessie, Tandenpoetsles", "3"],
    ]


def test_moments_per_wijk(client, data):
    rows = {r[0]: r[1:] for r in _csv(client, "momenten-per-wijk")[1:]}
    assert rows["Rabot - Blaisantvest"] == ["5"]
    assert rows["Ledeberg"] == ["3"]  # two lessons and the old lesson, April not in the campaign
    assert rows["Heel Gent (stadsbreed)"] == ["1"]
    assert rows["Totaal"] == ["9"]


def test_reach_counts_only_the_campaign_months_in_the_period(client, data):
    rows = _csv(client, "bereik")
    assert rows[1] == ["Maand van de mondzorg", "4", "0", "0", "0", "4"]
    later = _csv(client, "campagnes", "?periode=eigen&van=2026-03-15&tot=2026-04-30")
    # From 15 March: Tuesdays 17, 24, 31, lessons 18 and 25, the session of the 20th; March's
    # counts start before the period.
    assert later[1][2:] == ["2", "4", "6", "0"]


def test_hidden_campaigns_activities_and_offers_never_appear(client, data):
    teksten = [client.get(URL + PERIODE).content.decode()]
    for tabel in ("campagnes", "partners", "momenten-per-wijk", "bereik"):
        teksten.append("\n".join(";".join(r) for r in _csv(client, tabel)))
    for tekst in teksten:
        assert GEHEIM not in tekst
        for getal in ("100", "50", "54", "104"):
            assert f">{getal}<" not in tekst and f";{getal}" not in tekst


def test_no_campaign_in_the_period_is_said_plainly(client, data):
    html = client.get(URL + "?periode=eigen&van=2025-01-01&tot=2025-12-31").content.decode()
    assert "Geen campagnes in deze periode." in html


@pytest.mark.parametrize(
    "query", ["?periode=eigen&van=2026-04-31&tot=2026-03-01", "?formaat=csv&tabel=%3Cscript%3E"]
)
def test_bad_input_never_fails(client, data, query):
    response = client.get(URL + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
