"""The one snippet a partner copies: the embed's <iframe>, the auto-resize script and a plain
link to the same list on the full site (what a visitor gets where iframes are blocked)."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from preventiezoeker.links import absolute_url

from .weergave import EENVOUDIG

HOOGTE = 600  # px before the script reports the real height (and for visitors without it)
# The unhashed name: WhiteNoise serves it too, and a snippet pasted today must keep working
# after the next release changes the hashed name.
SCRIPT = "insluiten/insluiten.js"


@dataclass
class Keuze:
    """What a partner chose in the admin (insluiten/forms.py)."""

    organisatie: object = None  # OrganisatiePage
    thema: object = None  # Thema
    wijk: object = None  # Wijk
    campagne: object = None  # CampagnePage
    taal: str = settings.LANGUAGE_CODE
    eenvoudig: bool = False


@dataclass
class Snippet:
    embed_url: str
    pagina_url: str
    titel: str
    html: str  # safe HTML to paste; shown as text (force_escape) in the admin


def maak(request, keuze: Keuze) -> Snippet:
    """The snippet in the chosen language: its URLs carry that language's prefix."""
    with translation.override(keuze.taal):
        query = {"stijl": EENVOUDIG} if keuze.eenvoudig else {}
        if keuze.organisatie is not None:
            pad = reverse("insluiten:organisatie", args=[keuze.organisatie.slug])
            pagina = absolute_url(request, keuze.organisatie)
            titel = _("Aanbod van %(naam)s") % {"naam": keuze.organisatie.title}
        elif keuze.campagne is not None:
            pad = reverse("insluiten:campagne", args=[keuze.campagne.slug])
            pagina = absolute_url(request, keuze.campagne)
            titel = _("Kalender: %(naam)s") % {"naam": keuze.campagne.title}
        else:
            filters = {}
            if keuze.thema is not None:
                filters["thema"] = keuze.thema.slug
            if keuze.wijk is not None:
                filters["wijk"] = keuze.wijk.slug
            query = {**filters, **query}
            pad = reverse("insluiten:aanbod")
            lijst = reverse("wagtail_serve", args=["aanbod/"])
            pagina = request.build_absolute_uri(
                f"{lijst}?{urlencode(filters)}" if filters else lijst
            )
            namen = [str(v.weergave) for v in (keuze.thema, keuze.wijk) if v is not None]
            titel = _("Aanbod: %(keuze)s") % {"keuze": ", ".join(namen) or _("alles")}
        embed = request.build_absolute_uri(f"{pad}?{urlencode(query)}" if query else pad)
        script = request.build_absolute_uri(settings.STATIC_URL + SCRIPT)
        link = _("Bekijk dit op Preventiezoeker Gent")
        html = format_html(
            '<iframe src="{}" title="{}" width="100%" height="{}" loading="lazy" '
            "data-preventiezoeker></iframe>\n"
            '<script src="{}" async></script>\n'
            '<p><a href="{}" target="_blank" rel="noopener">{}</a></p>',
            embed, f"{titel} – Preventiezoeker Gent", HOOGTE, script, pagina, link,
        )  # fmt: skip
    return Snippet(embed_url=embed, pagina_url=pagina, titel=titel, html=str(html))
