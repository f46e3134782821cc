"""Editable vocabularies: the coordinator keeps labels up to date, partners pick from them.

Slugs are stable: they appear in URLs, in the search index and in exports. Labels have a
Dutch original and, for the public site's other languages, a translation each (blank: Dutch).
"""

from django.db import models
from django.utils.translation import get_language

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from aanbod.enums import LABEL_TALEN, ToegankelijkheidGroep, label_taal

# label_<code> per language of LABEL_TALEN (uitleg_<code> for Thema).
TAALNAMEN = {"fr": "Frans", "en": "Engels", "ar": "Arabisch", "tr": "Turks"}


def _vertaald_veld(naam, code, max_length):
    return models.CharField(f"{naam} ({TAALNAMEN[code]})", max_length=max_length, blank=True)


def vertaling_panel(naam, heading):
    return MultiFieldPanel(
        [FieldPanel(f"{naam}_{code}") for code in LABEL_TALEN],
        heading=heading,
        help_text="Leeg laten: de site toont dan de Nederlandse tekst.",
    )


class Vocabularium(index.Indexed, models.Model):
    label = models.CharField("naam", max_length=120, unique=True)
    label_fr = _vertaald_veld("naam", "fr", 120)
    label_en = _vertaald_veld("naam", "en", 120)
    label_ar = _vertaald_veld("naam", "ar", 120)
    label_tr = _vertaald_veld("naam", "tr", 120)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="Vaste code in links en in de zoekindex. Verander die liefst niet.",
    )

    panels = [
        FieldPanel("label"),
        vertaling_panel("label", "Naam in andere talen"),
        FieldPanel("slug"),
    ]
    search_fields = [index.SearchField("label"), index.AutocompleteField("label")]

    class Meta:
        abstract = True
        ordering = ["label"]

    def __str__(self):
        return self.label

    def label_in(self, code):
        """The label in language `code`, the Dutch label when it has no translation."""
        return vertaald(self, "label", code)

    @property
    def weergave(self):
        """The label in the language of the current page (get_language())."""
        return self.label_in(get_language())


def vertaald(obj, naam, code):
    """obj.<naam>_<code> if filled in, else obj.<naam> (the Dutch text)."""
    taal = label_taal(code)
    eigen = getattr(obj, f"{naam}_{taal}", "") if taal else ""
    return eigen or getattr(obj, naam)


class Thema(Vocabularium):
    """A health theme, e.g. mondzorg. Every offer has at least one."""

    uitleg = models.CharField(
        max_length=255, blank=True, help_text="Eén zin in eenvoudige taal voor bewoners."
    )
    uitleg_fr = _vertaald_veld("uitleg", "fr", 255)
    uitleg_en = _vertaald_veld("uitleg", "en", 255)
    uitleg_ar = _vertaald_veld("uitleg", "ar", 255)
    uitleg_tr = _vertaald_veld("uitleg", "tr", 255)
    panels = [
        *Vocabularium.panels,
        FieldPanel("uitleg"),
        vertaling_panel("uitleg", "Uitleg in andere talen"),
    ]

    class Meta(Vocabularium.Meta):
        verbose_name = "thema"
        verbose_name_plural = "thema's"

    @property
    def uitleg_weergave(self):
        return vertaald(self, "uitleg", get_language())


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
