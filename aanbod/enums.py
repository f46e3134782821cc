"""Fixed lists: these change with the law or the product, not with editors.

Labels through gettext_lazy: the public site shows them in its language, the admin in Dutch.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisatieSoort(models.TextChoices):
    WIJKGEZONDHEIDSCENTRUM = "wijkgezondheidscentrum", _("Wijkgezondheidscentrum")
    ZIEKENFONDS = "ziekenfonds", _("Ziekenfonds")
    STADSDIENST = "stadsdienst", _("Stadsdienst")
    LOKAAL_DIENSTENCENTRUM = "lokaal-dienstencentrum", _("Lokaal dienstencentrum")
    CAW = "caw", _("Centrum Algemeen Welzijnswerk (CAW)")
    CGG = "cgg", _("Centrum Geestelijke Gezondheidszorg (CGG)")
    CLB = "clb", _("Centrum voor Leerlingenbegeleiding (CLB)")
    VERENIGING = "vereniging", _("Vereniging of vzw")
    ZELFSTANDIGE = "zelfstandige", _("Zelfstandige zorgverlener")
    ZIEKENHUIS = "ziekenhuis", _("Ziekenhuis")
    HUISARTSENPRAKTIJK = "huisartsenpraktijk", _("Huisartsenpraktijk")
    LOGO = "logo", _("Logo (gezondheidsoverleg)")
    ANDERE = "andere", _("Andere")


class Vorm(models.TextChoices):
    GROEPSAANBOD = "groepsaanbod", _("Groepsaanbod")
    INDIVIDUEEL = "individueel", _("Individueel")
    ONLINE = "online", _("Online")
    AAN_HUIS = "aan-huis", _("Aan huis")


class PrijsCategorie(models.TextChoices):
    GRATIS = "gratis", _("Gratis")
    KANSENTARIEF = "kansentarief", _("Kansentarief / UiTPAS")
    TERUGBETAALD = "terugbetaald", _("Terugbetaald door ziekenfonds")
    KORTING_VT = "korting-vt", _("Korting met verhoogde tegemoetkoming")
    BETALEND = "betalend", _("Betalend")


class Inschrijving(models.TextChoices):
    ZONDER_AFSPRAAK = "zonder-afspraak", _("Zonder afspraak")
    INSCHRIJVEN = "inschrijven", _("Inschrijven")
    OP_AFSPRAAK = "op-afspraak", _("Op afspraak")
    DOORVERWIJZING = "doorverwijzing", _("Doorverwijzing nodig")


class ToegankelijkheidGroep(models.TextChoices):
    """The five B's of the eerstelijnszone Gent; betaalbaar is the price facet."""

    BEGRIJPBAAR = "begrijpbaar", _("Begrijpbaar")
    BESCHIKBAAR = "beschikbaar", _("Beschikbaar")
    BRUIKBAAR = "bruikbaar", _("Bruikbaar")
    BEREIKBAAR = "bereikbaar", _("Bereikbaar")


# Values of the fixed lists that also show in the accessibility block under one of the five B's.
# Each fact is stored once, in its own field (a way to enrol, a form of offer); the offer page
# still lists it where users looked for it before the accessibility entries were merged away.
VIJF_B_OOK = {
    "inschrijving": {Inschrijving.ZONDER_AFSPRAAK: ToegankelijkheidGroep.BESCHIKBAAR},
    "vormen": {Vorm.AAN_HUIS: ToegankelijkheidGroep.BEREIKBAAR},
}


class VertalingTaal(models.TextChoices):
    """Languages a partner can translate an offer's key texts into (AanbodVertaling). The four
    of the public site first, then the languages Ghent's caregivers meet most. ISO 639 codes,
    as the Taal vocabulary's slugs."""

    FR = "fr", "Frans"
    EN = "en", "Engels"
    AR = "ar", "Arabisch"
    TR = "tr", "Turks"
    BG = "bg", "Bulgaars"
    DE = "de", "Duits"
    ES = "es", "Spaans"
    FA = "fa", "Perzisch (Farsi)"
    PRS = "prs", "Dari"
    PL = "pl", "Pools"
    PS = "ps", "Pasjtoe"
    RO = "ro", "Roemeens"
    RU = "ru", "Russisch"
    SK = "sk", "Slovaaks"
    SO = "so", "Somalisch"
    TI = "ti", "Tigrinya"
    UK = "uk", "Oekraïens"


# The public site's languages besides Dutch: vocabulary labels have a translation for each.
LABEL_TALEN = ("fr", "en", "ar", "tr")


def label_taal(code):
    """A page language as a key of LABEL_TALEN ("fr-be" -> "fr"); None for Dutch or unknown."""
    code = (code or "").split("-")[0].lower()
    return code if code in LABEL_TALEN else None


# Languages written right to left: their texts get dir="rtl".
RECHTS_NAAR_LINKS = frozenset({"ar", "fa", "prs", "ps"})
