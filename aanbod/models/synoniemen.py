from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Synoniem(index.Indexed, models.Model):
    """A lay word people type, and the words offers use for it ("tanden" → mondzorg, tandarts).

    Edits take effect on the next search, without a restart."""

    term = models.CharField(
        "zoekwoord",
        max_length=80,
        unique=True,
        help_text="Wat mensen typen, bijvoorbeeld: stoppen met roken.",
    )
    uitbreidingen = models.TextField(
        "vindt ook",
        help_text="Woorden of woordgroepen die ook gevonden moeten worden, met komma's ertussen.",
    )
    gewijzigd = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("term"), FieldPanel("uitbreidingen")]
    search_fields = [index.SearchField("term"), index.SearchField("uitbreidingen")]

    class Meta:
        verbose_name = "synoniem"
        verbose_name_plural = "synoniemen"
        ordering = ["term"]

    def __str__(self):
        return self.term

    @property
    def lijst(self):
        return [part.strip() for part in self.uitbreidingen.split(",") if part.strip()]
