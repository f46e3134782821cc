"""Admin pages of the import: start (template and upload), the dry run, applying and its
progress. An import is only ever shown to the person who uploaded it: another id is a 404."""

from collections import Counter

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from . import sjabloon, toepassen
from .controle import controleer, organisaties_voor
from .enums import Actie, ImportStatus
from .forms import OpladenForm, SjabloonForm
from .lezen import Onleesbaar, lees_bestand
from .models import ImportTaak

REFRESH_SECONDS = 2
RECENT = 10


def mag_importeren(user):
    """Whoever may add offers to at least one organisation: partners, the coordinator."""
    return user.is_authenticated and organisaties_voor(user).exists()


def _organisaties(request):
    if not mag_importeren(request.user):
        raise PermissionDenied
    return organisaties_voor(request.user)


def _taak(request, pk):
    return get_object_or_404(ImportTaak, pk=pk, gebruiker=request.user)


def start(request):
    organisaties = _organisaties(request)
    form = OpladenForm(request.POST or None, request.FILES or None, organisaties=organisaties)
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            blad = lees_bestand(bestand)
        except Onleesbaar as error:
            form.add_error("bestand", str(error))
        else:
            standaard = form.cleaned_data["organisatie"]
            controle = controleer(blad.rijen, request.user, standaard)
            taak = ImportTaak.objects.create(
                gebruiker=request.user,
                organisatie=standaard,
                bestandsnaam=(bestand.name or "bestand")[:255],
                status=ImportStatus.FOUTEN if controle.fouten else ImportStatus.GECONTROLEERD,
                rijen=[list(r) for r in blad.rijen],
                plan=controle.plan(),
                fouten=controle.fouten,
                totaal=len(blad.rijen),
            )
            return redirect("importeren_taak", pk=taak.pk)
    return TemplateResponse(
        request,
        "importeren/start.html",
        {
            "page_title": "Aanbod importeren",
            "header_icon": "upload",
            "form": form,
            "sjabloon_form": SjabloonForm(organisaties=organisaties),
            "organisaties": list(organisaties),
            "max_bytes": settings.IMPORT_MAX_BYTES,
            "imports": list(ImportTaak.objects.filter(gebruiker=request.user)[:RECENT]),
        },
    )


@require_GET
def download(request):
    organisaties = _organisaties(request)
    form = SjabloonForm(request.GET, organisaties=organisaties)
    if not form.is_valid():
        messages.error(request, "Kies een geldig formaat en een van je organisaties.")
        return redirect("importeren_start")
    gekozen = form.cleaned_data["organisatie"]
    aanbod = []
    if form.cleaned_data["met_aanbod"]:
        aanbod = sjabloon.bestaand_aanbod([gekozen] if gekozen else list(organisaties))
    naam = f"aanbod-{timezone.localdate():%Y-%m-%d}"
    if form.cleaned_data["formaat"] == "csv":
        response = HttpResponse(sjabloon.als_csv(aanbod), content_type="text/csv; charset=utf-8")
        naam += ".csv"
    else:
        response = HttpResponse(
            sjabloon.als_xlsx(aanbod),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        naam += ".xlsx"
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


def taak(request, pk):
    taak = _taak(request, pk)
    gedaan = taak.verwerkt
    bezig = taak.status == ImportStatus.BEZIG
    if bezig:
        gedaan = toepassen.voortgang(taak)[0]
    te_doen = sum(1 for rij in taak.plan if rij["actie"] != Actie.ONGEWIJZIGD)
    return TemplateResponse(
        request,
        "importeren/taak.html",
        {
            "page_title": f"Import: {taak.bestandsnaam}",
            "header_icon": "upload",
            "taak": taak,
            "tellingen": Counter(rij["actie"] for rij in taak.plan),
            "te_doen": te_doen,
            "gedaan": gedaan,
            "bezig": bezig,
            "vastgelopen": toepassen.is_vastgelopen(taak),
            "refresh": REFRESH_SECONDS if bezig else None,
            "status_url": reverse("importeren_status", args=[taak.pk]),
            "ter_goedkeuring": not toepassen_publiceert(request.user, taak),
        },
    )


def toepassen_publiceert(user, taak):
    """Whether applying publishes (the coordinator) or submits for approval (a partner)."""
    org = taak.organisatie
    if org is None:
        org = organisaties_voor(user).first()
    return bool(org) and org.permissions_for_user(user).can_publish_subpage()


@require_POST
def pas_toe(request, pk):
    taak = _taak(request, pk)
    if toepassen.start(taak, request.user):
        messages.success(request, "Het toepassen is gestart.")
    else:
        messages.error(request, "Deze import kan niet (meer) toegepast worden.")
    return redirect("importeren_taak", pk=taak.pk)


@require_GET
def status(request, pk):
    taak = _taak(request, pk)
    gedaan = toepassen.voortgang(taak)[0] if taak.status == ImportStatus.BEZIG else taak.verwerkt
    te_doen = sum(1 for rij in taak.plan if rij["actie"] != Actie.ONGEWIJZIGD)
    return JsonResponse(
        {
            "status": taak.status,
            "label": taak.get_status_display(),
            "gedaan": gedaan,
            "totaal": te_doen,
        }  # fmt: skip
    )
