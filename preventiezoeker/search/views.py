"""Admin page for the coordinator: is the search index healthy, and rebuild it."""

import time

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from ..permissions import can_publish_somewhere
from . import get_backend
from .models import IndexTaak
from .sources import all_sources
from .sync import rebuild


def may_maintain(user):
    return can_publish_somewhere(user)


def index_beheer(request):
    if not may_maintain(request.user):
        raise PermissionDenied
    if request.method == "POST":
        started = time.monotonic()
        try:
            count = rebuild()
        except RuntimeError as exc:
            messages.error(request, str(exc))
        else:
            seconds = time.monotonic() - started
            messages.success(request, f"Zoekindex herbouwd: {count} aanbod in {seconds:.1f} s.")
        return redirect("zoekindex_beheer")
    return TemplateResponse(
        request,
        "zoeken/index_beheer.html",
        {
            "status": get_backend().status(),
            "wachtrij": IndexTaak.objects.count(),
            "in_database": sum(source.count() for source in all_sources()),
            "page_title": "Zoekindex",
        },
    )
