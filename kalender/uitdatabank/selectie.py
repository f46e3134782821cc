"""Which activities the UiTdatabank export shows, and what it may read of their neighbours.

The calendar's rule (ActiviteitPage.objects.zichtbaar(): live, no view restriction) plus three
that an export to a public database needs as well: not past the page's "go offline" time (Wagtail
unpublishes it only when `publish_scheduled` runs next), under a live organisation, and with at
least one stored moment. A linked offer or campaign is read only when the public may see it.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.db.models.functions import Length, Substr
from django.utils import timezone

from wagtail.models import Page

from aanbod.models import AanbodPage, OrganisatiePage

from ..herhaling import TZ
from ..models import ActiviteitPage, CampagnePage, Moment
from ..models.overerving import ERFBAAR

# The facets an event reads (for its terms), and their vocabulary relations, prefetched on the
# activities and on their offers.
FACETTEN = ("thema", "vorm")
RELATIES = tuple(f.relatie for f in ERFBAAR if f.naam in FACETTEN and f.relatie)


@dataclass
class Bron:
    """What one activity's event is made of, besides the activity itself."""

    organisatie: OrganisatiePage | None = None
    aanbod: AanbodPage | None = None  # only a visible offer
    campagne: CampagnePage | None = None  # only a visible campaign
    momenten: list = field(default_factory=list)
    afgelast: list = field(default_factory=list)


def _middernacht(day):
    return datetime.datetime.combine(day, datetime.time(0), tzinfo=TZ)


def exporteerbaar(now=None):
    now = now or timezone.now()
    levende_organisaties = OrganisatiePage.objects.live().public().values("path")
    return (
        ActiviteitPage.objects.zichtbaar()
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        .annotate(ouder_pad=Substr("path", 1, Length("path") - Page.steplen))
        .filter(ouder_pad__in=levende_organisaties)
        .filter(pk__in=Moment.objects.values("activiteit_id"))
    )


def selecteer(van, tot, organisatie="", campagne="", now=None):
    """The activities with a moment on a day from `van` to `tot` (inclusive), of one
    organisation and/or campaign (slugs; an unknown or hidden one gives none), by id."""
    qs = exporteerbaar(now)
    in_periode = Moment.objects.overlapping(
        _middernacht(van), _middernacht(tot + datetime.timedelta(days=1))
    ).values("activiteit_id")
    qs = qs.filter(pk__in=in_periode)
    if organisatie:
        org = OrganisatiePage.objects.live().public().filter(slug=organisatie).first()
        qs = qs.child_of(org) if org is not None else qs.none()
    if campagne:
        camp = CampagnePage.objects.zichtbaar().filter(slug=campagne).first()
        qs = qs.filter(campagne=camp) if camp is not None else qs.none()
    return qs.order_by("pk").prefetch_related("uitzonderingen", *RELATIES)


def laad(activiteiten):
    """{pk: Bron} for a page of activities, in a fixed number of queries."""
    activiteiten = list(activiteiten)
    pks = [a.pk for a in activiteiten]
    result = {pk: Bron() for pk in pks}
    for moment in Moment.objects.filter(activiteit_id__in=pks).order_by("start", "pk"):
        result[moment.activiteit_id].momenten.append(moment)
    offers = AanbodPage.objects.zichtbaar().filter(
        pk__in={a.aanbod_id for a in activiteiten if a.aanbod_id}
    )
    offers = {o.pk: o for o in offers.prefetch_related("locaties", "vertalingen", *RELATIES)}
    campagnes = {
        c.pk: c
        for c in CampagnePage.objects.zichtbaar().filter(
            pk__in={a.campagne_id for a in activiteiten if a.campagne_id}
        )
    }
    orgs = {
        o.path: o
        for o in OrganisatiePage.objects.filter(
            path__in={a.path[: -Page.steplen] for a in activiteiten}
        )
    }
    for a in activiteiten:
        bron = result[a.pk]
        bron.organisatie = orgs.get(a.path[: -Page.steplen])
        bron.aanbod = offers.get(a.aanbod_id)
        bron.campagne = campagnes.get(a.campagne_id)
        bron.afgelast = [u.datum for u in a.uitzonderingen.all()]
    return result
