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
        # The coordinator's figures (cijfers/vraag) group a period's rows by words: with the
        # counts in the index that reads no table rows (2-4x faster at 500,000 rows).
        indexes = [
            models.Index(
                fields=["dag", "woorden", "filters", "aantal", "zonder_resultaat"],
                name="zoekstatistiek_telt",
            )
        ]
        ordering = ["-dag", "-aantal"]

    def __str__(self):
        return f"{self.dag}: {self.woorden or '(geen woorden)'} {self.filters}".strip()


class ZoekTelling(models.Model):
    """Per day: all searches, and the searches per filter ("thema=beweging"), counted by
    aanbod.statistiek.tel() beside ZoekStatistiek.

    The coordinator's figures read these few hundred rows a day instead of splitting every
    filter string of the log. Aggregated counts only, like ZoekStatistiek."""

    dag = models.DateField()
    # "*" every search, "*zonder-woorden", "*overige" (past the day's limit), or "facet=value".
    sleutel = models.CharField(max_length=120)
    aantal = models.PositiveIntegerField("aantal keer", default=0)
    zonder_resultaat = models.PositiveIntegerField("keer zonder resultaat", default=0)

    class Meta:
        verbose_name = "zoektelling per dag"
        verbose_name_plural = "zoektellingen per dag"
        constraints = [
            models.UniqueConstraint(fields=["dag", "sleutel"], name="een_zoektelling_per_dag")
        ]

    def __str__(self):
        return f"{self.dag}: {self.sleutel} {self.aantal}"
