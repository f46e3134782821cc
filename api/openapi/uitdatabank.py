"""The UiTdatabank export's part of the OpenAPI document: /api/v1/uitdatabank/ and its detail.

The `event` object is publiq's event model (https://docs.publiq.be/docs/uitdatabank/models/event);
only its outline is repeated here. The exact subset we produce: the JSON Schema in
tests/api/uitdatabank-event.schema.json; the mapping: the table in kalender/uitdatabank/.
"""

from ..uitdatabank.views import MAX_DAGEN, MAX_JAAR, MAX_PAGE, MIN_JAAR, PER_PAGE
from .common import CORS_HEADERS, DATE, NULLABLE_STRING, json_content, options, query, ref

LIJST = "/api/v1/uitdatabank/"
DETAIL = "/api/v1/uitdatabank/{id}/"
LOCALIZED = {
    "type": "object",
    "description": "Tekst per taal (nl, fr, de, en); nl is er altijd.",
    "additionalProperties": {"type": "string"},
}
STATUS = {
    "type": "object",
    "required": ["type"],
    "properties": {
        "type": {"type": "string", "enum": ["Available", "TemporarilyUnavailable", "Unavailable"]},
        "reason": LOCALIZED,
    },
}


def _parameters():
    return [
        query(
            "van",
            f"Eerste dag (jjjj-mm-dd, jaar {MIN_JAAR} tot {MAX_JAAR}); standaard vandaag. "
            "Activiteiten met minstens één moment in de periode komen mee, met al hun data.",
            {"type": "string", "format": "date"},
            "2026-03-01",
        ),
        query(
            "tot",
            f"Laatste dag (jjjj-mm-dd); standaard {MAX_DAGEN} dagen na `van`. Een periode van "
            f"meer dan {MAX_DAGEN} dagen, of `tot` voor `van`, geeft 400.",
            {"type": "string", "format": "date"},
            "2026-06-30",
        ),
        query(
            "organisatie",
            "Slug van de pagina van een organisatie. Onbekend of niet openbaar: een lege lijst.",
            {"type": "string"},
            "wgc-rabot",
        ),
        query(
            "campagne",
            "Slug van een campagne. Onbekend of niet openbaar: een lege lijst.",
            {"type": "string"},
            "maand-van-de-mondzorg",
        ),
        query(
            "page",
            f"Paginanummer, vanaf 1; {PER_PAGE} activiteiten per pagina. Voorbij de laatste "
            "pagina: een lege lijst. Geen geheel getal vanaf 1: 400.",
            {"type": "integer", "minimum": 1},
            1,
        ),
    ]


def _event():
    return {
        "type": "object",
        "description": (
            "De activiteit als UiTdatabank-event (model van publiq). `location` en `organizer` "
            "zijn genest (naam, adres) in plaats van een UiTdatabank-@id."
        ),
        "required": [
            "mainLanguage", "name", "terms", "calendarType", "status", "attendanceMode",
            "audience", "sameAs", "languages", "completedLanguages",
        ],
        "properties": {
            "mainLanguage": {"type": "string", "const": "nl"},
            "name": LOCALIZED,
            "description": LOCALIZED,
            "terms": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["id", "label", "domain"],
                    "properties": {
                        "id": {"type": "string"},
                        "label": {"type": "string"},
                        "domain": {"type": "string", "enum": ["eventtype", "theme", "facility"]},
                    },
                },
            },
            "calendarType": {
                "type": "string", "enum": ["single", "multiple", "periodic", "permanent"],
            },
            "startDate": {"type": "string", "format": "date-time"},
            "endDate": {"type": "string", "format": "date-time"},
            "status": STATUS,
            "subEvent": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "startDate", "endDate", "status"],
                    "properties": {
                        "id": {"type": "integer", "minimum": 0},
                        "startDate": {"type": "string", "format": "date-time"},
                        "endDate": {"type": "string", "format": "date-time"},
                        "status": STATUS,
                    },
                },
            },
            "openingHours": {"type": "array", "items": {"type": "object"}},
            "openingHoursClosedDays": {"type": "array", "items": {"type": "object"}},
            "attendanceMode": {"type": "string", "enum": ["online", "offline", "mixed"]},
            "onlineUrl": {"type": "string", "format": "uri"},
            "location": {"type": "object"},
            "organizer": {"type": "object"},
            "contactPoint": {"type": "object"},
            "bookingInfo": {"type": "object"},
            "priceInfo": {"type": "array", "items": {"type": "object"}},
            "typicalAgeRange": {"type": "string"},
            "audience": {"type": "object"},
            "labels": {"type": "array", "items": {"type": "string"}},
            "languages": {"type": "array", "items": {"type": "string"}},
            "completedLanguages": {"type": "array", "items": {"type": "string"}},
            "sameAs": {"type": "array", "items": {"type": "string", "format": "uri"}},
        },
    }  # fmt: skip


def _item():
    properties = {
        "id": {"type": "integer", "description": "Id van de activiteit (voor de detail-URL)."},
        "url": {"type": "string", "format": "uri", "description": "De activiteitspagina."},
        "modified": {
            **NULLABLE_STRING,
            "format": "date-time",
            "description": "Wanneer de activiteit laatst gepubliceerd werd.",
        },
        "missing": {
            "type": "array",
            "items": {"type": "string", "enum": ["location", "location.address"]},
            "description": (
                "Wat UiTdatabank vraagt en hier ontbreekt: een plaats (`location`) of een "
                "volledig adres ervan (`location.address`). Leeg: het event is volledig."
            ),
        },
        "event": ref("UiTdatabankEvent"),
    }
    return {"type": "object", "required": list(properties), "properties": properties}


def _lijst():
    properties = {
        "count": {"type": "integer", "minimum": 0},
        "from": {**DATE, "description": "Eerste dag van de periode."},
        "to": {**DATE, "description": "Laatste dag van de periode."},
        "page": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
        "num_pages": {"type": "integer", "minimum": 1},
        "per_page": {"type": "integer", "const": PER_PAGE},
        "results": {"type": "array", "maxItems": PER_PAGE, "items": ref("UiTdatabankItem")},
    }
    return {"type": "object", "required": list(properties), "properties": properties}


def _fout(description):
    return {"description": description, "headers": CORS_HEADERS, "content": json_content("Fout")}


def uitdatabank_openapi():
    """(paths, component schemas) for /api/v1/uitdatabank/ and /api/v1/uitdatabank/{id}/."""
    lijst = {
        "get": {
            "operationId": "uitdatabankLijst",
            "summary": "Activiteiten met data, in de vorm van UiTdatabank-events",
            "parameters": _parameters(),
            "responses": {
                "200": {
                    "description": "Een pagina activiteiten (oplopend op id).",
                    "headers": CORS_HEADERS,
                    "content": json_content("UiTdatabankLijst"),
                },
                "400": _fout("Een ongeldige datum, periode of paginanummer; `detail` zegt wat."),
            },
        },
        "options": options("uitdatabankLijstPreflight"),
    }
    detail = {
        "get": {
            "operationId": "uitdatabankDetail",
            "summary": "Eén activiteit als UiTdatabank-event",
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "description": "Id van de activiteit.",
                    "schema": {"type": "integer", "minimum": 1},
                },
            ],  # fmt: skip
            "responses": {
                "200": {
                    "description": "De activiteit.",
                    "headers": CORS_HEADERS,
                    "content": json_content("UiTdatabankItem"),
                },
                "404": _fout("Onbekend, niet openbaar of zonder data."),
            },
        },
        "options": options("uitdatabankDetailPreflight"),
    }
    schemas = {
        "UiTdatabankLijst": _lijst(),
        "UiTdatabankItem": _item(),
        "UiTdatabankEvent": _event(),
    }
    return {LIJST: lijst, DETAIL: detail}, schemas
