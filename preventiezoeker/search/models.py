from django.db import models


class IndexTaak(models.Model):
    """A pending index change. Written in the same transaction as the content change, removed
    once a writer applied it: no update is lost when another process holds the index lock."""

    bron = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "indextaak"
        verbose_name_plural = "indextaken"
        indexes = [models.Index(fields=["bron", "object_id"])]

    def __str__(self):
        return f"{self.bron} {self.object_id}"


class ZoekindexHerbouw(models.Model):
    """The one rebuild of the whole deployment (a single row): a process takes it with a
    conditional UPDATE, so two workers that find a damaged index start one rebuild. A holder
    that stopped beating (killed worker) may be taken over. The admin page reads its progress."""

    NOOIT, BEZIG, KLAAR, MISLUKT = "", "bezig", "klaar", "mislukt"
    STATUSSEN = [(NOOIT, "nooit"), (BEZIG, "bezig"), (KLAAR, "klaar"), (MISLUKT, "mislukt")]

    status = models.CharField(max_length=10, choices=STATUSSEN, blank=True, default=NOOIT)
    eigenaar = models.CharField(max_length=100, blank=True)  # host:pid:token of the holder
    door = models.CharField(max_length=150, blank=True)  # who asked: a user or "automatisch"
    gestart = models.DateTimeField(null=True, blank=True)
    hartslag = models.DateTimeField(null=True, blank=True)
    klaar = models.DateTimeField(null=True, blank=True)
    gedaan = models.PositiveIntegerField(default=0)
    totaal = models.PositiveIntegerField(default=0)
    fout = models.TextField(blank=True)

    class Meta:
        verbose_name = "herbouw van de zoekindex"
        verbose_name_plural = "herbouwen van de zoekindex"

    def __str__(self):
        return f"herbouw {self.status or 'nooit'}"
