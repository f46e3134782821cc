"""Stable HSDS ids: HSDS wants UUIDs, we have page and row ids and vocabulary slugs.

Every id is uuid5(NAMESPACE, "<kind>:<our key>"), e.g. uuid5(NAMESPACE, "service:42") for the
offer page with id 42, "taxonomy_term:thema:beweging" for a theme. The same record always gets
the same UUID, on every server and after every reload of the data, and ids of different kinds
never collide. uuid5 cannot be reversed, so a detail URL is looked up among the visible records'
ids (see views.py); an id that is not a UUID never reaches the database.
"""

import uuid

# Fixed forever: changing it changes every published id.
NAMESPACE = uuid.UUID("6c1f8f2e-3b0a-5d3c-9a57-6e1c0d9b2a41")


def hsds_id(kind, *key):
    return str(uuid.uuid5(NAMESPACE, ":".join([kind, *(str(part) for part in key)])))


def parse(value):
    """The canonical text of a UUID, or None for anything else (garbage, too long, empty)."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


def organization_id(pk):
    return hsds_id("organization", pk)


def service_id(pk):
    return hsds_id("service", pk)


def location_id(pk):
    return hsds_id("location", pk)


def service_at_location_id(pk):
    # One AanbodLocatie belongs to exactly one offer: it is both the place and the offer there.
    return hsds_id("service_at_location", pk)


def taxonomy_id(naam):
    return hsds_id("taxonomy", naam)


def taxonomy_term_id(naam, slug):
    return hsds_id("taxonomy_term", naam, slug)


def organisation_location_id(pk):
    return hsds_id("location", "organisatie", pk)
