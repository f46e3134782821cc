"""One truth for "when": an offer's days and hours as its visible dated activities give them.

The offer page, the handout and the editor read the same summary: the upcoming moments of the
offer's public activities, grouped per weekday and time ("Elke dinsdag, 19.00 tot 21.00 uur:
8 keer, van 1 december tot 19 januari 2027"), and the verdict of kalender/planning_check.py on
the free schedule text. Only Moment.objects.zichtbaar(): a draft, unpublished or restricted
activity never shapes what the public reads.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Min
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .datums import uur
from .herhaling import TZ
from .planning_check import Oordeel, Slot, controleer

MAX_REGELS = 4  # lines on the page; the list of next dates shows the rest
MAX_MOMENTEN = 5000  # rows read per request, whatever the data


@dataclass
class Reeks:
    """The upcoming moments of an offer on one weekday at one time."""

    dag: int
    start: datetime.time | None  # None: the whole day
    einde: datetime.time | None
    data: list = field(default_factory=list)
    eerder: bool = False  # the series already ran before today

    @property
    def slot(self):
        return Slot(self.dag, self.start, self.einde)

    @property
    def wekelijks(self):
        return len(self.data) > 1 and all(
            (b - a).days == 7 for a, b in zip(self.data, self.data[1:], strict=False)
        )

    def _uren(self):
        if self.start is None:
            return _("de hele dag")
        if self.einde is None:
            return _("om %(uur)s uur") % {"uur": uur(self.start)}
        return _("%(start)s tot %(einde)s uur") % {
            "start": uur(self.start),
            "einde": uur(self.einde),
        }

    def tekst(self, today):
        """The line on the offer page and the handout, in the active language."""

        def datum(day):
            return date_format(day, "j F" if day.year == today.year else "j F Y")

        eerste, laatste = self.data[0], self.data[-1]
        if len(self.data) == 1:
            return _("%(dag)s %(datum)s, %(uren)s") % {
                "dag": date_format(eerste, "l").capitalize(),
                "datum": datum(eerste),
                "uren": self._uren(),
            }
        dag = date_format(eerste, "l")
        kop = _("Elke %(dag)s") % {"dag": dag} if self.wekelijks else dag.capitalize()
        n = len(self.data)
        if self.eerder:
            keer = ngettext("nog %(n)s keer", "nog %(n)s keer", n) % {"n": n}
        else:
            keer = ngettext("%(n)s keer", "%(n)s keer", n) % {"n": n}
        return _("%(kop)s, %(uren)s: %(keer)s, van %(van)s tot %(tot)s") % {
            "kop": kop,
            "uren": self._uren(),
            "keer": keer,
            "van": datum(eerste),
            "tot": datum(laatste),
        }


@dataclass
class Wanneer:
    """What an offer's dated activities say about when, and what that means for its text."""

    reeksen: list = field(default_factory=list)
    oordeel: Oordeel = field(default_factory=Oordeel)
    today: datetime.date | None = None

    @property
    def regels(self):
        return [r.tekst(self.today) for r in self.reeksen[:MAX_REGELS]]

    @property
    def meer(self):
        return len(self.reeksen) > MAX_REGELS

    @property
    def slots(self):
        return [r.slot for r in self.reeksen]

    @property
    def toon_planning(self):
        """The schedule text shows only where it does not contradict the dates."""
        return not self.oordeel.tegenspraak


def reeksen_per_aanbod(aanbod_ids, now=None):
    """{aanbod_id: [Reeks]} from the upcoming moments of the visible activities, in two queries."""
    from .models import Moment

    now = now or timezone.now()
    aanbod_ids = [pk for pk in dict.fromkeys(aanbod_ids) if pk is not None]
    result = {pk: [] for pk in aanbod_ids}
    if not aanbod_ids:
        return result
    zichtbaar = Moment.objects.zichtbaar().filter(activiteit__aanbod_id__in=aanbod_ids)
    rows = list(
        zichtbaar.komend(now).values_list(
            "activiteit__aanbod_id", "activiteit_id", "start", "einde", "hele_dag"
        )[:MAX_MOMENTEN]
    )
    begonnen = {
        row["activiteit_id"]
        for row in zichtbaar.filter(activiteit_id__in={r[1] for r in rows})
        .values("activiteit_id")
        .annotate(eerste=Min("start"))
        if row["eerste"] < now
    }
    groepen = defaultdict(dict)
    for aanbod_id, activiteit_id, start, einde, hele_dag in rows:
        start, einde = timezone.localtime(start, TZ), timezone.localtime(einde, TZ)
        if hele_dag:
            sleutel = (start.weekday(), None, None)
        else:
            # A moment past midnight has no clock end on its own day.
            eind = einde.time() if einde.date() == start.date() else None
            sleutel = (start.weekday(), start.time(), eind)
        reeks = groepen[aanbod_id].setdefault(sleutel, Reeks(*sleutel))
        if start.date() not in reeks.data:
            reeks.data.append(start.date())
        reeks.eerder = reeks.eerder or activiteit_id in begonnen
    for aanbod_id, per_sleutel in groepen.items():
        result[aanbod_id] = sorted(
            per_sleutel.values(), key=lambda r: (r.data[0], r.start or datetime.time(0))
        )
    return result


def wanneer_per_aanbod(paginas, now=None):
    """{offer pk: Wanneer} for offer instances (their `planning` is compared with the dates)."""
    now = now or timezone.now()
    today = timezone.localdate(now, TZ)
    paginas = [p for p in paginas if p.pk is not None]
    per_aanbod = reeksen_per_aanbod([p.pk for p in paginas], now)
    result = {}
    for page in paginas:
        reeksen = per_aanbod.get(page.pk, [])
        oordeel = controleer(page.planning, [r.slot for r in reeksen])
        result[page.pk] = Wanneer(reeksen, oordeel, today)
    return result


def wanneer_van(page, now=None):
    if page.pk is None:  # the preview of a new offer: no dates can point to it yet
        return Wanneer()
    return wanneer_per_aanbod([page], now)[page.pk]


def planning_waarschuwingen(page):
    """The offer editor's warnings (aanbod.waarschuwingen.editor_warnings): where the schedule
    text names other days or hours than the published dates in the calendar."""
    if not page.planning:
        return []
    zinnen = wanneer_van(page).oordeel.zinnen
    if zinnen:
        zinnen.append(
            "Op de website en op de doorverwijsfiche staan de data uit de kalender. "
            "Pas de tekst aan, of laat hem leeg."
        )
    return zinnen
