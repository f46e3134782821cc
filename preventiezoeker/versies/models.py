from django.db import models


class Versie(models.Model):
    """One shared change counter per name (see preventiezoeker/versies/__init__.py)."""

    naam = models.CharField(max_length=60, primary_key=True)
    nummer = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "versie"
        verbose_name_plural = "versies"

    def __str__(self):
        return f"{self.naam} {self.nummer}"
