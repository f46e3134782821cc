"""service objects (AanbodPage): the one-to-one fields for lists, fully nested for details."""

from aanbod.enums import Inschrijving, PrijsCategorie

from .. import ids
from ..taxonomies import TAXONOMIES
from .common import CURRENCY, compact, plain
from .location import service_at_location
from .organization import organization, phone
from .schedule import schedules
from .taxonomy import attributes

STATUS = "active"  # what is not active is not visible, and never leaves the server


def _labels(enum, values):
    labels = dict(enum.choices)
    return [str(labels[v]) for v in values or () if v in labels]


def _description(page):
    return "\n\n".join(part for part in (page.in_het_kort, plain(page.beschrijving)) if part)


def _application_process(page):
    parts = _labels(Inschrijving, page.inschrijving)
    text = ", ".join(parts) + "." if parts else ""
    extra = [
        f"Telefoon: {page.inschrijving_telefoon}." if page.inschrijving_telefoon else "",
        f"E-mail: {page.inschrijving_email}." if page.inschrijving_email else "",
        f"Inschrijven via {page.inschrijving_link}" if page.inschrijving_link else "",
    ]
    return " ".join(p for p in (text, *extra) if p)


def _fees_description(page):
    parts = _labels(PrijsCategorie, page.prijs)
    text = ", ".join(parts) + "." if parts else ""
    if page.bedrag is not None and page.bedrag > 0:
        text += f" {page.bedrag:.2f} euro."
    return " ".join(p for p in (text.strip(), page.prijs_toelichting) if p)


# Accessibility entries that are an interpretation service (HSDS has a field for that).
TOLKEN = frozenset({"tolk-mogelijk", "gebarentaaltolk"})


def _interpretation(page):
    return ", ".join(o.label for o in page.toegankelijkheid.all() if o.slug in TOLKEN)


def _eligibility(page):
    return ", ".join(o.label for o in page.doelgroepen.all())


def service_fields(ctx, page, organisatie, with_organization=True):
    """The one-to-one fields, and the organisation (`organisatie` may be None when unknown)."""
    service_id = ids.service_id(page.pk)
    data = compact(
        {
            "id": service_id,
            "organization_id": ids.organization_id(organisatie.pk) if organisatie else None,
            "name": page.title,
            "description": _description(page),
            "url": ctx.url(page),
            "email": page.inschrijving_email,
            "status": STATUS,
            "application_process": _application_process(page),
            "fees_description": _fees_description(page),
            "minimum_age": page.min_leeftijd,
            "maximum_age": page.max_leeftijd,
            "assured_date": page.laatst_nagekeken.isoformat() if page.laatst_nagekeken else None,
            "last_modified": _last_modified(page),
        }
    )
    if organisatie is not None and with_organization:
        data["organization"] = organization(ctx, organisatie, nested=False)
    return data


def _last_modified(page):
    moment = page.last_published_at or page.latest_revision_created_at
    return moment.isoformat() if moment else None


def cost_options(page, service_id):
    """One option per price category: free, paid (with the amount), kansentarief/UiTPAS,
    refunded by the ziekenfonds, discount with verhoogde tegemoetkoming."""
    labels = dict(PrijsCategorie.choices)
    result = []
    for value in page.prijs or ():
        if value not in labels:
            continue
        option = {
            "id": ids.hsds_id("cost_option", page.pk, value),
            "service_id": service_id,
            "option": str(labels[value]),
            "currency": CURRENCY,
        }
        if value == PrijsCategorie.GRATIS:
            option["amount"] = 0
        elif value == PrijsCategorie.BETALEND and page.bedrag is not None:
            option["amount"] = float(page.bedrag)
        if value != PrijsCategorie.GRATIS and page.prijs_toelichting:
            option["amount_description"] = page.prijs_toelichting
        result.append(option)
    return result


def languages(page, service_id):
    return [
        {
            "id": ids.hsds_id("language", page.pk, taal.slug),
            "service_id": service_id,
            "name": taal.label,
            "code": taal.slug,  # ISO 639 (the Taal vocabulary's slugs)
        }
        for taal in page.talen.all()
    ]


def service_areas(page, service_id):
    areas = []
    if page.stadsbreed:
        areas.append({"id": ids.hsds_id("service_area", page.pk, "stadsbreed"), "name": "Gent"})
    areas += [
        {"id": ids.hsds_id("service_area", page.pk, wijk.slug), "name": f"{wijk.label} (Gent)"}
        for wijk in page.wijken.all()
    ]
    return [{**area, "service_id": service_id} for area in areas]


def contacts(page, service_id):
    if not page.contactpersoon:
        return []
    return [
        compact(
            {
                "id": ids.hsds_id("contact", page.pk),
                "service_id": service_id,
                "name": page.contactpersoon,
                "email": page.inschrijving_email,
            }
        )
    ]


def service(ctx, page, organisatie, full=True, with_organization=True):
    """An offer as a service; `full`: with every related object (data.load_services prefetched
    what that reads)."""
    data = service_fields(ctx, page, organisatie, with_organization)
    if not full:
        return data
    service_id = data["id"]
    organization_id = data.get("organization_id")
    data.update(
        compact(
            {
                "eligibility_description": _eligibility(page),
                "interpretation_services": _interpretation(page),
            }
        )
    )
    data["phones"] = (
        [phone(("aanbod", page.pk), page.inschrijving_telefoon, service_id=service_id)]
        if page.inschrijving_telefoon
        else []
    )
    data["schedules"] = schedules(ctx, page, service_id)
    data["service_areas"] = service_areas(page, service_id)
    data["service_at_locations"] = [
        service_at_location(ctx, locatie, organization_id) for locatie in page.locaties.all()
    ]
    data["languages"] = languages(page, service_id)
    data["cost_options"] = cost_options(page, service_id)
    data["contacts"] = contacts(page, service_id)
    pairs = [(t.naam, slug) for t in TAXONOMIES for slug in t.slugs_of(page)]
    data["attributes"] = attributes(ctx, service_id, "service", pairs)
    if organisatie is not None and with_organization:
        data["organization"] = organization(ctx, organisatie)
    return data
