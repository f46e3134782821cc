"""The period every figure is counted over: a preset or two dates, read leniently from GET.

Bad dates never fail a page: they fall back to the default with a plain notice."""

import datetime
from dataclasses import dataclass

from django import forms
from django.utils import timezone

STANDAARD = "kwartaal"
MAX_DAGEN = 366 * 5  # longer spans are cut: a meeting looks at months, not decades
OUDSTE = datetime.date(2000, 1, 1)
NIEUWSTE = datetime.date.max - datetime.timedelta(days=7)


def _begin_kwartaal(dag):
    return dag.replace(month=(dag.month - 1) // 3 * 3 + 1, day=1)


def _voorkeuzes(vandaag):
    """{slug: (label, van, tot)}; tot is the last day counted (inclusive)."""
    kwartaal = _begin_kwartaal(vandaag)
    vorig_kwartaal = _begin_kwartaal(kwartaal - datetime.timedelta(days=1))
    maand = vandaag.replace(day=1)
    vorige_maand = (maand - datetime.timedelta(days=1)).replace(day=1)
    return {
        "30-dagen": ("Laatste 30 dagen", vandaag - datetime.timedelta(days=29), vandaag),
        "maand": ("Deze maand", maand, vandaag),
        "vorige-maand": ("Vorige maand", vorige_maand, maand - datetime.timedelta(days=1)),
        "kwartaal": ("Dit kwartaal", kwartaal, vandaag),
        "vorig-kwartaal": (
            "Vorig kwartaal", vorig_kwartaal, kwartaal - datetime.timedelta(days=1)
        ),
        "12-maanden": (
            "Laatste 12 maanden",
            (maand - datetime.timedelta(days=335)).replace(day=1),
            vandaag,
        ),
        "dit-jaar": ("Dit jaar", vandaag.replace(month=1, day=1), vandaag),
    }  # fmt: skip


@dataclass(frozen=True)
class Periode:
    van: datetime.date
    tot: datetime.date  # inclusive
    keuze: str  # a preset slug, or "eigen" for two dates

    @property
    def label(self):
        return f"{self.van:%d-%m-%Y} tot en met {self.tot:%d-%m-%Y}"

    @property
    def dagen(self):
        return (self.tot - self.van).days + 1

    @property
    def tot_exclusief(self):
        return self.tot + datetime.timedelta(days=1)

    def querystring(self):
        if self.keuze == "eigen":
            return f"periode=eigen&van={self.van:%Y-%m-%d}&tot={self.tot:%Y-%m-%d}"
        return f"periode={self.keuze}"

    def weken(self):
        """The Mondays of every week that overlaps the period, in order."""
        maandag = self.van - datetime.timedelta(days=self.van.weekday())
        result = []
        while maandag <= self.tot:
            result.append(maandag)
            maandag += datetime.timedelta(days=7)
        return result

    def maanden(self):
        """The first day of every month that overlaps the period, in order."""
        maand, result = self.van.replace(day=1), []
        while maand <= self.tot:
            result.append(maand)
            if maand.year == datetime.MAXYEAR and maand.month == 12:
                break  # the same for the last month of the date type
            maand = (maand + datetime.timedelta(days=32)).replace(day=1)
        return result


class PeriodeForm(forms.Form):
    periode = forms.ChoiceField(label="Periode", required=False)
    van = forms.DateField(
        label="Van", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    tot = forms.DateField(
        label="Tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, vandaag, **kwargs):
        super().__init__(*args, **kwargs)
        keuzes = [(slug, label) for slug, (label, _v, _t) in _voorkeuzes(vandaag).items()]
        self.fields["periode"].choices = [*keuzes, ("eigen", "Eigen periode (kies de datums)")]


def lees_periode(data, vandaag=None):
    """(Periode, [notices]) from GET data; never raises."""
    vandaag = vandaag or timezone.localdate()
    voorkeuzes = _voorkeuzes(vandaag)
    form = PeriodeForm(data, vandaag=vandaag)
    meldingen = []
    if not form.is_valid():
        meldingen.append("Die periode begrijpen we niet. We tonen dit kwartaal.")
        keuze = STANDAARD
    else:
        keuze = form.cleaned_data["periode"] or STANDAARD
    if keuze == "eigen" and not form.errors:
        van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
        if van is None or tot is None:
            meldingen.append("Kies een begin- en een einddatum. We tonen dit kwartaal.")
            keuze = STANDAARD
        else:
            if van > tot:
                van, tot = tot, van
                meldingen.append("De einddatum lag voor de begindatum: we hebben ze omgewisseld.")
            if van < OUDSTE:
                van = OUDSTE
            # tot_exclusief and weken() step past tot: keep a week of room in the date type.
            tot = min(tot, NIEUWSTE)
            van = min(van, tot)
            if (tot - van).days + 1 > MAX_DAGEN:
                van = tot - datetime.timedelta(days=MAX_DAGEN - 1)
                meldingen.append(
                    "Een periode is hoogstens vijf jaar: we tonen de laatste vijf jaar."
                )
            return Periode(van, tot, "eigen"), form, meldingen
    elif keuze == "eigen":
        keuze = STANDAARD
    _label, van, tot = voorkeuzes[keuze]
    return Periode(van, tot, keuze), form, meldingen
