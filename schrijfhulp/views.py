"""The admin endpoint the editor panel calls while a partner types: texts in, a reading out.

It takes only the texts being typed, never a page id, so it cannot be used to read anything
stored. Wagtail's admin wraps it: a login and admin access are needed."""

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from schrijfhulp.lezen import MAX_TEKENS, MAX_TEKSTEN, lees_teksten, render_lezing


def _fout(boodschap):
    return JsonResponse({"fout": boodschap}, status=400)


@require_POST
def lezen(request):
    namen = request.POST.getlist("naam")
    labels = request.POST.getlist("label")
    teksten = request.POST.getlist("tekst")
    if not namen or not len(namen) == len(labels) == len(teksten):
        return _fout("Er kwam geen tekst mee om na te lezen. Herlaad de pagina.")
    if len(namen) > MAX_TEKSTEN:
        return _fout(f"Ik lees hoogstens {MAX_TEKSTEN} teksten tegelijk.")
    for label, tekst in zip(labels, teksten, strict=True):
        if len(tekst) > MAX_TEKENS:
            return _fout(
                f"‘{label[:60]}’ is te lang om mee te lezen (meer dan "
                f"{MAX_TEKENS:,} tekens). Maak de tekst korter.".replace(",", ".")
            )
    lezing = lees_teksten(
        [
            (naam[:60], label[:60], tekst, False)
            for naam, label, tekst in zip(namen, labels, teksten, strict=True)
        ]
    )
    return JsonResponse(
        {"b1": lezing.is_b1, "oordeel": lezing.oordeel, "html": render_lezing(lezing)}
    )
