"""One search for the HTML page and the JSON API: parameters in, offers and facets out."""

import logging
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import DatabaseError, connections, router, transaction
from django.db.models import Q
from django.http import QueryDict
from django.utils.html import escape, format_html
from django.utils.translation import gettext, gettext_lazy

from wagtail.models import Page

from preventiezoeker.search import SearchQuery, SearchUnavailable, search
from preventiezoeker.search.query import parse
from preventiezoeker.search.sync import queue

from . import statistiek
from .actualiteit import is_verouderd
from .afstand import Vertrekpunt, afstand, plaatsen_per_aanbod
from .facetten import FACET, FACETTEN, keuzes_en_groepen
from .filters import AanbodFilterSet
from .markering import markeer
from .models import AanbodPage, AanbodVertaling, Hulplijn, OrganisatiePage
from .models.vertaling import NEDERLANDS, paginataal, richting
from .search import SOURCE, Vocabularies

logger = logging.getLogger(__name__)
PER_PAGE = 20
# Shown on each result card (prefetched here: templates never query).
KAART_LABELS = ("themas", "talen", "wijken")
KAART_VELDEN = (
    "title", "url_path", "path", "in_het_kort", "stadsbreed", "prijs", "laatst_nagekeken",
)  # fmt: skip
TE_LANG = gettext_lazy("De zoekopdracht duurde te lang; de volgorde is misschien niet de beste.")
# At most this many extra searches for the "zonder filter X" offers of an empty result.
MAX_ZONDER_FILTER = 6


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
    kaart: AanbodPage  # only the fields a card shows (KAART_VELDEN); the rest is deferred
    title_html: str
    summary_html: str
    labels: dict = field(default_factory=dict)  # KAART_LABELS -> vocabulary entries
    organisatie: str = ""  # the title of the organisation the offer is under
    afstand: float | None = None  # km from the starting point (None: none chosen, or no place)
    paginas: "_Paginas | None" = field(default=None, repr=False)
    # The page's language and the language title and summary are shown in (the partner's
    # translation, else Dutch): lang and dir on the card where they differ from Dutch pages.
    paginataal: str = NEDERLANDS
    title_taal: str = NEDERLANDS
    summary_taal: str = NEDERLANDS

    @property
    def title_attrs(self):
        return self._taal_attrs(self.title_taal)

    @property
    def summary_attrs(self):
        return self._taal_attrs(self.summary_taal)

    def _taal_attrs(self, taal):
        if self.paginataal == NEDERLANDS:  # a Dutch page: everything on the card is Dutch
            return ""
        return f' lang="{escape(taal)}" dir="{richting(taal)}"'

    @property
    def waarschuwing_html(self):
        """The stale notice of the card ("" for a fresh offer), as the offer page's include."""
        if not is_verouderd(self.kaart):
            return ""
        return format_html(
            '  <p class="notice notice-warn actualiteit-waarschuwing" role="note">'
            "<strong>{}</strong></p>\n",
            gettext("Mogelijk niet meer actueel."),
        )

    @property
    def page(self):
        """The whole AanbodPage (organisatie_cached set), e.g. for the JSON API: loaded on first
        use, for every result at once; None if it stopped being visible meanwhile. The HTML page
        reads only `kaart`."""
        return self.paginas.get(self.kaart.pk) if self.paginas else self.kaart


class _Paginas:
    def __init__(self, ids):
        self.ids, self.pages = ids, None

    def get(self, pk):
        if self.pages is None:
            # zichtbaar() once more: whole pages leave the server through the API.
            self.pages = AanbodPage.objects.zichtbaar().in_bulk(self.ids)
            parents = _parents(self.pages.values())
            for page in self.pages.values():
                page.organisatie_cached = parents.get(page.path[: -AanbodPage.steplen])
        return self.pages.get(pk)


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
    # With no results: per active facet, how many there would be without it (see _zonder_filter).
    zonder_filter: list[dict] = field(default_factory=list)
    # Help lines for a crisis word in the text (aanbod/models/crisis.py), whatever the results.
    hulplijnen: list[Hulplijn] = field(default_factory=list)
    # Where distances are measured from (aanbod/afstand.py), or None.
    vertrekpunt: Vertrekpunt | None = None
    # {facet: match-all values} left out (?stadsbreed=nee), as SearchQuery.exclude.
    zonder: dict = field(default_factory=dict)

    @property
    def num_pages(self):
        return max(1, -(-self.total // self.per_page))

    @property
    def zonder_velden(self):
        """The match-all fields left out (?stadsbreed=nee): the filter form keeps them."""
        return [FACET[naam].alles_veld for naam in self.zonder]

    @property
    def has_filters(self):
        return any(self.filters.values())

    @property
    def kaarten(self):
        return [r.kaart for r in self.results]

    @property
    def themas(self):
        """The theme facet's values: the way forward on an empty result."""
        return next((f.values for f in self.facets if f.name == "thema"), [])

    @property
    def chips(self):
        return [(f, v) for f in self.facets for v in f.selected]


def zoek(data: QueryDict, log=True) -> Zoekresultaat:
    choices, groups = keuzes_en_groepen()
    filterset = AanbodFilterSet(data, choices=choices)
    params, notices = filterset.search_params()
    punt = params["vertrekpunt"]
    query = SearchQuery(
        text=params["text"], filters=params["filters"], sort=params["sort"],
        page=params["page"], per_page=PER_PAGE,
        near=(punt.lat, punt.lon) if punt is not None else None, exclude=params["zonder"],
    )  # fmt: skip
    out = Zoekresultaat(
        text=params["text"], filters=params["filters"], sort=query.effective_sort(),
        page=params["page"], per_page=PER_PAGE, notices=notices, vertrekpunt=punt,
        zonder=params["zonder"],
    )  # fmt: skip
    out.hulplijnen = Hulplijn.voor_zoekopdracht(params["text"])
    try:
        result, hits = _zichtbaar_zoeken(query)
    except SearchUnavailable:
        logger.exception("Zoekindex onbruikbaar; val terug op de database")
        return _fallback(out, choices, groups)
    out.total, out.page, out.suggestion = result.total, result.page, result.suggestion
    if result.timed_out:
        out.notices.append(str(TE_LANG))
    if result.page_clamped and result.total:
        out.notices.append(
            gettext("Die pagina bestaat niet; dit is pagina %(pagina)d.") % {"pagina": result.page}
        )
    ids = [hit.id for hit in hits]
    kaarten, paginas = _kaarten(ids), _Paginas(ids)
    taal, vertaald = _vertalingen(ids)
    for hit in hits:
        kaart = kaarten.get(hit.id)
        if kaart is not None:
            titel, kort = _kaarttekst(kaart, vertaald.get(hit.id), taal)
            out.results.append(
                Resultaat(
                    kaart,
                    markeer(titel[0], hit.terms),
                    markeer(kort[0], hit.terms),
                    organisatie=kaart.organisatie_titel,
                    paginataal=taal,
                    title_taal=titel[1],
                    summary_taal=kort[1],
                    afstand=hit.distance,
                    paginas=paginas,
                )  # fmt: skip
            )
    # Not prefetch_related: Wagtail's cluster fields build a manager per page and relation.
    labels = Vocabularies.linked([r.kaart.pk for r in out.results], KAART_LABELS)
    for resultaat in out.results:
        resultaat.labels = labels[resultaat.kaart.pk]
        if resultaat.organisatie is None:  # not under an organisation: as AanbodPage.organisatie
            resultaat.organisatie = getattr(
                getattr(resultaat.page, "organisatie", None), "title", ""
            )
    out.facets = _facets(result.facets, params["filters"], choices, groups)
    out.zonder_filter = _zonder_filter(out)
    if log and params["page"] == 1:
        statistiek.tel(params, result.total)
    return out


def _zichtbaar_zoeken(query):
    """search(query), and its hits that zichtbaar() still allows: the last filter.

    The index may lag the database (a view restriction saved while an update failed). A hit
    that is no longer visible is reindexed and the search run once more, so totals, facets and
    suggestions are right too; if the index could not be healed, the hidden hits are dropped
    and no longer counted."""
    result = search(query)
    hidden = _verborgen(result.hits)
    if hidden:
        logger.warning("Zoekindex liep achter: %s niet zichtbaar; opnieuw geïndexeerd", hidden)
        try:
            with transaction.atomic():  # a failure must not poison the request's transaction
                queue(SOURCE, hidden, background=True)
        except DatabaseError:  # the hits are dropped below all the same
            logger.exception("Herindexeren van verborgen aanbod mislukt")
        result = search(query)
        hidden = _verborgen(result.hits)
        result.total = max(0, result.total - len(hidden))
    return result, [hit for hit in result.hits if hit.id not in hidden]


def _vertalingen(ids):
    """(the page's language, {offer id: (titel, in_het_kort)} of the offers' translations in
    it) for the cards, in one query; the table holds published translations only."""
    taal = paginataal()
    if taal == NEDERLANDS or not ids:
        return taal, {}
    rows = AanbodVertaling.objects.filter(aanbod_id__in=ids, taal=taal)
    return taal, {pk: (t, k) for pk, t, k in rows.values_list("aanbod_id", "titel", "in_het_kort")}


def _kaarttekst(kaart, vertaling, taal):
    """((title, its language), (summary, its language)) of a card: translated where it is."""
    titel, kort = vertaling or ("", "")
    return (
        (titel, taal) if titel else (kaart.title, NEDERLANDS),
        (kort, taal) if kort else (kaart.in_het_kort, NEDERLANDS),
    )


def _verborgen(hits):
    """The ids among hits that zichtbaar() does not allow (anymore)."""
    if not hits:
        return set()
    ids = {hit.id for hit in hits}
    zichtbaar = AanbodPage.objects.zichtbaar().filter(pk__in=ids).values_list("pk", flat=True)
    return ids - set(zichtbaar)


def _zonder_filter(out):
    """With no results: per active facet, how many results there would be without it.

    Only offers that help (count > 0), most results first. One more search per active facet,
    for the first MAX_ZONDER_FILTER of them: the facet counts can't answer this (they count one
    value, not "any value or none").
    """
    if out.total or not out.has_filters:
        return []
    labels = {f.name: f for f in out.facets}
    offers = []
    for name, values in [(n, v) for n, v in out.filters.items() if v][:MAX_ZONDER_FILTER]:
        rest = {f: v for f, v in out.filters.items() if f != name and v}
        try:
            total = search(
                SearchQuery(text=out.text, filters=rest, exclude=out.zonder, per_page=1)
            ).total
        except SearchUnavailable:
            return []
        if total:
            facet = labels.get(name)
            chosen = [v.label for v in facet.selected] if facet else list(values)
            offers.append({
                "facet": name, "label": facet.label if facet else name, "waarden": chosen,
                "count": total,
            })  # fmt: skip
    return sorted(offers, key=lambda o: -o["count"])


def _kaarten(ids):
    """{pk: AanbodPage with only KAART_VELDEN, and organisatie_titel} in one query. Plain SQL:
    compiling the ORM's query (two tables, a subquery) cost more than running it, and whole
    Wagtail pages cost more than twenty cards need."""
    if not ids:
        return {}
    q = connections[router.db_for_read(AanbodPage)].ops.quote_name
    fields = [AanbodPage._meta.get_field(name) for name in KAART_VELDEN]
    columns = [f"{'a' if f.model is AanbodPage else 'p'}.{q(f.column)}" for f in fields]
    page, organisatie = q(Page._meta.db_table), q(OrganisatiePage._meta.db_table)
    pk, ptr, path, title = (q(Page._meta.pk.column), q(AanbodPage._meta.pk.column),
                            q("path"), q("title"))  # fmt: skip
    sql = (
        f"SELECT a.{ptr}, p.{pk}, {', '.join(columns)}, "
        f"(SELECT o.{title} FROM {page} o JOIN {organisatie} op ON op.{ptr} = o.{pk} "
        f"WHERE o.{path} = substr(p.{path}, 1, length(p.{path}) - {int(AanbodPage.steplen)})) "
        f"AS organisatie_titel FROM {q(AanbodPage._meta.db_table)} a JOIN {page} p "
        f"ON p.{pk} = a.{ptr} WHERE a.{ptr} IN ({', '.join(['%s'] * len(ids))})"
    )
    return {kaart.pk: kaart for kaart in AanbodPage.objects.raw(sql, list(ids))}


def _parents(pages):
    from .models import OrganisatiePage

    paths = {p.path[: -AanbodPage.steplen] for p in pages}
    return {o.path: o for o in OrganisatiePage.objects.filter(path__in=paths)}


def _facets(counts, selected, choices, groups):
    groups, order = groups
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
            values = [v for v in values if v.selected or (v.count and not facet.getal)]
        facets.append(Facet(name, facet.label, values))
    return facets


def _fallback(out, choices, groups):
    """The index is broken: list from the database, without counts, and say so."""
    queryset = AanbodPage.objects.zichtbaar()
    for facet in FACETTEN:
        if facet.naam in out.zonder:
            queryset = queryset.exclude(**{facet.alles_veld: True})
        values = out.filters.get(facet.naam)
        if not values:
            continue
        if facet.db_filter is not None:
            queryset = queryset.filter(facet.db_filter(values))
        elif facet.relatie:
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
    labels = Vocabularies.linked([page.pk for page in pages], KAART_LABELS)
    taal, vertaald = _vertalingen([page.pk for page in pages])
    for page in pages:
        page.organisatie_cached = parents.get(page.path[: -AanbodPage.steplen])
        organisatie = getattr(page.organisatie, "title", "")
        titel, kort = _kaarttekst(page, vertaald.get(page.pk), taal)
        out.results.append(
            Resultaat(
                page,
                escape(titel[0]),
                escape(kort[0]),
                labels[page.pk],
                organisatie,
                paginataal=taal,
                title_taal=titel[1],
                summary_taal=kort[1],
            )
        )
    if out.vertrekpunt is not None:  # distances on the cards, though the order is by name
        plekken = {}
        for pk, lat, lon in plaatsen_per_aanbod([page.pk for page in pages]):
            plekken.setdefault(pk, []).append((lat, lon))
        for resultaat in out.results:
            resultaat.afstand = afstand(out.vertrekpunt, plekken.get(resultaat.kaart.pk))
    out.facets = _facets({}, out.filters, choices, groups)
    out.unavailable = True
    out.notices.append(
        gettext(
            "Zoeken werkt even minder goed: de aantallen ontbreken en de volgorde is op naam. "
            "Probeer het later opnieuw."
        )
    )
    return out
