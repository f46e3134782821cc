"""One request to an organisation's partners to confirm that one offer still holds: what was
mailed when, who was reminded or told, and whether its "Klopt nog" link was used. The daily
command (aanbod_nakijken) reads and writes these rows only, so running it twice sends nothing
twice, and every step stays auditable."""

from django.db import models
from django.db.models import Q


class NakijkverzoekQuerySet(models.QuerySet):
    def open(self):
        """Still waiting: the link was not used and the offer was not checked another way."""
        return self.filter(bevestigd_op__isnull=True, afgesloten_op__isnull=True)


class Nakijkverzoek(models.Model):
    aanbod = models.ForeignKey(
        "aanbod.AanbodPage", on_delete=models.CASCADE, related_name="nakijkverzoeken"
    )
    # The organisation whose partners were mailed (the offer's parent at that moment).
    organisatie = models.ForeignKey(
        "aanbod.OrganisatiePage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # laatst_nagekeken when the request was made: a later date means it was checked meanwhile.
    nagekeken_toen = models.DateField(null=True, blank=True)
    verstuurd_op = models.DateField("verstuurd op", db_index=True)
    ontvangers = models.JSONField(default=list, blank=True)
    herinnerd_op = models.DateField("herinnering op", null=True, blank=True)
    coordinator_verwittigd_op = models.DateField("coördinator verwittigd op", null=True, blank=True)
    # The link works up to and including this day (a reminder moves it on).
    geldig_tot = models.DateField("link geldig tot")
    bevestigd_op = models.DateTimeField("'klopt nog' op", null=True, blank=True)
    afgesloten_op = models.DateField("afgesloten op", null=True, blank=True)
    afgesloten_reden = models.CharField(max_length=100, blank=True)

    objects = NakijkverzoekQuerySet.as_manager()

    class Meta:
        verbose_name = "nakijkverzoek"
        verbose_name_plural = "nakijkverzoeken"
        ordering = ["-verstuurd_op", "-pk"]
        constraints = [
            # At most one open request per offer: the command can never mail an offer twice.
            models.UniqueConstraint(
                fields=["aanbod"],
                condition=Q(bevestigd_op__isnull=True, afgesloten_op__isnull=True),
                name="nakijken_een_open_verzoek_per_aanbod",
            )
        ]

    def __str__(self):
        return f"Nakijken: {self.aanbod_id} ({self.verstuurd_op})"
