"""Validating answers against the official HSDS 3.0 schemas (tests/api/hsds-3.0/, copied
unchanged from openreferral/specification; CC BY-SA 4.0, see its README.md).

Draft 2020-12 with format checking: jsonschema checks uuid, email and date itself; `uri` and
`date-time` need optional packages, so they are checked here. The HSDS distribution has no
standalone location, taxonomy and taxonomy_term schemas: they are taken from where service.json
nests them. The tests below prove the checker itself fails on wrong data.
"""

import datetime
import json
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator, FormatChecker

HSDS = Path(__file__).parent / "hsds-3.0"

FORMATS = FormatChecker()  # every format jsonschema can check, plus the two below


@FORMATS.checks("uri", raises=ValueError)
def _uri(value):
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and (parts.netloc or parts.path)) and " " not in value


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value):
    if not isinstance(value, str):
        return True
    moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return "T" in value and moment.tzinfo is not None


@cache
def _file(name):
    return json.loads((HSDS / name).read_text(encoding="utf-8"))


def _nested(name, *path):
    node = _file(name)
    for key in path:
        node = node[key]
    return node


def _page_schema():
    page = dict(_nested("openapi.json", "components", "schemas", "Page"))
    # Every field of the Page object is part of our contract, and `contents` too.
    page["properties"] = {**page["properties"], "contents": {"type": "array"}}
    page["required"] = [*page["properties"]]
    page["additionalProperties"] = False
    return page


SCHEMAS = {
    "service": lambda: _file("service.json"),
    "service_list": lambda: _file("service_list.json"),
    "organization": lambda: _file("organization.json"),
    "organization_list": lambda: _file("organization_list.json"),
    "service_at_location": lambda: _file("service_at_location.json"),
    "service_at_location_list": lambda: _file("service_at_location_list.json"),
    "location": lambda: _nested(
        "service.json", "properties", "service_at_locations", "items", "properties", "location"
    ),
    "taxonomy_term": lambda: _nested(
        "service.json", "properties", "attributes", "items", "properties", "taxonomy_term"
    ),
    "taxonomy": lambda: _nested(
        "service.json",
        "properties",
        "attributes",
        "items",
        "properties",
        "taxonomy_term",
        "properties",
        "taxonomy_detail",
    ),  # fmt: skip
    "page": _page_schema,
    "root": lambda: _nested(
        "openapi.json",
        "paths",
        "/",
        "get",
        "responses",
        "200",
        "content",
        "application/json",
        "schema",
    ),  # fmt: skip
}


@cache
def validator(name):
    schema = SCHEMAS[name]()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FORMATS)


def problems(name, instance):
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '$'}: {e.message}"
        for e in validator(name).iter_errors(instance)
    ]


def assert_valid(name, instance, where=""):
    found = problems(name, instance)
    assert not found, f"{where} is no valid HSDS {name}: {found[:5]}"


@cache
def _openapi():
    from api.openapi.common import SCHEMAS as COMMON_SCHEMAS
    from api.openapi.hsds import hsds_openapi

    paths, schemas = hsds_openapi()
    return paths, {**schemas, **COMMON_SCHEMAS}


def openapi_problems(path, status, body, method="get"):
    """What in `body` does not match our OpenAPI part (api/openapi/hsds.py) for `path`, e.g.
    "/api/hsds/services/{id}", and the HTTP status."""
    paths, schemas = _openapi()
    responses = paths[path][method]["responses"]
    if str(status) not in responses:
        return [f"status {status} is not documented for {path}"]
    schema = responses[str(status)]["content"]["application/json"]["schema"]
    validator = Draft202012Validator(
        {**schema, "components": {"schemas": schemas}}, format_checker=FORMATS
    )
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '$'}: {e.message}"
        for e in validator.iter_errors(body)
    ]


def assert_valid_page(body, item, where=""):
    assert_valid("page", body, where)
    assert body["size"] == len(body["contents"])
    for i, entry in enumerate(body["contents"]):
        assert_valid(item, entry, f"{where} contents[{i}]")


# -- the checker itself ------------------------------------------------------------------------

ID = "0b0b0b0b-0b0b-5b0b-8b0b-0b0b0b0b0b0b"
SERVICE = {"id": ID, "name": "Beweegcoach", "status": "active"}


@pytest.mark.parametrize(
    ("name", "instance", "fault"),
    [
        ("service", {"id": ID, "status": "active"}, "'name' is a required property"),
        ("service", {**SERVICE, "id": "42"}, "is not a 'uuid'"),
        ("service", {**SERVICE, "url": "geen link"}, "is not a 'uri'"),
        ("service", {**SERVICE, "email": "geen-adres"}, "is not a 'email'"),
        ("service", {**SERVICE, "last_modified": "2026-13-01T10:00:00Z"}, "'date-time'"),
        ("service", {**SERVICE, "last_modified": "2026-01-01"}, "'date-time'"),
        ("service", {**SERVICE, "status": "open"}, "is not one of"),
        ("service", {**SERVICE, "minimum_age": None}, "is not of type 'number'"),
        ("service", {**SERVICE, "schedules": [{"id": ID, "freq": "DAILY"}]}, "is not one of"),
        ("taxonomy_term", {"id": ID, "name": "Beweging"}, "'description' is a required"),
        ("location", {"id": ID}, "'location_type' is a required property"),
        ("page", {"contents": []}, "'total_items' is a required property"),
    ],
)
def test_the_checker_refuses_wrong_data(name, instance, fault):
    found = problems(name, instance)
    assert any(fault in problem for problem in found), found


def test_the_checker_accepts_a_minimal_service():
    assert problems("service", SERVICE) == []
