"""The offers' part of the OpenAPI document: /api/v1/aanbod/ and /api/v1/aanbod/{id}/."""

from aanbod.enums import Inschrijving, VertalingTaal
from aanbod.facetten import FACET, NAMEN
from aanbod.filters import MAX_PAGE, NEE, SORT_LABELS, ZONDER_ALLES
from aanbod.zoeken import PER_PAGE

from ..aanbod import (
    CHOICE_FACETS,
    DETAIL_NEXT_DATES,
    M2M_FACETS,
    NEXT_DATES,
    OFFER_FACETS,
    TRANSLATION_KEYS,
)
from .common import (
    CORS_HEADERS,
    NULLABLE_STRING,
    detail,
    facet_counts,
    facet_parameter,
    get,
    json_content,
    ok,
    options,
    query,
    ref,
    slug_label,
)

NULLABLE_INTEGER = {"type": ["integer", "null"], "minimum": 0}
FROM_OFFER = "van het aanbod, anders van de organisatie"
CONTACT = {
    "phone": {**NULLABLE_STRING, "description": f"Telefoon ({FROM_OFFER})."},
    "email": {**NULLABLE_STRING, "description": f"E-mail ({FROM_OFFER})."},
    "website": {**NULLABLE_STRING, "description": "Website van de organisatie."},
}


def _parameters():
    sort_text = ", ".join(f"`{k}` ({v})" for k, v in SORT_LABELS.items())
    return [
        query(
            "q",
            'Zoekwoorden. Gewone woorden en "zinnen tussen aanhalingstekens"; geen zoeksyntaxis '
            "(wildcards, velden, bereiken worden als gewone woorden gelezen). Langer dan 200 "
            "tekens wordt afgekapt met een melding.",
            {"type": "string"},
            "fietsen",
        ),
        *(facet_parameter(FACET[name]) for name in NAMEN),
        query(
            "sort",
            f"Sortering: {sort_text}. Standaard op afstand met een vertrekpunt, anders op "
            "relevantie met zoekwoorden, anders op naam. `afstand` kan alleen met een "
            "vertrekpunt; aanbod zonder afstand (stadsbreed, online) komt erna. Een onbekende "
            "waarde geeft de standaardvolgorde en een melding.",
            {"type": "string", "enum": list(SORT_LABELS)},
            "naam",
        ),
        query(
            "vanaf",
            "Vertrekpunt voor afstanden: de slug van een Gentse wijk (of een Gentse postcode). "
            "Onbekend: geen afstanden en een melding.",
            {"type": "string"},
            "rabot-blaisantvest",
        ),
        query(
            "postcode",
            "Vertrekpunt voor afstanden: een postcode van Gent (9000 tot 9052).",
            {"type": "string"},
            "9000",
        ),
        query(
            "lat",
            "Vertrekpunt: breedtegraad (WGS84), samen met `lon`; afgerond op ongeveer 100 m en "
            "nergens bewaard. Buiten België: geen afstanden en een melding.",
            {"type": "number"},
            51.064,
        ),
        query(
            "lon", "Vertrekpunt: lengtegraad (WGS84), samen met `lat`.", {"type": "number"}, 3.713
        ),
        *(
            query(
                veld,
                f"`{NEE}`: laat het aanbod met '{facet.alles_label}' weg, alleen wat bij de "
                f"gekozen `{facet.naam}` zelf hoort. Een andere waarde wordt genegeerd met een "
                "melding.",
                {"type": "string", "enum": [NEE]},
                NEE,
            )
            for veld, facet in ZONDER_ALLES.items()
        ),
        query(
            "page",
            f"Paginanummer, vanaf 1 (hoogstens {MAX_PAGE}). Een pagina voorbij de laatste is "
            "leeg (`results` is `[]`); `num_pages` zegt hoeveel pagina's er zijn.",
            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
            1,
        ),
    ]


def _places():
    place = {
        "type": "object",
        "required": ["name", "address", "latitude", "longitude", "district", "public_transport"],
        "properties": {
            "name": NULLABLE_STRING,
            "address": ref("Adres"),
            "latitude": {"type": ["number", "null"], "description": "WGS84."},
            "longitude": {"type": ["number", "null"], "description": "WGS84."},
            "district": {**NULLABLE_STRING, "description": "Slug van de wijk (filter `wijk`)."},
            "public_transport": {**NULLABLE_STRING, "description": "Met tram of bus."},
        },
    }
    return {"type": "array", "description": "De plaatsen waar het aanbod doorgaat.", "items": place}


def _enrolment():
    properties = {
        "how": {"type": "array", "items": slug_label("Hoe inschrijven", Inschrijving.values)},
        "phone": NULLABLE_STRING,
        "email": NULLABLE_STRING,
        "link": {**NULLABLE_STRING, "description": "Link om in te schrijven."},
    }
    return {
        "type": "object",
        "description": "Hoe inschrijven, en waar.",
        "required": list(properties),
        "properties": properties,
    }


def _offer(detail=False):
    values = {facet.naam: {"type": "array", "items": ref("SlugLabel")} for facet in M2M_FACETS}
    for facet in CHOICE_FACETS:
        slugs = [v for v, _label in facet.keuzes.choices]
        values[facet.naam] = {"type": "array", "items": slug_label(facet.label, slugs)}
    next_date = {
        "type": "object",
        "required": ["start", "end", "all_day", "title", "url"],
        "properties": {
            "start": {"type": "string", "format": "date-time"},
            "end": {"type": "string", "format": "date-time"},
            "all_day": {"type": "boolean"},
            "title": {"type": "string"},
            "url": {**NULLABLE_STRING, "format": "uri"},
        },
    }
    properties = {
        "id": {"type": "integer"},
        "url": {"type": "string", "format": "uri", "description": "Absolute URL van de pagina."},
        "title": {"type": "string", "description": "Titel als platte tekst."},
        "title_html": {
            "type": "string",
            "description": "Titel, HTML-escaped, met <mark> rond de gevonden woorden.",
        },
        "summary": {"type": "string", "description": "Korte beschrijving als platte tekst."},
        "summary_html": {
            "type": "string",
            "description": "Korte beschrijving, HTML-escaped, met <mark>.",
        },
        "organisation": {
            "type": ["object", "null"],
            "required": ["id", "slug", "name", "url"],
            "properties": {
                "id": {"type": "integer", "description": "Zie /api/v1/organisaties/{id}/."},
                "slug": {"type": "string"},
                "name": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
            },
        },
        "facets": {
            "type": "object",
            "description": "De waarden van dit aanbod per filter (sleutel = URL-parameter).",
            "required": list(OFFER_FACETS),
            "properties": values,
        },
        "city_wide": {"type": "boolean", "description": "Voor heel Gent (stadsbreed)."},
        "places": _places(),
        **CONTACT,
        "contact_person": NULLABLE_STRING,
        "enrolment": _enrolment(),
        "schedule": {**NULLABLE_STRING, "description": "Wanneer, in woorden."},
        "min_age": NULLABLE_INTEGER,
        "max_age": NULLABLE_INTEGER,
        "amount": {
            **NULLABLE_STRING,
            "description": 'Bedrag in euro met twee decimalen, bv. "12.50".',
        },
        "price_note": {**NULLABLE_STRING, "description": "Uitleg bij de prijs."},
        "last_reviewed": {
            **NULLABLE_STRING,
            "format": "date",
            "description": "Wanneer de partner het aanbod laatst nakeek.",
        },
        "afstand_m": {
            "type": ["integer", "null"],
            "minimum": 0,
            "description": (
                "Afstand in meter (in vogelvlucht, bij benadering) van het vertrekpunt tot de "
                "dichtste plek van het aanbod; null zonder vertrekpunt, en voor stadsbreed of "
                "online aanbod."
            ),
        },
        "next_dates": {
            "type": "array",
            "maxItems": DETAIL_NEXT_DATES if detail else NEXT_DATES,
            "description": "De volgende momenten in de kalender (activiteiten bij dit aanbod).",
            "items": next_date,
        },
        "translations": {
            "type": "object",
            "description": (
                "Vertalingen van de partner, per taalcode (ISO 639, bv. `fr`, `ar`): titel, "
                "korte beschrijving, uitleg bij de prijs, hoe inschrijven en wanneer. Null waar "
                "de partner die tekst niet vertaalde; de Nederlandse tekst geldt dan."
            ),
            "propertyNames": {"enum": list(VertalingTaal.values)},
            "additionalProperties": {
                "type": "object",
                "required": list(TRANSLATION_KEYS.values()),
                "properties": dict.fromkeys(TRANSLATION_KEYS.values(), NULLABLE_STRING),
            },
        },
    }
    if detail:
        properties["description_html"] = {
            "type": "string",
            "description": "De beschrijving van de partner, als HTML uit de editor.",
        }
    return {"type": "object", "required": list(properties), "properties": properties}


def _without_filter():
    return {
        "type": "array",
        "description": (
            "Alleen bij 0 resultaten: per gekozen filter hoeveel resultaten er zonder dat filter "
            "zouden zijn (alleen filters die helpen, de meeste resultaten eerst)."
        ),
        "items": {
            "type": "object",
            "required": ["facet", "label", "values", "count"],
            "properties": {
                "facet": {"type": "string", "enum": list(NAMEN), "description": "URL-parameter."},
                "label": {"type": "string"},
                "values": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "De labels van de gekozen waarden.",
                },
                "count": {"type": "integer", "minimum": 1},
            },
        },
    }


def _response():
    properties = {
        "count": {"type": "integer", "minimum": 0},
        "page": {"type": "integer", "minimum": 1},
        "num_pages": {"type": "integer", "minimum": 1},
        "per_page": {"type": "integer", "const": PER_PAGE},
        "results": {"type": "array", "items": ref("Aanbod")},
        "facets": facet_counts(NAMEN),
        "suggestion": {
            **NULLABLE_STRING,
            "description": "Verbeterde zoekwoorden (platte tekst) of null.",
        },
        "without_filter": _without_filter(),
        "help_lines": {
            "type": "array",
            "description": "Hulplijnen als de zoekwoorden over een crisis gaan (zelfmoord...).",
            "items": {
                "type": "object",
                "required": ["name", "number", "text", "url"],
                "properties": {
                    "name": {"type": "string"},
                    "number": {"type": "string"},
                    "text": {"type": "string"},
                    "url": NULLABLE_STRING,
                },
            },
        },
        "notices": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Meldingen in het Nederlands, bv. over genegeerde waarden.",
        },
    }
    return {"type": "object", "required": list(properties), "properties": properties}


def aanbod_openapi():
    """(paths, component schemas) for /api/v1/aanbod/ and /api/v1/aanbod/{id}/."""
    search = {
        "get": get(
            "zoekAanbod",
            "Aanbod zoeken en filteren",
            _parameters(),
            {
                "200": ok("Een pagina resultaten met filters en aantallen.", "Zoekresultaat"),
                "503": {
                    "description": "De zoekindex is tijdelijk onbruikbaar.",
                    "headers": {**CORS_HEADERS, "Retry-After": {"schema": {"type": "integer"}}},
                    "content": json_content("Fout"),
                },
            },
        ),
        "options": options("zoekAanbodPreflight"),
    }
    paths = {
        "/api/v1/aanbod/": search,
        "/api/v1/aanbod/{id}/": detail(
            "aanbod", "Eén aanbod, met beschrijving", "een aanbod", "AanbodDetail"
        ),
    }
    schemas = {"Zoekresultaat": _response(), "Aanbod": _offer(), "AanbodDetail": _offer(True)}
    return paths, schemas
