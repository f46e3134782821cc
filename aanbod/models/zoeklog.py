from django.db import models
from django.db.models import F


class ZoekStatistiek(models.Model):
    """How often a search was done on a day, and how many results it had.

    Aggregated counts only: no IP, no user, no session."""

    dag = models.DateField()
    woorden = models.CharField(max_length=200, blank=True)
    filters = models.CharField(max_length=500, blank=True)
    aantal = models.PositiveIntegerField("aantal keer", default=0)
    resultaten = models.PositiveIntegerField("resultaten (laatste keer)", default=0)
    zonder_resultaat = models.PositiveIntegerField("keer zonder resultaat", default=0)

    class Meta:
        verbose_name = "zoekopdracht"
        verbose_name_plural = "zoekstatistiek"
        constraints = [
            models.UniqueConstraint(fields=["dag", "woorden", "filters"], name="uniek_per_dag")
        ]
        ordering = ["-dag", "-aantal"]

    def __str__(self):
        return f"{self.dag}: {self.woorden or '(geen woorden)'} {self.filters}".strip()

    @classmethod
    def tel(cls, dag, woorden, filters, resultaten):
        row, _created = cls.objects.get_or_create(
            dag=dag, woorden=woorden[:200], filters=filters[:500]
        )
        cls.objects.filter(pk=row.pk).update(
            aantal=F("aantal") + 1,
            resultaten=resultaten,
            zonder_resultaat=F("zonder_resultaat") + (1 if resultaten == 0 else 0),
        )
