"""GET /api/v1/aanbod/: the same search as /aanbod/ (aanbod.zoeken.zoek), as JSON for partners;
GET /api/v1/aanbod/<id>/: one visible offer, with its description and more next dates."""

from django.db.models import prefetch_related_objects
from django.utils.html import escape
from django.utils.translation import gettext

from wagtail.rich_text import expand_db_html

from aanbod.enums import Inschrijving
from aanbod.facetten import FACETTEN
from aanbod.filters import PageField
from aanbod.models import AanbodPage, AanbodVertaling
from aanbod.zoeken import zoek
from kalender.models import Moment
from preventiezoeker.links import absolute_url

from . import plaatsen
from .http import api_view, facet_counts, json_response, not_found, parse_id, unavailable

NEXT_DATES = 3  # per offer in a list of results
DETAIL_NEXT_DATES = 10  # on the offer's own endpoint
# What an offer's JSON reads beyond the page itself, for a whole page of results at once.
RELATIONS = ("locaties__wijk",)
# The facets an offer carries itself (the organisation is its own `organisation` object).
M2M_FACETS = tuple(facet for facet in FACETTEN if facet.relatie)
CHOICE_FACETS = tuple(facet for facet in FACETTEN if facet.veld)
OFFER_FACETS = tuple(facet.naam for facet in (*M2M_FACETS, *CHOICE_FACETS))
# An offer's translated texts (aanbod/models/vertaling.py) under their JSON keys.
TRANSLATION_KEYS = {
    "titel": "title",
    "in_het_kort": "summary",
    "prijs_toelichting": "price_note",
    "inschrijving_tekst": "enrolment",
    "planning": "schedule",
}


def _choices(enum, values):
    labels = dict(enum.choices)
    return [{"slug": v, "label": labels.get(v, v)} for v in values or ()]


def _organisation(request, organisatie):
    if organisatie is None:
        return None
    return {
        "id": organisatie.pk,
        "slug": organisatie.slug,
        "name": organisatie.title,
        "url": absolute_url(request, organisatie),
    }


def _enrolment(page):
    return {
        "how": _choices(Inschrijving, page.inschrijving),
        "phone": page.inschrijving_telefoon or None,
        "email": page.inschrijving_email or None,
        "link": page.inschrijving_link or None,
    }


def _contact(page, organisatie):
    """Phone and e-mail of the offer (its enrolment ones), else of its organisation."""
    return plaatsen.contact(
        page.inschrijving_telefoon or getattr(organisatie, "telefoon", ""),
        page.inschrijving_email or getattr(organisatie, "email", ""),
        getattr(organisatie, "website", ""),
    )


def offer(request, resultaat, next_dates, translations=None):
    page = resultaat.page
    organisatie = getattr(page, "organisatie_cached", None)
    facets = {
        facet.naam: [{"slug": o.slug, "label": o.label} for o in getattr(page, facet.relatie).all()]
        for facet in M2M_FACETS
    }
    facets.update(
        {facet.naam: _choices(facet.keuzes, getattr(page, facet.veld)) for facet in CHOICE_FACETS}
    )
    return {
        "id": page.pk,
        "url": absolute_url(request, page),
        "title": page.title,
        "title_html": resultaat.title_html,
        "summary": page.in_het_kort,
        "summary_html": resultaat.summary_html,
        "organisation": _organisation(request, organisatie),
        "facets": facets,
        "city_wide": page.stadsbreed,
        "places": [plaatsen.location(locatie) for locatie in page.locaties.all()],
        **_contact(page, organisatie),
        "contact_person": page.contactpersoon or None,
        "enrolment": _enrolment(page),
        "schedule": page.planning or None,
        "min_age": page.min_leeftijd,
        "max_age": page.max_leeftijd,
        "amount": None if page.bedrag is None else f"{page.bedrag:.2f}",
        "price_note": page.prijs_toelichting or None,
        "last_reviewed": page.laatst_nagekeken.isoformat() if page.laatst_nagekeken else None,
        "afstand_m": None if resultaat.afstand is None else round(resultaat.afstand * 1000),
        "next_dates": next_dates.get(page.pk, []),
        "translations": (translations or {}).get(page.pk, {}),
    }


def translations(page_ids):
    """offer id -> {language code: {title, summary, ...}} in one query; null where the partner
    left a text empty. The table holds the published version only (a draft's translations
    stay in its revision), and page_ids are visible offers."""
    found = {pk: {} for pk in page_ids}
    rows = (
        AanbodVertaling.objects.filter(aanbod_id__in=page_ids)
        .order_by("aanbod_id", "sort_order", "pk")
        .values("aanbod_id", "taal", *TRANSLATION_KEYS)
    )
    for row in rows:
        found[row["aanbod_id"]].setdefault(
            row["taal"], {key: row[veld] or None for veld, key in TRANSLATION_KEYS.items()}
        )
    return found


def next_dates(request, page_ids, per_offer=NEXT_DATES):
    """offer id -> its next dates in the calendar, in one query for the whole page."""
    moments = Moment.objects.zichtbaar().volgende_per_aanbod(page_ids, per_offer)
    return {pk: [_next_date(request, m) for m in found] for pk, found in moments.items()}


def _next_date(request, moment):
    return {
        "start": moment.lokale_start.isoformat(),
        "end": moment.lokaal_einde.isoformat(),
        "all_day": moment.hele_dag,
        "title": moment.activiteit.title,
        "url": absolute_url(request, moment.activiteit),
    }


def without_filter(resultaat):
    """With no results: per active filter, how many results there would be without it."""
    return [
        {
            "facet": suggestion["facet"],
            "label": suggestion["label"],
            "values": list(suggestion["waarden"]),
            "count": suggestion["count"],
        }
        for suggestion in resultaat.zonder_filter
    ]


def help_lines(resultaat):
    """Help lines for a crisis word in the query (zelfmoord, geweld, ...), whatever the results."""
    return [
        {"name": lijn.naam, "number": lijn.nummer, "text": lijn.tekst, "url": lijn.link or None}
        for lijn in resultaat.hulplijnen
    ]


@api_view
def aanbod_lijst(request):
    resultaat = zoek(request.GET, log=request.method == "GET")
    if resultaat.unavailable:
        return unavailable()
    # zoek() returns visible offers only; one that became hidden since is left out.
    results = [r for r in resultaat.results if r.page is not None]
    pages = [r.page for r in results]
    # One query per relation for the whole page of results, never one per offer.
    prefetch_related_objects(pages, *(facet.relatie for facet in M2M_FACETS), *RELATIONS)
    dates = next_dates(request, [p.pk for p in pages])
    vertaald = translations([p.pk for p in pages])
    page_number, notices = resultaat.page, list(resultaat.notices)
    asked = PageField().clean(request.GET.get("page"))
    if asked > resultaat.page:
        # The HTML page shows the last page instead; an API client gets the empty page it
        # asked for (so a loop over pages ends), without the notice about the last page.
        clamped = gettext("Die pagina bestaat niet; dit is pagina %(pagina)d.") % {
            "pagina": resultaat.page
        }
        page_number, results = asked, []
        notices = [n for n in notices if n != clamped]
    return json_response(
        {
            "count": resultaat.total,
            "page": page_number,
            "num_pages": resultaat.num_pages,
            "per_page": resultaat.per_page,
            "results": [offer(request, r, dates, vertaald) for r in results],
            "facets": facet_counts(resultaat.facets),
            "suggestion": resultaat.suggestion or None,
            "without_filter": without_filter(resultaat),
            "help_lines": help_lines(resultaat),
            "notices": notices,
        }
    )


class _Detail:
    """The offer as a search result would carry it, for offer(): no marks, no distance."""

    def __init__(self, page):
        self.page = page
        self.title_html = escape(page.title)
        self.summary_html = escape(page.in_het_kort)
        self.afstand = None


@api_view
def aanbod_detail(request, ident):
    pk = parse_id(ident)
    page = AanbodPage.objects.zichtbaar().filter(pk=pk).first() if pk else None
    if page is None:
        return not_found()
    page.organisatie_cached = page.get_parent().specific
    prefetch_related_objects([page], *(facet.relatie for facet in M2M_FACETS), *RELATIONS)
    data = offer(
        request,
        _Detail(page),
        next_dates(request, [pk], DETAIL_NEXT_DATES),
        translations([pk]),
    )
    data["description_html"] = expand_db_html(page.beschrijving or "")
    return json_response(data)
