"""The component schemas of the HSDS part of the OpenAPI document (api/openapi/hsds.py): exactly
what /api/hsds/ sends, a subset of the official HSDS 3.0 schemas. Fields we have no value for are
left out, never null."""

from ..openapi.common import ref
from .serialisers.schedule import DAYS
from .taxonomies import TAXONOMIES

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


def schemas():
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


def page(items):
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
