"""GET /api/v1/campagnes/ and /api/v1/campagnes/<id>/: the city-wide campaigns the public may see,
with their period, themes, materials and the visible activities partners linked to them."""

from collections import defaultdict

from django.urls import reverse
from django.utils import timezone

from wagtail.rich_text import expand_db_html

from kalender.models import ActiviteitPage, CampagnePage
from preventiezoeker.links import absolute_url

from .http import api_view, json_response, not_found, parse_id
from .lijsten import page_of


def _activities(request, campagnes):
    """campaign id -> its visible activities (id, title, urls), in one query."""
    found = defaultdict(list)
    activiteiten = (
        ActiviteitPage.objects.zichtbaar()
        .filter(campagne__in=[c.pk for c in campagnes])
        .order_by("title", "pk")
    )
    for activiteit in activiteiten:
        found[activiteit.campagne_id].append(
            {
                "id": activiteit.pk,
                "title": activiteit.title,
                "url": absolute_url(request, activiteit),
                "api_url": request.build_absolute_uri(
                    reverse("api_activiteit_detail", args=[activiteit.pk])
                ),
            }
        )
    return found


def _material(request, materiaal):
    url = materiaal.url
    return {"title": materiaal.titel, "url": request.build_absolute_uri(url) if url else None}


def campaign(request, campagne, activities, today):
    return {
        "id": campagne.pk,
        "slug": campagne.slug,
        "title": campagne.title,
        "summary": campagne.in_het_kort,
        "url": absolute_url(request, campagne),
        "start": campagne.start.isoformat(),
        "end": campagne.einde.isoformat(),
        "running": campagne.lopend(today),
        "themes": [{"slug": t.slug, "label": t.label} for t in campagne.themas.all()],
        "materials": [_material(request, m) for m in campagne.materialen.all()],
        "activities": activities.get(campagne.pk, []),
    }


def _visible():
    return (
        CampagnePage.objects.zichtbaar()
        .order_by("start", "title", "pk")
        .prefetch_related("themas", "materialen__document")
    )


@api_view
def campagnes_lijst(request):
    items, meta = page_of(request, _visible())
    activities, today = _activities(request, items), timezone.localdate()
    results = [campaign(request, c, activities, today) for c in items]
    return json_response({**meta, "results": results})


@api_view
def campagne_detail(request, ident):
    pk = parse_id(ident)
    found = _visible().filter(pk=pk).first() if pk else None
    if found is None:
        return not_found()
    data = campaign(request, found, _activities(request, [found]), timezone.localdate())
    data["description_html"] = expand_db_html(found.beschrijving or "")
    return json_response(data)
