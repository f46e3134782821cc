"""Organisations and campaigns in the OpenAPI document: their lists and detail endpoints."""

from aanbod.enums import OrganisatieSoort

from .common import (
    DATE,
    NULLABLE_STRING,
    PAGE,
    detail,
    get,
    listing,
    ok,
    options,
    ref,
    short,
    slug_label,
)


def _list(operation_id, summary, schema_name):
    return {
        "get": get(operation_id, summary, [PAGE], {"200": ok(summary + ".", schema_name)}),
        "options": options(f"{operation_id}Preflight"),
    }


def _organisation():
    properties = {
        "id": {"type": "integer"},
        "slug": {"type": "string"},
        "name": {"type": "string"},
        "url": {**NULLABLE_STRING, "format": "uri"},
        "type": slug_label("Soort organisatie", OrganisatieSoort.values),
        "summary": {**NULLABLE_STRING, "description": "Wie ze zijn en wat ze doen."},
        "address": ref("Adres"),
        "phone": NULLABLE_STRING,
        "email": NULLABLE_STRING,
        "website": NULLABLE_STRING,
        "offers": {
            "type": "array",
            "description": "Het openbare aanbod van de organisatie, op titel.",
            "items": short("Een aanbod; details op `api_url`."),
        },
    }
    return {"type": "object", "required": list(properties), "properties": properties}


def _campaign(detail=False):
    material = {
        "type": "object",
        "required": ["title", "url"],
        "properties": {"title": {"type": "string"}, "url": {**NULLABLE_STRING, "format": "uri"}},
    }
    properties = {
        "id": {"type": "integer"},
        "slug": {"type": "string"},
        "title": {"type": "string"},
        "summary": {"type": "string"},
        "url": {**NULLABLE_STRING, "format": "uri"},
        "start": {**DATE, "description": "Eerste dag."},
        "end": {**DATE, "description": "Laatste dag."},
        "running": {"type": "boolean", "description": "Vandaag bezig."},
        "themes": {"type": "array", "items": ref("SlugLabel")},
        "materials": {
            "type": "array",
            "description": "Affiches, folders en links.",
            "items": material,
        },
        "activities": {
            "type": "array",
            "description": "De openbare activiteiten die partners aan de campagne koppelden.",
            "items": short("Een activiteit; details op `api_url`."),
        },
    }
    if detail:
        properties["description_html"] = {"type": "string", "description": "HTML uit de editor."}
    return {"type": "object", "required": list(properties), "properties": properties}


def organisaties_openapi():
    """(paths, component schemas) for organisations and campaigns."""
    paths = {
        "/api/v1/organisaties/": _list(
            "organisaties", "De organisaties met openbaar aanbod, op naam", "Organisaties"
        ),
        "/api/v1/organisaties/{id}/": detail(
            "organisatie", "Eén organisatie met adres, contact en aanbod", "een organisatie",
            "Organisatie",
        ),
        "/api/v1/campagnes/": _list(
            "campagnes", "De stedelijke campagnes, de vroegste eerst", "Campagnes"
        ),
        "/api/v1/campagnes/{id}/": detail(
            "campagne", "Eén campagne met materiaal en activiteiten", "een campagne",
            "CampagneDetail",
        ),
    }  # fmt: skip
    schemas = {
        "Organisaties": listing("Organisatie", "Een pagina organisaties."),
        "Organisatie": _organisation(),
        "Campagnes": listing("Campagne", "Een pagina campagnes."),
        "Campagne": _campaign(),
        "CampagneDetail": _campaign(detail=True),
    }
    return paths, schemas
