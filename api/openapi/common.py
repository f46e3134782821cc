"""Pieces of the OpenAPI document that several endpoints use."""

from aanbod.filters import MAX_VALUES_PER_FACET

NULLABLE_STRING = {"type": ["string", "null"]}
DATE = {"type": "string", "format": "date"}
CORS_HEADERS = {
    "Access-Control-Allow-Origin": {"schema": {"type": "string", "const": "*"}},
    "X-Robots-Tag": {"schema": {"type": "string", "const": "noindex"}},
}
# On every 200 of a GET: poll cheaply with If-None-Match (or If-Modified-Since).
GET_HEADERS = {
    **CORS_HEADERS,
    "ETag": {
        "description": "Verandert zodra iets in het antwoord verandert (een hash van de inhoud).",
        "schema": {"type": "string"},
    },
    "Last-Modified": {
        "description": "Wanneer dit antwoord (deze URL) voor het laatst veranderde.",
        "schema": {"type": "string"},
    },
    "Cache-Control": {"schema": {"type": "string", "const": "no-cache"}},
}
CONDITIONAL_PARAMETERS = [
    {
        "name": "If-None-Match",
        "in": "header",
        "required": False,
        "description": "De ETag van een vorig antwoord: 304 zonder inhoud als er niets veranderde.",
        "schema": {"type": "string"},
    },
    {
        "name": "If-Modified-Since",
        "in": "header",
        "required": False,
        "description": "De Last-Modified van een vorig antwoord: 304 als er niets veranderde "
        "(genegeerd naast If-None-Match).",
        "schema": {"type": "string"},
    },
]


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def json_content(schema_name):
    return {"application/json": {"schema": ref(schema_name)}}


def query(name, description, schema, example=None):
    parameter = {
        "name": name, "in": "query", "required": False, "description": description,
        "schema": schema,
    }  # fmt: skip
    if example is not None:
        parameter["example"] = example
    return parameter


def facet_parameter(facet):
    """A repeatable filter parameter, from a facet of the registry (aanbod.facetten.Facet)."""
    item = {"type": "string"}
    if facet.keuzes is not None:
        item["enum"] = [value for value, _label in facet.keuzes.choices]
    parameter = query(
        facet.naam,
        f"{facet.label}. {facet.uitleg} Herhaalbaar: binnen één filter volstaat één waarde (OF), "
        "tussen filters moeten alle filters passen (EN). Onbekende waarden worden genegeerd met "
        f"een melding in `notices`; meer dan {MAX_VALUES_PER_FACET} waarden worden afgekapt.",
        {"type": "array", "items": item},
        [item["enum"][0] if "enum" in item else facet.voorbeeld],
    )
    parameter.update(style="form", explode=True)
    return parameter


def slug_label(description, slugs=None):
    slug = {"type": "string"} if slugs is None else {"type": "string", "enum": list(slugs)}
    return {
        "type": "object",
        "description": description,
        "required": ["slug", "label"],
        "properties": {"slug": slug, "label": {"type": "string"}},
    }


def ok(description, schema_name):
    content = json_content(schema_name)
    return {"description": description, "headers": GET_HEADERS, "content": content}


NOT_MODIFIED = {"description": "Niet veranderd sinds If-None-Match of If-Modified-Since."}
NOT_FOUND = {
    "description": "Onbekend of geen geldig id, of niet (meer) openbaar.",
    "headers": CORS_HEADERS,
    "content": json_content("Fout"),
}
PAGE = {
    "name": "page",
    "in": "query",
    "required": False,
    "description": "Paginanummer, vanaf 1. Voorbij de laatste pagina: een lege pagina.",
    "schema": {"type": "integer", "minimum": 1},
}


def get(operation_id, summary, parameters, responses):
    """A GET operation with the conditional headers and the 304 every GET may answer."""
    return {
        "operationId": operation_id,
        "summary": summary,
        "parameters": [*parameters, *CONDITIONAL_PARAMETERS],
        "responses": {**responses, "304": NOT_MODIFIED},
    }


def detail(operation_id, summary, what, schema_name):
    """The path item of /…/{id}/: one object, or 404 in JSON."""
    parameter = {
        "name": "id", "in": "path", "required": True, "description": f"Het id van {what}.",
        "schema": {"type": "integer", "minimum": 1},
    }  # fmt: skip
    return {
        "get": get(
            operation_id,
            summary,
            [parameter],
            {"200": ok(f"Eén {what}.", schema_name), "404": NOT_FOUND},
        ),
        "options": options(f"{operation_id}Preflight"),
    }


def listing(schema_name, description):
    """A paged list: count, page, num_pages, per_page, results and notices."""
    properties = {
        "count": {"type": "integer", "minimum": 0},
        "page": {"type": "integer", "minimum": 1},
        "num_pages": {"type": "integer", "minimum": 1},
        "per_page": {"type": "integer", "minimum": 1},
        "results": {"type": "array", "items": ref(schema_name)},
        "notices": {"type": "array", "items": {"type": "string"}},
    }
    return {
        "type": "object",
        "description": description,
        "required": list(properties),
        "properties": properties,
    }


def link(name_key):
    """A page the answer points to: id, slug, name or title, absolute URL."""
    return {
        "type": ["object", "null"],
        "required": ["id", "slug", name_key, "url"],
        "properties": {
            "id": {"type": "integer"},
            "slug": {"type": "string"},
            name_key: {"type": "string"},
            "url": {**NULLABLE_STRING, "format": "uri"},
        },
    }


def short(description):
    """A visible page named in a list: id, title and its URLs on the site and in the API."""
    return {
        "type": "object",
        "description": description,
        "required": ["id", "title", "url", "api_url"],
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "url": {**NULLABLE_STRING, "format": "uri"},
            "api_url": {"type": "string", "format": "uri"},
        },
    }


def options(operation_id):
    return {
        "operationId": operation_id,
        "summary": "CORS-preflight",
        "responses": {"204": {"description": "Toegestane methodes (`Allow`) en headers."}},
    }


def facet_counts(names=None):
    """The `facets` map of a response: filter parameter -> values with counts."""
    values = {"type": "array", "items": ref("FacetWaarde")}
    if names is None:
        return {"type": "object", "additionalProperties": values}
    return {
        "type": "object",
        "required": list(names),
        "properties": dict.fromkeys(names, values),
    }


SCHEMAS = {
    "SlugLabel": slug_label("Een waarde uit een vocabularium."),
    "FacetWaarde": {
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
    },
    "Adres": {
        "type": ["object", "null"],
        "description": "Een adres; null zonder straat.",
        "required": ["street_address", "postcode", "city", "text"],
        "properties": {
            "street_address": {"type": "string", "description": "Straat en nummer."},
            "postcode": NULLABLE_STRING,
            "city": NULLABLE_STRING,
            "text": {"type": "string", "description": "Het adres op één regel."},
        },
    },
    "Fout": {
        "type": "object",
        "required": ["detail"],
        "properties": {"detail": {"type": "string"}},
    },
}
