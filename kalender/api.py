"""GET /api/v1/kalender/: the calendar as JSON, with the same parameters and facets as /kalender/.

Times are ISO 8601 with the Brussels offset (19:00 stays 19:00 in winter and summer time).
Read-only, anonymous and CORS-open, like /api/v1/aanbod/.
"""

import json
from functools import wraps

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from .zoeken import zoek_kalender

ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
# Same conventions as /api/v1/aanbod/ (aanbod/api.py), kept here so the calendar does not load
# the offer search: <, > and & never appear raw, even in echoed input.
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def _json(data, status=200):
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return HttpResponse(body, status=status, content_type="application/json; charset=utf-8")


def api_view(view):
    """GET/HEAD answered by `view`, OPTIONS as a CORS preflight, anything else 405."""

    @csrf_exempt  # anonymous and read-only: a POST gets a clean 405, not a CSRF page
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
            requested = request.headers.get("Access-Control-Request-Headers")
            response["Access-Control-Allow-Headers"] = requested or "Accept, Accept-Language"
            response["Access-Control-Max-Age"] = "86400"
        elif request.method in ("GET", "HEAD"):
            response = view(request, *args, **kwargs)
        else:
            response = _json({"detail": "Deze methode is niet toegestaan; gebruik GET."}, 405)
        if request.method not in ALLOWED_METHODS:
            response["Allow"] = ", ".join(ALLOWED_METHODS)
        response["Access-Control-Allow-Origin"] = "*"
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapper


def _absolute(request, page):
    url = page.get_url(request) if page is not None else None
    return request.build_absolute_uri(url) if url else None


def _moment(voorkomen, moment):
    return moment.date().isoformat() if voorkomen.hele_dag else moment.isoformat()


def _voorkomen(request, voorkomen):
    activiteit = voorkomen.activiteit
    org = activiteit.organisatie_cached
    campagne = activiteit.campagne if activiteit.campagne and activiteit.campagne.live else None
    facetten = activiteit.facetten
    return {
        "start": _moment(voorkomen, voorkomen.lokale_start),
        "end": _moment(voorkomen, voorkomen.lokaal_einde),
        "all_day": voorkomen.hele_dag,
        "recurring": voorkomen.uit_regel,
        "activity": {
            "id": activiteit.pk,
            "title": activiteit.title,
            "summary": activiteit.in_het_kort,
            "url": _absolute(request, activiteit),
            "location": ", ".join(p for p in (activiteit.locatie_naam, activiteit.adres) if p),
            "online_url": activiteit.online_link or None,
        },
        "organisation": (
            {"slug": org.slug, "name": org.title, "url": _absolute(request, org)} if org else None
        ),
        "campaign": (
            {"slug": campagne.slug, "title": campagne.title, "url": _absolute(request, campagne)}
            if campagne
            else None
        ),
        "offer_id": activiteit.aanbod_id,
        **{
            facet: sorted(facetten.get(facet, ()))
            for facet in (
                "thema",
                "wijk",
                "taal",
                "doelgroep",
                "toegankelijkheid",
                "prijs",
                "vorm",
            )
        },  # fmt: skip
    }


@api_view
def kalender_lijst(request):
    kalender = zoek_kalender(request.GET)
    page = kalender.page
    data = {
        "count": kalender.total,
        "van": kalender.van.isoformat(),
        "tot": kalender.tot.isoformat(),
        "page": page.number if page else 1,
        "num_pages": page.paginator.num_pages if page else 1,
        "per_page": page.paginator.per_page if page else kalender.total,
        "results": [_voorkomen(request, v) for v in (page.object_list if page else [])],
        "facets": {
            facet.name: [
                {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                for v in facet.values
            ]
            for facet in kalender.facets
        },
        "notices": list(kalender.notices),
    }
    return _json(data)


urlpatterns = [path("", kalender_lijst, name="api_kalender")]
