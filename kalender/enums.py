"""Fixed lists of the calendar."""

from django.db import models


class Herhaling(models.TextChoices):
    GEEN = "", "Niet: alleen de losse data hieronder"
    WEKELIJKS = "wekelijks", "Elke week"
    TWEEWEKELIJKS = "tweewekelijks", "Om de twee weken"
    MAANDELIJKS = "maandelijks", "Elke maand op dezelfde weekdag (bv. de 2de dinsdag)"


class Weergave(models.TextChoices):
    LIJST = "lijst", "Lijst"
    MAAND = "maand", "Maand"


class Periode(models.TextChoices):
    VANDAAG = "vandaag", "Vandaag"
    DEZE_WEEK = "deze-week", "Deze week"
    DIT_WEEKEND = "dit-weekend", "Dit weekend"
    DEZE_MAAND = "deze-maand", "Deze maand"
    VOLGENDE_MAAND = "volgende-maand", "Volgende maand"
