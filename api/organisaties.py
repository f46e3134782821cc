"""GET /api/v1/organisaties/ and /api/v1/organisaties/<id>/: the providers the public may see
(live, not behind a view restriction), with address, contact and their visible offers."""

from collections import defaultdict

from django.db.models.functions import Length, Substr
from django.urls import reverse

from aanbod.enums import OrganisatieSoort
from aanbod.models import AanbodPage, OrganisatiePage
from preventiezoeker.links import absolute_url

from . import plaatsen
from .http import api_view, json_response, not_found, parse_id
from .lijsten import page_of


def zichtbare_organisaties():
    return OrganisatiePage.objects.live().public()


def _offers(request, organisaties):
    """organisation id -> its visible offers (id, title, urls), in one query."""
    by_path = {o.path: o.pk for o in organisaties}
    found = defaultdict(list)
    parent_path = Substr("path", 1, Length("path") - AanbodPage.steplen)
    offers = (
        AanbodPage.objects.zichtbaar()
        .annotate(parent_path=parent_path)
        .filter(parent_path__in=list(by_path))
        .order_by("title", "pk")
        .only("pk", "title", "path", "url_path")
    )
    for page in offers:
        found[by_path[page.parent_path]].append(
            {
                "id": page.pk,
                "title": page.title,
                "url": absolute_url(request, page),
                "api_url": request.build_absolute_uri(reverse("api_aanbod_detail", args=[page.pk])),
            }
        )
    return found


def organisation(request, organisatie, offers):
    soorten = dict(OrganisatieSoort.choices)
    return {
        "id": organisatie.pk,
        "slug": organisatie.slug,
        "name": organisatie.title,
        "url": absolute_url(request, organisatie),
        "type": {"slug": organisatie.soort, "label": str(soorten.get(organisatie.soort, ""))},
        "summary": organisatie.korte_beschrijving or None,
        "address": plaatsen.address(
            organisatie.straat_nummer, organisatie.postcode, organisatie.gemeente
        ),
        **plaatsen.contact(organisatie.telefoon, organisatie.email, organisatie.website),
        "offers": offers.get(organisatie.pk, []),
    }


@api_view
def organisaties_lijst(request):
    items, meta = page_of(request, zichtbare_organisaties().order_by("title", "pk"))
    offers = _offers(request, items)
    return json_response({**meta, "results": [organisation(request, o, offers) for o in items]})


@api_view
def organisatie_detail(request, ident):
    pk = parse_id(ident)
    found = zichtbare_organisaties().filter(pk=pk).first() if pk else None
    if found is None:
        return not_found()
    return json_response(organisation(request, found, _offers(request, [found])))
