"""GET /api/v1/kalender/: the calendar as JSON, with the same parameters and facets as /kalender/.

Times are ISO 8601 with the Brussels offset (19:00 stays 19:00 in winter and summer time).
"""

from aanbod.models import AanbodPage
from kalender.filters import CAMPAGNE, FACETTEN
from kalender.models import CampagnePage
from kalender.query import zoek_kalender
from preventiezoeker.links import absolute_url

from .http import api_view, facet_counts, json_response

# The facets listed per occurrence; the campaign has its own `campaign` object.
MOMENT_FACETS = tuple(facet.naam for facet in FACETTEN if facet is not CAMPAGNE)


def _time(moment, value):
    return value.date().isoformat() if moment.hele_dag else value.isoformat()


def _link(request, page, name_key):
    if page is None:
        return None
    return {"slug": page.slug, name_key: page.title, "url": absolute_url(request, page)}


def occurrence(request, moment, offers, campaigns):
    """`offers`, `campaigns`: the ids of the visible ones; a hidden one is not even named."""
    activiteit = moment.activiteit
    campagne = activiteit.campagne if activiteit.campagne_id in campaigns else None
    facetten = activiteit.facetten
    return {
        "start": _time(moment, moment.lokale_start),
        "end": _time(moment, moment.lokaal_einde),
        "all_day": moment.hele_dag,
        "recurring": moment.uit_regel,
        "activity": {
            "id": activiteit.pk,
            "title": activiteit.title,
            "summary": activiteit.in_het_kort,
            "url": absolute_url(request, activiteit),
            "location": ", ".join(p for p in (activiteit.locatie_naam, activiteit.adres) if p),
            "online_url": activiteit.online_link or None,
        },
        "organisation": _link(request, activiteit.organisatie_cached, "name"),
        "campaign": _link(request, campagne, "title"),
        "offer_id": activiteit.aanbod_id if activiteit.aanbod_id in offers else None,
        "facets": {facet: sorted(facetten.get(facet, ())) for facet in MOMENT_FACETS},
    }


@api_view
def kalender_lijst(request):
    kalender = zoek_kalender(request.GET)
    page = kalender.page
    moments = list(page.object_list) if page else []
    # An activity is public on its own; the offer it belongs to may be hidden: not even its id.
    linked = {m.activiteit.aanbod_id for m in moments} - {None}
    offers = set(AanbodPage.objects.zichtbaar().filter(pk__in=linked).values_list("pk", flat=True))
    campaigns = set(CampagnePage.objects.zichtbaar().values_list("pk", flat=True))
    return json_response(
        {
            "count": kalender.total,
            "from": kalender.van.isoformat(),
            "to": kalender.tot.isoformat(),
            "page": page.number if page else 1,
            "num_pages": page.paginator.num_pages if page else 1,
            "per_page": page.paginator.per_page if page else kalender.total,
            "results": [occurrence(request, m, offers, campaigns) for m in moments],
            "facets": facet_counts(kalender.facets),
            "notices": list(kalender.notices),
        }
    )
