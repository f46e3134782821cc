"""Editable vocabularies: the coordinator keeps labels up to date, partners pick from them.

Slugs are stable: they appear in URLs, in the search index and in exports.
"""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from aanbod.enums import ToegankelijkheidGroep


class Vocabularium(index.Indexed, models.Model):
    label = models.CharField("naam", max_length=120, unique=True)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="Vaste code in links en in de zoekindex. Verander die liefst niet.",
    )

    panels = [FieldPanel("label"), FieldPanel("slug")]
    search_fields = [index.SearchField("label"), index.AutocompleteField("label")]

    class Meta:
        abstract = True
        ordering = ["label"]

    def __str__(self):
        return self.label


class Thema(Vocabularium):
    """A health theme, e.g. mondzorg. Every offer has at least one."""

    uitleg = models.CharField(
        max_length=255, blank=True, help_text="Eén zin in eenvoudige taal voor bewoners."
    )
    panels = [*Vocabularium.panels, FieldPanel("uitleg")]

    class Meta(Vocabularium.Meta):
        verbose_name = "thema"
        verbose_name_plural = "thema's"


class Wijk(Vocabularium):
    """One of the 25 official districts of Ghent."""

    class Meta(Vocabularium.Meta):
        verbose_name = "wijk"
        verbose_name_plural = "wijken"


class Doelgroep(Vocabularium):
    """Who an offer is meant for."""

    class Meta(Vocabularium.Meta):
        verbose_name = "doelgroep"
        verbose_name_plural = "doelgroepen"


class Taal(Vocabularium):
    """A language in which an offer is given; the slug is the ISO 639 code."""

    class Meta(Vocabularium.Meta):
        verbose_name = "taal"
        verbose_name_plural = "talen"


class Toegankelijkheid(Vocabularium):
    """An accessibility feature, grouped by the five B's of the eerstelijnszone Gent."""

    groep = models.CharField(max_length=20, choices=ToegankelijkheidGroep.choices)
    panels = [FieldPanel("groep"), *Vocabularium.panels]

    class Meta(Vocabularium.Meta):
        verbose_name = "toegankelijkheid"
        verbose_name_plural = "toegankelijkheid"
        ordering = ["groep", "label"]
