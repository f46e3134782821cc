"""One calendar query for the HTML page, the campaign page, the feeds and the JSON API.

Parameters have the same names as the offer search (thema, wijk, ..., q) plus van, tot (ISO dates),
periode, campagne, aanbod, weergave, maand and page. Every value is validated here; bad input
becomes a Dutch notice and a bounded default, never an error. Occurrences of the date range come
from the database (indexed start/einde) and are faceted by the search seam's in-memory counter.
"""

import calendar
import datetime
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby

from django import forms
from django.core.paginator import Paginator
from django.http import QueryDict
from django.utils import timezone

from wagtail.models import Page

from aanbod.filters import LenientMultipleChoiceField, facet_keuzes
from preventiezoeker.search.memory import facet_records

from .enums import Periode, Weergave
from .filters import FACETTEN, NAMEN, keuzes
from .herhaling import TZ
from .models import ActiviteitPage, Moment

PER_PAGE = 50
STANDAARD_DAGEN = 90  # the list shows three months unless asked otherwise
MAX_DAGEN = 366  # a year at most: bounded work per request
MAX_IN_MAAND = 2000
MIN_JAAR, MAX_JAAR = 2000, 2100
MAX_Q = 200
MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
PARAMETERS = (
    "q", *NAMEN, "van", "tot", "periode", "aanbod", "activiteit", "weergave", "maand", "page",
)  # fmt: skip


class KalenderForm(forms.Form):
    q = forms.CharField(required=False, strip=True)
    van = forms.CharField(required=False)
    tot = forms.CharField(required=False)
    periode = forms.CharField(required=False)
    weergave = forms.CharField(required=False)
    maand = forms.CharField(required=False)
    aanbod = forms.CharField(required=False)
    activiteit = forms.CharField(required=False)
    page = forms.CharField(required=False)

    def __init__(self, data, choices):
        super().__init__(data)
        for facet in NAMEN:
            self.fields[facet] = LenientMultipleChoiceField(
                required=False, choices=list(choices[facet].items())
            )


@dataclass(slots=True)
class MomentRij:
    """A stored Moment read as a plain row, with its activity (thousands per year: no models)."""

    activiteit: object
    activiteit_id: int
    start: datetime.datetime
    einde: datetime.datetime
    hele_dag: bool
    uit_regel: bool

    @property
    def lokale_start(self):
        return timezone.localtime(self.start, TZ)

    @property
    def lokaal_einde(self):
        return timezone.localtime(self.einde, TZ)


@dataclass
class FacetWaarde:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetWaarde]


@dataclass
class Dag:
    datum: datetime.date
    momenten: list
    in_maand: bool = True
    vandaag: bool = False

    @property
    def label(self):
        return dag_label(self.datum)


@dataclass
class Kalender:
    van: datetime.date
    tot: datetime.date  # inclusive
    weergave: str
    filters: dict
    q: str = ""
    aanbod: int | None = None
    activiteit: int | None = None
    periode: str = ""
    maand: datetime.date | None = None
    notices: list[str] = field(default_factory=list)
    total: int = 0
    page: object = None  # the Paginator page of occurrences (list view)
    momenten: list = field(default_factory=list)  # all matching, in order
    facets: list[Facet] = field(default_factory=list)
    weken: list[list[Dag]] = field(default_factory=list)
    vaste_campagne: object = None

    @property
    def dagen(self):
        """The current page of occurrences grouped per local day."""
        items = self.page.object_list if self.page is not None else self.momenten
        return [
            Dag(day, list(group))
            for day, group in groupby(items, key=lambda v: v.lokale_start.date())
        ]

    @property
    def chips(self):
        return [(f, v) for f in self.facets for v in f.values if v.selected]

    @property
    def maand_label(self):
        m = self.maand or self.van
        return f"{MAANDEN[m.month - 1]} {m.year}"

    @property
    def vorige_maand(self):
        m = self.maand or self.van
        return (m.replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")

    @property
    def volgende_maand(self):
        m = self.maand or self.van
        return (m.replace(day=28) + datetime.timedelta(days=4)).strftime("%Y-%m")

    @property
    def periode_label(self):
        if self.van == self.tot:
            return dag_label(self.van)
        return f"{korte_datum(self.van)} tot en met {korte_datum(self.tot)}"

    def params(self, feed=False):
        """The filters as a QueryDict, for feed links and shareable URLs."""
        q = QueryDict(mutable=True)
        if self.q:
            q["q"] = self.q
        for facet, values in self.filters.items():
            if facet == "campagne" and self.vaste_campagne is not None and not feed:
                continue
            q.setlist(facet, list(values))
        if self.aanbod:
            q["aanbod"] = str(self.aanbod)
        if self.activiteit:
            q["activiteit"] = str(self.activiteit)
        if self.periode:
            q["periode"] = self.periode
        return q

    @property
    def feed_query(self):
        params = self.params(feed=True)
        return params.urlencode()


def korte_datum(day):
    return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"


def dag_label(day):
    return f"{DAGEN[day.weekday()]} {day.day} {MAANDEN[day.month - 1]} {day.year}"


def fold(text):
    """Lower case without accents: diëtist = dietist."""
    normal = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in normal if not unicodedata.combining(c))


def _datum(raw, naam, notices):
    raw = (raw or "").strip()[:20]
    if not raw:
        return None
    try:
        day = datetime.date.fromisoformat(raw)
    except ValueError:
        notices.append(
            f"'{raw}' is geen geldige datum bij '{naam}' (schrijf jjjj-mm-dd, bv. 2026-03-01); "
            "we gebruiken de standaarddatum."
        )
        return None
    if not MIN_JAAR <= day.year <= MAX_JAAR:
        notices.append(f"De datum bij '{naam}' ligt te ver weg; we gebruiken de standaarddatum.")
        return None
    return day


def periode_bereik(periode, today):
    if periode == Periode.VANDAAG:
        return today, today
    if periode == Periode.DEZE_WEEK:
        return today, today + datetime.timedelta(days=6 - today.weekday())
    if periode == Periode.DIT_WEEKEND:
        zaterdag = today + datetime.timedelta(days=max(0, 5 - today.weekday()))
        return max(today, zaterdag), today + datetime.timedelta(days=6 - today.weekday())
    if periode == Periode.DEZE_MAAND:
        last = calendar.monthrange(today.year, today.month)[1]
        return today, today.replace(day=last)
    if periode == Periode.VOLGENDE_MAAND:
        first = today.replace(day=28) + datetime.timedelta(days=4)
        first = first.replace(day=1)
        return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return None


def _maand(raw, today, notices):
    raw = (raw or "").strip()[:10]
    if not raw:
        return None
    try:
        year, month = (int(p) for p in raw.split("-")[:2])
        day = datetime.date(year, month, 1)
    except ValueError:
        notices.append(f"'{raw}' is geen geldige maand (schrijf jjjj-mm); we tonen deze maand.")
        return today.replace(day=1)
    if not MIN_JAAR <= day.year <= MAX_JAAR:
        notices.append("Die maand ligt te ver weg; we tonen deze maand.")
        return today.replace(day=1)
    return day


def _id(raw, melding, notices):
    raw = (raw or "").strip()
    if not raw:
        return None
    if raw.isdigit() and len(raw) < 12:
        return int(raw)
    notices.append(melding)
    return None


def lees_parameters(data, choices, today, standaard_dagen=STANDAARD_DAGEN):
    """(Kalender with validated parameters, nothing fetched yet)."""
    form = KalenderForm(data, choices)
    form.is_valid()
    cleaned = form.cleaned_data
    filters, notices = facet_keuzes(form, FACETTEN)
    q = (cleaned.get("q") or "").replace("\x00", " ")
    if len(q) > MAX_Q:
        notices.append(f"Je zoekwoorden waren te lang; we zochten op de eerste {MAX_Q} tekens.")
        q = q[:MAX_Q]
    weergave = cleaned.get("weergave") or Weergave.LIJST
    if weergave not in Weergave.values:
        notices.append("Onbekende weergave; we tonen de lijst.")
        weergave = Weergave.LIJST
    aanbod = _id(cleaned.get("aanbod"), "Onbekend aanbod genegeerd.", notices)
    activiteit = _id(cleaned.get("activiteit"), "Onbekende activiteit genegeerd.", notices)

    periode = (cleaned.get("periode") or "").strip()
    bereik = periode_bereik(periode, today) if periode else None
    if periode and bereik is None:
        notices.append("Onbekende periode; we tonen vanaf vandaag.")
        periode = ""
    maand = None
    if bereik:
        van, tot = bereik
    else:
        van = _datum(cleaned.get("van"), "van", notices)
        tot = _datum(cleaned.get("tot"), "tot", notices)
        if van and tot and tot < van:
            notices.append("De einddatum lag voor de begindatum; we hebben ze omgewisseld.")
            van, tot = tot, van
        van = van or today
        tot = tot or van + datetime.timedelta(days=standaard_dagen)
        if (tot - van).days > MAX_DAGEN:
            tot = van + datetime.timedelta(days=MAX_DAGEN)
            notices.append(
                "Je koos een periode van meer dan een jaar; we tonen één jaar, "
                f"tot en met {korte_datum(tot)}."
            )
    if weergave == Weergave.MAAND:
        maand = _maand(cleaned.get("maand"), today, notices) or van.replace(day=1)
    try:
        page_number = max(1, int(str(cleaned.get("page") or "1")[:6]))
    except ValueError:
        page_number = 1
    kalender = Kalender(
        van=van, tot=tot, weergave=weergave, filters=filters, q=q, aanbod=aanbod,
        activiteit=activiteit, periode=periode, maand=maand, notices=notices,
    )  # fmt: skip
    return kalender, page_number


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


def zoek_kalender(data, vaste_campagne=None, now=None, standaard_dagen=STANDAARD_DAGEN):
    now = now or timezone.now()
    today = timezone.localdate(now, TZ)
    choices = keuzes()
    if vaste_campagne is not None:
        choices["campagne"].setdefault(vaste_campagne.slug, vaste_campagne.title)
    kalender, page_number = lees_parameters(data, choices, today, standaard_dagen)
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
    activiteiten = _activiteiten({row[0] for row in rows})
    kandidaten = activiteiten
    if kalender.aanbod is not None:
        kandidaten = {k: a for k, a in kandidaten.items() if a.aanbod_id == kalender.aanbod}
    if kalender.activiteit is not None:
        kandidaten = {k: a for k, a in kandidaten.items() if k == kalender.activiteit}
    if kalender.q:
        words = [fold(w) for w in kalender.q.split() if w.strip()]
        kandidaten = {k: a for k, a in kandidaten.items() if all(w in a.zoektekst for w in words)}
    # Facet each activity once, weighted by its occurrences in the period.
    weights = Counter(row[0] for row in rows if row[0] in kandidaten)
    records = [(pk, kandidaten[pk].facetten) for pk in weights]
    matching, counts = facet_records(
        records, kalender.filters, NAMEN, universe=choices, weights=weights
    )
    matching = set(matching)
    kalender.momenten = [
        MomentRij(activiteiten[row[0]], *row) for row in rows if row[0] in matching
    ]
    kalender.total = len(kalender.momenten)
    kalender.facets = _facets(counts, kalender.filters, choices, vaste_campagne)

    if kalender.weergave == Weergave.MAAND:
        kalender.weken = _weken(kalender, grid_start, grid_end, today)
    else:
        paginator = Paginator(kalender.momenten, PER_PAGE)
        if page_number > paginator.num_pages and kalender.total:
            kalender.notices.append(
                f"Die pagina bestaat niet; dit is pagina {paginator.num_pages}."
            )
        kalender.page = paginator.get_page(page_number)
    return kalender


# facet -> the M2M relation on ActiviteitPage and on AanbodPage (same names on both).
M2M = {
    "thema": "themas",
    "doelgroep": "doelgroepen",
    "taal": "talen",
    "wijk": "wijken",
    "toegankelijkheid": "toegankelijkheid",
}
JSON_LISTS = {"prijs": "prijs", "vorm": "vormen", "inschrijving": "inschrijving"}


def _slugs(model, ids):
    """{pk: {facet: set of slugs}} for the M2M facets, as (pk, slug) rows: no model instances."""
    result = {pk: {facet: set() for facet in M2M} for pk in ids}
    for facet, relation in M2M.items():
        rows = model.objects.filter(pk__in=ids, **{f"{relation}__isnull": False})
        for pk, slug in rows.values_list("pk", f"{relation}__slug"):
            result[pk][facet].add(slug)
    return result


def _activiteiten(ids):
    """pk -> ActiviteitPage with .facetten, .zoektekst and .organisatie_cached, in few queries.

    Same rules as ActiviteitPage.facet_waarden(): an empty facet takes the linked offer's values.
    """
    from aanbod.models import AanbodPage

    pages = {p.pk: p for p in ActiviteitPage.objects.filter(pk__in=ids).select_related("campagne")}
    eigen = _slugs(ActiviteitPage, list(pages))
    aanbod_ids = {p.aanbod_id for p in pages.values() if p.aanbod_id}
    aanbod = _slugs(AanbodPage, aanbod_ids)
    aanbod_velden = {
        row[0]: row
        for row in AanbodPage.objects.filter(pk__in=aanbod_ids).values_list(
            "pk", "stadsbreed", *JSON_LISTS.values()
        )
    }
    org_paths = {p.path[: -Page.steplen] for p in pages.values()}
    orgs = {
        o.path: o
        for o in Page.objects.filter(path__in=org_paths).only("title", "path", "url_path", "slug")
    }
    for pk, page in pages.items():
        page.organisatie_cached = orgs.get(page.path[: -Page.steplen])
        van_aanbod = aanbod.get(page.aanbod_id, {})
        velden = aanbod_velden.get(page.aanbod_id)
        facetten = {}
        for facet in M2M:
            facetten[facet] = eigen[pk][facet] or (
                set(van_aanbod.get(facet, ())) if facet != "wijk" else set()
            )
        stadsbreed = page.stadsbreed
        if not facetten["wijk"] and not stadsbreed and velden is not None:
            facetten["wijk"] = set(van_aanbod.get("wijk", ()))
            stadsbreed = velden[1]
        if stadsbreed:
            facetten["wijk"] = facetten["wijk"] | {"stadsbreed"}
        for i, (facet, attr) in enumerate(JSON_LISTS.items()):
            own = getattr(page, attr) or []
            facetten[facet] = set(own or (velden[2 + i] if velden is not None else []) or [])
        campagne = page.campagne
        facetten["campagne"] = {campagne.slug} if campagne is not None and campagne.live else set()
        page.facetten = facetten
        org_name = page.organisatie_cached.title if page.organisatie_cached else ""
        page.zoektekst = fold(" ".join((page.title, page.in_het_kort, org_name)))
    return pages


def _facets(counts, selected, choices, vaste_campagne):
    facets = []
    for facet in FACETTEN:
        name = facet.naam
        if name == "campagne" and vaste_campagne is not None:
            continue  # on a campaign page the campaign is fixed
        chosen = set(selected.get(name, ()))
        own = counts.get(name, {})
        values = [
            FacetWaarde(slug, label, own.get(slug, 0), slug in chosen)
            for slug, label in choices[name].items()
        ]
        # Long vocabularies: only values with results in this period, or chosen.
        values = [v for v in values if v.count or v.selected]
        facets.append(Facet(name, facet.label, values))
    return facets


def _weken(kalender, start, end, today):
    per_dag = {}
    for v in kalender.momenten[:MAX_IN_MAAND]:
        # An occurrence shows on its first day (multi-day activities are rare here).
        per_dag.setdefault(v.lokale_start.date(), []).append(v)
    if kalender.total > MAX_IN_MAAND:
        kalender.notices.append(
            f"Deze maand heeft meer dan {MAX_IN_MAAND} momenten; kies een filter om alles te zien."
        )
    weken, day = [], start
    while day <= end:
        week = []
        for _ in range(7):
            week.append(
                Dag(day, per_dag.get(day, []), day.month == kalender.maand.month, day == today)
            )
            day += datetime.timedelta(days=1)
        weken.append(week)
    return weken
