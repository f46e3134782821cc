"""The public "Klopt nog" page a partner reaches from the mail, without logging in.

GET only asks (mail scanners open links: opening must change nothing); the button POSTs.
"""

from django.conf import settings
from django.db import transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from aanbod.actualiteit import markeer_nagekeken

from .links import OngeldigeLink, lees_token
from .models import Nakijkverzoek

BRON = "link in mail"


class Fout(Exception):
    def __init__(self, status, titel, uitleg):
        super().__init__(titel)
        self.status, self.titel, self.uitleg = status, titel, uitleg


def _verzoek(token, vandaag, lock=False):
    """The request this token opens, or Fout saying in plain words why it does not work."""
    try:
        verzoek_id, aanbod_id = lees_token(token)
    except OngeldigeLink:
        raise Fout(
            400, _("Deze link werkt niet"),
            _("De link is niet volledig of klopt niet. Kopieer de hele link uit de e-mail, "
              "of log in om je aanbod na te kijken."),
        ) from None  # fmt: skip
    verzoeken = Nakijkverzoek.objects.select_related("aanbod")
    if lock:
        verzoeken = verzoeken.select_for_update()
    verzoek = verzoeken.filter(pk=verzoek_id, aanbod_id=aanbod_id).first()
    aanbod = verzoek.aanbod if verzoek else None
    if aanbod is None or not aanbod.live or aanbod.is_verlopen(vandaag):
        raise Fout(
            404, _("Dit aanbod staat niet meer online"),
            _("Het aanbod werd verwijderd, offline gehaald of is voorbij. "
              "Je hoeft niets meer te doen."),
        )  # fmt: skip
    if verzoek.bevestigd_op is not None:
        raise Fout(
            409, _("Deze link is al gebruikt"),
            _("Iemand bevestigde dit aanbod al op %(dag)s. Je hoeft niets meer te doen.")
            % {"dag": _datum(timezone.localtime(verzoek.bevestigd_op).date())},
        )  # fmt: skip
    if verzoek.afgesloten_op is not None:
        raise Fout(
            410, _("Deze link werkt niet meer"),
            _("Dit aanbod werd intussen al nagekeken. Je hoeft niets meer te doen."),
        )  # fmt: skip
    if verzoek.geldig_tot < vandaag:
        raise Fout(
            410, _("Deze link is verlopen"),
            _("De link werkte tot en met %(dag)s. Log in om het aanbod na te kijken.")
            % {"dag": _datum(verzoek.geldig_tot)},
        )  # fmt: skip
    return verzoek


def _datum(dag):
    from django.utils.formats import date_format

    return date_format(dag, "j F Y")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def klopt_nog(request, token):
    vandaag = timezone.localdate()
    context = {"login_url": reverse("wagtailadmin_home")}
    try:
        if request.method == "POST":
            with transaction.atomic():
                # Locked: of two clicks at once, the second sees the first's confirmation.
                verzoek = _verzoek(token, vandaag, lock=True)
                aanbod = markeer_nagekeken(verzoek.aanbod, bron=BRON)
                verzoek.bevestigd_op = timezone.now()
                verzoek.save(update_fields=["bevestigd_op"])
            status, template = 200, "nakijken/klopt_nog_bevestigd.html"
        else:
            verzoek = _verzoek(token, vandaag)
            aanbod = verzoek.aanbod
            status, template = 200, "nakijken/klopt_nog.html"
    except Fout as fout:
        context["fout"] = fout
        return render(request, "nakijken/klopt_nog_fout.html", context, status=fout.status)
    context.update(
        aanbod=aanbod,
        aanpassen_url=reverse("wagtailadmin_pages:edit", args=[aanbod.pk]),
        nakijken_na=settings.AANBOD_NAKIJKEN_NA_MAANDEN,
    )
    return render(request, template, context, status=status)
