"""Drafts, unpublished, expired and view-restricted pages never reach the API: not as results,
not as next dates, not in the facet counts, whatever the query asks for; a hidden offer,
activity, organisation or campaign is a 404 on its own endpoint and absent from every list."""

import datetime
import json
from types import SimpleNamespace

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from aanbod.models import Thema, Wijk
from kalender.models import ActiviteitPage, Moment
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish
from tests.kalender.conftest import T, maak_activiteit, maak_campagne
from tests.kalender.factories import CampagnePageFactory

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


# -- the detail endpoints and the lists of organisations and campaigns (OpenAPI 2.1.0) -------------


@pytest.fixture
def nog_verborgener(verborgen, partner_a, site_tree):
    """Besides `verborgen`: hidden organisations and campaigns, and a visible activity that
    points at a hidden offer and a hidden campaign."""
    offers, activities = verborgen
    index = partner_a.organisatie.get_parent()
    orgs = {
        "draft": OrganisatiePageFactory(parent=index, title="Geheimorg concept", live=False),
        "unpublished": publish(OrganisatiePageFactory(parent=index, title="Geheimorg weg")),
        "restricted": offers["restricted-organisation"].get_parent().specific,
    }
    orgs["unpublished"].unpublish()
    soon = timezone.localdate() + datetime.timedelta(days=3)
    later = soon + datetime.timedelta(days=10)
    campaigns = {
        "draft": CampagnePageFactory(
            title="Geheimcampagne concept", start=soon, einde=later, live=False
        ),
        "unpublished": maak_campagne("Geheimcampagne weg", "geheim-weg", soon, later),
        "restricted": maak_campagne("Geheimcampagne slot", "geheim-slot", soon, later),
    }
    campaigns["unpublished"].unpublish()
    _restrict(campaigns["restricted"])
    # Visible itself, but its offer and campaign are hidden: neither may be named.
    verwijst = maak_activiteit(
        partner_a.organisatie, "Open activiteit", aanbod=offers["restricted"],
        campagne=campaigns["restricted"], data=[(soon, T(14), T(15))],
    )  # fmt: skip
    # Hidden activities linked to the visible campaign must not show in its list either.
    open_campagne = maak_campagne("Open campagne", "open", soon, later)
    for activiteit in activities.values():
        ActiviteitPage.objects.filter(pk=activiteit.pk).update(campagne=open_campagne)
    return SimpleNamespace(
        offers=offers, activities=activities, orgs=orgs, campaigns=campaigns,
        verwijst=verwijst, open_campagne=open_campagne,
    )  # fmt: skip


def _all_titles(hidden):
    return [
        p.title
        for group in (hidden.offers, hidden.activities, hidden.orgs, hidden.campaigns)
        for p in group.values()
    ]


def _clean(client, url, hidden):
    response = client.get(url)
    assert response.status_code == 200, url
    body = response.content.decode()
    for title in _all_titles(hidden):
        assert title not in body, f"{title!r} leaks in {url}"
    assert "Geheim" not in body, url
    return json.loads(body)


def test_hidden_things_are_a_404_on_every_detail_endpoint(client, nog_verborgener):
    hidden = nog_verborgener
    doors = {
        "aanbod": hidden.offers,
        "activiteiten": hidden.activities,
        "organisaties": hidden.orgs,
        "campagnes": hidden.campaigns,
    }
    for kind, pages in doors.items():
        for why, page in pages.items():
            response = client.get(f"/api/v1/{kind}/{page.pk}/")
            assert response.status_code == 404, (kind, why)
            assert "Geheim" not in response.content.decode()


def test_hidden_things_are_absent_from_lists_and_counts(client, partner_a, nog_verborgener):
    hidden = nog_verborgener
    orgs = _clean(client, "/api/v1/organisaties/", hidden)
    assert [o["id"] for o in orgs["results"]] == [partner_a.organisatie.pk]
    assert orgs["count"] == 1
    # The visible organisation lists only its visible offer.
    assert [o["id"] for o in orgs["results"][0]["offers"]] == [partner_a.offer.pk]
    _clean(client, f"/api/v1/organisaties/{partner_a.organisatie.pk}/", hidden)
    campaigns = _clean(client, "/api/v1/campagnes/", hidden)
    assert [c["id"] for c in campaigns["results"]] == [hidden.open_campagne.pk]
    assert campaigns["count"] == 1 and campaigns["results"][0]["activities"] == []
    _clean(client, f"/api/v1/campagnes/{hidden.open_campagne.pk}/", hidden)
    _clean(client, f"/api/v1/aanbod/{partner_a.offer.pk}/", hidden)


def test_a_visible_activity_does_not_name_its_hidden_offer_or_campaign(client, nog_verborgener):
    hidden = nog_verborgener
    body = _clean(client, f"/api/v1/activiteiten/{hidden.verwijst.pk}/", hidden)
    assert body["offer_id"] is None and body["campaign"] is None
    # Nor does it borrow the hidden offer's place, enrolment or price.
    assert body["place"]["address"] is None
    assert body["enrolment"]["from_organisation"] is True
    calendar = _clean(client, "/api/v1/kalender/", hidden)
    (moment,) = [m for m in calendar["results"] if m["activity"]["id"] == hidden.verwijst.pk]
    assert moment["offer_id"] is None and moment["campaign"] is None


def test_partner_markup_is_escaped_in_every_new_answer(client, partner_a, index_dir):
    script = "<script>alert(1)</script>"
    org = partner_a.organisatie
    org.korte_beschrijving = script
    publish(org)
    offer = partner_a.offer
    offer.in_het_kort, offer.contactpersoon = script, script
    publish(offer)
    soon = timezone.localdate() + datetime.timedelta(days=3)
    campagne = maak_campagne(script, "script", soon, soon, in_het_kort=script)
    activiteit = maak_activiteit(
        org, script, in_het_kort=script, locatie_naam=script, campagne=campagne,
        data=[(soon, T(10), T(11))],
    )  # fmt: skip
    rebuild()
    for url in (
        f"/api/v1/aanbod/{offer.pk}/", "/api/v1/organisaties/", f"/api/v1/organisaties/{org.pk}/",
        f"/api/v1/activiteiten/{activiteit.pk}/", "/api/v1/campagnes/",
        f"/api/v1/campagnes/{campagne.pk}/", "/api/v1/kalender/", "/api/v1/aanbod/",
    ):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"<script" not in response.content, url
        assert b"\\u003cscript\\u003e" in response.content, url
        assert script in json.dumps(response.json(), ensure_ascii=False), url
