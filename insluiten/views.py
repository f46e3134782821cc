"""The embed pages: an organisation's offers, a theme's or wijk's offers, a campaign's calendar.

The offers come from the site's own search (aanbod.zoeken.zoek) with the same parameters, so
counts and the visibility rule are the site's; the calendar from the campaign page's own
context (kalender's zoek_kalender). Bad input becomes a notice; an unknown or hidden
organisation or campaign a 404 in the embed's layout. No cookie is set (see kop.py).
"""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from aanbod.filters import AanbodFilterSet
from aanbod.models import OrganisatiePage
from aanbod.zoeken import zoek
from kalender.models import CampagnePage
from kalender.parameters import PARAMETERS as KALENDER_PARAMETERS
from preventiezoeker.links import absolute_url

from .kop import insluitbaar
from .weergave import STIJLEN, Insluiting, bladeren, dagen, kaarten

MAX_SLUG = 255
AANBOD_PARAMETERS = {*AanbodFilterSet.base_filters, "stijl"}
# The embed shows the calendar as a list: the month grid does not fit a partner's column.
CAMPAGNE_PARAMETERS = {*KALENDER_PARAMETERS, "stijl"} - {"weergave", "maand", "campagne"}


def _stijl_en_meldingen(request, bekend):
    """(stijl, notices) for the parameters an embed does not use itself."""
    meldingen = []
    onbekend = sorted({naam for naam in request.GET if naam not in bekend})
    if onbekend:
        meldingen.append(
            _("Onbekende instelling genegeerd: %(namen)s")
            % {"namen": ", ".join(naam[:40] for naam in onbekend[:5])}
        )
    stijl = request.GET.get("stijl", "")
    if stijl and stijl not in STIJLEN:
        meldingen.append(_("Onbekende stijl genegeerd; we tonen de gewone stijl."))
        stijl = ""
    return stijl, meldingen


def _render(request, insluiting, status=200):
    return TemplateResponse(
        request,
        "insluiten/kalender.html" if insluiting.soort == "kalender" else "insluiten/aanbod.html",
        {"insluiting": insluiting},
        status=status,
    )


def _niet_gevonden(request, stijl, meldingen):
    return TemplateResponse(
        request,
        "insluiten/niet_gevonden.html",
        {
            "insluiting": Insluiting(
                titel=_("Niet gevonden"),
                volledige_url=request.build_absolute_uri(reverse("wagtail_serve", args=[""])),
                stijl=stijl,
                meldingen=meldingen,
            )
        },
        status=404,
    )


def _aanbod(request, data, titel, volledige_url, bekend, titel_taal=""):
    stijl, meldingen = _stijl_en_meldingen(request, bekend)
    resultaat = zoek(data, log=False)  # an embed's page view is not a search by a visitor
    insluiting = Insluiting(
        titel=titel,
        titel_taal=titel_taal,
        volledige_url=volledige_url,
        stijl=stijl,
        meldingen=meldingen + resultaat.notices,
        totaal=resultaat.total,
        kaarten=kaarten(request, resultaat),
        bladeren=bladeren(request, resultaat.page, resultaat.num_pages),
    )
    return _render(request, insluiting)


@insluitbaar
def organisatie(request, slug):
    stijl, meldingen = _stijl_en_meldingen(request, AANBOD_PARAMETERS)
    org = OrganisatiePage.objects.live().public().filter(slug=slug[:MAX_SLUG]).first()
    url = absolute_url(request, org) if org is not None else None
    if not url:
        return _niet_gevonden(request, stijl, meldingen)
    data = request.GET.copy()
    data.setlist("organisatie", [org.slug])
    return _aanbod(request, data, org.title, url, AANBOD_PARAMETERS, titel_taal="nl")


@insluitbaar
def aanbod(request):
    volledig = reverse("wagtail_serve", args=["aanbod/"])
    query = request.GET.copy()
    for naam in list(query):
        if naam not in AANBOD_PARAMETERS or naam in ("stijl", "page"):
            query.pop(naam)
    if query:
        volledig += f"?{query.urlencode()}"
    return _aanbod(
        request, request.GET, _("Aanbod"), request.build_absolute_uri(volledig), AANBOD_PARAMETERS
    )


@insluitbaar
def campagne(request, slug):
    stijl, meldingen = _stijl_en_meldingen(request, CAMPAGNE_PARAMETERS)
    gevonden = CampagnePage.objects.zichtbaar().filter(slug=slug[:MAX_SLUG]).first()
    url = absolute_url(request, gevonden) if gevonden is not None else None
    if not url:
        return _niet_gevonden(request, stijl, meldingen)
    # The campaign page's own calendar (its period, its activities), as a list.
    request.GET = request.GET.copy()
    for naam in ("weergave", "maand"):
        request.GET.pop(naam, None)
    kalender = gevonden.get_context(request)["kalender"]
    insluiting = Insluiting(
        titel=gevonden.title,
        titel_taal="nl",
        volledige_url=url,
        stijl=stijl,
        meldingen=meldingen + kalender.notices,
        totaal=kalender.total,
        periode=str(kalender.periode_label),
        dagen=dagen(request, kalender),
        soort="kalender",
    )
    if kalender.page is not None:
        insluiting.bladeren = bladeren(
            request, kalender.page.number, kalender.page.paginator.num_pages
        )
    return _render(request, insluiting)
