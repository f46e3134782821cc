"""Coverage counted by the public search itself: one search per theme (and one for the totals),
each reading the column facet's counts. A cell's number is therefore the total of the public
search its link opens (aanbod's filterset reads the same parameters, the seam counts both)."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils import translation

from aanbod.facetten import FACET, keuzes
from aanbod.filters import NEE, AanbodFilterSet
from aanbod.models import AanbodIndexPage
from preventiezoeker.search import SearchQuery, search

# The public search's filters a coordinator narrows the heatmap with, in the registry's terms.
FILTER_FACETTEN = ("doelgroep", "taal", "prijs", "toegankelijkheid", "vorm")
INDELINGEN = {"wijk": "Thema en wijk", "doelgroep": "Thema en doelgroep"}
WIJK = FACET["wijk"]
ZONDER_VELD = WIJK.alles_veld  # ?stadsbreed=nee on the public search


@dataclass
class Keuze:
    """What the coordinator chose, read leniently from GET."""

    indeling: str = "wijk"
    meetellen: bool = False  # add the city-wide offers to every wijk cell
    filters: dict = field(default_factory=dict)  # facet -> tuple of slugs, as the search reads
    meldingen: list = field(default_factory=list)
    keuzes: dict = field(default_factory=dict)  # facet -> {slug: Dutch label}


def lees_keuze(data):
    meldingen = []
    indeling = data.get("indeling") or "wijk"
    if indeling not in INDELINGEN:
        meldingen.append("Die indeling kennen we niet; we tonen thema en wijk.")
        indeling = "wijk"
    meetellen = data.get("meetellen") or ""
    if meetellen not in ("", "1"):
        meldingen.append("Ongeldige keuze bij 'stadsbreed meetellen'; we tellen het apart.")
    # The public filterset, on the filter facets only: same values, labels and notices.
    deel = QueryDict(mutable=True)
    for naam in FILTER_FACETTEN:
        deel.setlist(naam, data.getlist(naam) if hasattr(data, "getlist") else [])
    with translation.override("nl"):  # the admin is Dutch, whatever the user's language
        labels = keuzes()
        params, notices = AanbodFilterSet(deel, choices=labels).search_params()
        notices = [str(n) for n in notices]
        labels = {
            naam: {slug: str(label) for slug, label in labels[naam].items()}
            for naam in ("thema", "wijk", *FILTER_FACETTEN)
        }
    filters = {naam: waarden for naam, waarden in params["filters"].items() if waarden}
    return Keuze(indeling, meetellen == "1", filters, meldingen + notices, labels)


def zoekpagina_url():
    """The public search's address ("" when the site has none yet: cells without links)."""
    index = AanbodIndexPage.objects.live().public().first()
    return (index.url or "") if index is not None else ""


def zoeklink(basis, filters, zonder_stadsbreed=False):
    if not basis:
        return ""
    paren = [(naam, waarde) for naam, waarden in filters.items() for waarde in waarden]
    if zonder_stadsbreed:
        paren.append((ZONDER_VELD, NEE))
    return f"{basis}?{urlencode(paren)}"


def _zoek(filters, zonder_stadsbreed=False):
    exclude = {WIJK.naam: (WIJK.alles,)} if zonder_stadsbreed else {}
    return search(SearchQuery(filters=filters, exclude=exclude, per_page=1))


@dataclass
class Rij:
    """One row: a theme (slug "" for the totals), its cells by column slug, its total."""

    slug: str
    label: str
    filters: dict  # the row's search filters (the theme plus the coordinator's)
    cellen: dict  # column slug -> count
    stadsbreed: int  # city-wide offers (wijk layout)
    totaal: int


def tel_wijken(keuze, thema_slugs, wijk_slugs):
    """A Rij per theme and one for all themes: wijk cells as the public search counts them,
    with or without the city-wide offers (keuze.meetellen)."""
    rijen = []
    for slug in [*thema_slugs, ""]:
        filters = {**keuze.filters, **({"thema": (slug,)} if slug else {})}
        alles = _zoek(filters)
        eigen = alles if keuze.meetellen else _zoek(filters, zonder_stadsbreed=True)
        counts = eigen.facets.get(WIJK.naam, {})
        # A wijk no offer names itself still gets the city-wide ones (the public facet's rule).
        standaard = counts.get(WIJK.alles, 0)
        cellen = {w: counts.get(w, standaard) for w in wijk_slugs}
        stadsbreed = alles.facets.get(WIJK.naam, {}).get(WIJK.alles, 0)
        rijen.append(Rij(slug, "", filters, cellen, stadsbreed, alles.total))
    return rijen


def tel_doelgroepen(keuze, thema_slugs, doelgroep_slugs):
    """A Rij per theme and one for all themes: offers per doelgroep (disjunctive, as the
    public facet: a chosen doelgroep filter does not narrow its own column counts)."""
    rijen = []
    for slug in [*thema_slugs, ""]:
        filters = {**keuze.filters, **({"thema": (slug,)} if slug else {})}
        result = _zoek(filters)
        counts = result.facets.get("doelgroep", {})
        cellen = {d: counts.get(d, 0) for d in doelgroep_slugs}
        rijen.append(Rij(slug, "", filters, cellen, 0, result.total))
    return rijen
