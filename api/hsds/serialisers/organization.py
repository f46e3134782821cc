"""organization objects (OrganisatiePage)."""

from .. import ids
from .common import compact
from .location import organisation_location


def phone(owner_key, number, **links):
    return {"id": ids.hsds_id("phone", *owner_key), "number": number, "type": "voice", **links}


def organization(ctx, organisatie, services=None, nested=True):
    """An organisation; `nested`: with its phones and address, `services`: with that array."""
    organization_id = ids.organization_id(organisatie.pk)
    data = compact(
        {
            "id": organization_id,
            "name": organisatie.title,
            "email": organisatie.email,
            "website": organisatie.website,
            "uri": ctx.url(organisatie),
        }
    )
    # Required by HSDS, also when the partner left it empty.
    data["description"] = organisatie.korte_beschrijving
    if nested:
        data["phones"] = (
            [
                phone(
                    ("organisatie", organisatie.pk),
                    organisatie.telefoon,
                    organization_id=organization_id,
                )
            ]
            if organisatie.telefoon
            else []
        )
        data["locations"] = (
            [organisation_location(organisatie)] if organisatie.straat_nummer else []
        )
    if services is not None:
        data["services"] = services
    return data
