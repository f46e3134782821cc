"""What is hidden stays hidden in the HSDS API: a draft, an unpublished, an expired and a
view-restricted offer, an offer under a restricted and one under an unpublished organisation,
and hidden activities of a visible offer appear in no list, no detail, no count, no taxonomy
term and no location, whatever the filters ask for."""

import json

from django.utils import timezone

import pytest

from aanbod.models import AanbodLocatie, OrganisatiePage, Thema, Wijk
from api.hsds import ids
from tests.aanbod.factories import AanbodPageFactory, OrganisatiePageFactory, publish
from tests.api.test_hidden import GEHEIM, GEHEIME_WIJK, verborgen  # noqa: F401

API = "/api/hsds/"
LISTS = (
    "organizations", "services", "locations", "service_at_locations", "taxonomies",
    "taxonomy_terms",
)  # fmt: skip
VARIANTS = ({}, {"full": "true"}, {"full_service": "true"}, {"minimal": "true"})


@pytest.fixture
def alles_verborgen(partner_a, verborgen):  # noqa: F811
    """The shared hidden offers and activities (tests/api/test_hidden.py), each with a place of
    its own, plus organisations that must not show: restricted with an address, unpublished
    with a live offer below it (data a script could leave behind), public without a visible
    offer."""
    offers, activities = verborgen
    shut = OrganisatiePage.objects.get(title="Afgeschermde organisatie")
    OrganisatiePage.objects.filter(pk=shut.pk).update(
        straat_nummer="Geheimlaan 9", postcode="9000", telefoon="09 099 99 99"
    )
    gone = OrganisatiePageFactory(parent=shut.get_parent(), title="Geheim ingetrokken org")
    publish(gone)
    offers["under-unpublished-organisation"] = publish(
        AanbodPageFactory(
            parent=gone, title="Geheimwees aanbod", themas=[Thema.objects.get(slug=GEHEIM)]
        )
    )
    OrganisatiePage.objects.filter(pk=gone.pk).update(live=False)
    empty = publish(OrganisatiePageFactory(parent=shut.get_parent(), title="Geheim lege org"))
    offers["draft-of-empty-organisation"] = AanbodPageFactory(
        parent=empty, title="Geheimlege concept", live=False
    )
    wijk = Wijk.objects.get(slug=GEHEIME_WIJK)
    places = [
        AanbodLocatie.objects.create(
            aanbod_id=page.pk,
            naam=f"Geheimplek {kind}",
            straat_nummer="Geheimstraat 1",
            postcode="9000",
            wijk=wijk,
        )  # fmt: skip
        for kind, page in offers.items()
    ]
    organisations = [shut, gone, empty]
    return offers, activities, places, organisations


def _every_page(client, name, params):
    """Every page of a list, checked for leaks; returns (total_items, items)."""
    items, page = [], 1
    while True:
        response = client.get(f"{API}{name}/", {**params, "page": page, "per_page": 200})
        assert response.status_code == 200, (name, params)
        body = response.content.decode()
        assert "Geheim" not in body, f"a hidden record leaks in {name} {params}"
        assert "09 099 99 99" not in body
        data = json.loads(body)
        items += data["contents"]
        if data["last_page"]:
            return data["total_items"], items
        page += 1


def test_no_list_shows_or_counts_a_hidden_record(client, partner_a, alles_verborgen):
    offers, _activities, places, organisations = alles_verborgen
    mondzorg = ids.taxonomy_term_id("thema", GEHEIM)
    ledeberg = ids.taxonomy_term_id("wijk", GEHEIME_WIJK)
    visible = ids.service_id(partner_a.offer.pk)
    filters = [
        {},
        {"search": "Geheim"},
        {"taxonomy_term_id": mondzorg},
        {"taxonomy_term_id": ledeberg},
        {"taxonomy_id": ids.taxonomy_id("thema")},
        *({"organization_id": ids.organization_id(o.pk)} for o in organisations),
        {"modified_after": "2000-01-01"},
        {"postcode": "9000"},
    ]
    for name in LISTS:
        for variant in VARIANTS:
            for condition in filters:
                total, items = _every_page(client, name, {**variant, **condition})
                assert total == len(items), (name, variant, condition)
                if name == "services":
                    assert {i["id"] for i in items} <= {visible}, condition
    assert _every_page(client, "services", {})[0] == 1
    assert _every_page(client, "organizations", {})[0] == 1
    for condition in filters[1:4] + filters[5:8]:
        assert _every_page(client, "services", condition)[0] == 0, condition
    terms = _every_page(client, "taxonomy_terms", {})[1]
    assert not {mondzorg, ledeberg} & {t["id"] for t in terms}
    assert all(t["code"] not in (GEHEIM, GEHEIME_WIJK) for t in terms)


def test_no_detail_of_a_hidden_record(client, partner_a, alles_verborgen):
    offers, _activities, places, organisations = alles_verborgen
    hidden = [
        *(f"services/{ids.service_id(p.pk)}" for p in offers.values()),
        *(f"organizations/{ids.organization_id(o.pk)}" for o in organisations),
        *(f"locations/{ids.organisation_location_id(o.pk)}" for o in organisations),
        *(f"locations/{ids.location_id(p.pk)}" for p in places),
        *(f"service_at_locations/{ids.service_at_location_id(p.pk)}" for p in places),
        f"taxonomy_terms/{ids.taxonomy_term_id('thema', GEHEIM)}",
        f"taxonomy_terms/{ids.taxonomy_term_id('wijk', GEHEIME_WIJK)}",
    ]
    for path in hidden:
        response = client.get(API + path)
        assert response.status_code == 404, path
        assert response["Content-Type"].startswith("application/json")
        assert "Geheim" not in response.content.decode()
    # The visible offer is there, without its hidden activities as schedules.
    service = client.get(f"{API}services/{ids.service_id(partner_a.offer.pk)}")
    assert service.status_code == 200
    assert "Geheim" not in service.content.decode()
    org = client.get(f"{API}organizations/{ids.organization_id(partner_a.organisatie.pk)}")
    assert [s["id"] for s in org.json()["services"]] == [ids.service_id(partner_a.offer.pk)]


def test_an_offer_past_its_end_date_leaves_the_api_that_day(client, partner_a):
    page = partner_a.offer
    service = f"{API}services/{ids.service_id(page.pk)}"
    assert client.get(service).status_code == 200
    page.einddatum = timezone.localdate() - timezone.timedelta(days=1)
    publish(page)
    assert client.get(service).status_code == 404
    assert client.get(f"{API}services/").json()["total_items"] == 0
    assert client.get(f"{API}organizations/").json()["total_items"] == 0
