"""/api/hsds/: every answer of the HSDS 3.0 API for the whole demo dataset is valid against the
official schemas (tests/api/test_hsds_schema.py), list and detail, and the paging adds up."""

from django.core.management import call_command

import pytest

from aanbod.models import AanbodPage
from api.hsds import ids
from tests.api.test_hsds_schema import assert_valid, assert_valid_page, openapi_problems

API = "/api/hsds/"
# list path -> (schema of a list item, schema of a list item with full=true, detail schema)
ENDPOINTS = {
    "organizations": ("organization_list", "organization", "organization"),
    "services": ("service_list", "service", "service"),
    "locations": ("location", "location", "location"),
    "service_at_locations": (
        "service_at_location_list", "service_at_location", "service_at_location",
    ),
    "taxonomies": ("taxonomy", "taxonomy", "taxonomy"),
    "taxonomy_terms": ("taxonomy_term", "taxonomy_term", "taxonomy_term"),
}  # fmt: skip


@pytest.fixture
def demo(db):
    call_command("demo", verbosity=0)


def _all(client, name, **params):
    """Every item of a list endpoint, page by page, checking each page against the schemas."""
    item_schema = ENDPOINTS[name][1 if params.get("full") == "true" else 0]
    items, page = [], 1
    while True:
        response = client.get(f"{API}{name}/", {**params, "page": page, "per_page": 40})
        assert response.status_code == 200, (name, page)
        body = response.json()
        assert_valid_page(body, item_schema, f"{name} page {page}")
        assert not openapi_problems(f"/api/hsds/{name}/", 200, body), (name, params, page)
        assert body["page_number"] == page
        assert body["first_page"] == (page == 1)
        items += body["contents"]
        if body["last_page"]:
            break
        page += 1
    assert len(items) == body["total_items"], name
    assert body["total_pages"] == page or (body["total_items"] == 0 and page == 1)
    assert len({item["id"] for item in items}) == len(items), f"{name}: ids not unique"
    return items


def test_every_answer_for_the_demo_data_is_valid_hsds(client, demo):
    """One load of the demo (~20 s), then every list (paged, plain and full) and every detail."""
    root = client.get(API).json()
    assert_valid("root", root)
    assert not openapi_problems("/api/hsds/", 200, root)
    assert root["version"] == "3.0"
    assert root["openapi_url"].endswith("/api/v1/openapi.json")

    listed = {name: _all(client, name) for name in ENDPOINTS}
    for name in ("organizations", "services", "service_at_locations"):
        full = _all(client, name, full="true")
        assert [item["id"] for item in full] == [item["id"] for item in listed[name]]
    for name, items in listed.items():
        detail_schema = ENDPOINTS[name][2]
        for item in items:
            response = client.get(f"{API}{name}/{item['id']}")
            assert response.status_code == 200, (name, item["id"])
            assert_valid(detail_schema, response.json(), f"{name}/{item['id']}")
            problems = openapi_problems(f"/api/hsds/{name}/{{id}}", 200, response.json())
            assert not problems, (name, item["id"], problems[:3])

    # Every visible demo offer is a service, under the id derived from its page id.
    visible = AanbodPage.objects.zichtbaar()
    assert visible.count() == 100
    expected = {ids.service_id(pk) for pk in visible.values_list("pk", flat=True)}
    assert {service["id"] for service in listed["services"]} == expected
