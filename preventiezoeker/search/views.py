"""Admin page for the coordinator: is the search index healthy, how far is a rebuild, and
start one. The rebuild runs outside the request (heal.py): the button answers at once."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Min
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from ..permissions import can_publish_somewhere
from . import get_backend, heal
from .models import IndexTaak
from .sources import all_sources

REFRESH_SECONDS = 2


def may_maintain(user):
    return can_publish_somewhere(user)


def index_beheer(request):
    if not may_maintain(request.user):
        raise PermissionDenied
    if request.method == "POST":
        try:
            heal.start_rebuild(door=request.user.get_username())
        except heal.Busy as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, "Herbouw gestart. Zoeken blijft intussen werken; volg de voortgang hier."
            )
        return redirect("zoekindex_beheer")
    wachtrij = IndexTaak.objects.aggregate(oudste=Min("aangemaakt"))
    herbouw = heal.record()
    bezig = heal.running(herbouw)
    return TemplateResponse(
        request,
        "zoeken/index_beheer.html",
        {
            "status": get_backend().status(),
            "wachtrij": IndexTaak.objects.count(),
            "oudste": wachtrij["oudste"],
            "nu": timezone.now(),
            "in_database": sum(source.count() for source in all_sources()),
            "herbouw": herbouw,
            "bezig": bezig,
            "vastgelopen": herbouw.status == herbouw.BEZIG and not bezig,
            "refresh": REFRESH_SECONDS if bezig else None,
            "page_title": "Zoekindex",
        },
    )
