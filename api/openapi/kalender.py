"""The calendar's part of the OpenAPI document: /api/v1/kalender/, occurrences in a date range
with the offer search's facets, and /api/v1/activiteiten/{id}/, one activity."""

from aanbod.enums import Inschrijving
from kalender.enums import Periode
from kalender.filters import FACETTEN, NAMEN
from kalender.query import PER_PAGE

from ..kalender import DETAIL_NEXT_DATES, MOMENT_FACETS
from .common import (
    DATE,
    NULLABLE_STRING,
    detail,
    facet_counts,
    facet_parameter,
    get,
    link,
    ok,
    options,
    query,
    ref,
    slug_label,
)

TIME = {
    "type": "string",
    "description": "Brusselse tijd met verschil t.o.v. UTC; een datum bij een hele dag.",
}
PLACE = {
    "type": "object",
    "description": (
        "Waar: de eigen plaats van de activiteit, anders de plaats van het gekoppelde aanbod."
    ),
    "required": ["name", "address", "online_url"],
    "properties": {
        "name": NULLABLE_STRING,
        "address": ref("Adres"),
        "online_url": {**NULLABLE_STRING, "description": "Link om online deel te nemen."},
    },
}


def _facets():
    return {
        "type": "object",
        "description": (
            "De slugs van de activiteit per filter (sleutel = URL-parameter); een leeg "
            "filter neemt de waarden van het gekoppelde aanbod over."
        ),
        "required": list(MOMENT_FACETS),
        "properties": {
            facet: {"type": "array", "items": {"type": "string"}} for facet in MOMENT_FACETS
        },
    }


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
            f"Paginanummer ({PER_PAGE} momenten per pagina). Voorbij de laatste pagina: een "
            "lege pagina.",
            {"type": "integer", "minimum": 1},
        ),
        *(facet_parameter(facet) for facet in FACETTEN),
    ]


def _moment():
    time = TIME
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
                    "location": {"type": "string", "description": "Plaats en adres, één regel."},
                    "place": PLACE,
                    "online_url": NULLABLE_STRING,
                },
            },
            "organisation": link("name"),
            "campaign": link("title"),
            "offer_id": {"type": ["integer", "null"]},
            "facets": _facets(),
        },
    }


def _activity():
    enrolment = {
        "how": {"type": "array", "items": slug_label("Hoe inschrijven", Inschrijving.values)},
        "note": NULLABLE_STRING,
        "phone": NULLABLE_STRING,
        "email": NULLABLE_STRING,
        "link": NULLABLE_STRING,
        "website": NULLABLE_STRING,
        "from_organisation": {
            "type": "boolean",
            "description": "Het contact is dat van de organisatie (activiteit en aanbod geven er "
            "geen).",
        },
    }
    price = {
        "labels": {"type": "array", "items": {"type": "string"}},
        "amount": {**NULLABLE_STRING, "description": 'Bedrag in euro, bv. "12.50".'},
        "free": {"type": "boolean"},
    }
    date = {
        "start": TIME, "end": TIME, "all_day": {"type": "boolean"},
        "recurring": {"type": "boolean"},
    }  # fmt: skip
    properties = {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "summary": {"type": "string"},
        "url": {**NULLABLE_STRING, "format": "uri"},
        "description_html": {"type": "string", "description": "HTML uit de editor."},
        "organisation": link("name"),
        "campaign": link("title"),
        "offer_id": {"type": ["integer", "null"], "description": "Alleen een openbaar aanbod."},
        "location": {"type": "string"},
        "place": PLACE,
        "enrolment": {"type": "object", "required": list(enrolment), "properties": enrolment},
        "price": {"type": "object", "required": list(price), "properties": price},
        "facets": _facets(),
        "next_dates": {
            "type": "array",
            "maxItems": DETAIL_NEXT_DATES,
            "items": {"type": "object", "required": list(date), "properties": date},
        },
    }
    return {"type": "object", "required": list(properties), "properties": properties}


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
    """(paths, component schemas) for /api/v1/kalender/ and /api/v1/activiteiten/{id}/."""
    listing = {
        "get": get(
            "kalender",
            "Momenten in de kalender, gefilterd, met aantallen per filterwaarde",
            _parameters(),
            {"200": ok("Een pagina momenten met filters en aantallen.", "Kalenderresultaat")},
        ),
        "options": options("kalenderPreflight"),
    }
    paths = {
        "/api/v1/kalender/": listing,
        "/api/v1/activiteiten/{id}/": detail(
            "activiteit",
            "Eén activiteit: plaats, inschrijven, prijs en volgende data",
            "een activiteit",
            "Activiteit",
        ),
    }
    schemas = {"Kalenderresultaat": _response(), "Moment": _moment(), "Activiteit": _activity()}
    return paths, schemas
