"""location (with its physical address) and service_at_location objects.

Two kinds of our places are HSDS locations: where an offer takes place (AanbodLocatie, also a
service_at_location) and an organisation's own address (OrganisatiePage, MetAdres).
"""

from .. import ids
from .common import COUNTRY, compact
from .taxonomy import attributes

# Belgian postcodes by range -> province (bpost's numbering), for the required state_province.
PROVINCIES = (
    (1000, 1299, "Brussels Hoofdstedelijk Gewest"),
    (1300, 1499, "Waals-Brabant"),
    (1500, 1999, "Vlaams-Brabant"),
    (2000, 2999, "Antwerpen"),
    (3000, 3499, "Vlaams-Brabant"),
    (3500, 3999, "Limburg"),
    (4000, 4999, "Luik"),
    (5000, 5999, "Namen"),
    (6000, 6599, "Henegouwen"),
    (6600, 6999, "Luxemburg"),
    (7000, 7999, "Henegouwen"),
    (8000, 8999, "West-Vlaanderen"),
    (9000, 9999, "Oost-Vlaanderen"),
)


def provincie(postcode):
    try:
        number = int(postcode)
    except (TypeError, ValueError):
        return ""
    return next((naam for low, high, naam in PROVINCIES if low <= number <= high), "")


def _address(kind_key, location_id, straat_nummer, postcode, gemeente):
    # Required by HSDS even when empty: address_1, city, state_province, postal_code, country.
    return {
        "id": ids.hsds_id("address", *kind_key),
        "location_id": location_id,
        "address_1": straat_nummer,
        "city": gemeente,
        "state_province": provincie(postcode),
        "postal_code": postcode,
        "country": COUNTRY,
        "address_type": "physical",
    }


def _coordinate(value):
    return None if value is None else float(value)


def location(ctx, locatie, organization_id):
    """An offer's place (AanbodLocatie, wijk selected)."""
    location_id = ids.location_id(locatie.pk)
    wijk = [("wijk", locatie.wijk.slug)] if locatie.wijk_id else []
    return compact(
        {
            "id": location_id,
            "location_type": "physical",
            "organization_id": organization_id,
            "name": locatie.naam or locatie.straat_nummer,
            "transportation": locatie.openbaar_vervoer,
            "latitude": _coordinate(locatie.latitude),
            "longitude": _coordinate(locatie.longitude),
            "addresses": [
                _address(
                    ("aanbod", locatie.pk),
                    location_id,
                    locatie.straat_nummer,
                    locatie.postcode,
                    locatie.gemeente,
                )
            ],
            "attributes": attributes(ctx, location_id, "location", wijk),
        }
    )


def organisation_location(organisatie):
    """An organisation's own address (only called when it has one)."""
    location_id = ids.organisation_location_id(organisatie.pk)
    return {
        "id": location_id,
        "location_type": "physical",
        "organization_id": ids.organization_id(organisatie.pk),
        "name": organisatie.title,
        "addresses": [
            _address(
                ("organisatie", organisatie.pk),
                location_id,
                organisatie.straat_nummer,
                organisatie.postcode,
                organisatie.gemeente,
            )
        ],
    }


def service_at_location(ctx, locatie, organization_id, nested_service=None):
    """The offer at one of its places. `nested_service`: the full service, for the detail."""
    data = {
        "id": ids.service_at_location_id(locatie.pk),
        "service_id": ids.service_id(locatie.aanbod_id),
        "location_id": ids.location_id(locatie.pk),
        "location": location(ctx, locatie, organization_id),
    }
    if nested_service is not None:
        data["service"] = nested_service
    return data
