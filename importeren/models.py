from django.conf import settings
from django.db import models

from .enums import ImportStatus


class ImportTaak(models.Model):
    """One uploaded spreadsheet: its rows, the dry run's outcome and, once applied, the pages it
    made. Only its uploader sees it (views.py)."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # The organisation chosen at upload, for rows without an "organisatie" column value.
    organisatie = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    bestandsnaam = models.CharField(max_length=255)
    aangemaakt = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=20, choices=ImportStatus.choices)
    # [[row number, {header: cell}]]: re-checked when applied, the file itself is not kept.
    rijen = models.JSONField(default=list)
    # The dry run, as shown: [{rij, actie, titel, id, wijzigingen: [[kop, oud, nieuw]]}].
    plan = models.JSONField(default=list)
    fouten = models.JSONField(default=list)  # [{rij, kolom, melding}]
    totaal = models.PositiveIntegerField(default=0)
    verwerkt = models.PositiveIntegerField(default=0)
    gestart = models.DateTimeField(null=True, blank=True)
    klaar = models.DateTimeField(null=True, blank=True)
    melding = models.TextField(blank=True)  # why applying failed
    nieuw_ids = models.JSONField(default=list)
    gewijzigd_ids = models.JSONField(default=list)

    class Meta:
        verbose_name = "import"
        verbose_name_plural = "imports"
        ordering = ["-aangemaakt", "-pk"]

    def __str__(self):
        return self.bestandsnaam

    @property
    def kan_toepassen(self):
        return self.status == ImportStatus.GECONTROLEERD
