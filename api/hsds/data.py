"""What the HSDS API may show, and loading it for a page of results in a fixed number of queries.

The one rule: a service is a visible offer (AanbodPage.objects.zichtbaar()) under a live
organisation; an organisation shows when it is live, public and offers at least one visible
service; a location, a service_at_location and a taxonomy term show only through those services.
"""

from django.db.models import Exists, OuterRef, Prefetch
from django.db.models.functions import Length, Substr

from aanbod.models import AanbodLocatie, AanbodPage, OrganisatiePage
from kalender.models import ActiviteitPage

from .taxonomies import RELATIONS

STEP = AanbodPage.steplen


def _parent_path(ref):
    return Substr(OuterRef(ref), 1, Length(OuterRef(ref)) - STEP)


def offers():
    """Visible offers whose organisation is live too (Wagtail unpublishes children with their
    parent, but imported or scripted data may not have)."""
    live_parent = OrganisatiePage.objects.filter(live=True, path=_parent_path("path"))
    return AanbodPage.objects.zichtbaar().filter(Exists(live_parent))


def organisations():
    own_offer = offers().filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
    return OrganisatiePage.objects.live().public().filter(Exists(own_offer))


def places():
    """The places of visible offers (AanbodLocatie), with their offer and wijk."""
    return AanbodLocatie.objects.filter(aanbod__in=offers()).select_related("wijk", "aanbod")


def organisation_places():
    """Visible organisations that have an address of their own."""
    return organisations().exclude(straat_nummer="")


def parents(pages):
    """path -> OrganisatiePage for the parents of `pages`, in one query."""
    paths = {page.path[:-STEP] for page in pages}
    return {org.path: org for org in OrganisatiePage.objects.filter(path__in=paths)}


def organisation_of(page, found):
    return found.get(page.path[:-STEP])


def load_services(queryset, full):
    """The offers of `queryset` (already sliced) with `organisatie_cached` set and, when `full`,
    every relation a nested service reads prefetched: a constant number of queries per page."""
    if full:
        activities = ActiviteitPage.objects.zichtbaar().prefetch_related(
            "uitzonderingen", "losse_data"
        )
        queryset = queryset.prefetch_related(
            *RELATIONS,
            "talen",
            Prefetch("locaties", queryset=AanbodLocatie.objects.select_related("wijk")),
            Prefetch(
                "activiteiten",
                queryset=activities.order_by("eerste_dag", "title", "pk"),
                to_attr="zichtbare_activiteiten",
            ),
        )
    pages = list(queryset)
    found = parents(pages)
    for page in pages:
        page.organisatie_cached = organisation_of(page, found)
    return pages


# An offer's organisation path, for filtering offers by a page of organisations in one query.
PARENT_PATH = Substr("path", 1, Length("path") - STEP)
