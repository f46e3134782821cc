"""One calendar query for the HTML page, the campaign page, the feeds and the JSON API.

Parameters come from kalender/parameters.py; the moments of the date range come from the database
(indexed start/einde) and are faceted by the search seam's in-memory counter; the result is the
view model of kalender/weergave.py.
"""

import calendar
import datetime
from collections import Counter
from dataclasses import fields

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page

from preventiezoeker.search.memory import facet_records
from preventiezoeker.search.text import TextMatcher

from .enums import Weergave
from .filters import NAMEN, keuzes
from .herhaling import TZ
from .models import ActiviteitPage, Moment
from .parameters import STANDAARD_DAGEN, Parameters, lees_parameters
from .weergave import Kalender, MomentRij, facetten, weken

PER_PAGE = 50


def zoek_kalender(data, vaste_campagne=None, now=None, standaard_dagen=STANDAARD_DAGEN):
    now = now or timezone.now()
    today = timezone.localdate(now, TZ)
    choices = keuzes()
    if vaste_campagne is not None:
        choices["campagne"].setdefault(vaste_campagne.slug, vaste_campagne.title)
    parameters = lees_parameters(data, choices, today, standaard_dagen)
    kalender = Kalender(**{f.name: getattr(parameters, f.name) for f in fields(Parameters)})
    kalender.vaste_campagne = vaste_campagne
    start, end, grid_start, grid_end = _van_tot_datetimes(kalender, now)

    # Plain tuples, not model instances: a year of a busy calendar is thousands of rows.
    rows = (
        Moment.objects.zichtbaar()
        .overlapping(start, end)
        .order_by("start", "pk")
        .values_list("activiteit_id", "start", "einde", "hele_dag", "uit_regel")
    )
    rows = list(rows)
    gevonden = activiteiten({row[0] for row in rows})
    kandidaten = gevonden
    if kalender.aanbod is not None:
        kandidaten = {k: a for k, a in kandidaten.items() if a.aanbod_id == kalender.aanbod}
    if kalender.activiteit is not None:
        kandidaten = {k: a for k, a in kandidaten.items() if k == kalender.activiteit}
    if kalender.q:
        # The offer search's word rules (stems, accents, synonyms, the last word as a prefix).
        woorden = TextMatcher.from_settings(kalender.q)
        kandidaten = {k: a for k, a in kandidaten.items() if woorden.matches(a.zoektekst)}
    # Facet each activity once, weighted by its moments in the period.
    weights = Counter(row[0] for row in rows if row[0] in kandidaten)
    records = [(pk, kandidaten[pk].facetten) for pk in weights]
    matching, counts = facet_records(
        records, kalender.filters, NAMEN, universe=choices, weights=weights
    )
    matching = set(matching)
    kalender.momenten = [MomentRij(gevonden[row[0]], *row) for row in rows if row[0] in matching]
    kalender.total = len(kalender.momenten)
    kalender.facets = facetten(counts, kalender.filters, choices, vaste_campagne)

    if kalender.weergave == Weergave.MAAND:
        kalender.weken = weken(kalender, grid_start, grid_end, today)
    else:
        paginator = Paginator(kalender.momenten, PER_PAGE)
        if kalender.page_number > paginator.num_pages and kalender.total:
            kalender.notices.append(
                _("Die pagina bestaat niet; dit is pagina %(n)s.") % {"n": paginator.num_pages}
            )
        kalender.page = paginator.get_page(kalender.page_number)
    return kalender


def _van_tot_datetimes(kalender, now):
    if kalender.weergave == Weergave.MAAND:
        first = kalender.maand
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        # The grid shows whole weeks, Monday to Sunday.
        start = first - datetime.timedelta(days=first.weekday())
        end = last + datetime.timedelta(days=6 - last.weekday())
        return _midnight(start), _midnight(end + datetime.timedelta(days=1)), start, end
    van = _midnight(kalender.van)
    if kalender.van == timezone.localdate(now, TZ):
        van = max(van, now)  # from today: what has ended is hidden
    return van, _midnight(kalender.tot + datetime.timedelta(days=1)), None, None


def _midnight(day):
    return datetime.datetime.combine(day, datetime.time(0), tzinfo=TZ)


def activiteiten(ids):
    """pk -> ActiviteitPage with .facetten, .zoektekst (the parts the word filter reads) and
    .organisatie_cached, in few queries."""
    pages = {p.pk: p for p in ActiviteitPage.objects.filter(pk__in=ids).select_related("campagne")}
    per_pagina = ActiviteitPage.facetten_van(pages.values())
    org_paths = {p.path[: -Page.steplen] for p in pages.values()}
    orgs = {
        o.path: o
        for o in Page.objects.filter(path__in=org_paths).only("title", "path", "url_path", "slug")
    }
    for pk, page in pages.items():
        page.organisatie_cached = orgs.get(page.path[: -Page.steplen])
        page.facetten = per_pagina[pk]
        org_name = page.organisatie_cached.title if page.organisatie_cached else ""
        page.zoektekst = (page.title, page.in_het_kort, org_name)
    return pages
