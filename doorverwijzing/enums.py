"""Fixed lists for referrals: they follow the gezondheidsgidsen project, not editors."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Taak(models.TextChoices):
    """The six task types of a gezondheidsgids (Stad Gent, project Gezondheidsgidsen). Labels
    through gettext: the public request form shows them (the admin stays Dutch)."""

    TOELEIDEN_ZORG = "toeleiden-zorg", _("Toeleiden naar gezondheids- en welzijnszorg")
    TOELEIDEN_LEEFSTIJL = "toeleiden-leefstijl", _("Toeleiden naar laagdrempelig leefstijlaanbod")
    ONDERSTEUNING = "ondersteuning", _("Ondersteuning bij het gebruik van zorg")
    GEZONDHEIDSGEDRAG = "gezondheidsgedrag", _("Gezond gedrag bespreekbaar maken")
    SIGNALEREN = "signaleren", _("Drempels en ongelijkheid signaleren")
    HUISBEZOEK = "huisbezoek", _("Huisbezoek of opvolging bij eenzaamheid")


class Dringendheid(models.TextChoices):
    DEZE_WEEK = "deze-week", _("Deze week")
    BINNEN_MAAND = "binnen-maand", _("Binnen de maand")
    GEEN_HAAST = "geen-haast", _("Geen haast")


class Status(models.TextChoices):
    NIEUW = "nieuw", "Nieuw"
    GEKOPPELD = "gekoppeld", "Gekoppeld aan een gezondheidsgids"
    AFGEROND = "afgerond", "Afgerond"
    NIET_GELUKT = "niet-gelukt", "Niet gelukt"


# Which status may follow which: the coordinator cannot skip "gekoppeld" to close a success.
OVERGANGEN = {
    Status.NIEUW: {Status.GEKOPPELD, Status.NIET_GELUKT},
    Status.GEKOPPELD: {Status.AFGEROND, Status.NIET_GELUKT, Status.NIEUW},
    Status.AFGEROND: set(),
    Status.NIET_GELUKT: {Status.NIEUW},
}


class Soort(models.TextChoices):
    """What was counted for an offer."""

    FICHE = "fiche", "Doorverwijsfiche geopend om te printen"
    GEDEELD = "gedeeld", "Selectie gedeeld als link"
    GEMAILD = "gemaild", "Selectie gemaild"
    GIDS = "gids", "Gezondheidsgids aangevraagd"


class MeldingStatus(models.TextChoices):
    """Where a 'Klopt er iets niet?' report stands: taken on, then solved or found unneeded."""

    NIEUW = "nieuw", "Nieuw"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    OPGELOST = "opgelost", "Opgelost"
    NIET_NODIG = "niet_nodig", "Niet nodig"


# Closed reports stay closed: a new problem is a new report, so the reporter's mail and the
# offer's check date never happen twice for one report.
MELDING_OVERGANGEN = {
    MeldingStatus.NIEUW: (
        MeldingStatus.IN_BEHANDELING,
        MeldingStatus.OPGELOST,
        MeldingStatus.NIET_NODIG,
    ),
    MeldingStatus.IN_BEHANDELING: (MeldingStatus.OPGELOST, MeldingStatus.NIET_NODIG),
    MeldingStatus.OPGELOST: (),
    MeldingStatus.NIET_NODIG: (),
}
MELDING_AFGEHANDELD = (MeldingStatus.OPGELOST, MeldingStatus.NIET_NODIG)
