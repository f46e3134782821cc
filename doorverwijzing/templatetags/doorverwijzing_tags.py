"""Template helpers for referral actions on offer pages, cards and the handout."""

from django import template
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doorverwijzing.selectie import Selectie
from doorverwijzing.vertalingen import huidige_taal, inschrijving_zinnen, prijs_zinnen, talen

register = template.Library()


@register.simple_tag(takes_context=True)
def selectie_knop(context, page, volgende=None):
    """The "add to selection" form. Works inside {% include ... only %}: the request travels on
    the template context object even when the variables don't."""
    request = getattr(context, "request", None)
    if request is None or not page:
        return ""
    return _knop(_KnopStand(request), page, volgende)


@register.simple_tag(takes_context=True)
def selectie_knoppen(context, pages):
    """{page pk: its "add to selection" form} for a list of results, e.g. the search page's
    twenty cards: the token, the links and the selection are looked up once, not per card."""
    request = getattr(context, "request", None)
    if request is None:
        return {}
    stand = _KnopStand(request)
    return {page.pk: _knop(stand, page) for page in pages}


class _KnopStand:
    """What every button on one page shares."""

    def __init__(self, request):
        self.request = request
        self.selectie = set(Selectie(request.session).ids) if hasattr(request, "session") else ()
        self.token = escape(get_token(request))
        self.toevoegen = escape(reverse("doorverwijzing:toevoegen"))
        self.lijst = escape(reverse("doorverwijzing:selectie"))
        self.hier = self.request.get_full_path()


def _knop(stand, page, volgende=None):
    """Built here rather than from a template per button: a page of results has twenty, and a
    template per button was a sixth of the search page's time. Every value is escaped."""
    if page.pk in stand.selectie:
        actie = in_selectie_html(stand.lijst)
    else:
        label = escape(_("Zet in mijn selectie: %(titel)s") % {"titel": page.title})
        # Outside the f-string: makemessages does not see calls inside one.
        tekst = escape(_("Zet in mijn selectie"))
        actie = f'<button type="submit" class="knop-licht" aria-label="{label}">{tekst}</button>'
    volgende = volgende or f"{stand.hier}#aanbod-{page.pk}"
    return mark_safe(  # noqa: S308 - every part is escaped, a constant or an integer
        f'<form method="post" action="{stand.toevoegen}" class="selectie-knop" '
        "data-selectie-knop>\n"
        f'  <input type="hidden" name="csrfmiddlewaretoken" value="{stand.token}">\n'
        f'  <input type="hidden" name="aanbod" value="{int(page.pk)}">\n'
        f'  <input type="hidden" name="volgende" value="{escape(volgende)}">\n'
        f"  {actie}\n</form>"
    )


def in_selectie_html(lijst_url):
    """ "✓ In je selectie", linked; also sent to selectie.js, so the page and the script agree."""
    link = format_html('<a href="{}">{}</a>', lijst_url, _("je selectie"))
    tekst = format_html(escape(_("In %(selectie)s")).replace("%(selectie)s", "{}"), link)
    return format_html('<p class="in-selectie"><span aria-hidden="true">✓</span> {}</p>', tekst)


@register.simple_tag
def prijs_in_woorden(page):
    return prijs_zinnen(page)


@register.simple_tag
def inschrijving_in_woorden(page):
    return inschrijving_zinnen(page)


# Simple outlined pictograms (24×24). Always shown next to a text label, so aria-hidden.
PICTOGRAMMEN = {
    "prijs": '<circle cx="12" cy="12" r="9"/>'
    '<path d="M15.5 8.5a4.5 4.5 0 1 0 0 7M7 11h6M7 13.5h6"/>',
    "rolstoel": '<circle cx="10" cy="4" r="1.8"/><path d="M10 7v6h6l2 5M10 10h5"/>'
    '<path d="M7.5 11.5a5.5 5.5 0 1 0 7.5 6"/>',
    "taal": '<path d="M4 5h16v10H10l-4 4v-4H4z"/><path d="M8 9h8M8 12h5"/>',
    "binnenlopen": '<path d="M5 21V4h9v17M14 4l5 2v15"/><circle cx="11.5" cy="12.5" r=".8"/>'
    '<path d="M3 21h18"/>',
    "afspraak": '<rect x="4" y="5" width="16" height="15" rx="1"/>'
    '<path d="M4 10h16M8 3v4M16 3v4"/>',
    "waar": '<path d="M12 21s-6-6.2-6-11a6 6 0 0 1 12 0c0 4.8-6 11-6 11z"/>'
    '<circle cx="12" cy="10" r="2.2"/>',
    "wanneer": '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>',
    "contact": '<path d="M6 3h3l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v3a2 2 0 0 1-2 2'
    'A16 16 0 0 1 4 5a2 2 0 0 1 2-2z"/>',
}  # fmt: skip


@register.simple_tag
def pictogram(naam):
    return format_html(
        '<svg class="pictogram" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" '
        'focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" '
        'stroke-linecap="round" stroke-linejoin="round">{}</svg>',
        mark_safe(PICTOGRAMMEN[naam]),  # our own constants above, never user input
    )


@register.simple_tag
def fiche_talen():
    return talen()


@register.simple_tag
def site_taal():
    """The page's language, so the handout form preselects it."""
    return huidige_taal()


@register.simple_tag
def correctie_form():
    from doorverwijzing.forms import CorrectieForm

    return CorrectieForm()


PRIJS_UITLEG = {
    "kansentarief": gettext_lazy(
        "Heb je een laag inkomen? Met kansentarief of een UiTPAS met kansentarief betaal je minder."
    ),
    "terugbetaald": gettext_lazy(
        "Het ziekenfonds betaalt (een deel) terug. Vraag ernaar bij je ziekenfonds."
    ),
    "korting-vt": gettext_lazy(
        "Heb je verhoogde tegemoetkoming van je ziekenfonds? Dan betaal je minder."
    ),
}


@register.simple_tag
def prijs_uitleg(page):
    """Plain-language explanation of the price categories that are not self-explanatory."""
    return [PRIJS_UITLEG[v] for v in page.prijs or [] if v in PRIJS_UITLEG]
