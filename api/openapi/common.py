"""Pieces of the OpenAPI document that both endpoints use."""

from aanbod.filters import MAX_VALUES_PER_FACET

NULLABLE_STRING = {"type": ["string", "null"]}
DATE = {"type": "string", "format": "date"}
CORS_HEADERS = {
    "Access-Control-Allow-Origin": {"schema": {"type": "string", "const": "*"}},
    "X-Robots-Tag": {"schema": {"type": "string", "const": "noindex"}},
}


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
    "Fout": {
        "type": "object",
        "required": ["detail"],
        "properties": {"detail": {"type": "string"}},
    },
}
