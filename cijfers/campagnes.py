"""Campaigns: per visible campaign that runs in the period, the partners and activities that
joined, their occurrences per wijk, and the campaign's reach in referrals.

Occurrences are the calendar's stored moments (kalender.models.Moment), counted per activity
in the database; only a campaign's own activities (tens, not thousands) are loaded to read their
wijk with the calendar's inheritance rule (an activity without a wijk takes its offer's)."""

import datetime
import functools
from collections import defaultdict

from django.db.models import Count
from django.urls import reverse

from aanbod.models import AanbodPage, OrganisatiePage, Wijk
from kalender.herhaling import TZ
from kalender.models import ActiviteitPage, CampagnePage, Moment
from kalender.models.overerving import facetten_van

from .doorverwijzingen import KOLOMMEN as SOORT_KOLOMMEN
from .doorverwijzingen import STADSBREED, per_sleutel, rij, samen, tellingen
from .grafiek import staafdiagram
from .tabel import Cel, Tabel
from .views import CijferView

GEEN_WIJK = "Geen wijk opgegeven"
MAX_KOLOMMEN = 12  # campaigns side by side in the wijk table; more would not read


def _dag(dag):
    return f"{dag:%d-%m-%Y}"


class Campagne:
    """One campaign's figures within the period; every count comes from the database."""

    def __init__(self, page, periode):
        self.page = page
        self.van = max(page.start, periode.van)
        self.tot = min(page.einde, periode.tot)
        self.activiteiten = list(
            ActiviteitPage.objects.zichtbaar()
            .filter(campagne=page)
            .select_related("campagne")
            .order_by("title")
        )
        ids = [a.pk for a in self.activiteiten]
        begin = datetime.datetime.combine(self.van, datetime.time.min, tzinfo=TZ)
        einde = datetime.datetime.combine(
            self.tot + datetime.timedelta(days=1), datetime.time.min, tzinfo=TZ
        )
        self.momenten = dict(
            Moment.objects.zichtbaar()
            .filter(activiteit__in=ids)
            .overlapping(begin, einde)
            .values("activiteit")
            .order_by()
            .annotate(n=Count("pk"))
            .values_list("activiteit", "n")
        )
        org_paths = {a.path[: -AanbodPage.steplen] for a in self.activiteiten}
        self.partners = dict(
            OrganisatiePage.objects.live()
            .public()
            .filter(path__in=org_paths)
            .values_list("path", "title")
        )
        self.activiteiten = [
            a for a in self.activiteiten if a.path[: -AanbodPage.steplen] in self.partners
        ]
        self.aanbod_ids = {a.aanbod_id for a in self.activiteiten if a.aanbod_id}

    @property
    def label(self):
        return self.page.title

    def n_momenten(self, activiteiten=None):
        return sum(self.momenten.get(a.pk, 0) for a in activiteiten or self.activiteiten)

    def per_wijk(self, labels, facetten):
        """{wijk label: moments}; a moment in two wijken counts in each. `facetten` is
        facetten_van() of (at least) this campaign's activities."""
        result = defaultdict(int)
        for pk in (a.pk for a in self.activiteiten):
            n, wijken = self.momenten.get(pk, 0), facetten[pk].get("wijk") or set()
            for slug in wijken:
                result[STADSBREED if slug == "stadsbreed" else labels.get(slug, slug)] += n
            if not wijken:
                result[GEEN_WIJK] += n
        return result

    @functools.cache  # noqa: B019 (one Campagne per request)
    def bereik(self, periode):
        """Referrals of the offers its activities belong to, in the campaign's months that
        start in the period."""
        if not self.aanbod_ids:
            return {}
        qs = tellingen(periode, AanbodPage.objects.filter(pk__in=self.aanbod_ids)).filter(
            maand__gte=self.page.start.replace(day=1), maand__lte=self.page.einde
        )
        return samen(per_sleutel(qs, "soort"))


class CampagnesView(CijferView):
    page_title = "Campagnes"
    sectie = "campagnes"
    header_icon = "date"
    uitleg = (
        "Welke partners en activiteiten deden mee aan de campagnes in de periode, hoeveel keer "
        "een activiteit plaatsvond per wijk, en hoe vaak het aanbod achter die activiteiten "
        "werd doorverwezen. Alleen gepubliceerde campagnes en activiteiten tellen mee."
    )

    def campagnes(self):
        pages = (
            CampagnePage.objects.zichtbaar()
            .filter(start__lte=self.periode.tot, einde__gte=self.periode.van)
            .order_by("start", "title")
        )
        return [Campagne(page, self.periode) for page in pages]

    def tabellen(self):
        campagnes = self.campagnes()
        return [
            self.overzicht(campagnes),
            self.partners(campagnes),
            self.per_wijk(campagnes),
            self.bereik(campagnes),
        ]

    def overzicht(self, campagnes):
        rijen = [
            [
                Cel(c.label, url=reverse("wagtailadmin_pages:edit", args=[c.page.pk]),
                    titel=f"Campagne {c.label} bewerken"),
                f"{_dag(c.page.start)} tot {_dag(c.page.einde)}",
                len({a.path[: -AanbodPage.steplen] for a in c.activiteiten}),
                len(c.activiteiten), c.n_momenten(),
                sum(c.bereik(self.periode).values()),
            ]
            for c in campagnes
        ]  # fmt: skip
        return Tabel(
            naam="campagnes", titel="Campagnes in de periode",
            kolommen=["Campagne", "Loopt van", "Partners", "Activiteiten",
                      "Momenten in de periode", "Doorverwijzingen"],
            rijen=rijen,
            uitleg="Partners zijn de organisaties met minstens één gepubliceerde activiteit in "
            "de campagne. Momenten tellen binnen de campagne én binnen de gekozen periode.",
            grafiek=staafdiagram(
                "Partners per campagne", [(str(r[0]), r[2]) for r in rijen]
            ) if rijen else "",
            leeg="Geen campagnes in deze periode.",
        )  # fmt: skip

    def partners(self, campagnes):
        rijen = []
        for c in campagnes:
            per_org = defaultdict(list)
            for a in c.activiteiten:
                per_org[a.path[: -AanbodPage.steplen]].append(a)
            for path, activiteiten in sorted(per_org.items(), key=lambda p: c.partners[p[0]]):
                rijen.append([
                    c.partners[path], c.label,
                    ", ".join(a.title for a in activiteiten), c.n_momenten(activiteiten),
                ])  # fmt: skip
        return Tabel(
            naam="partners", titel="Partners en hun activiteiten per campagne",
            kolommen=["Organisatie", "Campagne", "Activiteiten", "Momenten in de periode"],
            rijen=rijen, leeg="Nog geen partners met activiteiten in deze periode.",
        )  # fmt: skip

    def per_wijk(self, campagnes):
        labels = dict(Wijk.objects.values_list("slug", "label"))
        getoond = campagnes[:MAX_KOLOMMEN]
        # The wijken of all shown activities at once: a few queries, not a few per campaign.
        facetten = facetten_van(ActiviteitPage, [a for c in getoond for a in c.activiteiten])
        tellen = [c.per_wijk(labels, facetten) for c in getoond]
        namen = [*labels.values(), STADSBREED, GEEN_WIJK]
        rijen = [[naam, *(t.get(naam, 0) for t in tellen)] for naam in namen]
        heeft = any(any(r[1:]) for r in rijen)
        uitleg = (
            "Hoeveel keer de activiteiten van de campagne plaatsvonden, per wijk van de "
            "activiteit (of van haar aanbod als ze zelf geen wijk heeft). Een activiteit in twee "
            "wijken telt in elke wijk."
        )
        if len(campagnes) > MAX_KOLOMMEN:
            uitleg += f" We tonen de eerste {MAX_KOLOMMEN} campagnes; kies een kortere periode."
        return Tabel(
            naam="momenten-per-wijk", titel="Momenten per wijk",
            kolommen=["Wijk", *(c.label for c in getoond)], rijen=rijen if heeft else [],
            uitleg=uitleg, soort="heatmap",
            voet=["Totaal", *(sum(r[i] for r in rijen) for i in range(1, len(getoond) + 1))],
            grafiek=staafdiagram(
                "Momenten per wijk (alle campagnes samen)",
                [(r[0], sum(r[1:])) for r in rijen if any(r[1:])],
            ) if heeft else "",
        )  # fmt: skip

    def bereik(self, campagnes):
        rijen = [rij(c.label, c.bereik(self.periode)) for c in campagnes]
        heeft = any(r[-1] for r in rijen)
        return Tabel(
            naam="bereik", titel="Bereik in doorverwijzingen",
            kolommen=["Campagne", *SOORT_KOLOMMEN], rijen=rijen if heeft else [],
            uitleg=(
                "Doorverwijzingen van het aanbod waar de activiteiten van de campagne bij horen, "
                "in de maanden van de campagne. Tellingen bestaan per maand: een maand telt mee "
                "als de eerste dag ervan in de periode ligt."
            ),
            grafiek=staafdiagram("Bereik per campagne", [(r[0], r[-1]) for r in rijen])
            if heeft else "",
        )  # fmt: skip
