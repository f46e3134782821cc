"""GET /api/v1/aanbod/: the same search as /aanbod/ (aanbod.zoeken.zoek), as JSON for partners."""

from django.db.models import prefetch_related_objects

from aanbod.facetten import FACETTEN
from aanbod.models import AanbodVertaling
from aanbod.zoeken import zoek
from kalender.models import Moment
from preventiezoeker.links import absolute_url

from .http import api_view, facet_counts, json_response, unavailable

NEXT_DATES = 3  # per offer in a list of results
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
        "slug": organisatie.slug,
        "name": organisatie.title,
        "url": absolute_url(request, organisatie),
    }


def offer(request, resultaat, next_dates, translations=None):
    page = resultaat.page
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
        "organisation": _organisation(request, getattr(page, "organisatie_cached", None)),
        "facets": facets,
        "city_wide": page.stadsbreed,
        "amount": None if page.bedrag is None else f"{page.bedrag:.2f}",
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
    prefetch_related_objects(pages, *(facet.relatie for facet in M2M_FACETS))
    dates = next_dates(request, [p.pk for p in pages])
    vertaald = translations([p.pk for p in pages])
    return json_response(
        {
            "count": resultaat.total,
            "page": resultaat.page,
            "num_pages": resultaat.num_pages,
            "per_page": resultaat.per_page,
            "results": [offer(request, r, dates, vertaald) for r in results],
            "facets": facet_counts(resultaat.facets),
            "suggestion": resultaat.suggestion or None,
            "without_filter": without_filter(resultaat),
            "help_lines": help_lines(resultaat),
            "notices": list(resultaat.notices),
        }
    )
