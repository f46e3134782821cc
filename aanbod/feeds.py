"""New and changed offers as a news feed (/aanbod/atom/ and /aanbod/rss/), last change first.

The filters are the search page's (AanbodFilterSet: q, thema, wijk, taal, ...); unknown values are
dropped, as on the page. Only visible offers (zichtbaar()). The self link and the link to the
search page carry the valid filters, so a reader that refetches by the self link gets the same
feed.
"""

import logging
import re

from django.contrib.syndication.views import Feed
from django.http import QueryDict
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from preventiezoeker.search import SearchQuery, SearchUnavailable, search

from .facetten import FACETTEN
from .filters import AanbodFilterSet
from .models import AanbodPage, OrganisatiePage
from .models.vertaling import met_teksten
from .zoeken import zoek

logger = logging.getLogger(__name__)
MAX_ITEMS = 50
# Search hits read per request with words or filters (pages of 100, most recently checked
# first: publishing sets "laatst nagekeken", so the latest changes are among the first).
MAX_KANDIDATEN = 1000
PER_PAGE = 100
NEE = "nee"  # ?stadsbreed=nee: without the city-wide offers
# XML 1.0 has no place for these; Django's writer raises on them (a 500), so they go.
_CONTROLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_tekst(tekst):
    """Partner text as feed text (the calendar's feeds too): without the control characters
    XML 1.0 forbids; the feed writer escapes <, > and & itself."""
    return _CONTROLE.sub("", str(tekst or ""))


def feed_query(text, filters, zonder=None):
    """The valid filters as a query string, in the registry's order: no page, sort or
    starting point (they change the order of a page, not what a feed holds)."""
    query = QueryDict(mutable=True)
    if text:
        query["q"] = text
    for facet in FACETTEN:
        if filters.get(facet.naam):
            query.setlist(facet.naam, list(filters[facet.naam]))
        if zonder and facet.naam in zonder and facet.alles_veld:
            query[facet.alles_veld] = NEE
    return query.urlencode()


class Gevonden:
    """What a feed shows: the offers, newest change first, and the filters as a query."""

    def __init__(self, data):
        params, _notices = AanbodFilterSet(data).search_params()  # bad values: dropped
        zonder = params.get("zonder") or {}
        self.query = feed_query(params["text"], params["filters"], zonder)
        pages = AanbodPage.objects.zichtbaar()
        if params["text"] or params["filters"] or zonder:
            pages = pages.filter(pk__in=_kandidaten(params, zonder, data))
        pages = pages.order_by("-last_published_at", "-pk").prefetch_related("themas")
        self.aanbod = met_teksten(pages[:MAX_ITEMS])
        orgs = OrganisatiePage.objects.filter(
            path__in={p.path[: -AanbodPage.steplen] for p in self.aanbod}
        ).only("title", "path")
        per_path = {o.path: o for o in orgs}
        for page in self.aanbod:
            page.organisatie_cached = per_path.get(page.path[: -AanbodPage.steplen])


def _kandidaten(params, zonder, data):
    """The ids the search finds for the words and filters (at most MAX_KANDIDATEN)."""
    extra = {"exclude": zonder} if zonder else {}
    ids, page = [], 1
    try:
        while len(ids) < MAX_KANDIDATEN:
            result = search(
                SearchQuery(
                    text=params["text"], filters=params["filters"], sort="nagekeken",
                    page=page, per_page=PER_PAGE, **extra,
                )
            )  # fmt: skip
            ids += [hit.id for hit in result.hits]
            if page >= result.num_pages or result.page < page:
                break
            page += 1
    except SearchUnavailable:
        # The index is broken: the search page's own database fallback, one page of it.
        logger.warning("Zoekindex onbruikbaar voor de aanbodfeed; val terug op de database")
        return [r.kaart.pk for r in zoek(data, log=False).results]
    return ids


class AanbodRss(Feed):
    """/aanbod/rss/: the offers that are new or changed, last change first."""

    feed_type = Rss201rev2Feed
    url_naam = "aanbod_rss"

    def __init__(self, request):
        # One instance per request (see `view`): the request is never shared between threads.
        self.request = request

    @classmethod
    def view(cls, request):
        return cls(request)(request)

    def get_object(self, request):
        return Gevonden(request.GET)

    def title(self, gevonden):
        return _("Preventiezoeker Gent: nieuw en gewijzigd aanbod")

    def description(self, gevonden):
        return _("Aanbod rond gezondheid in Gent dat nieuw is of veranderd.")

    subtitle = description

    def link(self, gevonden):
        zoekpagina = reverse("wagtail_serve", args=["aanbod/"])
        return f"{zoekpagina}?{gevonden.query}" if gevonden.query else zoekpagina

    def feed_url(self, gevonden):
        url = reverse(self.url_naam)
        return f"{url}?{gevonden.query}" if gevonden.query else url

    def items(self, gevonden):
        return gevonden.aanbod

    def item_title(self, page):
        tekst = getattr(page, "tekst", None)
        return xml_tekst(tekst.titel if tekst else page.title)

    def item_description(self, page):
        tekst = getattr(page, "tekst", None)
        kort = str(tekst.in_het_kort if tekst else page.in_het_kort)
        org = page.organisatie_cached
        door = " " + _("Door %(organisatie)s.") % {"organisatie": org.title} if org else ""
        return xml_tekst(kort + door)

    def item_link(self, page):
        return page.get_url(self.request)

    def item_guid(self, page):
        # A change is a new item: a reader shows it again.
        return f"aanbod-{page.pk}-{page.last_published_at:%Y%m%dT%H%M%S}"

    item_guid_is_permalink = False

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at

    def item_categories(self, page):
        return [xml_tekst(thema.weergave) for thema in page.themas.all()]


class AanbodAtom(AanbodRss):
    """/aanbod/atom/: the same feed in Atom."""

    feed_type = Atom1Feed
    url_naam = "aanbod_atom"


atom = AanbodAtom.view
rss = AanbodRss.view
