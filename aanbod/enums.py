"""Fixed lists: these change with the law or the product, not with editors."""

from django.db import models


class OrganisatieSoort(models.TextChoices):
    WIJKGEZONDHEIDSCENTRUM = "wijkgezondheidscentrum", "Wijkgezondheidscentrum"
    ZIEKENFONDS = "ziekenfonds", "Ziekenfonds"
    STADSDIENST = "stadsdienst", "Stadsdienst"
    LOKAAL_DIENSTENCENTRUM = "lokaal-dienstencentrum", "Lokaal dienstencentrum"
    CAW = "caw", "Centrum Algemeen Welzijnswerk (CAW)"
    CGG = "cgg", "Centrum Geestelijke Gezondheidszorg (CGG)"
    CLB = "clb", "Centrum voor Leerlingenbegeleiding (CLB)"
    VERENIGING = "vereniging", "Vereniging of vzw"
    ZELFSTANDIGE = "zelfstandige", "Zelfstandige zorgverlener"
    ZIEKENHUIS = "ziekenhuis", "Ziekenhuis"
    HUISARTSENPRAKTIJK = "huisartsenpraktijk", "Huisartsenpraktijk"
    LOGO = "logo", "Logo (gezondheidsoverleg)"
    ANDERE = "andere", "Andere"


class Vorm(models.TextChoices):
    GROEPSAANBOD = "groepsaanbod", "Groepsaanbod"
    INDIVIDUEEL = "individueel", "Individueel"
    ONLINE = "online", "Online"
    AAN_HUIS = "aan-huis", "Aan huis"


class PrijsCategorie(models.TextChoices):
    GRATIS = "gratis", "Gratis"
    KANSENTARIEF = "kansentarief", "Kansentarief / UiTPAS"
    TERUGBETAALD = "terugbetaald", "Terugbetaald door ziekenfonds"
    KORTING_VT = "korting-vt", "Korting met verhoogde tegemoetkoming"
    BETALEND = "betalend", "Betalend"


class Inschrijving(models.TextChoices):
    ZONDER_AFSPRAAK = "zonder-afspraak", "Zonder afspraak"
    INSCHRIJVEN = "inschrijven", "Inschrijven"
    OP_AFSPRAAK = "op-afspraak", "Op afspraak"
    DOORVERWIJZING = "doorverwijzing", "Doorverwijzing nodig"


class ToegankelijkheidGroep(models.TextChoices):
    """The five B's of the eerstelijnszone Gent; betaalbaar is the price facet."""

    BEGRIJPBAAR = "begrijpbaar", "Begrijpbaar"
    BESCHIKBAAR = "beschikbaar", "Beschikbaar"
    BRUIKBAAR = "bruikbaar", "Bruikbaar"
    BEREIKBAAR = "bereikbaar", "Bereikbaar"


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
