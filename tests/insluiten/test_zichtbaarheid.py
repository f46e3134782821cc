"""What is hidden stays hidden: drafts, unpublished, expired and view-restricted offers and
activities appear in no embed (not as a card, not in a count), and the embed of a hidden
organisation or campaign is a 404."""

import datetime

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from aanbod.models import Thema
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish
from tests.kalender.conftest import T, maak_activiteit, maak_campagne
from tests.kalender.factories import ActiviteitPageFactory, CampagnePageFactory

pytestmark = pytest.mark.django_db


def _restrict(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )


def _offer(parent, title, **fields):
    return AanbodPageFactory(
        parent=parent, title=title, themas=[Thema.objects.get(slug="mondzorg")], **fields
    )


@pytest.fixture
def verborgen(partner_a, index_dir):
    org = partner_a.organisatie
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=3)
    offers = {
        "draft": _offer(org, "Geheim concept", live=False),
        "unpublished": publish(_offer(org, "Geheim ingetrokken")),
        "expired": publish(_offer(org, "Geheim verlopen", einddatum=datetime.date(2021, 12, 31))),
        "restricted": publish(_offer(org, "Geheim afgeschermd")),
    }
    offers["unpublished"].unpublish()
    _restrict(offers["restricted"])
    shut = OrganisatiePageFactory(
        parent=org.get_parent(), title="Geheime organisatie", slug="geheim-org"
    )
    publish(_offer(shut, "Geheim onder slot"))
    _restrict(shut)
    OrganisatiePageFactory(
        parent=org.get_parent(),
        title="Geheim concept-organisatie",
        slug="geheim-concept",
        live=False,
    )

    campagne = maak_campagne(
        "Open campagne", "open-campagne", today, today + datetime.timedelta(20)
    )
    data = [(soon, T(10), T(11))]
    hidden_activities = {
        "unpublished": maak_activiteit(org, "Geheim act ingetrokken", campagne=campagne, data=data),
        "restricted": maak_activiteit(org, "Geheim act afgeschermd", campagne=campagne, data=data),
        "draft": ActiviteitPageFactory(
            parent=org, title="Geheim act concept", campagne=campagne, data=data, live=False
        ),
        "restricted-org": maak_activiteit(
            shut, "Geheim act onder slot", campagne=campagne, data=data
        ),
    }
    hidden_activities["unpublished"].unpublish()
    _restrict(hidden_activities["restricted"])
    zichtbaar = maak_activiteit(org, "Zichtbare valtest", campagne=campagne, data=data)
    zichtbaar.title = "Geheime nieuwe titel"
    zichtbaar.save_revision()  # a newer draft: the published title stays
    nieuw = partner_a.offer
    nieuw.title = "Geheime nieuwe aanbodtitel"
    nieuw.save_revision()

    restricted_campaign = maak_campagne("Geheime campagne", "geheime-campagne", today, soon)
    _restrict(restricted_campaign)
    unpublished_campaign = maak_campagne("Geheim ingetrokken campagne", "geheim-weg", today, soon)
    unpublished_campaign.unpublish()
    CampagnePageFactory(title="Geheim concept campagne", slug="geheim-concept-campagne", live=False)
    rebuild()
    return {"activiteit": zichtbaar, "campagne": campagne}


ZICHTBAAR = [
    "/insluiten/organisatie/wgc-alfa/",
    "/insluiten/organisatie/wgc-alfa/?thema=mondzorg",
    "/insluiten/aanbod/",
    "/insluiten/aanbod/?thema=mondzorg",
    "/insluiten/aanbod/?q=geheim",
    "/insluiten/aanbod/?organisatie=geheim-org",
    "/fr/insluiten/aanbod/?thema=mondzorg",
    "/insluiten/campagne/open-campagne/",
    "/insluiten/campagne/open-campagne/?q=geheim",
]
VERBORGEN = [
    "/insluiten/organisatie/geheim-org/",
    "/insluiten/organisatie/geheim-concept/",
    "/insluiten/campagne/geheime-campagne/",
    "/insluiten/campagne/geheim-weg/",
    "/insluiten/campagne/geheim-concept-campagne/",
    "/fr/insluiten/organisatie/geheim-org/",
]


@pytest.mark.parametrize("url", ZICHTBAAR)
def test_no_hidden_offer_or_activity_in_any_embed(client, verborgen, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode().lower()
    # Every hidden title starts with "Geheim " or "Geheime "; slugs and words asked for do not.
    assert "geheim " not in html
    assert "geheime " not in html


def test_hidden_offers_are_not_counted(client, verborgen):
    # Partner A's one visible offer is about beweging: nothing visible about mondzorg.
    html = client.get("/insluiten/aanbod/?thema=mondzorg").content.decode()
    assert "Geen aanbod gevonden" in html
    html = client.get("/insluiten/organisatie/wgc-alfa/").content.decode()
    assert "1 aanbod gevonden" in html
    html = client.get("/insluiten/campagne/open-campagne/").content.decode()
    assert "1 moment," in html
    assert "Zichtbare valtest" in html


@pytest.mark.parametrize("url", VERBORGEN)
def test_a_hidden_organisation_or_campaign_is_a_404_in_the_embed_layout(client, verborgen, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert 'class="insluiting' in html
    assert "geheim" not in html.lower()
