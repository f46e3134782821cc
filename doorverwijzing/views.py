"""Public referral views: Mijn selectie, the handout, the gezondheidsgids request and the
correction form. Every POST is a plain form with CSRF, so all of it works without JavaScript."""

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_POST

from aanbod.models import AanbodPage
from aanbod.models.vertaling import met_teksten
from doorverwijzing import ratelimit
from doorverwijzing.enums import Soort
from doorverwijzing.fiche import inkorting
from doorverwijzing.forms import AanvraagForm, CorrectieForm, MailSelectieForm
from doorverwijzing.mails import mail_aanvraag_nieuw, mail_selectie
from doorverwijzing.meldingen import nieuwe_melding
from doorverwijzing.models import Telling
from doorverwijzing.qr import qr_svg
from doorverwijzing.selectie import Selectie, met_contact, parse_ids, zichtbare_paginas
from doorverwijzing.templatetags.doorverwijzing_tags import in_selectie_html
from doorverwijzing.vertalingen import (
    huidige_taal,
    inschrijving_zinnen,
    kies_taal,
    moment_tekst,
    prijs_zinnen,
    richting,
    taal_namen,
    talen,
    zonder_afspraak,
)
from kalender.models import Moment
from kalender.wanneer import wanneer_per_aanbod

TE_VEEL = gettext_lazy(
    "Je hebt dit de voorbije uren al vaak gedaan. Probeer het over een uur opnieuw. "
    "Lukt het dan nog niet? Mail naar %(adres)s."
)


def _te_veel(request, template, context):
    context["te_veel"] = TE_VEEL % {"adres": settings.DEFAULT_FROM_EMAIL}
    return render(request, template, context, status=429)


MAX_ID = 2**31 - 1  # larger numbers overflow the database's integer, so they cannot be ids


def zichtbaar_aanbod(pk):
    page = AanbodPage.objects.zichtbaar().filter(pk=pk).first() if 0 < pk <= MAX_ID else None
    if page is None:
        raise Http404(_("Dit aanbod bestaat niet of is niet meer online."))
    return page


def absolute_url(request, page):
    return request.build_absolute_uri(page.get_url(request))


def tel_een_keer(request, ids, soort):
    """Count once per session, offer, kind and month: reloading the handout is not a referral."""
    maand = timezone.localdate().strftime("%Y-%m")
    gezien = set(request.session.get("doorverwijzing_geteld", []))
    nieuw = [pk for pk in ids if f"{soort}:{pk}:{maand}" not in gezien]
    if nieuw:
        Telling.tel(nieuw, soort)
        gezien.update(f"{soort}:{pk}:{maand}" for pk in nieuw)
        request.session["doorverwijzing_geteld"] = sorted(gezien)[-200:]


def _terug(request, fallback):
    target = request.POST.get("volgende") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _id(request):
    try:
        pk = int(request.POST.get("aanbod", ""))
    except ValueError:
        return None
    return pk if 0 < pk <= MAX_ID else None


def _selectie_antwoord(request, fallback, naar=None, **extra):
    """JSON for selectie.js (progressive enhancement), a redirect for everyone else: to naar if
    given, else back where the form said (if that is on this site), else fallback."""
    if request.headers.get("Accept", "").startswith("application/json"):
        aantal = len(Selectie(request.session))
        # The texts selectie.js shows, in the page's language (the script has none of its own).
        teksten = {
            "bericht": ngettext(
                "Toegevoegd aan je selectie. Er staat nu %(n)s aanbod in.",
                "Toegevoegd aan je selectie. Er staan nu %(n)s aanbod in.",
                aantal,
            )
            % {"n": aantal},
            "in_selectie_html": in_selectie_html(reverse("doorverwijzing:selectie")),
        }
        return JsonResponse({"aantal": aantal, **teksten, **extra})
    return HttpResponseRedirect(naar or _terug(request, fallback))


# --- Mijn selectie ---------------------------------------------------------------------------


def _selectie_context(request, resultaat, **extra):
    deel_pad = f"{reverse('doorverwijzing:selectie')}?ids={resultaat.ids_tekst}"
    met_contact(resultaat.paginas, lambda page: absolute_url(request, page))
    # The partner's translated title and In het kort in the page's language (one query); the
    # live rows only, so a draft translation never shows. The mail reuses them.
    met_teksten(resultaat.paginas, huidige_taal())
    return {
        "paginas": resultaat.paginas,
        "ontbrekend": resultaat.ontbrekend,
        "ids_tekst": resultaat.ids_tekst,
        "deel_url": request.build_absolute_uri(deel_pad),
        "fiche_talen": talen(),
        "taal": huidige_taal(),
        **extra,
    }


@require_GET
def selectie(request):
    if "ids" in request.GET:
        # A shared link: show exactly those offers, leave the visitor's own selection alone.
        resultaat = zichtbare_paginas(parse_ids(request.GET["ids"]))
        context = _selectie_context(request, resultaat, gedeeld=True)
        return render(request, "doorverwijzing/selectie.html", context)
    resultaat = Selectie(request.session).opgeschoond()
    context = _selectie_context(
        request,
        resultaat,
        mail_form=MailSelectieForm(),
        toon_deel_link=request.session.pop("doorverwijzing_deel_link", False),
        vol=request.session.pop("doorverwijzing_vol", False),
        gemaild=request.session.pop("doorverwijzing_gemaild", ""),
    )
    return render(request, "doorverwijzing/selectie.html", context)


@require_POST
def toevoegen(request):
    pk = _id(request)
    page = AanbodPage.objects.zichtbaar().filter(pk=pk).first() if pk else None
    selectie = Selectie(request.session)
    toegevoegd = bool(page) and selectie.voeg_toe(page.pk)
    in_selectie = bool(page) and page.pk in selectie
    fallback = page.get_url(request) if page else reverse("doorverwijzing:selectie")
    naar = None
    if page and not in_selectie:  # the selection is full: say so on the selection page
        request.session["doorverwijzing_vol"] = True
        naar = reverse("doorverwijzing:selectie")
    return _selectie_antwoord(
        request, fallback, naar=naar, toegevoegd=toegevoegd, in_selectie=in_selectie
    )


@require_POST
def verwijderen(request):
    pk = _id(request)
    if pk:
        Selectie(request.session).verwijder(pk)
    return _selectie_antwoord(request, reverse("doorverwijzing:selectie"))


@require_POST
def verplaatsen(request):
    pk = _id(request)
    if pk:
        stap = -1 if request.POST.get("richting") == "op" else 1
        Selectie(request.session).verplaats(pk, stap)
    return redirect(f"{reverse('doorverwijzing:selectie')}#aanbod-{pk}")


@require_POST
def leegmaken(request):
    Selectie(request.session).leeg()
    return redirect("doorverwijzing:selectie")


@require_POST
def overnemen(request):
    """Make a shared selection your own (replacing what you had)."""
    resultaat = zichtbare_paginas(parse_ids(request.POST.get("ids")))
    Selectie(request.session).vervang(resultaat.ids)
    return redirect("doorverwijzing:selectie")


@require_POST
def delen(request):
    resultaat = Selectie(request.session).opgeschoond()
    if resultaat.paginas:
        tel_een_keer(request, resultaat.ids, Soort.GEDEELD)
        request.session["doorverwijzing_deel_link"] = True
    return redirect(f"{reverse('doorverwijzing:selectie')}#delen")


@require_POST
def mailen(request):
    resultaat = Selectie(request.session).opgeschoond()
    form = MailSelectieForm(request.POST)
    template = "doorverwijzing/selectie.html"
    if not resultaat.paginas:
        return redirect("doorverwijzing:selectie")
    if not form.is_valid():
        context = _selectie_context(request, resultaat, mail_form=form)
        return render(request, template, context, status=400)
    email = form.cleaned_data["email"]
    if not (
        ratelimit.binnen_limiet("mail-ip", ratelimit.client_ip(request))
        and ratelimit.binnen_limiet("mail-adres", email)
    ):
        return _te_veel(
            request, template, _selectie_context(request, resultaat, mail_form=MailSelectieForm())
        )
    context = _selectie_context(request, resultaat)
    fiche_url = request.build_absolute_uri(
        f"{reverse('doorverwijzing:selectie_fiche')}?ids={resultaat.ids_tekst}"
    )
    with transaction.atomic():
        mail_selectie(email, resultaat.paginas, context["deel_url"], fiche_url, huidige_taal())
        Telling.tel(resultaat.ids, Soort.GEMAILD)
    request.session["doorverwijzing_gemaild"] = email
    return redirect(f"{reverse('doorverwijzing:selectie')}#mailen")


# --- Doorverwijsfiche ------------------------------------------------------------------------


def volgende_momenten(paginas, aantal=3):
    """offer id -> its next dated sessions from the calendar, as plain text (one query)."""
    per_aanbod = Moment.objects.zichtbaar().volgende_per_aanbod([p.pk for p in paginas], aantal)
    return {
        pk: [moment_tekst(v.lokale_start, v.lokaal_einde, v.hele_dag) for v in momenten]
        for pk, momenten in per_aanbod.items()
    }


def fiche_taal(request):
    """The handout speaks the site's language (/fr/... gives a French sheet) unless ?taal= says
    otherwise; an unknown code gives Dutch."""
    if "taal" in request.GET:
        return kies_taal(request.GET["taal"])
    return huidige_taal()


def _fiche_items(request, paginas):
    """One dict per sheet, written in the active language."""
    items = []
    momenten = volgende_momenten(paginas)
    wanneer = wanneer_per_aanbod(paginas)  # the days and hours of the dated activities
    binnenlopen = zonder_afspraak()
    for page in paginas:
        url = absolute_url(request, page)
        inschrijving = inschrijving_zinnen(page)
        taal_lijst = taal_namen(page)
        # The full title in the handout's language: the sheet's own may be shortened.
        titel = page.in_taal(translation.get_language()).titel
        items.append(
            {
                "page": page,
                "url": url,
                "qr": qr_svg(url, titel=_("QR-code naar %(titel)s") % {"titel": titel}),
                "prijs": prijs_zinnen(page),
                "momenten": momenten.get(page.pk, []),
                "wanneer": wanneer.get(page.pk),
                # Walk-in already has its pictogram line; the block says the rest.
                "inschrijving": [z for z in inschrijving if z != binnenlopen],
                "talen": taal_lijst,
                "kort": inkorting(page, taal_lijst),
                "rolstoel": any(
                    k.slug == "rolstoeltoegankelijk" for k in page.toegankelijkheid.all()
                ),
                "zonder_afspraak": binnenlopen if binnenlopen in inschrijving else "",
            }
        )
    return items


def _fiche(request, paginas, ontbrekend=0, terug=None, ids_tekst=""):
    taal = fiche_taal(request)
    # The caregiver's bar above the sheets stays in the site's language (their own).
    context = {
        "ontbrekend": ontbrekend,
        "site_taal": huidige_taal(),
        "taal": taal,
        "dir": richting(taal),
        "fiche_talen": talen(),
        "terug": terug,
        "ids_tekst": ids_tekst,
    }
    # One mechanism for the site and the handout: gettext, in the handout's language.
    with translation.override(taal):
        context["items"] = _fiche_items(request, paginas)
        response = render(request, "doorverwijzing/fiche.html", context)
    tel_een_keer(request, [p.pk for p in paginas], Soort.FICHE)
    return response


@require_GET
def fiche(request, pk):
    page = zichtbaar_aanbod(pk)
    return _fiche(request, [page], terug=page.get_url(request))


@require_GET
def selectie_fiche(request):
    if "ids" in request.GET:
        resultaat = zichtbare_paginas(parse_ids(request.GET["ids"]))
    else:
        resultaat = Selectie(request.session).opgeschoond()
    return _fiche(
        request,
        resultaat.paginas,
        resultaat.ontbrekend,
        terug=reverse("doorverwijzing:selectie"),
        # A shared link keeps its ids when the language changes; the own selection does not.
        ids_tekst=resultaat.ids_tekst if "ids" in request.GET else "",
    )


# --- Gezondheidsgids aanvragen ---------------------------------------------------------------


def aanvraag(request):
    bron = request.POST if request.method == "POST" else request.GET
    ids = parse_ids(bron.get("ids") or bron.get("aanbod"))
    resultaat = zichtbare_paginas(ids)
    context = {"paginas": resultaat.paginas, "ids_tekst": resultaat.ids_tekst}
    template = "doorverwijzing/aanvraag.html"
    if request.method != "POST":
        context["form"] = AanvraagForm()
        return render(request, template, context)

    form = AanvraagForm(request.POST)
    context["form"] = form
    if form.is_spam():
        return redirect("doorverwijzing:aanvraag_bedankt")
    if not form.is_valid():
        return render(request, template, context, status=400)
    if not ratelimit.binnen_limiet("aanvraag-ip", ratelimit.client_ip(request)):
        return _te_veel(request, template, context)
    # Stored with its mails in one transaction; they leave after the commit (the outbox), so a
    # mail outage never costs the request nor answers an error.
    form.instance.taal = huidige_taal()
    with transaction.atomic():
        nieuw = form.save()
        nieuw.aanbod.set(resultaat.paginas)
        Telling.tel(resultaat.ids, Soort.GIDS)
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "aanvragen:edit", args=[nieuw.pk]
        )
        mail_aanvraag_nieuw(nieuw, admin_url)
    return redirect("doorverwijzing:aanvraag_bedankt")


@require_GET
def aanvraag_bedankt(request):
    return render(request, "doorverwijzing/aanvraag_bedankt.html")


# --- Klopt er iets niet? ---------------------------------------------------------------------


def correctie(request, pk):
    page = zichtbaar_aanbod(pk)
    template = "doorverwijzing/correctie.html"
    if request.method != "POST":
        return render(request, template, {"page": page, "form": CorrectieForm()})
    form = CorrectieForm(request.POST)
    context = {"page": page, "form": form}
    if form.is_spam():
        return render(request, template, {**context, "verstuurd": True})
    if not form.is_valid():
        return render(request, template, context, status=400)
    email = form.cleaned_data["email"]
    if not (
        ratelimit.binnen_limiet("correctie-ip", ratelimit.client_ip(request))
        and (not email or ratelimit.binnen_limiet("correctie-adres", email))
    ):
        return _te_veel(request, template, context)
    nieuwe_melding(  # kept even when the mail server is down
        page, bericht=form.cleaned_data["bericht"], email=email, url=absolute_url(request, page)
    )
    return render(request, template, {"page": page, "verstuurd": True})
