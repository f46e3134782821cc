from django.core.exceptions import ValidationError
from django.db import models

from schrijfhulp.woorden import Ambtelijk


class AmbtelijkWoord(models.Model):
    """A word or phrase of officialese ("teneinde", "ten behoeve van") the writing help flags in
    offers, with a plainer alternative. Coordinators keep the list; partners only see the hints."""

    woord = models.CharField(
        "woord of uitdrukking",
        max_length=60,
        unique=True,
        help_text="Bijvoorbeeld ‘teneinde’ of ‘ten behoeve van’. Vormen als ‘psychosociale’ of "
        "‘trachtte’ worden vanzelf mee herkend.",
    )
    zeg_liever = models.CharField(
        "zeg liever",
        max_length=120,
        blank=True,
        help_text="Een gewoner woord, bijvoorbeeld ‘om’. Leeg: de schrijver krijgt de raad het "
        "woord uit te leggen of een ander woord te kiezen.",
    )

    class Meta:
        ordering = ["woord"]
        verbose_name = "ambtelijk woord"
        verbose_name_plural = "ambtelijke woorden"

    def __str__(self):
        return f"{self.woord} → {self.zeg_liever}" if self.zeg_liever else self.woord

    def save(self, *args, **kwargs):
        self.woord = " ".join(self.woord.lower().split())
        super().save(*args, **kwargs)

    def clean(self):
        self.woord = " ".join(self.woord.lower().split())
        if not any(teken.isalpha() for teken in self.woord):
            raise ValidationError({"woord": "Vul een woord in."})
        dubbel = AmbtelijkWoord.objects.filter(woord=self.woord).exclude(pk=self.pk)
        if dubbel.exists():
            raise ValidationError({"woord": "Dit woord staat al in de lijst."})

    @classmethod
    def als_lijst(cls):
        return [
            Ambtelijk(woord, zeg_liever)
            for woord, zeg_liever in cls.objects.values_list("woord", "zeg_liever")
        ]
