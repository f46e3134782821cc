"""GET /api/v1/kalender/: the calendar as JSON, with the same parameters and facets as /kalender/;
GET /api/v1/activiteiten/<id>/: one visible activity with its place, enrolment, price and dates.

Times are ISO 8601 with the Brussels offset (19:00 stays 19:00 in winter and summer time).
Where, how to enrol and the price follow the activity page's rules (kalender/praktisch.py).
"""

from django.utils.translation import gettext

from wagtail.rich_text import expand_db_html

from aanbod.enums import Inschrijving
from aanbod.models import AanbodPage
from kalender import praktisch
from kalender.filters import CAMPAGNE, FACETTEN
from kalender.models import ActiviteitPage, CampagnePage
from kalender.query import zoek_kalender
from preventiezoeker.links import absolute_url

from . import plaatsen
from .aanbod import _choices
from .http import api_view, facet_counts, json_response, not_found, parse_id

# The facets listed per occurrence; the campaign has its own `campaign` object.
MOMENT_FACETS = tuple(facet.naam for facet in FACETTEN if facet is not CAMPAGNE)
DETAIL_NEXT_DATES = 10


def _time(moment, value):
    return value.date().isoformat() if moment.hele_dag else value.isoformat()


def _link(request, page, name_key):
    if page is None:
        return None
    return {
        "id": page.pk,
        "slug": page.slug,
        name_key: page.title,
        "url": absolute_url(request, page),
    }


def _location(plaats):
    return ", ".join(p for p in (plaats.naam, plaats.adres) if p)


def occurrence(request, moment, offers, campaigns):
    """`offers`: id -> the visible offers (with their places), `campaigns`: the ids of the
    visible ones; a hidden one is not even named."""
    activiteit = moment.activiteit
    campagne = activiteit.campagne if activiteit.campagne_id in campaigns else None
    facetten = activiteit.facetten
    plaats = praktisch.plaats(activiteit, offers.get(activiteit.aanbod_id))
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
            "location": _location(plaats),
            "place": plaatsen.place(plaats, activiteit.online_link),
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
    offers = AanbodPage.objects.zichtbaar().filter(pk__in=linked).prefetch_related("locaties")
    offers = {o.pk: o for o in offers}
    campaigns = set(CampagnePage.objects.zichtbaar().values_list("pk", flat=True))
    number, notices = page.number if page else 1, list(kalender.notices)
    if page and kalender.page_number > page.paginator.num_pages:
        # The HTML page shows the last page; an API client gets the empty page it asked for.
        clamped = gettext("Die pagina bestaat niet; dit is pagina %(n)s.") % {"n": page.number}
        number, moments = kalender.page_number, []
        notices = [n for n in notices if n != clamped]
    return json_response(
        {
            "count": kalender.total,
            "from": kalender.van.isoformat(),
            "to": kalender.tot.isoformat(),
            "page": number,
            "num_pages": page.paginator.num_pages if page else 1,
            "per_page": page.paginator.per_page if page else kalender.total,
            "results": [occurrence(request, m, offers, campaigns) for m in moments],
            "facets": facet_counts(kalender.facets),
            "notices": notices,
        }
    )


def _enrolment(activiteit, aanbod, organisatie):
    contact = praktisch.contact(activiteit, aanbod, organisatie)
    how = activiteit.inschrijving or (aanbod.inschrijving if aanbod is not None else [])
    return {
        "how": _choices(Inschrijving, how),
        "note": activiteit.inschrijving_toelichting or None,
        "phone": contact.telefoon or None,
        "email": contact.email or None,
        "link": contact.link or None,
        "website": contact.website or None,
        "from_organisation": contact.van_organisatie,
    }


def _price(activiteit, aanbod):
    prijs = praktisch.prijs(activiteit, aanbod)
    return {
        "labels": list(prijs.labels),
        "amount": None if prijs.bedrag is None else f"{prijs.bedrag:.2f}",
        "free": prijs.gratis,
    }


def _date(moment):
    return {
        "start": _time(moment, moment.lokale_start),
        "end": _time(moment, moment.lokaal_einde),
        "all_day": moment.hele_dag,
        "recurring": moment.uit_regel,
    }


@api_view
def activiteit_detail(request, ident):
    pk = parse_id(ident)
    activiteit = ActiviteitPage.objects.zichtbaar().filter(pk=pk).first() if pk else None
    if activiteit is None:
        return not_found()
    organisatie = activiteit.get_parent().specific
    # The linked offer and campaign only if the public may see them (as on the activity page).
    aanbod = (
        AanbodPage.objects.zichtbaar().filter(pk=activiteit.aanbod_id).first()
        if activiteit.aanbod_id
        else None
    )
    campagne = CampagnePage.objects.zichtbaar().filter(pk=activiteit.campagne_id).first()
    facetten = activiteit.facet_waarden()
    plaats = praktisch.plaats(activiteit, aanbod)
    return json_response(
        {
            "id": activiteit.pk,
            "title": activiteit.title,
            "summary": activiteit.in_het_kort,
            "url": absolute_url(request, activiteit),
            "description_html": expand_db_html(activiteit.beschrijving or ""),
            "organisation": _link(request, organisatie, "name"),
            "campaign": _link(request, campagne, "title"),
            "offer_id": aanbod.pk if aanbod is not None else None,
            "location": _location(plaats),
            "place": plaatsen.place(plaats, activiteit.online_link),
            "enrolment": _enrolment(activiteit, aanbod, organisatie),
            "price": _price(activiteit, aanbod),
            "facets": {facet: sorted(facetten.get(facet, ())) for facet in MOMENT_FACETS},
            "next_dates": [_date(m) for m in activiteit.volgende(DETAIL_NEXT_DATES)],
        }
    )
