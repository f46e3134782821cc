from django.db import models


class ImportStatus(models.TextChoices):
    GECONTROLEERD = "gecontroleerd", "Klaar om toe te passen"
    FOUTEN = "fouten", "Met fouten: niets toegepast"
    BEZIG = "bezig", "Bezig"
    KLAAR = "klaar", "Toegepast"
    MISLUKT = "mislukt", "Mislukt: niets toegepast"


class Actie(models.TextChoices):
    NIEUW = "nieuw", "Nieuw"
    WIJZIGEN = "wijzigen", "Wijzigen"
    ONGEWIJZIGD = "ongewijzigd", "Ongewijzigd"
