"""Coverage: where offer is missing. A heatmap of the visible offers per theme and wijk (or
doelgroep), every cell a link to the public search it counts."""

from bisect import bisect_left
from urllib.parse import urlencode

from django.utils import translation

from aanbod.facetten import FACET
from preventiezoeker.search import SearchUnavailable

from .dekking_telling import (
    FILTER_FACETTEN,
    INDELINGEN,
    WIJK,
    lees_keuze,
    tel_doelgroepen,
    tel_wijken,
    zoeklink,
    zoekpagina_url,
)
from .tabel import Cel, Tabel
from .views import CijferView

TINTEN = 5  # pz-heat-1..5; pz-heat-0 is an empty cell


def tinten(waarden):
    """value -> shade 1..5 by quantiles of the non-zero values (0 stays 0)."""
    gevuld = sorted(v for v in waarden if v)
    if not gevuld:
        return lambda v: 0
    grenzen = [gevuld[len(gevuld) * i // TINTEN] for i in range(1, TINTEN)]
    # bisect_left: with many ties (mostly 1s) the smallest value stays the lightest.
    return lambda v: 0 if not v else min(TINTEN, 1 + bisect_left(grenzen, v))


def _label(naam):
    with translation.override("nl"):
        return str(FACET[naam].label)


def _aantal(n):
    return f"{n} aanbod" if n else "geen aanbod"


class DekkingView(CijferView):
    page_title = "Dekking: aanbod per thema en wijk"
    sectie = "dekking"
    template_name = "cijfers/dekking.html"
    uitleg = (
        "Waar ontbreekt aanbod? Elk vakje telt het aanbod dat nu zichtbaar is op de publieke "
        "zoekpagina, en linkt naar die zoekopdracht. Dekking is een momentopname: de gekozen "
        "periode verandert deze cijfers niet. Een aanbod met twee thema's of wijken telt in "
        "elk vakje mee; de totalen tellen elk aanbod één keer."
    )

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:  # the frame refuses the rest before any counting
            self.keuze = lees_keuze(request.GET)
        return super().dispatch(request, *args, **kwargs)

    def extra_query(self):
        paren = [("indeling", self.keuze.indeling)]
        if self.keuze.meetellen:
            paren.append(("meetellen", "1"))
        paren += [(n, w) for n, waarden in self.keuze.filters.items() for w in waarden]
        return "&" + urlencode(paren)

    def tabellen(self):
        if not hasattr(self, "_tabellen"):
            self.meldingen.extend(self.keuze.meldingen)
            try:
                self._tabellen = self._bouw()
            except SearchUnavailable:
                self.meldingen.append(
                    "De zoekindex is even niet bruikbaar, dus we kunnen nu niet tellen. "
                    "Probeer het over enkele minuten opnieuw."
                )
                self._tabellen = []
        return self._tabellen

    def _bouw(self):
        keuze, labels = self.keuze, self.keuze.keuzes
        themas = labels["thema"]
        basis = zoekpagina_url()
        if keuze.indeling == "doelgroep":
            gekozen = keuze.filters.get("doelgroep")
            kolommen = {d: t for d, t in labels["doelgroep"].items() if not gekozen or d in gekozen}
            rijen = tel_doelgroepen(keuze, list(themas), list(kolommen))
            kolom_facet, zonder = "doelgroep", False
        else:
            kolommen = {w: t for w, t in labels["wijk"].items() if w != WIJK.alles}
            rijen = tel_wijken(keuze, list(themas), list(kolommen))
            kolom_facet, zonder = "wijk", not keuze.meetellen
        stadsbreed = keuze.indeling == "wijk"
        tint = tinten(
            [n for rij in rijen[:-1] for n in rij.cellen.values()]
            + ([rij.stadsbreed for rij in rijen[:-1]] if stadsbreed else [])
        )

        def cel(rij, kolom, n, rij_label, kolom_label):
            filters = {**rij.filters, kolom_facet: (kolom,)}
            zin = f"{rij_label} in {kolom_label}" if kolom_facet == "wijk" else (
                f"{rij_label} voor {kolom_label}"
            )  # fmt: skip
            if zonder:
                zin += ", zonder stadsbreed aanbod"
            return Cel(n, zoeklink(basis, filters, zonder), f"pz-heat-{tint(n)}",
                       f"{zin}: {_aantal(n)}")  # fmt: skip

        def stadsbreed_cel(rij, rij_label, klasse=""):
            n, filters = rij.stadsbreed, {**rij.filters, WIJK.naam: (WIJK.alles,)}
            return Cel(n, zoeklink(basis, filters), klasse or f"pz-heat-{tint(n)}",
                       f"{rij_label}, stadsbreed (heel Gent): {_aantal(n)}")  # fmt: skip

        def totaal_cel(rij, rij_label):
            return Cel(rij.totaal, zoeklink(basis, rij.filters), "pz-totaal",
                       f"{rij_label}, totaal: {_aantal(rij.totaal)}")  # fmt: skip

        tabel_rijen, ontbreekt = [], []
        for rij in rijen[:-1]:
            label = themas[rij.slug]
            cellen = [cel(rij, k, rij.cellen[k], label, kolommen[k]) for k in kolommen]
            extra = [stadsbreed_cel(rij, label)] if stadsbreed else []
            tabel_rijen.append([label, *cellen, *extra, totaal_cel(rij, label)])
            leeg = [kolommen[k] for k in kolommen if not rij.cellen[k]]
            if leeg:
                ontbreekt.append([label, len(leeg), ", ".join(leeg)])
        som = rijen[-1]
        voet_label = "Alle thema's"
        voet = [
            voet_label,
            *[totaal_cel_kolom(basis, som, kolom_facet, k, kolommen[k], zonder) for k in kolommen],
            *([stadsbreed_cel(som, voet_label, "pz-totaal")] if stadsbreed else []),
            totaal_cel(som, voet_label),
        ]
        kolom_titel = "wijk" if kolom_facet == "wijk" else "doelgroep"
        titel = f"Aanbod per thema en {kolom_titel}"
        heatmap = Tabel(
            naam=f"dekking-{kolom_titel}",
            titel=titel,
            kolommen=[
                "Thema", *kolommen.values(), *([str(WIJK.alles_label)] if stadsbreed else []),
                "Totaal",
            ],
            rijen=tabel_rijen,
            voet=voet,
            soort="heatmap",
            uitleg=self._uitleg_tabel(),
            leeg="Er zijn nog geen thema's.",
        )  # fmt: skip
        gaten = Tabel(
            naam="ontbreekt",
            titel="Waar ontbreekt aanbod?",
            kolommen=["Thema", f"Aantal {kolom_titel}en zonder aanbod", f"{kolom_titel.title()}en"],
            rijen=ontbreekt,
            uitleg="De lege vakjes van de tabel hierboven, per thema.",
            leeg=f"Elk thema heeft aanbod in elke {kolom_titel}.",
        )
        return [heatmap, gaten]

    def _uitleg_tabel(self):
        keuze = self.keuze
        if keuze.indeling == "doelgroep":
            zin = "Per thema: hoeveel aanbod er is voor elke doelgroep, in heel Gent."
        elif keuze.meetellen:
            zin = (
                "Stadsbreed aanbod telt mee in elke wijk, zoals op de zoekpagina. De kolom "
                "'Heel Gent' toont het stadsbrede aanbod apart."
            )
        else:
            zin = (
                "Een wijk telt alleen aanbod in die wijk zelf; stadsbreed aanbod staat in een "
                "eigen kolom."
            )
        if keuze.filters:
            gekozen = "; ".join(
                f"{_label(n).lower()}: " + ", ".join(keuze.keuzes[n].get(w, w) for w in waarden)
                for n, waarden in keuze.filters.items()
            )
            zin += f" Alleen aanbod met {gekozen}."
        return zin + " Een rood gestreept vakje met 0 heeft geen aanbod."

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        keuze = self.keuze
        context.update(
            indelingen=[
                (slug, label, slug == keuze.indeling) for slug, label in INDELINGEN.items()
            ],
            meetellen=keuze.meetellen,
            facet_filters=[
                {
                    "naam": naam,
                    "label": _label(naam),
                    "gekozen": len(keuze.filters.get(naam, ())),
                    "waarden": [
                        (slug, str(label), slug in keuze.filters.get(naam, ()))
                        for slug, label in keuze.keuzes[naam].items()
                    ],
                }
                for naam in FILTER_FACETTEN
            ],
        )
        return context


def totaal_cel_kolom(basis, som, facet, kolom, kolom_label, zonder):
    """The totals row's cell of one column: every theme at once."""
    n = som.cellen[kolom]
    filters = {**som.filters, facet: (kolom,)}
    zin = (
        f"Alle thema's in {kolom_label}" if facet == "wijk" else f"Alle thema's voor {kolom_label}"
    )
    if zonder:
        zin += ", zonder stadsbreed aanbod"
    return Cel(n, zoeklink(basis, filters, zonder), "pz-totaal", f"{zin}: {_aantal(n)}")
