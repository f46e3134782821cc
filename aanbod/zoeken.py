"""One search for the HTML page and the JSON API: parameters in, offers and facets out."""

import logging
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import DatabaseError, transaction
from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone

from preventiezoeker.search import SearchQuery, SearchUnavailable, search
from preventiezoeker.search.query import parse

from .facetten import FACETTEN, toegankelijkheid_groepen
from .filters import AanbodFilterSet
from .models import AanbodPage, OrganisatiePage, ZoekStatistiek

logger = logging.getLogger(__name__)
PER_PAGE = 20


@dataclass
class FacetWaarde:
    value: str
    label: str
    count: int
    selected: bool
    groep: str = ""


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetWaarde]

    @property
    def selected(self):
        return [v for v in self.values if v.selected]


@dataclass
class Resultaat:
    page: AanbodPage
    title_html: str
    summary_html: str


@dataclass
class Zoekresultaat:
    text: str
    filters: dict
    sort: str
    page: int
    per_page: int
    total: int = 0
    results: list[Resultaat] = field(default_factory=list)
    facets: list[Facet] = field(default_factory=list)
    suggestion: str | None = None
    notices: list[str] = field(default_factory=list)
    unavailable: bool = False

    @property
    def num_pages(self):
        return max(1, -(-self.total // self.per_page))

    @property
    def has_filters(self):
        return any(self.filters.values())

    @property
    def chips(self):
        return [(f, v) for f in self.facets for v in f.selected]


def zoek(data: QueryDict, log=True) -> Zoekresultaat:
    filterset = AanbodFilterSet(data)
    params, notices = filterset.search_params()
    query = SearchQuery(
        text=params["text"], filters=params["filters"], sort=params["sort"],
        page=params["page"], per_page=PER_PAGE,
    )  # fmt: skip
    out = Zoekresultaat(
        text=params["text"], filters=params["filters"], sort=query.effective_sort(),
        page=params["page"], per_page=PER_PAGE, notices=notices,
    )  # fmt: skip
    try:
        result = search(query)
    except SearchUnavailable:
        logger.exception("Zoekindex onbruikbaar; val terug op de database")
        return _fallback(out, filterset.choices)
    out.total, out.page, out.suggestion = result.total, result.page, result.suggestion
    out.notices += result.notices
    if query.page > result.page and result.total:
        out.notices.append(f"Die pagina bestaat niet; dit is pagina {result.page}.")
    pages = AanbodPage.objects.in_bulk([hit.id for hit in result.hits])
    parents = _parents(pages.values())
    for hit in result.hits:
        page = pages.get(hit.id)
        if page is not None:
            page.organisatie_cached = parents.get(page.path[: -AanbodPage.steplen])
            out.results.append(Resultaat(page, hit.title_html, hit.summary_html))
    out.facets = _facets(result.facets, params["filters"], filterset.choices)
    if log and params["page"] == 1:
        _log(params, result.total)
    return out


def _parents(pages):
    from .models import OrganisatiePage

    paths = {p.path[: -AanbodPage.steplen] for p in pages}
    return {o.path: o for o in OrganisatiePage.objects.filter(path__in=paths)}


def _facets(counts, selected, choices):
    groups, order = toegankelijkheid_groepen()
    facets = []
    for facet in FACETTEN:
        name = facet.naam
        chosen = set(selected.get(name, ()))
        own = counts.get(name, {})
        # A value no indexed offer carries still gets the match-all (stadsbreed) offers.
        default = own.get(facet.alles, 0) if facet.alles else 0
        values = [
            FacetWaarde(slug, label, own.get(slug, default), slug in chosen)
            for slug, label in choices[name].items()
        ]
        if facet.gegroepeerd:
            for v in values:
                v.groep = groups.get(v.value, "")
            values.sort(key=lambda v: (order.index(v.groep) if v.groep in order else 99, v.label))
        if facet.waarden is not None:
            # Hundreds of organisations: list only those with results, or chosen.
            values = [v for v in values if v.count or v.selected]
        facets.append(Facet(name, facet.label, values))
    return facets


def _log(params, total):
    parsed = parse(params["text"])
    filters = "&".join(f"{k}={v}" for k in sorted(params["filters"]) for v in params["filters"][k])
    try:
        with transaction.atomic():  # a failure must not poison the request's transaction
            ZoekStatistiek.tel(timezone.localdate(), parsed.normalised, filters, total)
    except DatabaseError:  # statistics never break a search
        logger.exception("Zoekstatistiek niet bewaard")


def _fallback(out, choices):
    """The index is broken: list from the database, without counts, and say so."""
    queryset = AanbodPage.objects.zichtbaar()
    for facet in FACETTEN:
        values = out.filters.get(facet.naam)
        if not values:
            continue
        if facet.relatie:
            condition = Q(**{f"{facet.relatie}__slug__in": values})
            if facet.alles_veld:  # a stadsbreed offer is in every wijk
                condition |= Q(**{facet.alles_veld: True})
            queryset = queryset.filter(condition)
        elif facet.veld:  # JSON lists: no portable SQL "contains" on SQLite
            wanted = set(values)
            rows = queryset.values_list("pk", facet.veld)
            queryset = queryset.filter(pk__in=[pk for pk, got in rows if wanted & set(got or ())])
        else:  # organisatie: the offers under the chosen organisations' pages
            paths = OrganisatiePage.objects.filter(slug__in=values).values_list("path", flat=True)
            queryset = queryset.filter(
                reduce(or_, (Q(path__startswith=p) for p in paths), Q(pk__in=[]))
            )
    for word in parse(out.text).words:
        queryset = queryset.filter(title__icontains=word) | queryset.filter(
            in_het_kort__icontains=word
        )
    queryset = queryset.distinct().order_by("title")
    out.total = queryset.count()
    out.page = min(out.page, out.num_pages)
    start = (out.page - 1) * out.per_page
    pages = list(queryset[start : start + out.per_page])
    parents = _parents(pages)
    from django.utils.html import escape

    for page in pages:
        page.organisatie_cached = parents.get(page.path[: -AanbodPage.steplen])
        out.results.append(Resultaat(page, escape(page.title), escape(page.in_het_kort)))
    out.facets = _facets({}, out.filters, choices)
    out.unavailable = True
    out.notices.append(
        "Zoeken werkt even minder goed: de aantallen ontbreken en de volgorde is op naam. "
        "Probeer het later opnieuw."
    )
    return out
