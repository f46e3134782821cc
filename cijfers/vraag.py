"""Demand: what people search for, what finds nothing, and which filters they use, counted
from the search log over the chosen period (issue 14, item 2)."""

from urllib.parse import urlencode

from django.urls import reverse

from aanbod.facetten import FACET
from aanbod.models import Synoniem

from . import vraag_telling as telling
from .grafiek import lijndiagram, staafdiagram
from .tabel import Cel, Tabel
from .views import CijferView

OVERIGE_LABEL = "Overige zoekopdrachten (niet apart bijgehouden)"


def aandeel(deel, geheel):
    """A percentage with one decimal; 0.0 when there is nothing to share."""
    return round(100 * deel / geheel, 1) if geheel else 0.0


def synoniem_cel(woorden, bestaande):
    """A link to the synonym form: prefilled for a new word, the edit form for a known one."""
    if woorden in bestaande:
        url = reverse("wagtailsnippets_aanbod_synoniem:edit", args=[bestaande[woorden]])
        return Cel("bewerk het synoniem", url=url, titel=f"Bewerk het synoniem voor “{woorden}”")
    url = reverse("wagtailsnippets_aanbod_synoniem:add") + "?" + urlencode({"term": woorden})
    return Cel("maak een synoniem", url=url, titel=f"Maak een synoniem voor “{woorden}”")


def filter_labels(paren):
    """{"facet=waarde": (facet label, value label)} for the pairs shown; one query per facet."""
    per_facet = {}
    for paar in paren:
        naam, _is, waarde = paar.partition("=")
        per_facet.setdefault(naam, set()).add(waarde)
    labels = {}
    for naam, waarden in per_facet.items():
        facet = FACET.get(naam)
        keuzes = facet.lees_keuzes("nl") if facet else {}
        for waarde in waarden:
            label = keuzes.get(waarde)
            labels[f"{naam}={waarde}"] = (
                str(facet.label) if facet else naam,
                str(label) if label is not None else f"{waarde} (bestaat niet meer)",
            )
    return labels


class VraagView(CijferView):
    page_title = "Vraag: waar mensen naar zoeken"
    sectie = "vraag"
    header_icon = "search"
    uitleg = (
        "Wat mensen op de publieke zoekpagina zoeken, wat niets vindt en welke filters ze "
        "gebruiken. We tellen alleen aantallen per dag: niets zegt wie er zocht."
    )

    def tabellen(self):
        dagen = telling.per_dag(self.periode)
        totaal = telling.totalen(dagen)
        overige = totaal["overige"], totaal["overige_zonder"]
        alle = totaal["zoekopdrachten"]
        return [
            self._samenvatting(totaal),
            self._meest_gezocht(alle, overige),
            self._zonder_resultaat(overige),
            self._per_week(dagen),
            self._filters(alle),
        ]

    def _samenvatting(self, totaal):
        alle, zonder = totaal["zoekopdrachten"], totaal["zonder"]
        zonder_woorden, overige = totaal["zonder_woorden"], totaal["overige"]
        rijen = [
            ["Alle zoekopdrachten", alle, 100.0 if alle else 0.0],
            ["Zonder resultaat", zonder, aandeel(zonder, alle)],
            ["Zonder zoekwoorden (alleen filters)", zonder_woorden, aandeel(zonder_woorden, alle)],
            [OVERIGE_LABEL, overige, aandeel(overige, alle)],
        ]
        return Tabel(
            naam="samenvatting",
            titel="Samenvatting",
            kolommen=["", "Aantal", "Aandeel (%)"],
            rijen=rijen if alle else [],
            uitleg=(
                "Een zoekopdracht telt één keer, ook als iemand verder bladert. Na 2.000 "
                "verschillende zoekopdrachten op één dag tellen we de rest samen als "
                "“overige zoekopdrachten”."
            ),
            leeg="Niemand zocht in deze periode.",
        )

    def _meest_gezocht(self, alle, overige):
        rijen = [
            [woorden, n, aandeel(n, alle), zonder]
            for woorden, n, zonder in telling.meest_gezocht(self.periode)
        ]
        grafiek = staafdiagram("Meest gezochte woorden", [(r[0], r[1]) for r in rijen])
        if overige[0]:
            rijen.append([Cel(OVERIGE_LABEL, klasse="pz-overige"), overige[0],
                          aandeel(overige[0], alle), overige[1]])  # fmt: skip
        return Tabel(
            naam="meest-gezocht",
            titel=f"De {telling.TOP} meest gezochte woorden",
            kolommen=[
                "Zoekwoorden",
                "Aantal keer",
                "Aandeel van alle zoekopdrachten (%)",
                "Keer zonder resultaat",
            ],  # fmt: skip
            rijen=rijen,
            uitleg=(
                "Zoekwoorden zoals de zoekpagina ze leest: kleine letters, zonder leestekens. "
                "Het aandeel is van alle zoekopdrachten in de periode, ook die zonder woorden."
            ),
            grafiek=grafiek,
        )

    def _zonder_resultaat(self, overige):
        gevonden = telling.zonder_resultaat(self.periode)
        woorden = [r[0] for r in gevonden]
        bestaande = dict(Synoniem.objects.filter(term__in=woorden).values_list("term", "pk"))
        rijen = [
            [w, zonder, zonder_filters, laatst, synoniem_cel(w, bestaande)]
            for w, zonder, zonder_filters, laatst in gevonden
        ]
        if overige[1]:
            rijen.append([Cel(OVERIGE_LABEL, klasse="pz-overige"), overige[1], "", "", ""])
        return Tabel(
            naam="zonder-resultaat",
            titel="Zoekopdrachten die niets vonden",
            kolommen=[
                "Zoekwoorden",
                "Keer zonder resultaat",
                "Waarvan zonder filters",
                "Laatst gezien",
                "Synoniem",
            ],  # fmt: skip
            rijen=rijen,
            uitleg=(
                "Vond een woord zonder filters niets, dan helpt vaak een synoniem: het woord "
                "dat aanbieders zelf gebruiken. Met filters kan er ook aanbod ontbreken."
            ),
            leeg="Elke zoekopdracht in deze periode vond iets.",
        )

    def _per_week(self, dagen):
        weken = self.periode.weken()
        per_week = {maandag: [0, 0] for maandag in weken}
        for dag, n, zonder, *_rest in dagen:
            week = per_week[weken[(dag - weken[0]).days // 7]]
            week[0] += n
            week[1] += zonder
        rijen = [
            [f"{maandag:%d-%m-%Y}", n, zonder, aandeel(zonder, n)]
            for maandag, (n, zonder) in per_week.items()
        ]
        labels = [f"{maandag:%d-%m}" for maandag in weken]
        alle = sum(r[1] for r in rijen)
        zonder = sum(r[2] for r in rijen)
        grafiek = ""
        if alle:
            grafiek = lijndiagram(
                "Zoekopdrachten per week", labels, [("Zoekopdrachten", [r[1] for r in rijen])]
            ) + lijndiagram(
                "Aandeel zonder resultaat per week (%)",
                labels,
                [("Zonder resultaat (%)", [r[3] for r in rijen])],
                eenheid="%",
            )
        return Tabel(
            naam="per-week",
            titel="Zoekopdrachten en aandeel zonder resultaat per week",
            kolommen=[
                "Week vanaf maandag",
                "Zoekopdrachten",
                "Zonder resultaat",
                "Aandeel zonder resultaat (%)",
            ],  # fmt: skip
            rijen=rijen if alle else [],
            uitleg="De eerste en laatste week tellen alleen de dagen binnen de periode.",
            grafiek=grafiek,
            voet=["Hele periode", alle, zonder, aandeel(zonder, alle)] if alle else [],
        )

    def _filters(self, alle):
        gebruikt = telling.filters(self.periode)
        labels = filter_labels(paar for paar, _n in gebruikt)
        rijen = [[*reversed(labels[paar]), n, aandeel(n, alle)] for paar, n in gebruikt]
        grafiek = staafdiagram(
            "Meest gebruikte filters", [(f"{r[1]}: {r[0]}", r[2]) for r in rijen]
        )
        return Tabel(
            naam="filters",
            titel=f"De {telling.TOP} meest gebruikte filters",
            kolommen=["Keuze", "Filter", "Aantal keer", "Aandeel van alle zoekopdrachten (%)"],
            rijen=rijen,
            uitleg=(
                "Een zoekopdracht met twee filters telt bij elk van de twee. Keuzes die niet "
                "meer bestaan, staan er met hun oude naam."
            ),
            grafiek=grafiek,
            leeg="Niemand gebruikte filters in deze periode.",
        )
