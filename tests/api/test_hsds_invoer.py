"""/api/hsds/: bad input never causes a 500, paging is clamped, unknown ids are a JSON 404, ids are
stable, a list page costs a fixed number of queries, and every answer matches the OpenAPI part
(api/openapi/hsds.py) as well as the official schemas."""

import json
import uuid

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from aanbod.models import AanbodLocatie
from api.hsds import ids
from api.openapi.hsds import hsds_openapi
from tests.aanbod.factories import AanbodPageFactory, publish
from tests.api.test_hsds_schema import assert_valid, openapi_problems
from tests.kalender.conftest import D, T, maak_activiteit

# A well-formed id that names nothing. Fixed, not uuid4(): every xdist worker must collect the
# same test ids.
ONBEKEND = "7c9e6679-7425-40de-944b-e07fc1f90ae7"

API = "/api/hsds/"
LISTS = (
    "organizations", "services", "locations", "service_at_locations", "taxonomies",
    "taxonomy_terms",
)  # fmt: skip


def _offers(org, n, start=0):
    pages = []
    for i in range(start, start + n):
        page = AanbodPageFactory(parent=org, title=f"Aanbod {org.slug} {i:02d}")
        page.locaties = [AanbodLocatie(straat_nummer=f"Straat {i}", postcode="9000")]
        page.save()
        pages.append(publish(page))
        maak_activiteit(
            org, f"Activiteit {i}", aanbod=page, herhaling="wekelijks",
            eerste_dag=D(2026, 12, 1), start_tijd=T(10), herhaal_aantal=3,
            uitzonderingen=[D(2026, 12, 8)],
        )  # fmt: skip
    return pages


@pytest.fixture
def aanbod(partner_a):
    """Partner A's offer and 4 more with a place and a weekly activity each."""
    return [partner_a.offer, *_offers(partner_a.organisatie, 4)]


# -- paging and bad input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "page_number", "size", "total_pages"),
    [
        ({}, 1, 5, 1),
        ({"page": "abc"}, 1, 5, 1),
        ({"page": "-5"}, 1, 5, 1),
        ({"page": "0"}, 1, 5, 1),
        ({"page": "1.5"}, 1, 5, 1),
        ({"page": "\x00"}, 1, 5, 1),
        ({"per_page": "2"}, 1, 2, 3),
        ({"per_page": "2", "page": "3"}, 3, 1, 3),
        ({"per_page": "0"}, 1, 1, 5),
        ({"per_page": "-1"}, 1, 1, 5),
        ({"per_page": "x"}, 1, 5, 1),
        ({"per_page": str(10**12)}, 1, 5, 1),
        ({"page": "4", "per_page": "2"}, 4, 0, 3),  # past the end: an empty page
        ({"page": str(10**30)}, 10**6, 0, 1),  # a huge number: clamped, still empty
    ],
)
def test_paging_is_clamped_and_a_page_past_the_end_is_empty(
    client, aanbod, params, page_number, size, total_pages
):
    response = client.get(f"{API}services/", params)
    assert response.status_code == 200
    body = response.json()
    assert_valid("page", body)
    assert (body["total_items"], body["total_pages"]) == (5, total_pages)
    assert (body["page_number"], body["size"], len(body["contents"])) == (page_number, size, size)
    assert body["empty"] == (size == 0)
    assert body["first_page"] == (page_number == 1)
    assert body["last_page"] == (page_number >= total_pages)


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize(
    "params",
    [
        {"search": "x" * 10_000},
        {"search": "<script>&\x00"},
        {"search": "' OR 1=1 --"},
        {"taxonomy_term_id": "geen-uuid"},
        {"taxonomy_term_id": ONBEKEND},
        {"taxonomy_id": "\x00"},
        {"organization_id": ONBEKEND},
        {"postcode": "9000\x00"},
        {"parent_id": "x"},
    ],
)
def test_garbage_filters_give_a_valid_page(client, aanbod, name, params):
    response = client.get(f"{API}{name}/", params)
    assert response.status_code == 200
    assert "<" not in response.content.decode()  # escaped as in api/http.py
    assert_valid("page", response.json())


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("services/", {"full": "misschien"}),
        ("services/", {"minimal": "2"}),
        ("services/", {"modified_after": "gisteren"}),
        ("services/", {"modified_after": "2026-13-45"}),
        ("services/", {"modified_after": "2026-02-30T10:00:00"}),
        # Found by schemathesis on PostgreSQL: an offset it refuses was a database error (500).
        ("service_at_locations/", {"modified_after": "0803-02-15T12:40:13.84-21:21"}),
        ("services/", {"modified_after": "0001-01-01T00:00:00+14:00"}),
        ("service_at_locations/", {"full": "ja"}),
        ("organizations/", {"full_service": "\x00"}),
        ("taxonomy_terms/", {"top_only": "soms"}),
    ],
)
def test_unreadable_typed_parameters_are_a_400_in_dutch(client, aanbod, path, params):
    response = client.get(API + path, params)
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"
    detail = response.json()["detail"]
    assert next(iter(params)) in detail
    assert not openapi_problems(f"{API}{path}", 400, response.json())


def test_filters_narrow_the_services(client, aanbod, partner_a, partner_b):
    first = aanbod[1]
    thema = ids.taxonomy_term_id("thema", "beweging")

    def names(**params):
        body = client.get(f"{API}services/", params).json()
        assert body["total_items"] == len(body["contents"])
        return {s["name"] for s in body["contents"]}

    everything = {p.title for p in aanbod} | {partner_b.offer.title}
    assert names() == everything
    assert names(search=first.title) == {first.title}
    assert names(search="AANBOD wgc-alfa 01") == {aanbod[2].title}
    assert names(taxonomy_term_id=thema) == everything  # the factory's theme
    assert names(taxonomy_term_id=ids.taxonomy_term_id("thema", "mondzorg")) == set()
    assert names(taxonomy_id=ids.taxonomy_id("prijs")) == everything
    assert names(organization_id=ids.organization_id(partner_b.organisatie.pk)) == {
        partner_b.offer.title
    }
    assert names(modified_after="2999-01-01") == set()
    assert names(modified_after="2000-01-01T00:00:00Z") == everything
    minimal = client.get(f"{API}services/", {"minimal": "true"}).json()["contents"]
    assert all(set(s) == {"id", "name", "status", "last_modified"} for s in minimal)
    places = client.get(f"{API}service_at_locations/", {"postcode": "9000"}).json()
    assert places["total_items"] == 4
    assert client.get(f"{API}service_at_locations/", {"postcode": "9050"}).json()["empty"]


@pytest.mark.parametrize(
    "path",
    [
        "services/geen-uuid",
        f"services/{ONBEKEND}",
        "services/a/b",
        "services/" + "9" * 5000,
        "services/%00",
        "taxonomies/x",
        "taxonomy_terms/" + ONBEKEND,
        "locations/-1",
        "service_at_locations/0",
        "organizations/" + str(uuid.UUID(int=0)),
        "organizations/a\nb",
    ],
)
def test_unknown_or_malformed_ids_are_a_404_in_json(client, aanbod, path):
    response = client.get(API + path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"].startswith("Niet gevonden")
    documented = f"{API}{path.split('/')[0]}/{{id}}"
    assert not openapi_problems(documented, 404, response.json())


def test_an_unknown_address_under_the_api_is_a_404_in_json(client, db):
    response = client.get(f"{API}bestaat-niet/ook-niet")
    assert response.status_code == 404
    assert response.json()["detail"].startswith("Niet gevonden")


def test_an_id_of_one_kind_is_no_id_of_another(client, aanbod, partner_a):
    organisation = ids.organization_id(partner_a.organisatie.pk)
    assert client.get(f"{API}organizations/{organisation}").status_code == 200
    assert client.get(f"{API}services/{organisation}").status_code == 404
    # Upper case and a trailing slash are the same id.
    service = ids.service_id(aanbod[0].pk)
    assert client.get(f"{API}services/{service.upper()}/").json()["id"] == service


def test_ids_are_stable_uuid5_of_our_ids():
    """Published ids must never change: the namespace and the key format are fixed."""
    assert str(ids.NAMESPACE) == "6c1f8f2e-3b0a-5d3c-9a57-6e1c0d9b2a41"
    assert ids.service_id(42) == str(uuid.uuid5(ids.NAMESPACE, "service:42"))
    assert ids.taxonomy_term_id("thema", "beweging") == str(
        uuid.uuid5(ids.NAMESPACE, "taxonomy_term:thema:beweging")
    )
    assert len({ids.service_id(1), ids.organization_id(1), ids.location_id(1)}) == 3


def test_read_only_with_cors(client, aanbod):
    assert client.post(f"{API}services/").status_code == 405
    preflight = client.options(f"{API}services/")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert client.get(API)["Access-Control-Allow-Origin"] == "*"


# -- queries --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("services/", {"full": "true"}),
        ("services/", {}),
        ("service_at_locations/", {"full": "true"}),
        ("organizations/", {"full_service": "true"}),
        ("locations/", {}),
        ("taxonomy_terms/", {}),
    ],
)
def test_a_list_page_costs_the_same_queries_for_5_or_15_items(
    client, aanbod, partner_a, django_assert_max_num_queries, path, params
):
    client.get(API + path, params)  # warm per-process caches (site root, content types)
    with CaptureQueriesContext(connection) as vijf:
        assert client.get(API + path, params).status_code == 200
    _offers(partner_a.organisatie, 10, start=10)
    with django_assert_max_num_queries(len(vijf.captured_queries)):
        assert client.get(API + path, params).status_code == 200


# -- the OpenAPI part -------------------------------------------------------------------------


def test_every_answer_matches_its_openapi_description(client, aanbod, partner_b):
    paths, _schemas = hsds_openapi()
    services = client.get(f"{API}services/").json()["contents"]
    examples = {
        "organizations": ids.organization_id(aanbod[0].get_parent().pk),
        "services": services[0]["id"],
        "locations": client.get(f"{API}locations/").json()["contents"][0]["id"],
        "service_at_locations": client.get(f"{API}service_at_locations/").json()["contents"][0][
            "id"
        ],
        "taxonomies": ids.taxonomy_id("thema"),
        "taxonomy_terms": ids.taxonomy_term_id("thema", "beweging"),
    }
    checked = 0
    for path, item in paths.items():
        operation = item["get"]
        url = path.removeprefix("/api/hsds/").replace(
            "{id}", examples[path.split("/")[3]] if "{id}" in path else ""
        )
        variants = [{}] + [
            {p["name"]: "true"} for p in operation.get("parameters", [])
            if p["schema"].get("type") == "boolean"
        ]  # fmt: skip
        for params in variants:
            response = client.get(API + url, params)
            assert response.status_code == 200, (path, params)
            errors = openapi_problems(path, 200, response.json())
            assert not errors, (path, params, errors[:3])
            checked += 1
        bad = client.get(f"{API}{url}", {"page": "x", "unknown": "1"})
        assert bad.status_code == 200, path
    assert checked >= 20
    assert json.dumps(paths)  # serialisable as the document is
