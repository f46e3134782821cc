"""The calendar's parameters: read, validated and bounded, with a Dutch notice for bad input.

Names as in the offer search (thema, wijk, ..., q) plus van, tot (ISO dates), periode, campagne,
aanbod, activiteit, weergave, maand and page. Bad input becomes a notice and a bounded default,
never an error. Nothing is fetched here (kalender/query.py does that).
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext as _

from aanbod.filters import LenientMultipleChoiceField, facet_keuzes

from .datums import korte_datum
from .enums import Periode, Weergave
from .filters import FACETTEN, NAMEN

STANDAARD_DAGEN = 90  # the list shows three months unless asked otherwise
MAX_DAGEN = 366  # a year at most: bounded work per request
MIN_JAAR, MAX_JAAR = 2000, 2100
MAX_Q = 200
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


@dataclass
class Parameters:
    """What was asked, valid and bounded."""

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
    page_number: int = 1


def _datum(raw, naam, notices):
    raw = (raw or "").strip()[:20]
    if not raw:
        return None
    try:
        day = datetime.date.fromisoformat(raw)
    except ValueError:
        notices.append(
            _(
                "'%(raw)s' is geen geldige datum bij '%(naam)s' (schrijf jjjj-mm-dd, bv. "
                "2026-03-01); we gebruiken de standaarddatum."
            )
            % {"raw": raw, "naam": naam}
        )
        return None
    if not MIN_JAAR <= day.year <= MAX_JAAR:
        notices.append(
            _("De datum bij '%(naam)s' ligt te ver weg; we gebruiken de standaarddatum.")
            % {"naam": naam}
        )
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
        notices.append(
            _("'%(raw)s' is geen geldige maand (schrijf jjjj-mm); we tonen deze maand.")
            % {"raw": raw}
        )
        return today.replace(day=1)
    if not MIN_JAAR <= day.year <= MAX_JAAR:
        notices.append(_("Die maand ligt te ver weg; we tonen deze maand."))
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


def lees_parameters(data, choices, today, standaard_dagen=STANDAARD_DAGEN) -> Parameters:
    form = KalenderForm(data, choices)
    form.is_valid()
    cleaned = form.cleaned_data
    filters, notices = facet_keuzes(form, FACETTEN)
    q = (cleaned.get("q") or "").replace("\x00", " ")
    if len(q) > MAX_Q:
        notices.append(
            _("Je zoekwoorden waren te lang; we zochten op de eerste %(n)s tekens.") % {"n": MAX_Q}
        )
        q = q[:MAX_Q]
    weergave = cleaned.get("weergave") or Weergave.LIJST
    if weergave not in Weergave.values:
        notices.append(_("Onbekende weergave; we tonen de lijst."))
        weergave = Weergave.LIJST
    aanbod = _id(cleaned.get("aanbod"), _("Onbekend aanbod genegeerd."), notices)
    activiteit = _id(cleaned.get("activiteit"), _("Onbekende activiteit genegeerd."), notices)

    periode = (cleaned.get("periode") or "").strip()
    bereik = periode_bereik(periode, today) if periode else None
    if periode and bereik is None:
        notices.append(_("Onbekende periode; we tonen vanaf vandaag."))
        periode = ""
    maand = None
    if bereik:
        van, tot = bereik
    else:
        van = _datum(cleaned.get("van"), "van", notices)
        tot = _datum(cleaned.get("tot"), "tot", notices)
        if van and tot and tot < van:
            notices.append(_("De einddatum lag voor de begindatum; we hebben ze omgewisseld."))
            van, tot = tot, van
        van = van or today
        tot = tot or van + datetime.timedelta(days=standaard_dagen)
        if (tot - van).days > MAX_DAGEN:
            tot = van + datetime.timedelta(days=MAX_DAGEN)
            notices.append(
                _(
                    "Je koos een periode van meer dan een jaar; we tonen één jaar, "
                    "tot en met %(tot)s."
                )
                % {"tot": korte_datum(tot)}
            )
    if weergave == Weergave.MAAND:
        maand = _maand(cleaned.get("maand"), today, notices) or van.replace(day=1)
    try:
        page_number = max(1, int(str(cleaned.get("page") or "1")[:6]))
    except ValueError:
        page_number = 1
    return Parameters(
        van=van, tot=tot, weergave=weergave, filters=filters, q=q, aanbod=aanbod,
        activiteit=activiteit, periode=periode, maand=maand, notices=notices,
        page_number=page_number,
    )  # fmt: skip
