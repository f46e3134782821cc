"""The calendar's part of the OpenAPI document: /api/v1/kalender/, occurrences in a date range
with the offer search's facets."""

from kalender.enums import Periode
from kalender.filters import FACETTEN, NAMEN
from kalender.query import PER_PAGE

from ..kalender import MOMENT_FACETS
from .common import (
    CORS_HEADERS,
    DATE,
    NULLABLE_STRING,
    facet_counts,
    facet_parameter,
    json_content,
    options,
    query,
    ref,
)


def _parameters():
    return [
        query("van", "Eerste dag (ISO-datum). Standaard: vandaag.", DATE, "2026-10-01"),
        query(
            "tot",
            "Laatste dag (ISO-datum). Hoogstens een jaar na `van`; een foute of omgekeerde "
            "periode wordt verbeterd met een melding in `notices`.",
            DATE,
            "2026-10-10",
        ),
        query(
            "periode",
            "Snelkoppeling in plaats van `van`/`tot`.",
            {"type": "string", "enum": list(Periode.values)},
            "deze-week",
        ),
        query(
            "aanbod",
            "Id van een aanbod: alleen de activiteiten bij dat aanbod.",
            {"type": "integer"},
        ),
        query("q", "Zoekwoorden in titel en korte tekst van de activiteit.", {"type": "string"}),
        query(
            "page",
            f"Paginanummer ({PER_PAGE} momenten per pagina).",
            {"type": "integer", "minimum": 1},
        ),
        *(facet_parameter(facet) for facet in FACETTEN),
    ]


def _moment():
    link = {
        "type": ["object", "null"],
        "properties": {
            "slug": {"type": "string"}, "url": {**NULLABLE_STRING, "format": "uri"},
            "name": {"type": "string"}, "title": {"type": "string"},
        },
    }  # fmt: skip
    time = {
        "type": "string",
        "description": "Brusselse tijd met verschil t.o.v. UTC; een datum bij een hele dag.",
    }
    return {
        "type": "object",
        "required": ["start", "end", "all_day", "recurring", "activity", "offer_id", "facets"],
        "properties": {
            "start": time,
            "end": time,
            "all_day": {"type": "boolean"},
            "recurring": {"type": "boolean", "description": "Uit een herhaling (RRULE)."},
            "activity": {
                "type": "object",
                "required": ["id", "title", "url"],
                "properties": {
                    "id": {"type": "integer"},
                    "title": {"type": "string"},
                    "summary": {"type": "string"},
                    "url": {**NULLABLE_STRING, "format": "uri"},
                    "location": {"type": "string"},
                    "online_url": NULLABLE_STRING,
                },
            },
            "organisation": link,
            "campaign": link,
            "offer_id": {"type": ["integer", "null"]},
            "facets": {
                "type": "object",
                "description": (
                    "De slugs van de activiteit per filter (sleutel = URL-parameter); een leeg "
                    "filter neemt de waarden van het gekoppelde aanbod over."
                ),
                "required": list(MOMENT_FACETS),
                "properties": {
                    facet: {"type": "array", "items": {"type": "string"}} for facet in MOMENT_FACETS
                },
            },
        },
    }


def _response():
    properties = {
        "count": {"type": "integer", "minimum": 0},
        "from": {**DATE, "description": "Eerste dag van de getoonde periode."},
        "to": {**DATE, "description": "Laatste dag van de getoonde periode."},
        "page": {"type": "integer", "minimum": 1},
        "num_pages": {"type": "integer", "minimum": 1},
        "per_page": {"type": "integer", "minimum": 0},
        "results": {"type": "array", "items": ref("Moment")},
        "facets": facet_counts(NAMEN),
        "notices": {"type": "array", "items": {"type": "string"}},
    }
    return {"type": "object", "required": list(properties), "properties": properties}


def kalender_openapi():
    """(path item, component schemas) for /api/v1/kalender/."""
    path = {
        "get": {
            "operationId": "kalender",
            "summary": "Momenten in de kalender, gefilterd, met aantallen per filterwaarde",
            "parameters": _parameters(),
            "responses": {
                "200": {
                    "description": "Een pagina momenten met filters en aantallen.",
                    "headers": CORS_HEADERS,
                    "content": json_content("Kalenderresultaat"),
                }
            },
        },
        "options": options("kalenderPreflight"),
    }
    return path, {"Kalenderresultaat": _response(), "Moment": _moment()}
