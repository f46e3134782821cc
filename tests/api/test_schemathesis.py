"""A bounded schemathesis run against the OpenAPI document, through the WSGI app (no server).

Every documented operation gets generated requests (valid and invalid parameters, conditional
headers), repeatable (derandomized), in one pytest test (schemathesis's own pytest loader does
not run under pytest 9). Checked on every answer: no 5xx,
only documented status codes, the documented content type and headers, and a body that fits its
schema. The API is lenient by design (a bad filter value becomes a notice, not a 400), so
schemathesis's "invalid input must be rejected" checks are not among them.

Each detail endpoint is also called with the real id of a visible object, so its 200 is checked
too, not only the 404 that random numbers get.
"""

import datetime

from django.utils import timezone

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from aanbod.models import AanbodLocatie, Wijk
from preventiezoeker.search.sync import rebuild
from tests.aanbod.factories import publish
from tests.kalender.conftest import T, maak_activiteit, maak_campagne

MAX_EXAMPLES = 25  # valid requests per operation
NEGATIVE_EXAMPLES = 10  # and requests with invalid parameters
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def api_schema(client, partner_a, partner_b, index_dir, wsgi_app):
    """The document as the app serves it, with the ids of a small, full data set as examples."""
    offer = partner_a.offer
    offer.bedrag, offer.prijs, offer.min_leeftijd = 12, ["betalend"], 6
    offer.prijs_toelichting = "<script>UiTPAS</script>"
    AanbodLocatie.objects.create(
        aanbod=offer, naam="Buurtcentrum", straat_nummer="Palinghuizen 2", postcode="9000",
        latitude=51.06, longitude=3.71, wijk=Wijk.objects.get(slug="rabot-blaisantvest"),
    )  # fmt: skip
    publish(offer)
    soon = timezone.localdate() + datetime.timedelta(days=5)
    campagne = maak_campagne(
        "Maand van de mondzorg", "mondzorg", soon, soon + datetime.timedelta(days=30)
    )
    activiteit = maak_activiteit(
        partner_a.organisatie, "Fietsles", aanbod=offer, campagne=campagne,
        data=[(soon, T(10), T(12))],
    )  # fmt: skip
    rebuild()
    ids = {
        "/api/v1/aanbod/{id}/": offer.pk,
        "/api/v1/organisaties/{id}/": partner_a.organisatie.pk,
        "/api/v1/activiteiten/{id}/": activiteit.pk,
        "/api/v1/campagnes/{id}/": campagne.pk,
    }
    schema = schemathesis.openapi.from_dict(client.get("/api/v1/openapi.json").json())
    schema.app = wsgi_app
    return schema, ids


def _run(operation, mode, examples):
    """`examples` generated requests for one operation; the failures as text."""
    failures = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=examples,
        derandomize=True,  # the same requests on every run: CI is repeatable
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],  # no shrinking: bounded time
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        try:
            case.call_and_validate(checks=CHECKS)
        except (AssertionError, FailureGroup) as error:  # one failed check, or several
            failures.append(f"{case.method} {case.formatted_path} {case.query}: {error}")

    try:
        run()
    except Unsatisfiable:
        # Nothing to make invalid (an OPTIONS without parameters): only for negative mode.
        assert mode == GenerationMode.NEGATIVE, operation.label
    return failures


def test_every_operation_answers_as_documented(api_schema):
    schema, ids = api_schema
    failures, operations = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        if operation.path in ids and operation.method.upper() == "GET":
            # A real id: the detail endpoint's 200 is checked, not only its 404.
            case = operation.Case(path_parameters={"id": ids[operation.path]})
            response = case.call_and_validate(checks=CHECKS)
            assert response.status_code == 200, operation.path
        failures += _run(operation, GenerationMode.POSITIVE, MAX_EXAMPLES)
        failures += _run(operation, GenerationMode.NEGATIVE, NEGATIVE_EXAMPLES)
    assert operations >= 16, "every documented operation (GET and OPTIONS) is run"
    assert not failures, "\n\n".join(failures[:10])
