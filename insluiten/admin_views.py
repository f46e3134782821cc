"""Admin page "Insluiten op je website": choose what to embed, copy the snippet, see a preview."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from .forms import InsluitenForm, mag_insluiten, organisaties_voor
from .snippet import SCRIPT, maak


def insluiten(request):
    if not mag_insluiten(request.user):
        raise PermissionDenied
    data = request.GET if "wat" in request.GET else None
    if data is None:
        # A partner with one organisation sees its snippet at once.
        eigen = list(organisaties_voor(request.user).values_list("slug", flat=True)[:2])
        if len(eigen) == 1:
            data = {"wat": "organisatie", "organisatie": eigen[0], "taal": settings.LANGUAGE_CODE}
    form = InsluitenForm(data, request.user)
    snippet = maak(request, form.keuze()) if form.is_bound and form.is_valid() else None
    return TemplateResponse(
        request,
        "insluiten/admin/insluiten.html",
        {
            "form": form,
            "snippet": snippet,
            "script_url": settings.STATIC_URL + SCRIPT,
            "page_title": "Insluiten op je website",
            "header_title": "Insluiten op je website",
            "header_icon": "code",
        },
    )
