"""GET /api/v1/aanbod/: the same search as /aanbod/ (aanbod.zoeken.zoek), as JSON for partners.

Read-only and anonymous: no cookies, CORS open to every origin, never indexed by search engines.
The OpenAPI 3.1 document at /api/v1/openapi.json is built here from the same enums and facets,
so it cannot drift from what the endpoint accepts.
"""

import json
from functools import wraps

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from preventiezoeker.search import SORTS

from .facetten import FACET, FACETTEN, NAMEN
from .filters import MAX_PAGE, MAX_VALUES_PER_FACET, SORT_LABELS
from .zoeken import PER_PAGE, zoek

ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
RETRY_AFTER_SECONDS = 30
NEXT_DATES = 3  # per offer in a list of results
UNAVAILABLE_DETAIL = (
    "Zoeken is tijdelijk niet beschikbaar. Probeer het over een halve minuut opnieuw."
)
METHOD_NOT_ALLOWED_DETAIL = "Deze methode is niet toegestaan; gebruik GET."
# Key in the JSON result -> vocabulary M2M on AanbodPage.
M2M_FIELDS = {facet.naam: facet.relatie for facet in FACETTEN if facet.relatie}
# Key in the JSON result -> (JSON-list choice field on AanbodPage, its choices).
CHOICE_FIELDS = {facet.naam: (facet.veld, facet.keuzes) for facet in FACETTEN if facet.veld}
# <, > and & never appear raw in the body, even inside strings that echo what someone typed
# (the parsed JSON is unchanged; the same trick as Django's json_script).
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def _json(data, status=200):
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return HttpResponse(body, status=status, content_type="application/json; charset=utf-8")


def _api_headers(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Robots-Tag"] = "noindex"
    return response


def api_view(view):
    """GET/HEAD answered by `view`, OPTIONS as a CORS preflight, anything else 405."""

    @csrf_exempt  # anonymous and read-only: a POST gets a clean 405, not a CSRF page
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
            response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
            requested = request.headers.get("Access-Control-Request-Headers")
            response["Access-Control-Allow-Headers"] = requested or "Accept, Accept-Language"
            response["Access-Control-Max-Age"] = "86400"
            response["Vary"] = "Access-Control-Request-Headers"
        elif request.method in ("GET", "HEAD"):
            response = view(request, *args, **kwargs)
        else:
            response = _json({"detail": METHOD_NOT_ALLOWED_DETAIL}, status=405)
            response["Allow"] = ", ".join(ALLOWED_METHODS)
        return _api_headers(response)

    return wrapper


def _absolute(request, page):
    url = page.get_url(request)
    return request.build_absolute_uri(url) if url else None


def _choices(enum, values):
    labels = dict(enum.choices)
    return [{"slug": v, "label": labels.get(v, v)} for v in values or ()]


def _offer(request, resultaat, next_dates):
    page = resultaat.page
    organisatie = page.organisatie_cached if hasattr(page, "organisatie_cached") else None
    item = {
        "id": page.pk,
        "url": _absolute(request, page),
        "title": page.title,
        "title_html": resultaat.title_html,
        "summary": page.in_het_kort,
        "summary_html": resultaat.summary_html,
        "organisation": (
            {
                "slug": organisatie.slug,
                "name": organisatie.title,
                "url": _absolute(request, organisatie),
            }
            if organisatie is not None
            else None
        ),
    }
    for key, relation in M2M_FIELDS.items():
        item[key] = [{"slug": o.slug, "label": o.label} for o in getattr(page, relation).all()]
    item["stadsbreed"] = page.stadsbreed
    for key, (field, enum) in CHOICE_FIELDS.items():
        item[key] = _choices(enum, getattr(page, field))
    item["bedrag"] = None if page.bedrag is None else f"{page.bedrag:.2f}"
    item["laatst_nagekeken"] = page.laatst_nagekeken.isoformat() if page.laatst_nagekeken else None
    item["next_dates"] = next_dates.get(page.pk, [])
    return item


def _next_dates(request, page_ids, per_offer=NEXT_DATES):
    """offer id -> its next occurrences in the calendar, in one query for the whole page."""
    from kalender.models import ActiviteitPage, Voorkomen  # the calendar builds on offers

    if not page_ids:
        return {}
    activiteiten = ActiviteitPage.objects.zichtbaar().filter(aanbod_id__in=page_ids)
    occurrences = (
        Voorkomen.objects.filter(activiteit__in=activiteiten.values("pk"))
        .komend()
        .select_related("activiteit")
    )
    found = {}
    for voorkomen in occurrences[: per_offer * len(page_ids) * 10]:
        dates = found.setdefault(voorkomen.activiteit.aanbod_id, [])
        if len(dates) < per_offer:
            dates.append(
                {
                    "start": voorkomen.lokale_start.isoformat(),
                    "end": voorkomen.lokaal_einde.isoformat(),
                    "all_day": voorkomen.hele_dag,
                    "title": voorkomen.activiteit.title,
                    "url": _absolute(request, voorkomen.activiteit),
                }
            )
    return found


@api_view
def aanbod_lijst(request):
    resultaat = zoek(request.GET, log=request.method == "GET")
    if resultaat.unavailable:
        response = _json({"detail": UNAVAILABLE_DETAIL}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    pages = [r.page for r in resultaat.results]
    # One query per relation for the whole page of results, never one per offer.
    prefetch_related_objects(pages, *M2M_FIELDS.values())
    next_dates = _next_dates(request, [p.pk for p in pages])
    data = {
        "count": resultaat.total,
        "page": resultaat.page,
        "num_pages": resultaat.num_pages,
        "per_page": resultaat.per_page,
        "results": [_offer(request, r, next_dates) for r in resultaat.results],
        "facets": {
            facet.name: [
                {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                for v in facet.values
            ]
            for facet in resultaat.facets
        },
        "suggestion": resultaat.suggestion or None,
        "notices": list(resultaat.notices),
    }
    return _json(data)


@api_view
def openapi(request):
    return _json(openapi_document(request.build_absolute_uri("/")))


# -- OpenAPI 3.1 ---------------------------------------------------------------------------------


def _facet_parameter(facet):
    declared = FACET[facet]
    item = {"type": "string"}
    if declared.keuzes is not None:
        item["enum"] = [value for value, _label in declared.keuzes.choices]
    parameter = {
        "name": facet,
        "in": "query",
        "required": False,
        "description": (
            f"{declared.label}. {declared.uitleg} Herhaalbaar: binnen één filter "
            f"volstaat één waarde (OF), tussen filters moeten alle filters passen (EN). "
            f"Onbekende waarden worden genegeerd met een melding in `notices`; meer dan "
            f"{MAX_VALUES_PER_FACET} waarden worden afgekapt."
        ),
        "style": "form",
        "explode": True,
        "schema": {"type": "array", "items": item},
    }
    example = item["enum"][0] if "enum" in item else declared.voorbeeld
    parameter["example"] = [example]
    return parameter


def _slug_label(description):
    return {
        "type": "object",
        "description": description,
        "required": ["slug", "label"],
        "properties": {"slug": {"type": "string"}, "label": {"type": "string"}},
    }


def openapi_document(server_url="/"):
    sort_text = ", ".join(f"`{k}` ({v})" for k, v in SORT_LABELS.items())
    parameters = [
        {
            "name": "q",
            "in": "query",
            "required": False,
            "description": (
                'Zoekwoorden. Gewone woorden en "zinnen tussen aanhalingstekens"; geen '
                "zoeksyntaxis (wildcards, velden, bereiken worden als gewone woorden gelezen). "
                "Langer dan 200 tekens wordt afgekapt met een melding."
            ),
            "schema": {"type": "string"},
            "example": "fietsen",
        },
        *(_facet_parameter(facet) for facet in NAMEN),
        {
            "name": "sort",
            "in": "query",
            "required": False,
            "description": (
                f"Sortering: {sort_text}. Standaard op relevantie met zoekwoorden, anders op "
                "naam. Een onbekende waarde geeft de standaardvolgorde en een melding."
            ),
            "schema": {"type": "string", "enum": list(SORTS)},
            "example": "naam",
        },
        {
            "name": "page",
            "in": "query",
            "required": False,
            "description": (
                f"Paginanummer, vanaf 1 (hoogstens {MAX_PAGE}). Een pagina voorbij de laatste "
                "geeft de laatste pagina en een melding."
            ),
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
            "example": 1,
        },
    ]
    nullable_string = {"type": ["string", "null"]}
    offer = {
        "type": "object",
        "required": [
            "id",
            "url",
            "title",
            "title_html",
            "summary",
            "summary_html",
            "organisation",
            *M2M_FIELDS,
            "stadsbreed",
            *CHOICE_FIELDS,
            "bedrag",
            "laatst_nagekeken",
            "next_dates",
        ],  # fmt: skip
        "properties": {
            "id": {"type": "integer"},
            "url": {
                "type": "string",
                "format": "uri",
                "description": "Absolute URL van de pagina.",
            },
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
                "required": ["slug", "name", "url"],
                "properties": {
                    "slug": {"type": "string"},
                    "name": {"type": "string"},
                    "url": {"type": "string", "format": "uri"},
                },
            },
            **{
                key: {"type": "array", "items": {"$ref": "#/components/schemas/SlugLabel"}}
                for key in M2M_FIELDS
            },  # fmt: skip
            "stadsbreed": {"type": "boolean", "description": "Voor heel Gent."},
            **{
                key: {
                    "type": "array",
                    "items": {
                        **_slug_label(FACET[key].label),
                        "properties": {
                            "slug": {"type": "string", "enum": [v for v, _l in enum.choices]},
                            "label": {"type": "string"},
                        },
                    },
                }
                for key, (_field, enum) in CHOICE_FIELDS.items()
            },
            "bedrag": {
                **nullable_string,
                "description": 'Bedrag in euro met twee decimalen, bv. "12.50".',
            },
            "laatst_nagekeken": {**nullable_string, "format": "date"},
            "next_dates": {
                "type": "array",
                "maxItems": NEXT_DATES,
                "description": "De volgende momenten in de kalender (activiteiten bij dit aanbod).",
                "items": {
                    "type": "object",
                    "required": ["start", "end", "all_day", "title", "url"],
                    "properties": {
                        "start": {"type": "string", "format": "date-time"},
                        "end": {"type": "string", "format": "date-time"},
                        "all_day": {"type": "boolean"},
                        "title": {"type": "string"},
                        "url": {**nullable_string, "format": "uri"},
                    },
                },
            },
        },
    }
    facet_value = {
        "type": "object",
        "required": ["value", "label", "count", "selected"],
        "properties": {
            "value": {"type": "string"},
            "label": {"type": "string"},
            "count": {
                "type": "integer",
                "minimum": 0,
                "description": (
                    "Aantal resultaten met deze waarde, bij de andere gekozen filters "
                    "(de eigen keuzes van dit filter tellen niet mee)."
                ),
            },
            "selected": {"type": "boolean"},
        },
    }
    response = {
        "type": "object",
        "required": [
            "count",
            "page",
            "num_pages",
            "per_page",
            "results",
            "facets",
            "suggestion",
            "notices",
        ],  # fmt: skip
        "properties": {
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "num_pages": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer", "const": PER_PAGE},
            "results": {"type": "array", "items": {"$ref": "#/components/schemas/Aanbod"}},
            "facets": {
                "type": "object",
                "required": list(NAMEN),
                "properties": {
                    facet: {"type": "array", "items": {"$ref": "#/components/schemas/FacetWaarde"}}
                    for facet in NAMEN
                },
            },
            "suggestion": {
                **nullable_string,
                "description": "Verbeterde zoekwoorden (platte tekst) of null.",
            },
            "notices": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Meldingen in het Nederlands, bv. over genegeerde waarden.",
            },
        },
    }
    error = {
        "type": "object",
        "required": ["detail"],
        "properties": {"detail": {"type": "string"}},
    }
    cors = {
        "Access-Control-Allow-Origin": {"schema": {"type": "string", "const": "*"}},
        "X-Robots-Tag": {"schema": {"type": "string", "const": "noindex"}},
    }
    from kalender.openapi import kalender_openapi  # the calendar builds on offers

    kalender_path, kalender_schemas = kalender_openapi(_facet_parameter, cors, nullable_string)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Preventiezoeker Gent API",
            "version": "1.0.0",
            "description": (
                "Het Gentse preventieaanbod zoeken, met dezelfde parameters als /aanbod/, en de "
                "momenten van de kalender, met dezelfde filters als /kalender/. "
                "Alleen lezen, zonder aanmelding; CORS staat open voor elke oorsprong."
            ),
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/api/v1/aanbod/": {
                "get": {
                    "operationId": "zoekAanbod",
                    "summary": "Aanbod zoeken en filteren",
                    "parameters": parameters,
                    "responses": {
                        "200": {
                            "description": "Een pagina resultaten met filters en aantallen.",
                            "headers": cors,
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Zoekresultaat"}
                                }
                            },
                        },
                        "503": {
                            "description": "De zoekindex is tijdelijk onbruikbaar.",
                            "headers": {
                                **cors,
                                "Retry-After": {"schema": {"type": "integer"}},
                            },
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Fout"}
                                }
                            },
                        },
                    },
                },
                "options": {
                    "operationId": "zoekAanbodPreflight",
                    "summary": "CORS-preflight",
                    "responses": {"204": {"description": "Toegestane methodes en headers."}},
                },
            },
            "/api/v1/kalender/": kalender_path,
        },
        "components": {
            "schemas": {
                "Zoekresultaat": response,
                "Aanbod": offer,
                "SlugLabel": _slug_label("Een waarde uit een vocabularium."),
                "FacetWaarde": facet_value,
                "Fout": error,
                **kalender_schemas,
            }
        },
    }


# Included under /api/v1/ by preventiezoeker/urls.py.
urlpatterns = [
    path("aanbod/", aanbod_lijst, name="api_aanbod"),
    path("openapi.json", openapi, name="api_openapi"),
]
