"""Freshness per organisation: offers due for a check, stale, never checked, open corrections and
the last freshness mail, counted with one GROUP BY per source (nakijken's own overview loads
every offer; this view must stay fast at 10,000 offers)."""

from django.conf import settings
from django.db.models import Count, IntegerField, Max, Min, Q, Value
from django.db.models.functions import Length, Substr
from django.urls import reverse

from aanbod import actualiteit
from aanbod.models import AanbodPage, OrganisatiePage
from doorverwijzing.models import Correctiemelding
from nakijken.models import Nakijkverzoek

from .aanvragen import begin_van
from .grafiek import staafdiagram
from .tabel import Cel, Tabel
from .views import CijferView

KOLOMMEN = [
    "Organisatie", "Gepubliceerd", "Na te kijken", "Verouderd", "Nooit nagekeken",
    "Oudste controle", "Open meldingen", "Meldingen in de periode", "Laatste nakijkmail",
    "Nakijkmails in de periode",
]  # fmt: skip


def aanbod_voor_actualiteit(vandaag):
    """The offers the public may see, plus the stale ones hidden for being stale: those are
    exactly what needs a check. That is zichtbaar() without its stale rule; drafts,
    unpublished, expired and restricted offers stay out. (Written out: an OR of two subqueries
    took 0.6 s at 10,000 offers.)"""
    return (
        AanbodPage.objects.live()
        .public()
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag))
    )


def _org_path(veld="path"):
    # An offer's organisation is its parent page: its path minus one step.
    stap = Value(AanbodPage.steplen, output_field=IntegerField())
    return Substr(veld, 1, Length(veld) - stap)


class ActualiteitView(CijferView):
    page_title = "Actualiteit per organisatie"
    sectie = "actualiteit"
    header_icon = "time"

    @property
    def uitleg(self):
        return (
            f"Klopt het aanbod nog? Aanbod moet nagekeken worden "
            f"{settings.AANBOD_NAKIJKEN_NA_MAANDEN} maanden na de laatste controle; na "
            f"{settings.AANBOD_VEROUDERD_NA_MAANDEN} maanden is het verouderd. Die kolommen tonen "
            "de toestand van vandaag; de kolommen 'in de periode' tellen wat in de gekozen "
            "periode gebeurde. Verouderd aanbod dat verborgen is, telt mee: dat moet net "
            "nagekeken worden."
        )

    def tabellen(self):
        vandaag = self.vandaag
        nakijken, verouderd = (
            actualiteit.nakijken_grens(vandaag),
            actualiteit.verouderd_grens(vandaag),
        )
        aanbod = aanbod_voor_actualiteit(vandaag)
        per_org = {
            row["org"]: row
            for row in aanbod.annotate(org=_org_path())
            .values("org")
            .order_by()
            .annotate(
                gepubliceerd=Count("pk"),
                te_controleren=Count(
                    "pk",
                    filter=Q(laatst_nagekeken__isnull=True) | Q(laatst_nagekeken__lte=nakijken),
                ),
                verouderd=Count("pk", filter=Q(laatst_nagekeken__lte=verouderd)),
                nooit=Count("pk", filter=Q(laatst_nagekeken__isnull=True)),
                oudste=Min("laatst_nagekeken"),
            )
        }
        meldingen = Correctiemelding.objects.filter(aanbod__in=aanbod.values("pk")).annotate(
            org=_org_path("aanbod__path")
        )
        open_meldingen = self._tel(meldingen.open())
        nieuwe_meldingen = self._tel(
            meldingen.filter(
                aangemaakt__gte=begin_van(self.periode.van),
                aangemaakt__lt=begin_van(self.periode.tot_exclusief),
            )
        )
        mails = {
            row["organisatie"]: row
            for row in Nakijkverzoek.objects.values("organisatie")
            .order_by()
            .annotate(
                verstuurd=Max("verstuurd_op"),
                herinnerd=Max("herinnerd_op"),
                in_periode=Count(
                    "pk",
                    filter=Q(
                        verstuurd_op__gte=self.periode.van, verstuurd_op__lte=self.periode.tot
                    ),
                ),
            )
        }
        overzicht = reverse("nakijken_actualiteit")
        lijst = reverse("correctiemeldingen:index")
        rijen = []
        for pk, path, titel in (
            OrganisatiePage.objects.live().public().order_by("title").values_list(
                "pk", "path", "title"
            )
        ):  # fmt: skip
            tellen = per_org.get(path, {})
            mail = mails.get(pk, {})
            laatste = max(
                (d for d in (mail.get("verstuurd"), mail.get("herinnerd")) if d), default=None
            )
            n_open = open_meldingen.get(path, 0)
            rijen.append([
                Cel(titel, url=overzicht, titel=f"{titel}: actualiteit per organisatie"),
                tellen.get("gepubliceerd", 0), tellen.get("te_controleren", 0),
                tellen.get("verouderd", 0), tellen.get("nooit", 0),
                _datum(tellen.get("oudste")),
                Cel(n_open, url=lijst, titel=f"{titel}: {n_open} open meldingen")
                if n_open else 0,
                nieuwe_meldingen.get(path, 0), _datum(laatste) or "nog geen",
                mail.get("in_periode", 0),
            ])  # fmt: skip
        rijen.sort(key=lambda r: (-r[3], -r[2], -Tabel.waarde(r[6]), str(r[0]).lower()))
        voet = ["Totaal", *(sum(Tabel.waarde(r[i]) for r in rijen) for i in range(1, 5)), "",
                sum(Tabel.waarde(r[6]) for r in rijen), sum(r[7] for r in rijen), "",
                sum(r[9] for r in rijen)]  # fmt: skip
        heeft = any(r[1] or Tabel.waarde(r[6]) for r in rijen)
        grafiek = [(str(r[0]), r[2]) for r in rijen if r[2]][:25]
        return [
            Tabel(
                naam="actualiteit",
                titel="Actualiteit per organisatie",
                kolommen=KOLOMMEN,
                rijen=rijen if heeft else [],
                voet=voet if heeft else [],
                uitleg=(
                    "Eerst de organisaties met het meeste verouderde aanbod. De naam leidt naar "
                    "het overzicht met het aanbod dat nagekeken moet worden; het aantal open "
                    "meldingen naar de lijst met meldingen."
                ),
                grafiek=staafdiagram("Na te kijken aanbod (top 25)", grafiek) if grafiek else "",
            )  # fmt: skip
        ]

    @staticmethod
    def _tel(meldingen):
        return dict(meldingen.values("org").order_by().annotate(n=Count("pk")).values_list(
            "org", "n"
        ))  # fmt: skip


def _datum(dag):
    return f"{dag:%d-%m-%Y}" if dag else ""
