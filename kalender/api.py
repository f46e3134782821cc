"""GET /api/v1/kalender/: the calendar as JSON, with the same parameters and facets as /kalender/.

Times are ISO 8601 with the Brussels offset (19:00 stays 19:00 in winter and summer time).
Read-only, anonymous and CORS-open, like /api/v1/aanbod/.
"""

from django.urls import path

from aanbod.api import _json, api_view

from .zoeken import zoek_kalender


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
