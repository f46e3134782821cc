"""The calendar's facets: the offer facets that activities carry, plus the campaign.

Names, labels, choices, the lenient field and the notices all come from the offer search's
registry (aanbod/facetten.py) and filters, so /kalender/ and /aanbod/ read a parameter alike.
"""

from django.utils.translation import gettext_lazy as _

from aanbod.facetten import FACETTEN as AANBOD_FACETTEN
from aanbod.facetten import Facet
from aanbod.facetten import keuzes as aanbod_keuzes


def _campagnes():
    from .models import CampagnePage

    return CampagnePage.objects.zichtbaar().order_by("-start").values_list("slug", "title")


CAMPAGNE = Facet(
    "campagne", _("Campagne"), _("campagnes"), waarden=_campagnes,
    uitleg="Slug van een campagne, bv. `maand-van-de-mondzorg`.",
    voorbeeld="maand-van-de-mondzorg",
)  # fmt: skip
FACETTEN = (*(facet for facet in AANBOD_FACETTEN if facet.in_kalender), CAMPAGNE)
NAMEN = tuple(facet.naam for facet in FACETTEN)


def keuzes():
    """facet -> {slug: label}, in display order (a fresh dict: callers may add to it)."""
    shared = aanbod_keuzes()
    return {
        facet.naam: dict(shared[facet.naam]) if facet.naam in shared else facet.lees_keuzes()
        for facet in FACETTEN
    }
