"""The calendar's part of the OpenAPI document served at /api/v1/openapi.json (aanbod/api.py
assembles it): /api/v1/kalender/, occurrences in a date range with the offer search's facets."""

from .enums import Periode
from .filters import CAMPAGNE, FACETTEN
from .zoeken import PER_PAGE

KALENDER_FACETS = tuple(facet.naam for facet in FACETTEN if facet is not CAMPAGNE)


def _query(name, description, schema, example=None):
    parameter = {
        "name": name, "in": "query", "required": False, "description": description,
        "schema": schema,
    }  # fmt: skip
    if example is not None:
        parameter["example"] = example
    return parameter


def kalender_openapi(facet_parameter, cors, nullable_string):
    """(path item, component schemas) for /api/v1/kalender/."""
    date = {"type": "string", "format": "date"}
    parameters = [
        _query("van", "Eerste dag (ISO-datum). Standaard: vandaag.", date, "2026-10-01"),
        _query(
            "tot",
            "Laatste dag (ISO-datum). Hoogstens een jaar na `van`; een foute of omgekeerde "
            "periode wordt verbeterd met een melding in `notices`.",
            date,
            "2026-10-10",
        ),
        _query(
            "periode",
            "Snelkoppeling in plaats van `van`/`tot`.",
            {"type": "string", "enum": list(Periode.values)},
            "deze-week",
        ),  # fmt: skip
        _query("campagne", "Slug van een campagne.", {"type": "string"}),
        _query(
            "aanbod",
            "Id van een aanbod: alleen de activiteiten bij dat aanbod.",
            {"type": "integer"},
        ),  # fmt: skip
        _query("q", "Zoekwoorden in titel en korte tekst van de activiteit.", {"type": "string"}),
        _query(
            "page",
            f"Paginanummer ({PER_PAGE} momenten per pagina).",
            {"type": "integer", "minimum": 1},
        ),  # fmt: skip
        *(facet_parameter(facet) for facet in KALENDER_FACETS),
    ]
    link = {
        "type": ["object", "null"],
        "properties": {
            "slug": {"type": "string"}, "url": {**nullable_string, "format": "uri"},
            "name": {"type": "string"}, "title": {"type": "string"},
        },
    }  # fmt: skip
    moment = {
        "type": "string",
        "description": "Brusselse tijd met verschil t.o.v. UTC; een datum bij een hele dag.",
    }
    voorkomen = {
        "type": "object",
        "required": ["start", "end", "all_day", "recurring", "activity", "offer_id"],
        "properties": {
            "start": moment,
            "end": moment,
            "all_day": {"type": "boolean"},
            "recurring": {"type": "boolean", "description": "Uit een herhaling (RRULE)."},
            "activity": {
                "type": "object",
                "required": ["id", "title", "url"],
                "properties": {
                    "id": {"type": "integer"},
                    "title": {"type": "string"},
                    "summary": {"type": "string"},
                    "url": {**nullable_string, "format": "uri"},
                    "location": {"type": "string"},
                    "online_url": nullable_string,
                },
            },
            "organisation": link,
            "campaign": link,
            "offer_id": {"type": ["integer", "null"]},
            **{facet: {"type": "array", "items": {"type": "string"}} for facet in KALENDER_FACETS},
        },
    }
    response = {
        "type": "object",
        "required": [
            "count",
            "van",
            "tot",
            "page",
            "num_pages",
            "per_page",
            "results",
            "facets",
            "notices",
        ],  # fmt: skip
        "properties": {
            "count": {"type": "integer", "minimum": 0},
            "van": date,
            "tot": date,
            "page": {"type": "integer", "minimum": 1},
            "num_pages": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer", "minimum": 0},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Voorkomen"}},
            "facets": {
                "type": "object",
                "additionalProperties": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/FacetWaarde"},
                },
            },  # fmt: skip
            "notices": {"type": "array", "items": {"type": "string"}},
        },
    }
    path = {
        "get": {
            "operationId": "kalender",
            "summary": "Momenten in de kalender, gefilterd, met aantallen per filterwaarde",
            "parameters": parameters,
            "responses": {
                "200": {
                    "description": "Een pagina momenten met filters en aantallen.",
                    "headers": cors,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/Kalenderresultaat"}
                        }
                    },
                }
            },
        }
    }
    return path, {"Kalenderresultaat": response, "Voorkomen": voorkomen}
