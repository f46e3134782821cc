"""What is hidden stays hidden in the UiTdatabank export: a draft, unpublished, expired or
view-restricted activity, one under a hidden organisation, and everything of a hidden offer or
campaign an open activity links to. Not as results, not in the count, not by id, not as a term,
price, place, age, translation or label, whatever the filters ask for."""

import datetime

from django.utils import timezone

import pytest

from aanbod.models import AanbodLocatie, AanbodVertaling, Thema
from kalender.models import ActiviteitPage
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish
from tests.api.test_hidden import _restrict
from tests.api.test_uitdatabank import API, PLAATS, lijst, schema_fouten
from tests.kalender.conftest import maak_activiteit, maak_campagne
from tests.kalender.factories import ActiviteitPageFactory, MomentFactory

T, D = datetime.time, datetime.date
DATA = [(D(2026, 5, 5), T(10), T(11)), (D(2026, 5, 12), T(10), T(11))]
GEHEIM = "Geheim"  # in every hidden title and text


def _hidden_offer(parent, kind):
    offer = AanbodPageFactory(
        parent=parent, title=f"{GEHEIM} aanbod {kind}", in_het_kort=f"{GEHEIM} samenvatting",
        themas=[Thema.objects.get(slug="mondzorg")], vormen=["groepsaanbod"], prijs=["betalend"],
        bedrag="99.00", min_leeftijd=3, max_leeftijd=5, live=kind != "draft",
        einddatum=D(2021, 12, 31) if kind == "expired" else None,
    )  # fmt: skip
    offer.locaties = [AanbodLocatie(naam=f"{GEHEIM} plek", straat_nummer="Geheimstraat 1",
                                    postcode="9000", gemeente="Gent")]  # fmt: skip
    offer.vertalingen = [AanbodVertaling(taal="fr", titel=f"{GEHEIM} titre")]
    offer.save()
    if kind != "draft":
        publish(offer)
    if kind == "unpublished":
        offer.unpublish()
    if kind == "restricted":
        _restrict(offer)
    return offer


def _stale_moment(activiteit):
    """A derived row left behind must not help either."""
    start = timezone.make_aware(datetime.datetime(2026, 5, 19, 10))
    MomentFactory(activiteit=activiteit, start=start, einde=start + datetime.timedelta(hours=1))


@pytest.fixture
def verborgen(partner_a):
    org = partner_a.organisatie
    zichtbaar = maak_activiteit(org, "Open wandeling", data=DATA, **PLAATS)
    hidden = {}
    draft = ActiviteitPageFactory(parent=org, title=f"{GEHEIM} concept", data=DATA, live=False)
    _stale_moment(draft)
    hidden["draft"] = draft
    for kind in ("unpublished", "expire-at", "expired", "restricted"):
        hidden[kind] = maak_activiteit(org, f"{GEHEIM} {kind}", data=DATA, **PLAATS)
    hidden["unpublished"].unpublish()
    _stale_moment(hidden["unpublished"])
    # Past its "go offline" time, before Wagtail's publish_scheduled has run...
    past = timezone.now() - datetime.timedelta(hours=1)
    ActiviteitPage.objects.filter(pk=hidden["expire-at"].pk).update(expire_at=past)
    # ... and after it ran.
    ActiviteitPage.objects.filter(pk=hidden["expired"].pk).update(
        live=False, expired=True, expire_at=past
    )
    _restrict(hidden["restricted"])
    shut = OrganisatiePageFactory(parent=org.get_parent(), title=f"{GEHEIM} organisatie slot")
    hidden["restricted-organisation"] = maak_activiteit(shut, f"{GEHEIM} onder slot", data=DATA)
    _restrict(shut)
    gone = OrganisatiePageFactory(parent=org.get_parent(), title=f"{GEHEIM} organisatie weg")
    hidden["unpublished-organisation"] = maak_activiteit(gone, f"{GEHEIM} bij weg", data=DATA)
    gone.unpublish()

    # Open activities whose offer or campaign is hidden: shown, but nothing of what they link to.
    campagne = maak_campagne(
        f"{GEHEIM} campagne", "geheime-campagne", D(2026, 5, 1), D(2026, 5, 31)
    )
    campagne.unpublish()
    open_links = {
        kind: maak_activiteit(
            org, f"Open activiteit bij {kind}", slug=f"open-{kind}", data=DATA,
            aanbod=_hidden_offer(org, kind),
        )
        for kind in ("draft", "unpublished", "expired", "restricted")
    }  # fmt: skip
    open_links["campagne"] = maak_activiteit(
        org, "Open activiteit bij campagne", data=DATA, campagne=campagne, **PLAATS
    )
    return zichtbaar, hidden, open_links


ALLE, GEEN = "alle open activiteiten", "geen"
QUERIES = [
    ({}, ALLE),
    ({"organisatie": "wgc-alfa"}, ALLE),
    ({"page": "2"}, ALLE),  # an empty page, but the count of all open activities
    ({"organisatie": "geheim-organisatie-slot"}, GEEN),
    ({"organisatie": "geheim-organisatie-weg"}, GEEN),
    ({"campagne": "geheime-campagne"}, GEEN),
    ({"van": "2026-05-19", "tot": "2026-05-19"}, GEEN),  # only the stale moments fall on it
]


@pytest.mark.parametrize(("query", "verwacht"), QUERIES)
def test_hidden_activities_never_leave_the_server(client, verborgen, query, verwacht):
    zichtbaar, hidden, open_links = verborgen
    response = client.get(API, {"van": "2026-01-01", "tot": "2026-12-31", **query})
    assert response.status_code == 200
    assert GEHEIM not in response.content.decode()
    data = response.json()
    ids = {item["id"] for item in data["results"]}
    assert not ids & {a.pk for a in hidden.values()}
    open_ids = {zichtbaar.pk} | {a.pk for a in open_links.values()}
    # Hidden ones do not count either.
    assert data["count"] == (len(open_ids) if verwacht == ALLE else 0)
    assert ids == (open_ids if verwacht == ALLE and "page" not in query else set())


def test_hidden_activities_are_unknown_by_id(client, verborgen):
    _zichtbaar, hidden, _open = verborgen
    for kind, activiteit in hidden.items():
        response = client.get(f"{API}{activiteit.pk}/")
        assert response.status_code == 404, kind
        assert GEHEIM not in response.content.decode()


def test_a_hidden_offer_or_campaign_lends_nothing(client, verborgen):
    _zichtbaar, _hidden, open_links = verborgen
    results = {item["id"]: item for item in lijst(client)["results"]}
    for kind, activiteit in open_links.items():
        event = results[activiteit.pk]["event"]
        assert [t["label"] for t in event["terms"]] == ["Type onbepaald"], kind  # not Mondzorg
        for veld in ("priceInfo", "typicalAgeRange", "labels", "bookingInfo"):
            assert veld not in event, (kind, veld)
        assert event["name"] == {"nl": activiteit.title}
        if kind != "campagne":
            assert "location" not in event  # not the hidden offer's place
        else:
            assert schema_fouten(event) == []
