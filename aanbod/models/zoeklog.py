from django.db import models


class ZoekStatistiek(models.Model):
    """How often a search was done on a day, and how many results it had.

    Aggregated counts only: no IP, no user, no session. Counted by aanbod.statistiek.tel()."""

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
