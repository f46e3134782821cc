"""Referrals: what partners and caregivers did with visible offers (handouts, shared and mailed
selections, gids requests per offer), per month, theme, wijk, organisation and offer, and the
gezondheidsgids requests themselves (cijfers/aanvragen.py).

Telling rows are counts per offer per month: everything here is a SUM over them in the
database. Counts of offers that are no longer visible are left out, so the figures agree with
the public search."""

from collections import defaultdict

from django.db.models import Sum
from django.urls import reverse

from aanbod.models import AanbodPage, OrganisatiePage, Thema, Wijk
from doorverwijzing.enums import Soort
from doorverwijzing.models import Telling

from .aanvragen import aanvraag_tabellen, maand_label
from .doorverwijzingen_sql import TOP as PER_AANBOD
from .doorverwijzingen_sql import uitsplitsing
from .grafiek import lijndiagram, staafdiagram
from .rechten import mag_cijfers_zien
from .tabel import Tabel
from .views import CijferView

# Short column headers: the full labels of Soort do not fit a table at 1280 px.
SOORT_KOLOMMEN = {
    Soort.FICHE: "Fiche geprint",
    Soort.GEDEELD: "Gedeeld als link",
    Soort.GEMAILD: "Gemaild",
    Soort.GIDS: "Gids aangevraagd",
}
KOLOMMEN = [*SOORT_KOLOMMEN.values(), "Totaal"]
STADSBREED = "Heel Gent (stadsbreed)"
GEEN_WIJK = "Geen wijk opgegeven"
MAANDREGEL = (
    "Tellingen bestaan per maand: een maand telt mee als de eerste dag ervan in de periode ligt."
)


def tellingen(periode, aanbod=None):
    """Telling rows of visible offers whose month starts in the period (optionally only the
    offers of the queryset `aanbod`)."""
    zichtbaar = AanbodPage.objects.zichtbaar()
    if aanbod is not None:
        zichtbaar = zichtbaar.filter(pk__in=aanbod.values("pk"))
    return Telling.objects.filter(
        maand__gte=periode.van, maand__lte=periode.tot, aanbod__in=zichtbaar.values("pk")
    ).order_by()


def per_sleutel(queryset, sleutel):
    """{key: {soort: n}} summed in the database, grouped by `sleutel` and soort."""
    result = defaultdict(lambda: dict.fromkeys(Soort.values, 0))
    for row in queryset.values(sleutel, "soort").annotate(n=Sum("aantal")):
        result[row[sleutel]][row["soort"]] += row["n"]
    return result


def rij(label, aantallen):
    waarden = [aantallen.get(s, 0) for s in Soort.values]
    return [label, *waarden, sum(waarden)]


def voet(rijen):
    return ["Totaal", *(sum(r[i] for r in rijen) for i in range(1, len(KOLOMMEN) + 1))]


class DoorverwijzingenView(CijferView):
    page_title = "Doorverwijzingen"
    sectie = "doorverwijzingen"
    header_icon = "doc-full"
    uitleg = (
        "Hoe vaak hulpverleners en bewoners aanbod doorgaven: een fiche geprint, een selectie "
        "gedeeld of gemaild, een gezondheidsgids gevraagd. Alleen aanbod dat nu zichtbaar is "
        "op de site telt mee. We tellen anoniem: geen namen, geen adressen, geen vragen."
    )

    def tabellen(self):
        delen = uitsplitsing(self.periode)
        return [
            self.per_maand(tellingen(self.periode)),
            self.per_thema(delen),
            self.per_wijk(delen),
            self.per_organisatie(delen),
            self.per_aanbod(delen),
            *aanvraag_tabellen(self.periode),
        ]

    def per_maand(self, qs):
        maanden = [m for m in self.periode.maanden() if m >= self.periode.van]
        tellen = per_sleutel(qs, "maand")
        rijen = [rij(maand_label(m), tellen.get(m, {})) for m in maanden]
        heeft = any(r[-1] for r in rijen)
        reeksen = [
            (label, [tellen.get(m, {}).get(soort, 0) for m in maanden])
            for soort, label in SOORT_KOLOMMEN.items()
        ]
        return Tabel(
            naam="per-maand", titel="Doorverwijzingen per maand", kolommen=["Maand", *KOLOMMEN],
            rijen=rijen if heeft else [], voet=voet(rijen) if heeft else [], uitleg=MAANDREGEL,
            grafiek=lijndiagram(
                "Doorverwijzingen per maand", [maand_label(m) for m in maanden], reeksen
            ) if heeft else "",
        )  # fmt: skip

    def per_thema(self, delen):
        tellen = delen["thema"]
        rijen = [rij(label, tellen.get(label, {})) for label in Thema.objects.values_list(
            "label", flat=True
        )]  # fmt: skip
        return self._tabel(
            "per-thema", "Per thema", "Thema", rijen,
            "Aanbod met twee thema's telt bij elk thema mee. Thema's zonder doorverwijzing "
            "staan er ook: die vallen op.",
        )  # fmt: skip

    def per_wijk(self, delen):
        tellen = delen["wijk"]
        rijen = [rij(label, tellen.get(label, {})) for label in Wijk.objects.values_list(
            "label", flat=True
        )]  # fmt: skip
        rijen.append(rij(STADSBREED, delen["stadsbreed"].get("", {})))
        rijen.append(rij(GEEN_WIJK, delen["geen-wijk"].get("", {})))
        return self._tabel(
            "per-wijk", "Per wijk van het aanbod", "Wijk", rijen,
            "De wijk van het aanbod, niet van de bewoner. Aanbod in twee wijken telt bij elke "
            "wijk mee; stadsbreed aanbod staat in een eigen rij.",
        )  # fmt: skip

    def per_organisatie(self, delen):
        tellen = delen["organisatie"]
        titels = dict(
            OrganisatiePage.objects.filter(path__in=list(tellen)).values_list("path", "title")
        )
        rijen = [rij(titels[p], tellen[p]) for p in tellen if p in titels]
        rijen.sort(key=lambda r: (-r[-1], r[0].lower()))
        return self._tabel(
            "per-organisatie", "Per organisatie", "Organisatie", rijen,
            "De organisatie die het aanbod geeft; alleen organisaties met minstens één "
            "doorverwijzing.", totaal=True,
        )  # fmt: skip

    def per_aanbod(self, delen):
        tellen = {int(pk): n for pk, n in delen["aanbod"].items()}
        titels = dict(AanbodPage.objects.filter(pk__in=list(tellen)).values_list("pk", "title"))
        rijen = [rij(titels[pk], n) for pk, n in tellen.items() if pk in titels]
        rijen.sort(key=lambda r: (-r[-1], r[0].lower()))
        return self._tabel(
            "per-aanbod", f"Meest doorverwezen aanbod (top {PER_AANBOD})", "Aanbod", rijen,
            "Het aanbod met de meeste doorverwijzingen in de periode.", grafiek=False,
        )  # fmt: skip

    def _tabel(self, naam, titel, kop, rijen, uitleg, grafiek=True, totaal=False):
        # A totals row only where each referral sits in one row (not per theme or wijk).
        heeft = any(r[-1] for r in rijen)
        return Tabel(
            naam=naam, titel=titel, kolommen=[kop, *KOLOMMEN], rijen=rijen if heeft else [],
            uitleg=f"{uitleg} {MAANDREGEL}", voet=voet(rijen) if totaal and heeft else [],
            grafiek=staafdiagram(titel, [(r[0], r[-1]) for r in rijen]) if grafiek and heeft
            else "",
        )  # fmt: skip


def samen(per_soort):
    """{soort: n} from per_sleutel(..., "soort"), whose keys are the soort itself."""
    return {soort: aantallen[soort] for soort, aantallen in per_soort.items()}


def rapport_elders(request, rapport):
    """doorverwijzing's old reports send coordinators here (hook doorverwijzing_rapport_elders);
    partners keep their own offers' counts there."""
    if rapport in ("doorverwijzingen", "aanvragen-per-maand") and mag_cijfers_zien(request.user):
        return reverse("cijfers_doorverwijzingen")
    return None
