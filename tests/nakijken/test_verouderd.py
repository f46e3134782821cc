"""A stale offer (nobody checked it for AANBOD_VEROUDERD_NA_MAANDEN): "Mogelijk niet meer
actueel" on every public card and page, last in the results on both search engines; or, when
the coordinator chose to hide stale offers, in no output at all."""

import datetime

from django.db import connection
from django.http import QueryDict
from django.utils import timezone

import pytest

from aanbod.models import AanbodPage, ActualiteitInstellingen
from aanbod.zoeken import zoek
from nakijken.ronde import ronde
from preventiezoeker.search import reset_backend
from preventiezoeker.search.sync import flush, rebuild

from .helpers import aanbod, maanden_geleden, nagekeken

NOTICE = "Mogelijk niet meer actueel"
PG = "preventiezoeker.search.pg_backend.PostgresBackend"
WHOOSH = "preventiezoeker.search.whoosh_backend.WhooshBackend"
# The PostgreSQL engine needs PostgreSQL: it joins wherever the tests run on it.
BACKENDS = [WHOOSH, PG] if connection.vendor == "postgresql" else [WHOOSH]


@pytest.fixture(params=BACKENDS)
def backend(request, settings, index_dir):
    settings.SEARCH_BACKEND = request.param
    reset_backend()
    yield request.param
    reset_backend()


@pytest.fixture
def petanque(partner_a, partner_b, backend):
    """Three petanque offers: the stale one matches the word best (twice in its title)."""
    vandaag = timezone.localdate()
    oud = aanbod(partner_a.organisatie, "Petanque petanque in het park", maanden_geleden(13))
    vers = aanbod(
        partner_b.organisatie, "Samen bewegen", vandaag, in_het_kort="Wij spelen petanque."
    )
    half = aanbod(partner_b.organisatie, "Petanque voor buren", maanden_geleden(7))
    rebuild()
    return oud, vers, half


def ids(params):
    return [r.kaart.pk for r in zoek(QueryDict(params), log=False).results]


def test_stale_offer_sinks_below_every_checked_one(petanque):
    oud, vers, half = petanque
    found = ids("q=petanque")
    assert set(found) == {oud.pk, vers.pk, half.pk}  # still found
    assert found[-1] == oud.pk
    # Browsing by name: the stale one after the others too, in their own order.
    alles = ids("")
    assert alles[-1] == oud.pk
    assert alles[:-1] == sorted(alles[:-1], key=lambda pk: AanbodPage.objects.get(pk=pk).title)


def test_without_stale_offers_relevance_decides(petanque):
    oud, vers, half = petanque
    nagekeken(oud, timezone.localdate())
    rebuild()
    assert ids("q=petanque")[0] == oud.pk  # the best title match is first again


def test_sinking_follows_the_calendar_without_reindexing(petanque, monkeypatch):
    """The line moves with the days: the index holds the date, not the verdict."""
    oud, vers, half = petanque
    later = timezone.localdate() + datetime.timedelta(days=200)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: later)
    reset_backend()
    found = ids("q=petanque")
    # 7 + 6 months: the half-old offer is stale now as well; the fresh one leads.
    assert found[0] == vers.pk and set(found[1:]) == {oud.pk, half.pk}


def test_notice_on_the_offer_page_and_every_card(client, petanque, partner_a):
    oud, vers, half = petanque
    page = client.get(oud.url).content.decode()
    assert NOTICE in page
    assert "het laatst na op" in page
    assert NOTICE not in client.get(vers.url).content.decode()
    assert NOTICE not in client.get(half.url).content.decode()  # due is not stale
    organisatie = client.get(partner_a.organisatie.url).content.decode()
    assert organisatie.count(NOTICE) == 1
    zoekpagina = client.get("/aanbod/?q=petanque").content.decode()
    assert zoekpagina.count(NOTICE) == 1
    kaart = zoekpagina.split(f'id="aanbod-{oud.pk}"')[1].split("</article>")[0]
    assert NOTICE in kaart


def verberg(aan=True):
    instellingen = ActualiteitInstellingen.load()
    instellingen.verouderd_verbergen = aan
    instellingen.save()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_hidden_stale_offer_is_in_no_output(client, petanque, partner_a):
    """Attack test: with the hide option, a stale offer leaves the page, the search (words and
    counts), the organisation page, the home page and the API."""
    oud, vers, half = petanque
    verberg()  # reindexes the stale offers after the commit
    assert client.get(oud.url).status_code == 404
    assert NOTICE not in client.get(partner_a.organisatie.url).content.decode()
    assert oud.title not in client.get(partner_a.organisatie.url).content.decode()
    assert oud.pk not in ids("q=petanque") and oud.pk not in ids("")
    assert zoek(QueryDict("q=park"), log=False).total == 0
    html = client.get("/aanbod/?q=petanque").content.decode()
    assert oud.title not in html and vers.title in html
    data = client.get("/api/v1/aanbod/?q=petanque").json()
    assert oud.pk not in [r["id"] for r in data["results"]] and data["count"] == 2
    assert AanbodPage.objects.zichtbaar().count() == 4  # all but the stale one
    assert not AanbodPage.objects.zichtbaar().filter(pk=oud.pk).exists()
    assert oud.title not in client.get("/").content.decode()

    # Confirming it (here: the coordinator turns the option off) brings it back.
    verberg(False)
    assert client.get(oud.url).status_code == 200
    assert oud.pk in ids("q=petanque")


def test_hide_option_drops_offers_that_turn_stale_by_time(petanque, monkeypatch):
    """Time passing changes no row: the daily round reindexes what crossed the line."""
    oud, vers, half = petanque
    instellingen = ActualiteitInstellingen.load()
    instellingen.verouderd_verbergen = True
    instellingen.save()  # (no commit here: nothing reindexed by the option itself)
    rebuild()
    assert half.pk in ids("q=petanque")
    later = timezone.localdate() + datetime.timedelta(days=200)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: later)
    ronde(later)
    flush()
    reset_backend()
    assert half.pk not in ids("q=petanque")
    assert not AanbodPage.objects.zichtbaar().filter(pk=half.pk).exists()


def test_hidden_stale_offer_can_still_be_confirmed_and_returns(client, partner_a, index_dir):
    from nakijken.links import token
    from nakijken.models import Nakijkverzoek

    oud = nagekeken(partner_a.offer, maanden_geleden(13))
    verberg()
    ronde(timezone.localdate())
    assert client.get(oud.url).status_code == 404
    verzoek = Nakijkverzoek.objects.get(aanbod=oud)
    response = client.post(f"/nakijken/{token(verzoek)}/")
    assert response.status_code == 200
    assert client.get(oud.url).status_code == 200
