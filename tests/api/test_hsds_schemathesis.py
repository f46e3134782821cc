"""A bounded schemathesis run against the HSDS part of the OpenAPI document alone
(api/openapi/hsds.py), with the same checks and generation as tests/api/test_schemathesis.py:
no 5xx, only documented status codes, content types and headers, and bodies that fit their
schemas; each detail endpoint also with the real id of a visible record."""

import pytest
import schemathesis
from schemathesis.generation.modes import GenerationMode

from aanbod.models import AanbodLocatie, Wijk
from api.hsds import ids
from api.openapi.common import SCHEMAS
from api.openapi.hsds import hsds_openapi
from tests.aanbod.factories import publish
from tests.api.test_schemathesis import CHECKS, MAX_EXAMPLES, NEGATIVE_EXAMPLES, _run
from tests.kalender.conftest import D, T, maak_activiteit


@pytest.fixture
def hsds_schema(partner_a, partner_b, wsgi_app):
    offer = partner_a.offer
    offer.bedrag, offer.prijs, offer.min_leeftijd = 12, ["betalend", "kansentarief"], 6
    offer.prijs_toelichting = "<script>UiTPAS</script>"
    place = AanbodLocatie.objects.create(
        aanbod=offer, naam="Buurtcentrum", straat_nummer="Palinghuizen 2", postcode="9000",
        latitude=51.06, longitude=3.71, wijk=Wijk.objects.get(slug="rabot-blaisantvest"),
    )  # fmt: skip
    publish(offer)
    organisatie = partner_a.organisatie
    organisatie.straat_nummer, organisatie.postcode = "Rabotstraat 1", "9000"
    publish(organisatie)
    maak_activiteit(
        organisatie, "Fietsles", aanbod=offer, herhaling="maandelijks",
        eerste_dag=D(2026, 12, 8), start_tijd=T(10), eind_tijd=T(12), herhaal_aantal=6,
    )  # fmt: skip
    paths, schemas = hsds_openapi()
    document = {
        "openapi": "3.1.0",
        "info": {"title": "HSDS", "version": "1"},
        "paths": paths,
        "components": {"schemas": {**schemas, **SCHEMAS}},
    }
    schema = schemathesis.openapi.from_dict(document)
    schema.app = wsgi_app
    real = {
        "organizations": ids.organization_id(organisatie.pk),
        "services": ids.service_id(offer.pk),
        "locations": ids.location_id(place.pk),
        "service_at_locations": ids.service_at_location_id(place.pk),
        "taxonomies": ids.taxonomy_id("thema"),
        "taxonomy_terms": ids.taxonomy_term_id("thema", "beweging"),
    }
    return schema, {f"/api/hsds/{name}/{{id}}": value for name, value in real.items()}


def test_every_hsds_operation_answers_as_documented(hsds_schema):
    schema, real_ids = hsds_schema
    failures, operations = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        if operation.path in real_ids and operation.method.upper() == "GET":
            case = operation.Case(path_parameters={"id": real_ids[operation.path]})
            response = case.call_and_validate(checks=CHECKS)
            assert response.status_code == 200, operation.path
        failures += _run(operation, GenerationMode.POSITIVE, MAX_EXAMPLES)
        failures += _run(operation, GenerationMode.NEGATIVE, NEGATIVE_EXAMPLES)
    assert operations == 26, "13 paths, each with GET and OPTIONS"
    assert not failures, "\n\n".join(failures[:10])
