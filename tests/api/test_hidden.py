"""Drafts, unpublished, expired and view-restricted pages never reach the API: not as results,
not as next dates, not in the facet counts, whatever the query asks for."""

import datetime
import json

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from aanbod.models import Thema, Wijk
from kalender.models import Moment
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish
from tests.kalender.conftest import T, maak_activiteit

AANBOD = "/api/v1/aanbod/"
KALENDER = "/api/v1/kalender/"
GEHEIM = "mondzorg"  # the thema only hidden pages carry
GEHEIME_WIJK = "ledeberg"


def _restrict(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )


def _hidden_offer(parent, title, **fields):
    page = AanbodPageFactory(
        parent=parent, title=title, themas=[Thema.objects.get(slug=GEHEIM)], **fields
    )
    page.wijken.set([Wijk.objects.get(slug=GEHEIME_WIJK)])
    page.save()
    return page


@pytest.fixture
def verborgen(partner_a, index_dir):
    """One visible offer (partner A's) and every way an offer or activity can be hidden."""
    org = partner_a.organisatie
    soon = timezone.localdate() + datetime.timedelta(days=3)
    offers = {
        "draft": _hidden_offer(org, "Geheimconcept aanbod", live=False),
        "unpublished": publish(_hidden_offer(org, "Geheimingetrokken aanbod")),
        "expired": publish(
            _hidden_offer(org, "Geheimverlopen aanbod", einddatum=datetime.date(2021, 12, 31))
        ),
        "restricted": publish(_hidden_offer(org, "Geheimafgeschermd aanbod")),
    }
    offers["unpublished"].unpublish()
    _restrict(offers["restricted"])
    shut = OrganisatiePageFactory(parent=org.get_parent(), title="Afgeschermde organisatie")
    offers["restricted-organisation"] = publish(_hidden_offer(shut, "Geheimonder slot aanbod"))
    _restrict(shut)

    # Hidden activities of the visible offer.
    m2m = {"themas": [Thema.objects.get(slug=GEHEIM)]}
    data = [(soon, T(10), T(11))]
    activities = {
        kind: maak_activiteit(
            org, f"Geheimactiviteit {kind}", aanbod=partner_a.offer, data=data, m2m=m2m
        )
        for kind in ("unpublished", "restricted")
    }
    activities["restricted-organisation"] = maak_activiteit(
        shut, "Geheimactiviteit onder slot", aanbod=partner_a.offer, data=data, m2m=m2m
    )
    activities["unpublished"].unpublish()
    _restrict(activities["restricted"])
    # Stale derived rows must not help either: a moment left behind for the unpublished one.
    start = timezone.now() + datetime.timedelta(days=2)
    Moment.objects.create(
        activiteit=activities["unpublished"], start=start, einde=start + datetime.timedelta(hours=1)
    )
    rebuild()
    return offers, activities


def _texts(hidden):
    offers, activities = hidden
    return [p.title for p in offers.values()] + [a.title for a in activities.values()]


def _assert_clean(response, hidden):
    assert response.status_code == 200
    body = response.content.decode()
    for title in _texts(hidden):
        assert title not in body, f"{title!r} leaks in {response.request['QUERY_STRING']!r}"
    assert "Geheim" not in body
    return json.loads(body)


def _count(data, facet, value):
    return next((v["count"] for v in data["facets"][facet] if v["value"] == value), 0)


def test_offer_endpoint_never_shows_hidden_offers_or_activities(client, partner_a, verborgen):
    offers, _activities = verborgen
    queries = [
        {},
        {"q": "Geheimconcept Geheimverlopen Geheimafgeschermd"},
        {"q": "aanbod"},
        {"thema": GEHEIM},
        {"wijk": GEHEIME_WIJK},
        {"organisatie": "afgeschermde-organisatie"},
        {"sort": "nagekeken"},
    ]
    for query in queries:
        data = _assert_clean(client.get(AANBOD, query), verborgen)
        assert {r["id"] for r in data["results"]} <= {partner_a.offer.pk}, query
        assert not {p.pk for p in offers.values()} & {r["id"] for r in data["results"]}
        assert _count(data, "thema", GEHEIM) == 0, query
        assert _count(data, "wijk", GEHEIME_WIJK) == 0, query
    data = json.loads(client.get(AANBOD).content)
    assert data["count"] == 1
    (offer,) = data["results"]
    assert offer["next_dates"] == []  # all its activities are hidden


def test_calendar_endpoint_never_shows_hidden_activities(client, partner_a, verborgen):
    offers, _activities = verborgen
    queries = [
        {},
        {"q": "Geheimactiviteit"},
        {"thema": GEHEIM},
        {"aanbod": str(partner_a.offer.pk)},
        *({"aanbod": str(p.pk)} for p in offers.values()),
        {"periode": "deze-maand"},
    ]
    for query in queries:
        data = _assert_clean(client.get(KALENDER, query), verborgen)
        assert _count(data, "thema", GEHEIM) == 0, query
        hidden_offers = {p.pk for p in offers.values()}
        assert not any(r["offer_id"] in hidden_offers for r in data["results"]), query
