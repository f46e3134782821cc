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
