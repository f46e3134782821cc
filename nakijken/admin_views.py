"""Admin: "Actualiteit per organisatie", for coordinators (403 for partners, as the other
coordinator-only admin views)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.template.response import TemplateResponse
from django.utils import timezone

from aanbod import actualiteit
from aanbod.models import AanbodPage, OrganisatiePage
from preventiezoeker.permissions import can_publish_somewhere

from .models import Nakijkverzoek


def mag_zien(user):
    return can_publish_somewhere(user)


@dataclass
class Rij:
    organisatie: OrganisatiePage
    gepubliceerd: int = 0
    te_controleren: list = field(default_factory=list)
    verouderd: int = 0
    nooit: int = 0
    oudste: object = None
    laatste_mail: object = None
    open_verzoeken: int = 0


def overzicht(vandaag):
    """One row per organisation, those with the most stale and due offers first."""
    nakijken_grens = actualiteit.nakijken_grens(vandaag)
    verouderd_grens = actualiteit.verouderd_grens(vandaag)
    rijen = {o.path: Rij(o) for o in OrganisatiePage.objects.order_by("title")}
    offers = AanbodPage.objects.live().order_by("title")
    for pk, path, title, nagekeken in offers.values_list("pk", "path", "title", "laatst_nagekeken"):
        rij = rijen.get(path[: -AanbodPage.steplen])
        if rij is None:
            continue
        rij.gepubliceerd += 1
        if nagekeken is None:
            rij.nooit += 1
        elif rij.oudste is None or nagekeken < rij.oudste:
            rij.oudste = nagekeken
        if nagekeken is None or nagekeken <= nakijken_grens:
            stale = nagekeken is not None and nagekeken <= verouderd_grens
            rij.te_controleren.append({"pk": pk, "title": title, "nagekeken": nagekeken,
                                       "verouderd": stale})  # fmt: skip
            rij.verouderd += stale
    mails = defaultdict(lambda: None)
    for organisatie_id, verstuurd, herinnerd in (
        Nakijkverzoek.objects.values("organisatie_id")
        .annotate(v=Max("verstuurd_op"), h=Max("herinnerd_op"))
        .values_list("organisatie_id", "v", "h")
    ):
        mails[organisatie_id] = max(d for d in (verstuurd, herinnerd) if d is not None)
    open_ = defaultdict(int)
    for organisatie_id in Nakijkverzoek.objects.open().values_list("organisatie_id", flat=True):
        open_[organisatie_id] += 1
    for rij in rijen.values():
        rij.laatste_mail = mails[rij.organisatie.pk]
        rij.open_verzoeken = open_[rij.organisatie.pk]
    return sorted(
        rijen.values(),
        key=lambda r: (-r.verouderd, -len(r.te_controleren), r.organisatie.title.lower()),
    )


def actualiteit_per_organisatie(request):
    if not mag_zien(request.user):
        raise PermissionDenied
    vandaag = timezone.localdate()
    rijen = overzicht(vandaag)
    return TemplateResponse(
        request,
        "nakijken/admin/actualiteit.html",
        {
            "rijen": rijen,
            "page_title": "Actualiteit per organisatie",
            "header_title": "Actualiteit per organisatie",
            "nakijken_na": settings.AANBOD_NAKIJKEN_NA_MAANDEN,
            "verouderd_na": settings.AANBOD_VEROUDERD_NA_MAANDEN,
            "totaal": {
                "gepubliceerd": sum(r.gepubliceerd for r in rijen),
                "te_controleren": sum(len(r.te_controleren) for r in rijen),
                "verouderd": sum(r.verouderd for r in rijen),
                "nooit": sum(r.nooit for r in rijen),
            },
        },
    )
