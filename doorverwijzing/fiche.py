"""What fits on one A4 handout. Long partner texts are shortened here, at a word, and the sheet
then says where the rest is (the website, behind the QR code); the print CSS clips whatever is
still too long as a last safety net, so the QR code never lands on a second sheet.

The partner's texts come in the handout's language where the partner translated them
(AanbodPage.in_taal), each with its own language for lang and dir."""

import html
import re

from django.utils.html import strip_tags
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from aanbod.models.vertaling import Tekst

# Characters (or items) that still fit beside the fixed blocks at print size.
MAX_BESCHRIJVING = 200  # less when "In het kort" already fills its four lines
MAX_PLANNING = 110
MAX_TITEL = 110
MAX_PRIJS_TOELICHTING = 200
MAX_INSCHRIJVING = 160  # the translated "how to enrol"; the description gives way for it
MAX_ORGANISATIE = 90
MAX_LOCATIES = 2
MAX_TALEN = 8


def kort(tekst: str, maximum: int) -> tuple[str, bool]:
    """(text, shortened?): cut at the last whole word before maximum, with an ellipsis."""
    tekst = " ".join((tekst or "").split())
    if len(tekst) <= maximum:
        return tekst, False
    stuk = tekst[: maximum + 1]
    knip = stuk.rfind(" ")
    stuk = stuk[:knip] if knip > maximum // 2 else tekst[:maximum]
    return stuk.rstrip(" ,.;:–-") + "…", True


def platte_tekst(rich_text: str) -> str:
    """The rich text as one plain paragraph (the handout shows no markup)."""
    zonder = strip_tags(re.sub(r"</(p|li|h\d)>|<br\s*/?>", " ", rich_text or ""))
    return html.unescape(zonder)


def _kort(tekst: Tekst, maximum: int) -> tuple[Tekst, bool]:
    """kort() for a text that knows its language."""
    ingekort, korter = kort(str(tekst), maximum)
    return Tekst(ingekort, tekst.taal), korter


def inkorting(page, talen):
    """The shortened texts for one sheet and whether anything was left out (in the active
    language: the view renders the handout inside translation.override). Titel, in_het_kort,
    prijs_toelichting, inschrijving_tekst and planning are Tekst objects: translated where the
    partner did, else Dutch."""
    tekst = page.in_taal(get_language())
    inschrijving, i_kort = _kort(tekst.inschrijving_tekst, MAX_INSCHRIJVING)
    ruimte = (
        MAX_BESCHRIJVING - max(0, len(str(tekst.in_het_kort)) - 150) - len(str(inschrijving)) // 2
    )
    beschrijving, b_kort = kort(platte_tekst(page.beschrijving), max(0, ruimte))
    planning, p_kort = _kort(tekst.planning, MAX_PLANNING)
    titel, t_kort = _kort(tekst.titel, MAX_TITEL)
    prijs_toelichting, pt_kort = _kort(tekst.prijs_toelichting, MAX_PRIJS_TOELICHTING)
    organisatie, o_kort = kort(page.organisatie.title, MAX_ORGANISATIE)
    locaties = list(page.locaties.all())
    meer_locaties = max(0, len(locaties) - MAX_LOCATIES)
    return {
        "titel": titel,
        "in_het_kort": tekst.in_het_kort,  # at most 300 characters, as the Dutch one
        "prijs_toelichting": prijs_toelichting,
        "inschrijving_tekst": inschrijving,
        # Said once on the sheet: "alles" (nothing translated) or "deels" (the rest is).
        "nl_melding": tekst.nl_melding,
        "organisatie": organisatie,
        "beschrijving": beschrijving,
        "planning": planning,
        "locaties": locaties[:MAX_LOCATIES],
        "andere_plaatsen": (
            ngettext("Nog %(n)s andere plaats.", "Nog %(n)s andere plaatsen.", meer_locaties)
            % {"n": meer_locaties}
            if meer_locaties
            else ""
        ),
        "talen": talen[:MAX_TALEN],
        # The explanation is the first to give way on a crowded sheet: then always point on.
        "ingekort": any((beschrijving, p_kort, t_kort, o_kort, pt_kort, i_kort, meer_locaties))
        or len(talen) > MAX_TALEN,
        "meer": _("Meer op de website: scan de QR-code."),
        "uitleg": _("Meer uitleg"),
    }
