"""Help lines shown above the search results when someone searches for a crisis word."""

import re

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import get_language

from wagtail.admin.panels import FieldPanel

from aanbod.enums import RECHTS_NAAR_LINKS, label_taal
from aanbod.models.vocabularies import _vertaald_veld, vertaald, vertaling_panel
from preventiezoeker.search.text import exact_tokens, word_forms

# Words of a query looked at: a crisis word sits in the first few words people type.
MAX_WOORDEN = 40
# The Dutch stemmer conflates these with a crisis word ("geweldig" → "geweld"): never a crisis.
GEEN_CRISIS = frozenset({"geweldig", "geweldige", "geweldiger", "geweldigst", "geweldigste"})


class Hulplijn(models.Model):
    """A help line (Zelfmoordlijn 1813, Tele-Onthaal 106, 1712, 112) and the crisis words it is
    for. Coordinators keep both; a search with one of the words shows the line in a calm box
    above the results, whatever the results."""

    naam = models.CharField("naam", max_length=80)
    naam_fr = _vertaald_veld("naam", "fr", 80)
    naam_en = _vertaald_veld("naam", "en", 80)
    naam_ar = _vertaald_veld("naam", "ar", 80)
    naam_tr = _vertaald_veld("naam", "tr", 80)
    nummer = models.CharField(
        "telefoonnummer",
        max_length=30,
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 ./-]{1,28}$",
                "Geef een telefoonnummer met alleen cijfers, spaties, punten of streepjes.",
            )
        ],
        help_text="Zoals mensen het bellen, bijvoorbeeld 1813 of 09 123 45 67.",
    )
    tekst = models.CharField(
        "uitleg",
        max_length=200,
        help_text="Eén korte, rustige zin: voor wie is deze lijn, en wanneer kan je bellen?",
    )
    tekst_fr = _vertaald_veld("uitleg", "fr", 200)
    tekst_en = _vertaald_veld("uitleg", "en", 200)
    tekst_ar = _vertaald_veld("uitleg", "ar", 200)
    tekst_tr = _vertaald_veld("uitleg", "tr", 200)
    link = models.URLField("website", blank=True)
    woorden = models.TextField(
        "crisiswoorden",
        blank=True,
        help_text=(
            "Bij welke zoekwoorden deze hulplijn verschijnt, met komma's ertussen. Hoofdletters, "
            "accenten en meervouden maken niet uit. Zet er ook woorden in andere talen bij "
            "(suicide, انتحار, intihar). Leeg: de hulplijn verschijnt bij elk crisiswoord van "
            "de andere hulplijnen (zoals 112)."
        ),
    )
    volgorde = models.PositiveSmallIntegerField(
        "volgorde", default=0, help_text="Kleinste getal eerst."
    )

    panels = [
        FieldPanel("naam"),
        FieldPanel("nummer"),
        FieldPanel("tekst"),
        vertaling_panel("naam", "Naam in andere talen"),
        vertaling_panel("tekst", "Uitleg in andere talen"),
        FieldPanel("link"),
        FieldPanel("woorden"),
        FieldPanel("volgorde"),
    ]

    class Meta:
        verbose_name = "hulplijn"
        verbose_name_plural = "hulplijnen (crisiswoorden)"
        ordering = ["volgorde", "naam"]

    def __str__(self):
        return f"{self.naam} ({self.nummer})"

    def in_taal(self, code):
        """Name and explanation in language `code` (Dutch where not translated), each with the
        language it is really in, so a Dutch fallback gets lang="nl" on an Arabic page."""
        taal = label_taal(code)
        delen = {}
        for veld in ("naam", "tekst"):
            eigen = getattr(self, f"{veld}_{taal}", "") if taal else ""
            echt = taal if eigen else "nl"
            delen[veld] = {
                "tekst": vertaald(self, veld, code),
                "taal": echt,
                "dir": "rtl" if echt in RECHTS_NAAR_LINKS else "ltr",
            }
        return delen

    @property
    def weergave(self):
        """in_taal() for the language of the current page."""
        return self.in_taal(get_language())

    @property
    def tel(self):
        """The number for a tel: link: digits and a leading +."""
        return re.sub(r"(?!^\+)[^0-9]", "", self.nummer)

    @property
    def link_tekst(self):
        """The website as people say it: zelfmoord1813.be."""
        return re.sub(r"^https?://(www\.)?", "", self.link).rstrip("/")

    @property
    def woorden_lijst(self):
        return [w.strip() for w in self.woorden.split(",") if w.strip()]

    @classmethod
    def voor_zoekopdracht(cls, text):
        """The lines to show for what someone typed: those whose crisis words occur in it, plus
        the lines without words (112), in their order; [] when no crisis word occurs."""
        words = [w for w in exact_tokens(str(text or ""))[:MAX_WOORDEN] if w not in GEEN_CRISIS]
        if not words:
            return []
        forms = [word_forms(w) for w in words]
        lines = list(cls.objects.all())
        hits = {
            line.pk
            for line in lines
            if any(_komt_voor(woord, forms) for woord in line.woorden_lijst)
        }
        if not hits:
            return []
        return [line for line in lines if line.pk in hits or not line.woorden_lijst]


def _komt_voor(woord, forms):
    """Whether a crisis word or phrase occurs in the query's (stem, exact) forms: each of its
    words, one after the other, equal in folded form or stem ("zelfmoorden" = "zelfmoord")."""
    own = [word_forms(w) for w in exact_tokens(woord)]
    if not own:
        return False
    for start in range(len(forms) - len(own) + 1):
        if all(_gelijk(o, q) for o, q in zip(own, forms[start : start + len(own)], strict=True)):
            return True
    return False


def _gelijk(own, query):
    (own_stem, own_exact), (query_stem, query_exact) = own, query
    return own_exact == query_exact or (own_stem is not None and own_stem == query_stem)
