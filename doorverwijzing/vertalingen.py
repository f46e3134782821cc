"""The handout's languages and the plain sentences it makes of an offer's fixed fields.

The fixed texts go through gettext (doorverwijzing/locale/), like the rest of the site: the view
renders the handout inside translation.override(taal), so every function here writes in the
active language. The languages are the site's (settings.LANGUAGES, with their own names there);
the direction comes from Django's language info. Only our own labels are translated here; the
partner's words are the offer's own translations (or its Dutch text).
"""

from django.conf import settings
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language, get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from aanbod.enums import Inschrijving, PrijsCategorie

STANDAARD = settings.LANGUAGE_CODE


def richting(code):
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "rtl" if code in RTL else "ltr"


def talen():
    """{code: {"naam": autonym, "dir": ...}} of the site's languages, in the settings' order."""
    return {code: {"naam": naam, "dir": richting(code)} for code, naam in settings.LANGUAGES}


def kies_taal(code):
    """A site language, else Dutch: an unknown code never gives an English or broken page."""
    return code if code in dict(settings.LANGUAGES) else STANDAARD


def huidige_taal():
    return kies_taal(get_language())


INSCHRIJVING = {
    Inschrijving.ZONDER_AFSPRAAK: gettext_lazy("Je mag gewoon binnenlopen"),
    Inschrijving.INSCHRIJVEN: gettext_lazy("Schrijf je eerst in"),
    Inschrijving.OP_AFSPRAAK: gettext_lazy("Maak eerst een afspraak"),
    Inschrijving.DOORVERWIJZING: gettext_lazy("Je hebt een doorverwijzing nodig"),
}

PRIJS = {
    PrijsCategorie.GRATIS: gettext_lazy("Gratis"),
    PrijsCategorie.KANSENTARIEF: gettext_lazy("Minder betalen met kansentarief of UiTPAS"),
    PrijsCategorie.TERUGBETAALD: gettext_lazy("Het ziekenfonds betaalt (een deel) terug"),
    PrijsCategorie.KORTING_VT: gettext_lazy("Minder betalen met verhoogde tegemoetkoming"),
    PrijsCategorie.BETALEND: gettext_lazy("Je betaalt"),
}


def zonder_afspraak():
    return str(INSCHRIJVING[Inschrijving.ZONDER_AFSPRAAK])


def inschrijving_zinnen(page):
    return [str(INSCHRIJVING[Inschrijving(v)]) for v in page.inschrijving or []
            if v in Inschrijving.values]  # fmt: skip


def bedrag_tekst(bedrag):
    """'€ 45' or '€ 4,50' in Dutch, '€ 4.50' in English: the active language's decimal mark."""
    tekst = number_format(bedrag, decimal_pos=2)
    decimaal = tekst[-3]
    return f"€ {tekst.removesuffix(decimaal + '00')}"


def prijs_zinnen(page):
    """Price in plain words, the cheapest route first (as the categories are ordered)."""
    zinnen = []
    for value in PrijsCategorie.values:
        if value not in (page.prijs or []):
            continue
        zin = str(PRIJS[PrijsCategorie(value)])
        if value == PrijsCategorie.BETALEND and page.bedrag is not None:
            zin = _("%(zin)s: %(bedrag)s") % {"zin": zin, "bedrag": bedrag_tekst(page.bedrag)}
        zinnen.append(zin)
    return zinnen


# Names of the languages an offer is given in, in the language itself: a client recognises
# their own language's name.
AUTONIEMEN = {
    "nl": "Nederlands", "fr": "Français", "en": "English", "de": "Deutsch", "ar": "العربية",
    "tr": "Türkçe", "bg": "Български", "sk": "Slovenčina", "ro": "Română", "pl": "Polski",
    "ru": "Русский", "uk": "Українська", "es": "Español", "pt": "Português", "it": "Italiano",
    "fa": "فارسی", "prs": "دری", "ps": "پښتو", "ti": "ትግርኛ", "so": "Soomaali", "ku": "Kurdî",
    "am": "አማርኛ", "sq": "Shqip",
}  # fmt: skip
RTL = {"ar", "fa", "prs", "ps"}


def taal_namen(page):
    """[(code, autonym, dir)] of the languages the offer is given in."""
    return [
        (t.slug, AUTONIEMEN.get(t.slug, t.label), "rtl" if t.slug in RTL else "ltr")
        for t in page.talen.all()
    ]


def moment_tekst(start, einde, hele_dag):
    """'mardi 01/12/2026, 14:00–16:00': the weekday in the active language, the rest in digits,
    which read the same in every language."""
    dag = f"{date_format(start, 'l')} {start:%d/%m/%Y}"
    if hele_dag:
        return _("%(dag)s, de hele dag") % {"dag": dag}
    if einde.date() != start.date():
        return f"{dag}, {start:%H:%M}"
    return f"{dag}, {start:%H:%M}–{einde:%H:%M}"
