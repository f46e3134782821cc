"""The HSDS part of the OpenAPI document: /api/hsds/, Open Referral HSDS 3.0.

The schemas describe exactly what our API sends: a subset of the official HSDS 3.0 schemas
(https://github.com/openreferral/specification, branch 3.0, schema/compiled/), which every answer
also validates against in tests/api/test_hsds.py. Fields we have no value for are left out,
never null. Ids are UUIDs (uuid5 of our own ids, see api/hsds/ids.py).
"""

from ..hsds.paging import MAX_PER_PAGE, PER_PAGE
from ..hsds.params import MAX_SEARCH
from ..hsds.serialisers.schedule import DAYS
from ..hsds.taxonomies import TAXONOMIES
from .common import CORS_HEADERS, options, query, ref

PREFIX = "/api/hsds"
HSDS = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/"
UUID = {"type": "string", "format": "uuid"}
URI = {"type": "string", "format": "uri"}
STRING = {"type": "string"}
DATE = {"type": "string", "format": "date"}
HOUR = {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$", "description": "UU:MM"}


def _object(description, required, optional=None):
    properties = {**required, **(optional or {})}
    return {
        "type": "object",
        "description": description,
        "required": list(required),
        "properties": properties,
    }


def _array(schema_name):
    return {"type": "array", "items": ref(schema_name)}


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

# -- schemas ------------------------------------------------------------------------------------


def _schemas():
    taxonomy = _object(
        f"Een taxonomie: een filter van de zoeker. Zie {HSDS}../taxonomy.json.",
        {"id": UUID, "name": STRING, "description": STRING, "version": STRING},
        {"uri": {**URI, "description": "De zoekpagina van het aanbod."}},
    )
    term = _object(
        "Een waarde van een filter (bv. het thema beweging), met `code` = de slug.",
        {
            "id": UUID,
            "code": STRING,
            "name": {**STRING, "description": "Het Nederlandse label."},
            "description": STRING,
            "taxonomy": STRING,
            "taxonomy_id": UUID,
            "taxonomy_detail": ref("HsdsTaxonomy"),
            "language": {"type": "string", "const": "nl"},
        },
        {"term_uri": {**URI, "description": "De zoekpagina, gefilterd op deze waarde."}},
    )
    attribute = _object(
        "Koppelt een record aan een taxonomieterm; `link_type` is de naam van de taxonomie.",
        {
            "id": UUID,
            "link_id": UUID,
            "link_type": {"type": "string", "enum": [t.naam for t in TAXONOMIES]},
            "link_entity": {"type": "string", "enum": ["service", "location"]},
            "taxonomy_term_id": UUID,
            "taxonomy_term": ref("HsdsTaxonomyTerm"),
        },
    )
    address = _object(
        "Het adres van een plaats.",
        {
            "id": UUID,
            "location_id": UUID,
            "address_1": {**STRING, "description": "Straat en nummer."},
            "city": STRING,
            "state_province": {**STRING, "description": "Provincie, uit de postcode."},
            "postal_code": STRING,
            "country": {"type": "string", "const": "BE"},
            "address_type": {"type": "string", "const": "physical"},
        },
    )
    location = _object(
        "Een plaats: waar een aanbod doorgaat, of het adres van een organisatie.",
        {
            "id": UUID,
            "location_type": {"type": "string", "const": "physical"},
            "addresses": _array("HsdsAdres"),
        },
        {
            "organization_id": UUID,
            "name": STRING,
            "transportation": {**STRING, "description": "Openbaar vervoer."},
            "latitude": {"type": "number"},
            "longitude": {"type": "number"},
            "attributes": _array("HsdsAttribute"),
        },
    )
    phone = _object(
        "Een telefoonnummer.",
        {"id": UUID, "number": STRING, "type": {"type": "string", "const": "voice"}},
        {"organization_id": UUID, "service_id": UUID},
    )
    organization_list = _object(
        f"Een organisatie, kort. Zie {HSDS}organization_list.json.",
        {"id": UUID, "name": STRING, "description": STRING},
        {"email": {"type": "string", "format": "email"}, "website": URI, "uri": URI},
    )
    organization = _object(
        f"Een organisatie, genest. Zie {HSDS}organization.json.",
        {**organization_list["properties"], "phones": _array("HsdsPhone")},
        {
            "locations": _array("HsdsLocation"),
            "services": {
                "type": "array",
                "description": "Het zichtbare aanbod; volledig met full_service=true.",
                "items": {"anyOf": [ref("HsdsService"), ref("HsdsServiceList")]},
            },
        },
    )
    organization["required"] = ["id", "name", "description", "phones", "locations"]
    service_list = _object(
        f"Een aanbod, kort. Zie {HSDS}service_list.json.",
        {"id": UUID, "name": STRING, "status": {"type": "string", "const": "active"}},
        {
            "organization_id": UUID,
            "description": STRING,
            "url": URI,
            "email": {"type": "string", "format": "email"},
            "application_process": STRING,
            "fees_description": STRING,
            "minimum_age": {"type": "integer", "minimum": 0},
            "maximum_age": {"type": "integer", "minimum": 0},
            "assured_date": {**DATE, "description": "Laatst nagekeken."},
            "last_modified": {"type": "string", "format": "date-time"},
            "organization": {"anyOf": [ref("HsdsOrganization"), ref("HsdsOrganizationList")]},
        },
    )
    schedule = _object(
        "Wanneer: de vrije tekst van het aanbod, of een herhaling of datum van een activiteit "
        "in de kalender (iCal: freq, interval, byday, dtstart, until, count). Uren in "
        "Belgische tijd.",
        {"id": UUID, "service_id": UUID},
        {
            "description": STRING,
            "attending_type": {**STRING, "description": "De vorm(en): groepsaanbod, online..."},
            "schedule_link": URI,
            "freq": {"type": "string", "enum": ["WEEKLY", "MONTHLY"]},
            "interval": {"type": "integer", "minimum": 1},
            "byday": {"type": "string", "pattern": f"^-?[1-5]?({'|'.join(DAYS)})$"},
            "wkst": {"type": "string", "const": "MO"},
            "dtstart": DATE,
            "valid_from": DATE,
            "valid_to": DATE,
            "until": DATE,
            "count": {"type": "integer", "minimum": 1},
            "opens_at": HOUR,
            "closes_at": HOUR,
            "notes": STRING,
        },
    )
    linked = {"id": UUID, "service_id": UUID}
    service_area = _object("Waar het aanbod geldt: Gent, of een wijk.", {**linked, "name": STRING})
    language = _object(
        "Een taal waarin je kan deelnemen.",
        {**linked, "name": STRING, "code": {**STRING, "description": "ISO 639."}},
    )
    cost_option = _object(
        "Een prijscategorie: gratis, betalend (met bedrag), kansentarief/UiTPAS, terugbetaald "
        "door het ziekenfonds, korting met verhoogde tegemoetkoming.",
        {**linked, "option": STRING, "currency": {"type": "string", "const": "EUR"}},
        {"amount": {"type": "number", "minimum": 0}, "amount_description": STRING},
    )
    contact = _object(
        "De contactpersoon.",
        {**linked, "name": STRING},
        {"email": {"type": "string", "format": "email"}},
    )
    arrays = {
        "phones": "HsdsPhone",
        "schedules": "HsdsSchedule",
        "service_areas": "HsdsServiceArea",
        "service_at_locations": "HsdsServiceAtLocationList",
        "languages": "HsdsLanguage",
        "cost_options": "HsdsCostOption",
        "contacts": "HsdsContact",
        "attributes": "HsdsAttribute",
    }
    service = _object(
        f"Een aanbod, volledig genest. Zie {HSDS}service.json.",
        {
            **{k: service_list["properties"][k] for k in service_list["required"]},
            **{key: _array(name) for key, name in arrays.items()},
        },
        {
            **{k: v for k, v in service_list["properties"].items()
               if k not in service_list["required"]},
            "eligibility_description": {**STRING, "description": "De doelgroepen."},
            "interpretation_services": STRING,
        },
    )  # fmt: skip
    service_at_location = _object(
        f"Een aanbod op één van zijn plaatsen. Zie {HSDS}service_at_location.json.",
        {"id": UUID, "service_id": UUID, "location_id": UUID, "location": ref("HsdsLocation")},
        {"service": ref("HsdsService")},
    )
    root = _object(
        "Over deze API: de HSDS-versie, het profiel en het OpenAPI-document.",
        {"version": {"type": "string", "const": "3.0"}, "profile": URI, "openapi_url": URI},
    )
    return {
        "HsdsRoot": root,
        "HsdsTaxonomy": taxonomy,
        "HsdsTaxonomyTerm": term,
        "HsdsAttribute": attribute,
        "HsdsAdres": address,
        "HsdsLocation": location,
        "HsdsPhone": phone,
        "HsdsOrganizationList": organization_list,
        "HsdsOrganization": organization,
        "HsdsServiceList": service_list,
        "HsdsService": service,
        "HsdsSchedule": schedule,
        "HsdsServiceArea": service_area,
        "HsdsLanguage": language,
        "HsdsCostOption": cost_option,
        "HsdsContact": contact,
        "HsdsServiceAtLocationList": service_at_location,
    }


def _page(items):
    """The HSDS Page object (its OpenAPI's components/schemas/Page) with `contents`."""
    count = {"type": "integer", "minimum": 0}
    return _object(
        "Eén pagina resultaten.",
        {
            "total_items": {**count, "description": "Aantal in alle pagina's samen."},
            "total_pages": count,
            "page_number": {"type": "integer", "minimum": 1},
            "size": {**count, "description": "Aantal op deze pagina."},
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean", "description": "Deze pagina is leeg."},
            "contents": {"type": "array", "items": items},
        },
    )


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
    responses = {"200": _ok(summary, _page(items))}
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
    return paths, _schemas()
