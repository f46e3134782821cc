"""One language for the published JSON keys (OpenAPI 2.0.0): every fixed key is English
snake_case; the filter names (Dutch URL parameters such as `thema`) appear only as keys of
`facets` maps. Checked on the documented schemas and on real answers of both endpoints."""

import datetime
import re

from django.utils import timezone

import pytest

from aanbod.facetten import NAMEN as AANBOD_FACETTEN
from api.openapi import openapi_document
from kalender.filters import NAMEN as KALENDER_FACETTEN
from tests.api.schema import _resolve
from tests.api.test_aanbod import zoekdata  # noqa: F401 (fixture)
from tests.kalender.conftest import T, maak_activiteit

FACET_NAMES = set(AANBOD_FACETTEN) | set(KALENDER_FACETTEN)
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
# Dutch words a key could slip back to (the 1.x keys among them).
DUTCH = {
    "aanbod", "aantal", "activiteit", "adres", "bedrag", "begin", "campagne", "einde",
    "gekozen", "hele_dag", "herhaling", "laatst_nagekeken", "locatie", "meldingen", "moment",
    "momenten", "naam", "organisatie", "pagina", "paginas", "resultaten", "samenvatting",
    "stadsbreed", "suggestie", "titel", "tot", "van", "volgende_data", "waarde", "waarden",
    "zonder_filter",
} | FACET_NAMES  # fmt: skip
ENDPOINTS = {"/api/v1/aanbod/": "Zoekresultaat", "/api/v1/kalender/": "Kalenderresultaat"}


def schema_keys(doc, schema, where="$", in_facets=False):
    """(where, key, inside a facets map) for every property name a schema allows."""
    schema = _resolve(doc, schema)
    for key, sub in schema.get("properties", {}).items():
        yield where, key, in_facets
        # Only the map directly under `facets` is keyed by filter name, not what its values hold.
        yield from schema_keys(doc, sub, f"{where}.{key}", not in_facets and key == "facets")
    for nested in ("items", "additionalProperties"):
        if isinstance(schema.get(nested), dict):
            yield from schema_keys(doc, schema[nested], f"{where}[]")


def answer_keys(value, where="$", in_facets=False):
    """The same for a real JSON answer."""
    if isinstance(value, dict):
        for key, sub in value.items():
            yield where, key, in_facets
            yield from answer_keys(sub, f"{where}.{key}", not in_facets and key == "facets")
    elif isinstance(value, list):
        for item in value:
            yield from answer_keys(item, f"{where}[]")


def problems(keys):
    found = []
    for where, key, in_facets in keys:
        if in_facets:
            if key not in FACET_NAMES:
                found.append(f"{where}: {key!r} in a facets map is not a filter name")
        elif not SNAKE_CASE.match(key) or key in DUTCH:
            found.append(f"{where}: {key!r} is not an English snake_case key")
    return found


@pytest.fixture
def document():
    return openapi_document()


def _schema(doc, name):
    return {"$ref": f"#/components/schemas/{name}"}


def test_the_rule_is_documented_and_versioned(document):
    assert document["info"]["version"] == "2.1.0"
    description = document["info"]["description"]
    assert "snake_case" in description and "`facets`" in description
    assert "`last_reviewed`" in description  # the renames of 2.0.0 are listed
    # What 2.1.0 added (additions only), translations among it.
    assert "**Sinds 2.1.0**" in description and "`translations`" in description
    for path in ("/api/v1/aanbod/{id}/", "/api/v1/organisaties/", "/api/v1/campagnes/"):
        assert f"`{path}`" in description and path in document["paths"]


@pytest.mark.parametrize("name", [*ENDPOINTS.values(), "Fout"])
def test_documented_keys_are_english_and_facet_names_only_key_facets_maps(document, name):
    keys = list(schema_keys(document, _schema(document, name)))
    assert keys
    assert problems(keys) == []
    if name != "Fout":
        assert {k for _w, k, inside in keys if inside}, "each answer has a facets map"


def test_the_check_has_teeth(document):
    old_offer = {"id": 1, "laatst_nagekeken": None, "thema": [], "facets": {"thema": []}}
    assert problems(answer_keys(old_offer)) == [
        "$: 'laatst_nagekeken' is not an English snake_case key",
        "$: 'thema' is not an English snake_case key",
    ]
    assert problems(answer_keys({"facets": {"title": []}})) == [
        "$.facets: 'title' in a facets map is not a filter name"
    ]


def test_real_answers_use_only_documented_english_keys(client, zoekdata, document):  # noqa: F811
    soon = timezone.localdate() + datetime.timedelta(days=2)
    maak_activiteit(
        zoekdata.alfa, "Fietsles op zaterdag", aanbod=zoekdata.fiets, data=[(soon, T(10), T(12))]
    )
    queries = {
        "/api/v1/aanbod/": [{}, {"q": "fietsles"}, {"thema": "mondzorg", "wijk": "ledeberg"}],
        "/api/v1/kalender/": [{}, {"thema": "beweging"}],
    }
    for url, name in ENDPOINTS.items():
        allowed = {key for _w, key, _inside in schema_keys(document, _schema(document, name))}
        for query in queries[url]:
            data = client.get(url, query).json()
            keys = list(answer_keys(data))
            assert problems(keys) == [], (url, query)
            assert {key for _w, key, _inside in keys} <= allowed, (url, query)
            assert data["results"] or query, (url, query)
        # Facet values of each offer or occurrence sit under its own `facets`.
        first = client.get(url).json()["results"][0]
        assert set(first["facets"]) <= FACET_NAMES and "thema" in first["facets"]
