"""An activity's facets: its own values, and for each facet it leaves empty, its offer's.

The one place of that rule. Which facets there are comes from the registry (aanbod/facetten.py:
`relatie`, `veld`, `alles_veld`, same names on offers and activities). The calendar query applies
it to many activities at once from plain rows (`facetten_van`); the activity page applies it to
one instance (`ActiviteitPage.facet_waarden`, `.effectieve`), so a preview shows unsaved values.
"""

from aanbod.facetten import FACETTEN

# The facets an activity carries itself; the others (organisatie, campagne) it cannot leave empty.
ERFBAAR = tuple(facet for facet in FACETTEN if facet.relatie or facet.veld)


def erf(eigen, van_aanbod):
    """facet -> the activity's own values, or the offer's where its own are empty.

    `eigen` maps each facet to a collection in which a match-all value (stadsbreed) counts as a
    value: an activity with no wijk that is not city-wide takes both from its offer.
    `van_aanbod(naam)` gives the offer's values (empty without an offer); it is only called for
    an empty facet.
    """
    return {naam: waarden or van_aanbod(naam) for naam, waarden in eigen.items()}


def campagne_waarde(campagne):
    return {campagne.slug} if campagne is not None and campagne.live else set()


# -- one page, from the instance -----------------------------------------------------------------


def waarden(page, facet):
    """{slug: what the page shows} of one facet of an offer or activity instance: a vocabulary
    entry, a choice's label, or the match-all label."""
    if facet.relatie:
        result = {o.slug: o for o in getattr(page, facet.relatie).all()}
    else:
        values = getattr(page, facet.veld) or []
        result = dict(zip(values, page._meta.get_field(facet.veld).labels(values), strict=True))
    if facet.alles_veld and getattr(page, facet.alles_veld):
        result[facet.alles] = facet.alles_label
    return result


def van_pagina(activiteit):
    """facet -> {slug: shown value} of one activity, with the offer's where its own are empty."""
    aanbod = activiteit.aanbod
    per_naam = {facet.naam: facet for facet in ERFBAAR}

    def van_aanbod(naam):
        return waarden(aanbod, per_naam[naam]) if aanbod is not None else {}

    return erf({facet.naam: waarden(activiteit, facet) for facet in ERFBAAR}, van_aanbod)


# -- many pages, from rows -----------------------------------------------------------------------

# The columns behind the facets that are not a relation (JSON lists and match-all booleans).
KOLOMMEN = tuple(k for facet in ERFBAAR for k in (facet.veld, facet.alles_veld) if k)


def _slugs(model, rijen):
    """{pk: {facet: set of slugs}} from {pk: {column: value}}, plus the relations read as
    (pk, slug) rows, one query per relation: no model instances."""
    result = {}
    for pk, rij in rijen.items():
        sets = {}
        for facet in ERFBAAR:
            sets[facet.naam] = set() if facet.relatie else set(rij[facet.veld] or ())
            if facet.alles_veld and rij[facet.alles_veld]:
                sets[facet.naam].add(facet.alles)
        result[pk] = sets
    for facet in ERFBAAR:
        if not facet.relatie or not rijen:
            continue
        rows = model.objects.filter(pk__in=list(rijen), **{f"{facet.relatie}__isnull": False})
        for pk, slug in rows.values_list("pk", f"{facet.relatie}__slug"):
            result[pk][facet.naam].add(slug)
    return result


def facetten_van(model, pages):
    """{pk: {facet: set of slugs}} for many activity instances (with `campagne` selected), in
    one query per relation for the activities and for their offers, and one for the offers'
    other columns."""
    from aanbod.models import AanbodPage

    pages = list(pages)
    eigen = _slugs(model, {p.pk: {k: getattr(p, k) for k in KOLOMMEN} for p in pages})
    aanbod_ids = {p.aanbod_id for p in pages if p.aanbod_id}
    rows = AanbodPage.objects.filter(pk__in=aanbod_ids).values_list("pk", *KOLOMMEN)
    rijen = {row[0]: dict(zip(KOLOMMEN, row[1:], strict=True)) for row in rows}
    van_aanbod = _slugs(AanbodPage, rijen)
    result = {}
    for page in pages:
        aanbod = van_aanbod.get(page.aanbod_id)

        def uit_aanbod(naam, aanbod=aanbod):
            return set(aanbod[naam]) if aanbod is not None else set()

        result[page.pk] = erf(eigen[page.pk], uit_aanbod)
        result[page.pk]["campagne"] = campagne_waarde(page.campagne)
    return result
