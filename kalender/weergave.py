"""The calendar as the page, the feeds and the API show it: moments per day, the month grid,
the facets with their counts, labels and links. Built by kalender/query.py; no queries here."""

import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbod.zoeken import Facet, FacetWaarde

from .datums import dag_label, korte_datum, maand_label
from .filters import FACETTEN
from .herhaling import TZ
from .parameters import Parameters

MAX_IN_MAAND = 2000


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
class Dag:
    datum: datetime.date
    momenten: list
    in_maand: bool = True
    vandaag: bool = False

    @property
    def label(self):
        return dag_label(self.datum)


@dataclass
class Kalender(Parameters):
    """The parameters and what was found for them."""

    total: int = 0
    page: object = None  # the Paginator page of moments (list view)
    momenten: list = field(default_factory=list)  # all matching, in order
    facets: list[Facet] = field(default_factory=list)
    weken: list[list[Dag]] = field(default_factory=list)
    vaste_campagne: object = None

    @property
    def dagen(self):
        """The current page of moments grouped per local day."""
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
        return maand_label(self.maand or self.van)

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
        return _("%(van)s tot en met %(tot)s") % {
            "van": korte_datum(self.van),
            "tot": korte_datum(self.tot),
        }

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


def facetten(counts, selected, choices, vaste_campagne):
    result = []
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
        result.append(Facet(name, facet.label, values))
    return result


def weken(kalender, start, end, today):
    """The month grid: whole weeks, Monday to Sunday, from `start` to `end`.

    Monday first in every language, although Django's en and ar formats start on Sunday:
    Belgian calendars, schools and the partners' schedules start the week on Monday, and a
    visitor reading English or Arabic in Ghent should see the same week as the poster on the
    wall. The weekday headers come from the `date` filter, so they are in the page's language."""
    per_dag = {}
    for v in kalender.momenten[:MAX_IN_MAAND]:
        # A moment shows on its first day (multi-day activities are rare here).
        per_dag.setdefault(v.lokale_start.date(), []).append(v)
    if kalender.total > MAX_IN_MAAND:
        kalender.notices.append(
            _("Deze maand heeft meer dan %(n)s momenten; kies een filter om alles te zien.")
            % {"n": MAX_IN_MAAND}
        )
    result, day = [], start
    while day <= end:
        week = []
        for _dag in range(7):
            week.append(
                Dag(day, per_dag.get(day, []), day.month == kalender.maand.month, day == today)
            )
            day += datetime.timedelta(days=1)
        result.append(week)
    return result
