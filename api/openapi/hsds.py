"""The HSDS part of the OpenAPI document: /api/hsds/, Open Referral HSDS 3.0.

Paths and parameters here, the schemas in api/hsds/openapi_schemas.py: exactly what our API
sends, a subset of the official HSDS 3.0 schemas (https://github.com/openreferral/specification,
branch 3.0, schema/compiled/), which every answer also validates against in
tests/api/test_hsds.py. Ids are UUIDs (uuid5 of our own ids, see api/hsds/ids.py).
"""

from ..hsds.openapi_schemas import STRING, page, schemas
from ..hsds.paging import MAX_PER_PAGE, PER_PAGE
from ..hsds.params import MAX_SEARCH
from ..hsds.taxonomies import TAXONOMIES
from .common import CORS_HEADERS, options, query, ref

PREFIX = "/api/hsds"
# -- parameters -------------------------------------------------------------------------------

TAXONOMY_NAMES = ", ".join(f"`{t.naam}`" for t in TAXONOMIES)


def _boolean(name, description):
    return query(
        name,
        f"{description} `true` of `false` (ook 1/0); een andere waarde geeft 400.",
        {"type": "boolean"},
    )


PARAMETERS = {
    "search": query(
        "search",
        f"Zoekwoorden; elk woord moet in de naam of de korte beschrijving staan (hoofdletters "
        f"tellen niet). Na {MAX_SEARCH} tekens afgekapt.",
        STRING,
        "bewegen",
    ),
    "page": query(
        "page",
        "Paginanummer, vanaf 1. Geen getal of kleiner dan 1: pagina 1. Voorbij de laatste "
        "pagina: een lege pagina (`empty` is true), geen fout.",
        {"type": "integer"},
        1,
    ),
    "per_page": query(
        "per_page",
        f"Aantal per pagina, standaard {PER_PAGE}, hoogstens {MAX_PER_PAGE} (meer wordt "
        f"{MAX_PER_PAGE}, minder dan 1 wordt 1, geen getal wordt {PER_PAGE}).",
        {"type": "integer"},
        PER_PAGE,
    ),
    "taxonomy_term_id": query(
        "taxonomy_term_id",
        "Alleen aanbod met deze taxonomieterm (id uit /api/hsds/taxonomy_terms/). Een onbekend "
        "id geeft een lege lijst.",
        STRING,
    ),
    "taxonomy_id": query(
        "taxonomy_id",
        f"Alleen aanbod met minstens één term van deze taxonomie ({TAXONOMY_NAMES}). Een "
        "onbekend id geeft een lege lijst.",
        STRING,
    ),
    "organization_id": query(
        "organization_id",
        "Alleen het aanbod van deze organisatie. Een onbekend id geeft een lege lijst.",
        STRING,
    ),
    "modified_after": query(
        "modified_after",
        "Alleen aanbod dat op of na dit moment gepubliceerd werd: ISO 8601, een tijdstip of een "
        "datum (dan vanaf middernacht, Belgische tijd). Geen geldige datum: 400.",
        {"type": "string", "format": "date-time"},
        "2026-01-31T09:00:00+01:00",
    ),
    "minimal": _boolean("minimal", "Alleen `id`, `name`, `status` en `last_modified`."),
    "full": _boolean("full", "Volledig genest, zoals het detail."),
    "full_service": _boolean(
        "full_service", "De `services` van de organisatie volledig genest (anders kort)."
    ),
    "postcode": query("postcode", "Alleen plaatsen met deze postcode, bv. 9000.", STRING, "9000"),
    "top_only": _boolean(
        "top_only", "Alleen termen zonder bovenliggende term (bij ons zijn dat ze allemaal)."
    ),
    "parent_id": query(
        "parent_id",
        "Termen onder deze term. Onze taxonomieën zijn plat: altijd een lege lijst.",
        STRING,
    ),
}

# -- operations -------------------------------------------------------------------------------

FOUT = {"application/json": {"schema": ref("Fout")}}
BAD_REQUEST = {
    "description": "Een parameter die de API niet kan lezen (zie `detail`).",
    "headers": CORS_HEADERS,
    "content": FOUT,
}
NOT_FOUND = {
    "description": "Geen geldig id, of niet (meer) openbaar.",
    "headers": CORS_HEADERS,
    "content": FOUT,
}


def _ok(description, schema):
    return {
        "description": description,
        "headers": CORS_HEADERS,
        "content": {"application/json": {"schema": schema}},
    }


def _path_item(operation_id, summary, parameters, responses):
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "tags": ["HSDS 3.0"],
            "parameters": [PARAMETERS[name] for name in parameters],
            "responses": responses,
        },
        "options": options(f"{operation_id}Preflight"),
    }


def _list(operation_id, summary, parameters, items):
    responses = {"200": _ok(summary, page(items))}
    if any(PARAMETERS[p]["schema"].get("type") == "boolean" for p in parameters) or (
        "modified_after" in parameters
    ):
        responses["400"] = BAD_REQUEST
    return _path_item(operation_id, summary, parameters, responses)


def _detail(operation_id, summary, what, schema, parameters=()):
    item = _path_item(
        operation_id,
        summary,
        parameters,
        {
            "200": _ok(summary, schema),
            "404": NOT_FOUND,
            **({"400": BAD_REQUEST} if parameters else {}),
        },
    )
    item["parameters"] = [
        {
            "name": "id",
            "in": "path",
            "required": True,
            "description": f"Het id (UUID) van {what}.",
            "schema": STRING,
        }
    ]
    return item


SEARCH_SERVICES = (
    "search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "page",
    "per_page",
)  # fmt: skip


def either(full, short):
    return {"anyOf": [ref(full), ref(short)]}


def hsds_openapi():
    """(paths, component schemas) for every /api/hsds/ endpoint."""
    paths = {
        f"{PREFIX}/": {
            "get": {
                "operationId": "hsdsRoot",
                "summary": "Over deze API (HSDS-versie en profiel)",
                "tags": ["HSDS 3.0"],
                "responses": {"200": _ok("HSDS-versie en profiel.", ref("HsdsRoot"))},
            },
            "options": options("hsdsRootPreflight"),
        },
        f"{PREFIX}/organizations/": _list(
            "hsdsOrganizations",
            "Organisaties met zichtbaar aanbod",
            ("search", "full", "full_service", "page", "per_page"),
            either("HsdsOrganization", "HsdsOrganizationList"),
        ),
        f"{PREFIX}/organizations/{{id}}": _detail(
            "hsdsOrganization",
            "Eén organisatie, genest",
            "een organisatie",
            ref("HsdsOrganization"),
            ("full_service",),
        ),  # fmt: skip
        f"{PREFIX}/services/": _list(
            "hsdsServices",
            "Aanbod",
            (*SEARCH_SERVICES, "minimal", "full"),
            either("HsdsService", "HsdsServiceList"),
        ),
        f"{PREFIX}/services/{{id}}": _detail(
            "hsdsService", "Eén aanbod, volledig genest", "een aanbod", ref("HsdsService")
        ),
        f"{PREFIX}/locations/": _list(
            "hsdsLocations", "Plaatsen", ("page", "per_page"), ref("HsdsLocation")
        ),
        f"{PREFIX}/locations/{{id}}": _detail(
            "hsdsLocation", "Eén plaats", "een plaats", ref("HsdsLocation")
        ),
        f"{PREFIX}/service_at_locations/": _list(
            "hsdsServiceAtLocations",
            "Aanbod per plaats",
            (*SEARCH_SERVICES, "postcode", "full"),
            ref("HsdsServiceAtLocationList"),
        ),
        f"{PREFIX}/service_at_locations/{{id}}": _detail(
            "hsdsServiceAtLocation",
            "Een aanbod op één plaats, genest",
            "een aanbod op een plaats",
            ref("HsdsServiceAtLocationList"),
        ),  # fmt: skip
        f"{PREFIX}/taxonomies/": _list(
            "hsdsTaxonomies", "Taxonomieën", ("search", "page", "per_page"), ref("HsdsTaxonomy")
        ),
        f"{PREFIX}/taxonomies/{{id}}": _detail(
            "hsdsTaxonomy", "Eén taxonomie", "een taxonomie", ref("HsdsTaxonomy")
        ),
        f"{PREFIX}/taxonomy_terms/": _list(
            "hsdsTaxonomyTerms",
            "Taxonomietermen die zichtbaar aanbod draagt",
            ("search", "taxonomy_id", "top_only", "parent_id", "page", "per_page"),
            ref("HsdsTaxonomyTerm"),
        ),
        f"{PREFIX}/taxonomy_terms/{{id}}": _detail(
            "hsdsTaxonomyTerm", "Eén taxonomieterm", "een taxonomieterm", ref("HsdsTaxonomyTerm")
        ),
    }
    return paths, schemas()
